// a simulated cloud provider's load balancers, driven by the service controller of
// k8s.io/cloud-provider (controllers/service): a LoadBalancer Service without a
// loadBalancerClass gets the cleanup finalizer, an "Ensuring load balancer" event, and a moment
// later an external IP from a pool inside kind's docker network (where cloud-provider-kind or
// MetalLB would take them), so the learner's machine can reach it. the IP goes back to the pool
// when the Service is deleted or stops being a LoadBalancer.

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { clone } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Service } from '../api/types.ts';
import { keyOf, splitKey, WorkQueue, type Controller } from './controller.ts';

export const LB_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
const COMPONENT = { component: 'service-controller' };

/** the addresses the simulated provider hands out: 172.18.255.200 to 172.18.255.250 */
export const LB_POOL = { first: '172.18.255.200', last: '172.18.255.250' };
/** how long the provider takes to bring a load balancer up */
export const LB_PROVISION_MS = 2000;

const toNumber = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
const isV4 = (ip: string): boolean => /^(\d{1,3})(\.\d{1,3}){3}$/.test(ip) && ip.split('.').every((o) => Number(o) <= 255);

/** wantsLoadBalancer: type LoadBalancer, and no other implementation named in loadBalancerClass */
export const wantsLoadBalancer = (svc: Service): boolean =>
  svc.spec.type === 'LoadBalancer' && svc.spec.loadBalancerClass === undefined;

const hasFinalizer = (svc: Service): boolean => (svc.metadata.finalizers ?? []).includes(LB_CLEANUP_FINALIZER);

/** needsCleanup: the finalizer is there, and the Service is going away or is no LoadBalancer any more */
const needsCleanup = (svc: Service): boolean =>
  hasFinalizer(svc) && (svc.metadata.deletionTimestamp !== undefined || svc.spec.type !== 'LoadBalancer');

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** what a load balancer in flight or in place is made of */
interface Balancer {
  uid: string;
  ip: string | null;
  /** a provisioning call is under way */
  busy: boolean;
  /** another sync was asked for while busy */
  again: boolean;
}

export interface LoadBalancerOptions {
  /** runs `fn` after `ms` of cluster time */
  schedule: (ms: number, fn: () => void) => void;
}

export class ServiceLoadBalancerController implements Controller {
  readonly name = 'service-controller';
  private queue = new WorkQueue();
  private balancers = new Map<string, Balancer>();
  private taken = new Map<string, string>();
  /** Services that found the pool empty: tried again when an address comes free */
  private starved = new Set<string>();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    private readonly options: LoadBalancerOptions,
  ) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    if (event.resource !== 'services') return;
    const svc = event.object as Service;
    const key = keyOf(svc.metadata.namespace, svc.metadata.name!);
    if (event.type === 'ADDED') {
      if (wantsLoadBalancer(svc) || needsCleanup(svc)) this.queue.add(key);
    } else if (event.type === 'MODIFIED') {
      if (this.needsUpdate(event.old as Service, svc) || needsCleanup(svc)) this.queue.add(key);
    } else if (this.balancers.has(key)) {
      // a Service removed without the finalizer's help (it never got one): free what it held
      this.queue.add(key);
    }
  }

  syncAll(): void {
    for (const key of this.queue.drain()) this.sync(key);
  }

  /** the service controller's needsUpdate, with the events it records on the way */
  private needsUpdate(old: Service, svc: Service): boolean {
    const record = (reason: string, message: string) => this.events.record(svc, 'Normal', reason, message, COMPONENT);
    if (!wantsLoadBalancer(old) && !wantsLoadBalancer(svc)) return false;
    if (wantsLoadBalancer(old) !== wantsLoadBalancer(svc)) {
      record('Type', `${old.spec.type ?? ''} -> ${svc.spec.type ?? ''}`);
      return true;
    }
    if (!same(old.spec.loadBalancerSourceRanges, svc.spec.loadBalancerSourceRanges)) {
      record(
        'LoadBalancerSourceRanges',
        `${goList(old.spec.loadBalancerSourceRanges)} -> ${goList(svc.spec.loadBalancerSourceRanges)}`,
      );
      return true;
    }
    const ports = (s: Service) =>
      (s.spec.ports ?? []).map((p) => [p.name ?? '', p.protocol, p.port, p.nodePort ?? 0, p.targetPort, p.appProtocol]);
    if (!same(ports(old), ports(svc)) || old.spec.sessionAffinity !== svc.spec.sessionAffinity) return true;
    if (!same(old.spec.sessionAffinityConfig, svc.spec.sessionAffinityConfig)) return true;
    if ((old.spec.loadBalancerIP ?? '') !== (svc.spec.loadBalancerIP ?? '')) {
      record('LoadbalancerIP', `${old.spec.loadBalancerIP ?? ''} -> ${svc.spec.loadBalancerIP ?? ''}`);
      return true;
    }
    const [was, now] = [old.spec.externalIPs ?? [], svc.spec.externalIPs ?? []];
    if (was.length !== now.length) {
      record('ExternalIP', `Count: ${was.length} -> ${now.length}`);
      return true;
    }
    const added = was.findIndex((ip, i) => ip !== now[i]);
    if (added >= 0) {
      record('ExternalIP', `Added: ${now[added]}`);
      return true;
    }
    if (!same(old.metadata.annotations, svc.metadata.annotations)) return true;
    if ((old.spec.externalTrafficPolicy ?? '') !== (svc.spec.externalTrafficPolicy ?? '')) {
      record('ExternalTrafficPolicy', `${old.spec.externalTrafficPolicy ?? ''} -> ${svc.spec.externalTrafficPolicy ?? ''}`);
      return true;
    }
    if ((old.spec.healthCheckNodePort ?? 0) !== (svc.spec.healthCheckNodePort ?? 0)) {
      record('HealthCheckNodePort', `${old.spec.healthCheckNodePort ?? 0} -> ${svc.spec.healthCheckNodePort ?? 0}`);
      return true;
    }
    const [fa, fb] = [old.spec.ipFamilies?.length ?? 0, svc.spec.ipFamilies?.length ?? 0];
    if (fa !== fb) {
      record('IPFamilies', `Count: ${fa} -> ${fb}`);
      return true;
    }
    return false;
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const svc = this.api.get<Service>('Service', namespace, name);
    const balancer = this.balancers.get(key);
    if (!svc) {
      // deleted outright: nothing to report to, just give the address back
      if (balancer) this.release(key);
      return;
    }
    if (balancer && balancer.uid !== svc.metadata.uid) this.release(key);
    if (!wantsLoadBalancer(svc) || needsCleanup(svc)) this.deleteBalancer(key, svc);
    else this.ensureBalancer(key, svc);
  }

  /** the delete branch of syncLoadBalancerIfNeeded */
  private deleteBalancer(key: string, svc: Service): void {
    const record = (reason: string, message: string) => this.events.record(svc, 'Normal', reason, message, COMPONENT);
    if (this.balancers.has(key)) {
      record('DeletingLoadBalancer', 'Deleting load balancer');
      this.release(key);
    }
    const current = this.removeFinalizer(svc);
    record('DeletedLoadBalancer', 'Deleted load balancer');
    if (current && (current.status?.loadBalancer?.ingress?.length ?? 0) > 0) {
      this.api.writeStatus({ ...clone(current), status: { ...current.status, loadBalancer: {} } });
    }
  }

  /** takes the finalizer off; the object goes once no finalizer is left on a deleted Service */
  private removeFinalizer(svc: Service): Service | undefined {
    const current = this.api.get<Service>('Service', svc.metadata.namespace, svc.metadata.name!);
    if (!current || !hasFinalizer(current)) return current;
    const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== LB_CLEANUP_FINALIZER);
    if (current.metadata.deletionTimestamp && finalizers.length === 0) {
      this.api.finalize(current);
      return undefined;
    }
    const next = clone(current);
    if (finalizers.length > 0) next.metadata.finalizers = finalizers;
    else delete next.metadata.finalizers;
    return this.api.writeStatus(next);
  }

  /** the ensure branch: the event now, the finalizer now, the address once the provider is done */
  private ensureBalancer(key: string, svc: Service): void {
    let balancer = this.balancers.get(key);
    if (balancer?.busy) {
      balancer.again = true;
      return;
    }
    this.events.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', COMPONENT);
    if (!hasFinalizer(svc)) {
      const next = clone(svc);
      next.metadata.finalizers = [...(next.metadata.finalizers ?? []), LB_CLEANUP_FINALIZER];
      this.api.writeStatus(next);
    }
    if (!balancer) this.balancers.set(key, (balancer = { uid: svc.metadata.uid!, ip: null, busy: false, again: false }));
    balancer.busy = true;
    const uid = svc.metadata.uid!;
    this.options.schedule(LB_PROVISION_MS, () => this.provisioned(key, uid));
  }

  /** the provider's answer: an address (kept, or a new one from the pool), or an error */
  private provisioned(key: string, uid: string): void {
    const balancer = this.balancers.get(key);
    if (!balancer || balancer.uid !== uid) return;
    balancer.busy = false;
    const [namespace, name] = splitKey(key);
    const svc = this.api.get<Service>('Service', namespace, name);
    if (!svc || svc.metadata.uid !== uid || !wantsLoadBalancer(svc) || needsCleanup(svc)) {
      this.queue.add(key);
      return;
    }
    const wanted = svc.spec.loadBalancerIP;
    if (balancer.ip && wanted && wanted !== balancer.ip) this.free(balancer);
    if (!balancer.ip) {
      const result = this.allocate(key, wanted);
      if ('error' in result) {
        this.starved.add(key);
        this.events.record(
          svc,
          'Warning',
          'SyncLoadBalancerFailed',
          `Error syncing load balancer: failed to ensure load balancer: ${result.error}`,
          COMPONENT,
        );
        if (balancer.again) this.retry(key, balancer);
        return;
      }
      balancer.ip = result.ip;
      this.starved.delete(key);
    }
    this.events.record(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', COMPONENT);
    const ingress = [{ ip: balancer.ip, ipMode: 'VIP' }];
    if (!same(svc.status?.loadBalancer?.ingress, ingress)) {
      this.api.writeStatus({ ...clone(svc), status: { ...(svc.status ?? {}), loadBalancer: { ingress } } });
    }
    if (balancer.again) this.retry(key, balancer);
  }

  private retry(key: string, balancer: Balancer): void {
    balancer.again = false;
    this.queue.add(key);
  }

  /** the requested address if it is in the pool and free, else the lowest free one; or why not */
  private allocate(key: string, wanted: string | undefined): { ip: string } | { error: string } {
    const [first, last] = [toNumber(LB_POOL.first), toNumber(LB_POOL.last)];
    if (wanted) {
      const n = isV4(wanted) ? toNumber(wanted) : NaN;
      if (!(n >= first && n <= last)) return { error: `"${wanted}" is not allowed in config` };
      const holder = this.taken.get(wanted);
      if (holder && holder !== key) return { error: `can't change sharing key for "${key}", address also in use by ${holder}` };
      this.taken.set(wanted, key);
      return { ip: wanted };
    }
    for (let n = first; n <= last; n++) {
      const ip = toIp(n);
      if (!this.taken.has(ip)) {
        this.taken.set(ip, key);
        return { ip };
      }
    }
    return { error: 'no available IPs' };
  }

  private free(balancer: Balancer): void {
    if (balancer.ip) this.taken.delete(balancer.ip);
    balancer.ip = null;
    // whoever waited for an address may have one now
    for (const key of this.starved) this.queue.add(key);
    this.starved.clear();
  }

  private release(key: string): void {
    const balancer = this.balancers.get(key);
    if (balancer) this.free(balancer);
    this.balancers.delete(key);
    this.starved.delete(key);
  }
}

/** go's %v of a []string: `[a b]`, and `[]` for none */
const goList = (items: string[] | undefined): string => `[${(items ?? []).join(' ')}]`;
