// the Endpoints controller (pkg/controller/endpoint): for every Service with a selector, an
// Endpoints object of the same name listing the selected pods — ready ones under `addresses`,
// the others under `notReadyAddresses` — with each Service port resolved on each pod, packed into
// subsets in the canonical order. selector-less Services are left to whoever writes their
// Endpoints; a deleted Service takes its Endpoints with it.

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { clone, timestamp } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  Endpoints,
  Namespace,
  Pod,
  Service,
  ServicePort,
} from '../api/types.ts';
import type { Random } from '../random.ts';
import { keyOf, splitKey, WorkQueue, type Controller } from './controller.ts';
import { repackSubsets } from './endpoints-subsets.ts';
import { isPodReady } from './replicaset.ts';
import { selectorOf, SelectorIndex, shouldPodBeInEndpoints } from './service-index.ts';
import { TRIGGER_TIME_ANNOTATION, TriggerTimeTracker } from './trigger-time.ts';

export const ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINTS_CONTROLLER_NAME = 'endpoint-controller';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** an Endpoints object lists at most this many addresses; the rest are cut and the object marked */
const MAX_CAPACITY = 1000;

/** helper.IsServiceIPSet */
export const isServiceIPSet = (svc: Service): boolean => !!svc.spec.clusterIP && svc.spec.clusterIP !== 'None';

/**
 * FindPort: a numeric targetPort as it is; a named one is looked up among the containers' ports
 * (and those of sidecar init containers) with the Service port's protocol
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target && (p.protocol ?? 'TCP') === protocol);
    if (found) return found.containerPort;
  }
  for (const c of pod.spec.initContainers ?? []) {
    if ((c as { restartPolicy?: string }).restartPolicy !== 'Always') continue;
    const found = c.ports?.find((p) => p.name === target && (p.protocol ?? 'TCP') === protocol);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** the pod's address in the Service's (first) IP family */
export function podAddressFor(svc: Service, pod: Pod): string | undefined {
  const v6 = (svc.spec.ipFamilies?.[0] ?? 'IPv4') === 'IPv6';
  const ips = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip) : [pod.status?.podIP ?? ''];
  return ips.find((ip) => ip !== '' && ip.includes(':') === v6);
}

/** ShouldSetHostname: a pod with a hostname whose subdomain names this Service */
export const shouldSetHostname = (pod: Pod, svc: Service): boolean =>
  !!pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;

/** plain data with object keys sorted, so key order never counts as a difference */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
  return out;
}

/** targetRef resource versions do not count as a change */
function comparableSubsets(subsets: EndpointSubset[] | undefined): string {
  return JSON.stringify(canonical(subsets ?? []), (k, v: unknown) => (k === 'resourceVersion' ? undefined : v));
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
}

/** truncateEndpoints: past MAX_CAPACITY, keep a proportional share per subset, ready ones first */
function truncate(subsets: EndpointSubset[]): boolean {
  let ready = 0;
  let notReady = 0;
  for (const s of subsets) {
    ready += s.addresses?.length ?? 0;
    notReady += s.notReadyAddresses?.length ?? 0;
  }
  if (ready + notReady <= MAX_CAPACITY) return false;
  const truncateReady = ready > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - ready;
  const total = truncateReady ? ready : notReady;
  let room = max;
  for (const s of subsets) {
    const inSubset = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const share = Math.min(Math.ceil((inSubset / total) * max), room);
    if (truncateReady) {
      if (s.addresses) s.addresses = s.addresses.slice(0, share);
      delete s.notReadyAddresses;
      room -= s.addresses?.length ?? 0;
    } else {
      if (s.notReadyAddresses) s.notReadyAddresses = s.notReadyAddresses.slice(0, share);
      room -= s.notReadyAddresses?.length ?? 0;
    }
  }
  return true;
}

export class EndpointsController implements Controller {
  readonly name = ENDPOINTS_CONTROLLER_NAME;
  private queue = new WorkQueue();
  private triggers = new TriggerTimeTracker();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    /** draws the uids of the Endpoints it creates */
    private readonly random: Random,
    /** which Services select which pods: the cluster shares one with the EndpointSlice controller */
    private readonly index = new SelectorIndex(),
  ) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    const obj = event.object;
    const ns = obj.metadata.namespace ?? '';
    const keys = this.index.keysFor(event);
    if (keys) {
      for (const key of keys) this.queue.add(key);
      return;
    }
    switch (event.resource) {
      case 'endpoints':
        // an Endpoints deleted behind the controller's back comes back
        if (event.type === 'DELETED') this.queue.add(keyOf(ns, obj.metadata.name!));
        return;
    }
  }

  syncAll(): void {
    for (const key of this.queue.drain()) this.sync(key);
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const svc = this.api.get<Service>('Service', namespace, name);
    if (!svc) {
      // the Service is gone: so is the Endpoints of its name, whoever wrote it
      if (this.api.get('Endpoints', namespace, name)) this.api.delete('Endpoints', namespace, name);
      this.triggers.delete(key);
      return;
    }
    if (svc.spec.type === 'ExternalName') return;
    const selector = selectorOf(svc);
    if (!selector) return;
    const pods: Pod[] = [];
    for (const podName of this.index.podsFor(namespace, selector)) {
      const pod = this.api.get<Pod>('Pod', namespace, podName);
      if (pod) pods.push(pod);
    }
    const triggerTime = this.triggers.compute(key, svc, pods);
    const subsets = repackSubsets(this.subsetsFor(svc, pods));

    const current = this.api.get<Endpoints>('Endpoints', namespace, name);
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    delete labels[HEADLESS_LABEL];
    labels[ENDPOINTS_MANAGED_BY] = ENDPOINTS_CONTROLLER_NAME;
    if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
    const over = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0) > MAX_CAPACITY;
    if (
      current &&
      comparableSubsets(current.subsets) === comparableSubsets(subsets) &&
      sameMap(current.metadata.labels, labels) &&
      !over &&
      current.metadata.annotations?.[OVER_CAPACITY] === undefined
    ) {
      return;
    }
    const next: Endpoints = current ? clone(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
    next.metadata.labels = labels;
    const annotations = { ...(next.metadata.annotations ?? {}) };
    if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = timestamp(triggerTime);
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    if (truncate(subsets)) annotations[OVER_CAPACITY] = 'truncated';
    else delete annotations[OVER_CAPACITY];
    if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;
    if (subsets.length > 0) next.subsets = subsets;
    else delete next.subsets;

    const result = current ? this.api.update(next) : this.api.create(next, namespace, { handOver: true, random: this.random });
    if (result.ok) return;
    // a namespace on its way out refuses new objects; nothing to report then
    if (!current && this.api.get<Namespace>('Namespace', undefined, namespace)?.status?.phase === 'Terminating') return;
    const message = current
      ? `Failed to update endpoint ${namespace}/${name}: ${result.error.message}`
      : `Failed to create endpoint for service ${namespace}/${name}: ${result.error.message}`;
    this.events.record(next, 'Warning', current ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint', message, {
      component: ENDPOINTS_CONTROLLER_NAME,
    });
  }

  /** one subset per (pod, port) before packing, as addEndpointSubset builds them */
  private subsetsFor(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
    const subsets: EndpointSubset[] = [];
    const tolerateUnready = svc.spec.publishNotReadyAddresses === true;
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
      const ip = podAddressFor(svc, pod);
      if (!ip) continue;
      const address: EndpointAddress = {
        ip,
        nodeName: pod.spec.nodeName ?? '',
        targetRef: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid! },
      };
      if (shouldSetHostname(pod, svc)) address.hostname = pod.spec.hostname!;
      const ready = tolerateUnready || isPodReady(pod);
      const add = (ports: EndpointPort[] | undefined) =>
        subsets.push(ready ? { addresses: [address], ports: ports ?? [] } : { notReadyAddresses: [address], ports: ports ?? [] });
      const servicePorts = svc.spec.ports ?? [];
      if (servicePorts.length === 0) {
        // a headless Service may have no ports: its addresses stand alone
        if (svc.spec.clusterIP === 'None') add(undefined);
        continue;
      }
      for (const sp of servicePorts) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        const ep: EndpointPort = sp.name
          ? { name: sp.name, port, protocol: sp.protocol ?? 'TCP' }
          : { port, protocol: sp.protocol ?? 'TCP' };
        if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
        add([ep]);
      }
    }
    return subsets;
  }
}
