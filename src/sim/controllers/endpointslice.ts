// the EndpointSlice controller (pkg/controller/endpointslice with k8s.io/endpointslice's
// reconciler): for every Service with a selector, EndpointSlices named `<service>-<suffix>`, owned
// by the Service, holding at most 100 endpoints each, one group of slices per distinct set of
// resolved ports. every selected pod with an IP is listed, ready or not, with its conditions
// (ready, serving, terminating); a Service with no endpoints keeps one empty placeholder slice.
// existing slices are edited in place and left alone when nothing in them changed.

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { clone, ownerReferenceTo, timestamp } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Endpoint, EndpointSlice, EndpointSlicePort, Namespace, Pod, Service } from '../api/types.ts';
import type { Random } from '../random.ts';
import { keyOf, splitKey, WorkQueue, type Controller } from './controller.ts';
import { fnv128a } from './fnv.ts';
import { findPort, HEADLESS_LABEL, isServiceIPSet, podAddressFor, shouldSetHostname } from './endpoints.ts';
import { isPodReady } from './replicaset.ts';
import { selectorOf, SelectorIndex, shouldPodBeInEndpoints } from './service-index.ts';
import { TRIGGER_TIME_ANNOTATION, TriggerTimeTracker } from './trigger-time.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const SLICE_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
/** kube-controller-manager's --max-endpoints-per-slice default */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** what identifies an endpoint across syncs (hashEndpoint): its addresses, hostname and target */
export const endpointKey = (e: Endpoint): string =>
  `${[...e.addresses].sort().join(',')}|${e.hostname ?? ''}|${e.targetRef?.namespace ?? ''}/${e.targetRef?.name ?? ''}`;

/** a port group's identity, independent of the order the ports come in */
export const portsKey = (ports: readonly EndpointSlicePort[] | null | undefined): string =>
  (ports ?? [])
    .map((p) => `${p.name ?? ''}\u0000${p.port ?? ''}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? '\u0001'}`)
    .sort()
    .join('\u0002');

const slicePortHashes = new Map<string, string>();

/**
 * NewPortMapKey sorts a slice's ports in place by the FNV-1a hash of dump.ForHash of each
 * discovery/v1 EndpointPort, so that is the order slices list them in (kube-dns: 53,53,9153)
 */
export function sortSlicePorts(ports: EndpointSlicePort[]): EndpointSlicePort[] {
  if (ports.length < 2) return ports;
  const ptr = (type: string, v: string | number | undefined) => (v === undefined ? `(*${type})<nil>` : `(*${type})${v}`);
  const keyed = ports.map((p) => {
    const text =
      `(v1.EndpointPort){Name:${ptr('string', p.name)} Protocol:${ptr('v1.Protocol', p.protocol)} ` +
      `Port:${ptr('int32', p.port)} AppProtocol:${ptr('string', p.appProtocol)}}`;
    let hash = slicePortHashes.get(text);
    if (hash === undefined) {
      hash = fnv128a(text);
      if (slicePortHashes.size > 10_000) slicePortHashes.clear();
      slicePortHashes.set(text, hash);
    }
    return [hash, p] as const;
  });
  keyed.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return keyed.map(([, p]) => p);
}

/** plain data with object keys sorted, so key order never counts as a difference */
export function canonicalJson(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = walk((v as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(walk(value), (k, v: unknown) => (k === 'resourceVersion' ? undefined : v));
}

/** IPv4 addresses in numeric order, anything else after them as text */
export function compareAddress(a: string, b: string): number {
  const num = (ip: string) => {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
    return m ? ((+m[1]! * 256 + +m[2]!) * 256 + +m[3]!) * 256 + +m[4]! : Infinity;
  };
  const d = num(a) - num(b);
  if (Number.isFinite(d) && d !== 0) return d;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Desired {
  ports: EndpointSlicePort[];
  /** endpoint key → endpoint, in address order */
  endpoints: Map<string, Endpoint>;
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a![k] === b?.[k]);
}

/**
 * remembers the resource versions this controller wrote, so the watch events of its own writes do
 * not send it round again (the endpointSliceTracker's job upstream)
 */
export class OwnWrites {
  private versions = new Map<string, string>();
  private deleting = new Set<string>();

  wrote(slice: EndpointSlice): void {
    this.versions.set(`${slice.metadata.namespace}/${slice.metadata.name}`, slice.metadata.resourceVersion!);
  }

  deleted(namespace: string, name: string): void {
    this.deleting.add(`${namespace}/${name}`);
  }

  /** true when the event is the echo of this controller's own write */
  isEcho(event: WatchEvent): boolean {
    const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
    if (event.type === 'DELETED') {
      this.versions.delete(key);
      return this.deleting.delete(key);
    }
    return this.versions.get(key) === event.object.metadata.resourceVersion;
  }
}

/** slice names per Service (`namespace/service` → names), for one managed-by value */
export class SliceIndex {
  private byService = new Map<string, Set<string>>();
  private serviceOf = new Map<string, string>();

  constructor(private readonly managedBy: string) {}

  /** takes in a slice event; returns the Service keys the slice belongs (or belonged) to */
  onSlice(event: WatchEvent): string[] {
    const slice = event.object;
    const ns = slice.metadata.namespace ?? '';
    const sliceKey = `${ns}/${slice.metadata.name}`;
    const before = this.serviceOf.get(sliceKey);
    if (before) this.byService.get(before)?.delete(slice.metadata.name!);
    this.serviceOf.delete(sliceKey);
    const labels = slice.metadata.labels ?? {};
    const service = labels[SERVICE_NAME_LABEL];
    const mine = labels[SLICE_MANAGED_BY] === this.managedBy;
    if (event.type !== 'DELETED' && mine && service) {
      const key = keyOf(ns, service);
      let names = this.byService.get(key);
      if (!names) this.byService.set(key, (names = new Set()));
      names.add(slice.metadata.name!);
      this.serviceOf.set(sliceKey, key);
    }
    const oldLabels = event.old?.metadata.labels ?? {};
    const keys = new Set<string>();
    if (mine && service) keys.add(keyOf(ns, service));
    if (oldLabels[SLICE_MANAGED_BY] === this.managedBy && oldLabels[SERVICE_NAME_LABEL]) {
      keys.add(keyOf(ns, oldLabels[SERVICE_NAME_LABEL]));
    }
    return [...keys];
  }

  names(key: string): string[] {
    return [...(this.byService.get(key) ?? [])].sort();
  }
}

export class EndpointSliceController implements Controller {
  readonly name = ENDPOINTSLICE_CONTROLLER;
  private queue = new WorkQueue();
  private slices = new SliceIndex(ENDPOINTSLICE_CONTROLLER);
  private own = new OwnWrites();
  private triggers = new TriggerTimeTracker();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    /** draws the names and uids of the slices it creates */
    private readonly random: Random,
    /** which Services select which pods: the cluster shares one with the Endpoints controller */
    private readonly index = new SelectorIndex(),
  ) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    const keys = this.index.keysFor(event);
    if (keys) {
      for (const key of keys) this.queue.add(key);
      return;
    }
    if (event.resource !== 'endpointslices') return;
    const mine = this.slices.onSlice(event);
    // someone else changed or removed a slice of ours: put it right
    if (!this.own.isEcho(event)) for (const key of mine) this.queue.add(key);
  }

  syncAll(): void {
    for (const key of this.queue.drain()) this.sync(key);
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const svc = this.api.get<Service>('Service', namespace, name);
    if (!svc) {
      // the garbage collector removes the slices along with their owner
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
    const existing: EndpointSlice[] = [];
    for (const sliceName of this.slices.names(key)) {
      const slice = this.api.get<EndpointSlice>('EndpointSlice', namespace, sliceName);
      if (slice && !slice.metadata.deletionTimestamp) existing.push(slice);
    }
    const triggerTime = this.triggers.compute(key, svc, pods);
    this.reconcile(svc, pods, existing, triggerTime);
  }

  private desired(svc: Service, pods: readonly Pod[]): Map<string, Desired> {
    const byPorts = new Map<string, Desired>();
    const publishNotReady = svc.spec.publishNotReadyAddresses === true;
    const endpoints: { key: string; endpoint: Endpoint }[] = [];
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const ports = this.portsFor(svc, pod);
      const key = portsKey(ports);
      if (!byPorts.has(key)) byPorts.set(key, { ports, endpoints: new Map() });
      // a pod on a node that does not exist is left out, unless not-ready addresses are published
      if (pod.spec.nodeName && !publishNotReady && !this.api.get('Node', undefined, pod.spec.nodeName)) continue;
      const address = podAddressFor(svc, pod);
      if (!address) continue;
      const serving = isPodReady(pod);
      const terminating = pod.metadata.deletionTimestamp !== undefined;
      const endpoint: Endpoint = {
        addresses: [address],
        conditions: { ready: publishNotReady || (serving && !terminating), serving, terminating },
      };
      if (shouldSetHostname(pod, svc)) endpoint.hostname = pod.spec.hostname!;
      endpoint.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid! };
      if (pod.spec.nodeName) endpoint.nodeName = pod.spec.nodeName;
      endpoints.push({ key, endpoint });
    }
    endpoints.sort((a, b) => compareAddress(a.endpoint.addresses[0]!, b.endpoint.addresses[0]!));
    for (const { key, endpoint } of endpoints) byPorts.get(key)!.endpoints.set(endpointKey(endpoint), endpoint);
    return byPorts;
  }

  /** getEndpointPorts: each Service port resolved on the pod; ports the pod lacks are left out */
  private portsFor(svc: Service, pod: Pod): EndpointSlicePort[] {
    const ports: EndpointSlicePort[] = [];
    if ((svc.spec.ports ?? []).length === 0 && svc.spec.clusterIP === 'None') return ports;
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointSlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
      ports.push(ep);
    }
    return sortSlicePorts(ports);
  }

  /** the labels every slice of the Service carries: the Service's, plus the reserved ones */
  private labelsFor(svc: Service): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
      if (k !== SERVICE_NAME_LABEL && k !== SLICE_MANAGED_BY && k !== HEADLESS_LABEL) labels[k] = v;
    }
    if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
    labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
    labels[SLICE_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER;
    return labels;
  }

  private newSlice(svc: Service, ports: EndpointSlicePort[]): EndpointSlice {
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace!,
        labels: this.labelsFor(svc),
        ownerReferences: [ownerReferenceTo(svc)],
      },
      addressType: 'IPv4',
      endpoints: [],
      ports: clone(ports),
    };
  }

  /** Reconcile for the one address family the simulated cluster has */
  private reconcile(svc: Service, pods: readonly Pod[], existing: EndpointSlice[], triggerTime: number): void {
    const labels = this.labelsFor(svc);
    const toCreate: EndpointSlice[] = [];
    const toUpdate: EndpointSlice[] = [];
    const toDelete: EndpointSlice[] = [];
    const existingByPorts = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      const owned = slice.metadata.ownerReferences?.some((r) => r.uid === svc.metadata.uid && r.kind === 'Service');
      if (!owned || slice.addressType !== 'IPv4') {
        toDelete.push(slice);
        continue;
      }
      const key = portsKey(slice.ports);
      existingByPorts.set(key, [...(existingByPorts.get(key) ?? []), slice]);
    }
    const desired = this.desired(svc, pods);
    for (const [key, want] of desired) {
      const r = this.reconcilePorts(svc, labels, existingByPorts.get(key) ?? [], want);
      toCreate.push(...r.create);
      toUpdate.push(...r.update);
      toDelete.push(...r.remove);
    }
    for (const [key, slices] of existingByPorts) if (!desired.has(key)) toDelete.push(...slices);
    // with no endpoints at all, one empty placeholder slice stays (or is made)
    if (existing.length === toDelete.length && toCreate.length === 0) {
      const placeholder = this.newSlice(svc, []);
      const only = toDelete.length === 1 ? toDelete[0]! : undefined;
      const isPlaceholder =
        only &&
        !only.endpoints?.length &&
        !only.ports?.length &&
        sameLabels(only.metadata.labels, placeholder.metadata.labels) &&
        only.metadata.ownerReferences?.[0]?.uid === svc.metadata.uid;
      if (isPlaceholder) toDelete.length = 0;
      else toCreate.push(placeholder);
    }
    this.finalize(svc, toCreate, toUpdate, toDelete, triggerTime);
  }

  /** reconcileByPortMapping: keep what is wanted in place, fill the slices being changed, then new ones */
  private reconcilePorts(
    svc: Service,
    labels: Record<string, string>,
    existing: EndpointSlice[],
    want: Desired,
  ): { create: EndpointSlice[]; update: EndpointSlice[]; remove: EndpointSlice[] } {
    const remaining = new Map(want.endpoints);
    const byName = new Map<string, EndpointSlice>();
    const unchanged: string[] = [];
    const changed: string[] = [];
    const remove: EndpointSlice[] = [];
    for (const slice of existing) {
      const name = slice.metadata.name!;
      byName.set(name, slice);
      const kept: Endpoint[] = [];
      let updated = false;
      for (const endpoint of slice.endpoints ?? []) {
        const key = endpointKey(endpoint);
        const got = remaining.get(key);
        if (!got) continue;
        kept.push(got);
        if (canonicalJson(got) !== canonicalJson(endpoint)) updated = true;
        remaining.delete(key);
      }
      const labelsChanged = !sameLabels(slice.metadata.labels, labels);
      if (updated || kept.length !== (slice.endpoints ?? []).length) {
        if (kept.length === 0) remove.push(slice);
        else {
          const next = clone(slice);
          next.endpoints = kept;
          next.metadata.labels = { ...labels };
          byName.set(name, next);
          changed.push(name);
        }
      } else if (labelsChanged) {
        const next = clone(slice);
        next.metadata.labels = { ...labels };
        byName.set(name, next);
        changed.push(name);
      } else unchanged.push(name);
    }
    const take = (slice: EndpointSlice) => {
      const endpoints = slice.endpoints ?? (slice.endpoints = []);
      for (const [key, endpoint] of remaining) {
        if (endpoints.length >= MAX_ENDPOINTS_PER_SLICE) break;
        endpoints.push(endpoint);
        remaining.delete(key);
      }
    };
    // fill the slices that change anyway, fullest first
    if (remaining.size > 0 && changed.length > 0) {
      const slices = changed.map((n) => byName.get(n)!).sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
      for (const slice of slices) take(slice);
    }
    const create: EndpointSlice[] = [];
    while (remaining.size > 0) {
      let fill: EndpointSlice | undefined;
      if (remaining.size < MAX_ENDPOINTS_PER_SLICE && unchanged.length > 0) {
        // getSliceToFill: the unchanged slice that ends up closest to full
        let closest = MAX_ENDPOINTS_PER_SLICE;
        for (const name of unchanged) {
          const diff = MAX_ENDPOINTS_PER_SLICE - (remaining.size + (byName.get(name)!.endpoints?.length ?? 0));
          if (diff >= 0 && diff < closest) {
            closest = diff;
            fill = byName.get(name);
          }
        }
      }
      if (fill) {
        fill = clone(fill);
        byName.set(fill.metadata.name!, fill);
        unchanged.splice(unchanged.indexOf(fill.metadata.name!), 1);
        changed.push(fill.metadata.name!);
        take(fill);
      } else {
        const slice = this.newSlice(svc, want.ports);
        take(slice);
        create.push(slice);
      }
    }
    return { create, update: changed.map((n) => byName.get(n)!), remove };
  }

  private finalize(
    svc: Service,
    toCreate: EndpointSlice[],
    toUpdate: EndpointSlice[],
    toDelete: EndpointSlice[],
    triggerTime: number,
  ): void {
    // a slice about to be created takes the place of one about to be deleted
    for (let i = 0; i < toDelete.length && toCreate.length > 0;) {
      const doomed = toDelete[i]!;
      if (doomed.addressType === 'IPv4' && doomed.metadata.ownerReferences?.some((r) => r.uid === svc.metadata.uid)) {
        const slice = toCreate.pop()!;
        const reused = clone(doomed);
        reused.metadata.labels = slice.metadata.labels!;
        reused.endpoints = slice.endpoints ?? [];
        reused.ports = slice.ports ?? [];
        toUpdate.push(reused);
        toDelete.splice(i, 1);
      } else i++;
    }
    const namespace = svc.metadata.namespace!;
    const stamp = (slice: EndpointSlice) => {
      const annotations = { ...(slice.metadata.annotations ?? {}) };
      if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = timestamp(triggerTime);
      else delete annotations[TRIGGER_TIME_ANNOTATION];
      if (Object.keys(annotations).length > 0) slice.metadata.annotations = annotations;
      else delete slice.metadata.annotations;
    };
    const fail = (message: string) =>
      this.events.record(svc, 'Warning', 'FailedToUpdateEndpointSlices', message, { component: ENDPOINTSLICE_CONTROLLER });
    // no new slices for a Service on its way out: the garbage collector would race them
    if (!svc.metadata.deletionTimestamp) {
      for (const slice of toCreate) {
        stamp(slice);
        const result = this.api.create(slice, namespace, { handOver: true, random: this.random });
        if (result.ok) this.own.wrote(result.object);
        else if (this.api.get<Namespace>('Namespace', undefined, namespace)?.status?.phase === 'Terminating') return;
        else {
          fail(
            `Error updating Endpoint Slices for Service ${namespace}/${svc.metadata.name}: failed to create EndpointSlice for Service ${namespace}/${svc.metadata.name}: ${result.error.message}`,
          );
          return;
        }
      }
    }
    for (const slice of toUpdate) {
      stamp(slice);
      const result = this.api.update(slice);
      if (result.ok) this.own.wrote(result.object);
    }
    for (const slice of toDelete) {
      this.own.deleted(namespace, slice.metadata.name!);
      this.api.delete('EndpointSlice', namespace, slice.metadata.name!);
    }
  }
}
