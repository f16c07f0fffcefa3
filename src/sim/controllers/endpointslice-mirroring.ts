// the EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): a Service
// without a selector gets its endpoints from a hand-written Endpoints object; this controller
// copies that object into EndpointSlices (one per address type and set of ports), so everything
// that reads slices — kube-proxy, DNS — sees it too. Endpoints labelled
// endpointslice.kubernetes.io/skip-mirror=true are left alone.

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { clone, ownerReferenceTo } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Endpoint, EndpointAddress, EndpointSlice, EndpointSlicePort, Endpoints, Namespace, Service } from '../api/types.ts';
import { isIP } from '../api/validation/names.ts';
import type { Random } from '../random.ts';
import { keyOf, splitKey, WorkQueue, type Controller } from './controller.ts';
import {
  canonicalJson,
  endpointKey,
  OwnWrites,
  portsKey,
  SERVICE_NAME_LABEL,
  SliceIndex,
  SLICE_MANAGED_BY,
  sortSlicePorts,
} from './endpointslice.ts';
import { selectorOf } from './service-index.ts';
import { TRIGGER_TIME_ANNOTATION } from './trigger-time.ts';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ELECTION_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** kube-controller-manager's --mirroring-max-endpoints-per-subset default */
const MAX_ENDPOINTS_PER_SUBSET = 1000;

/** shouldMirror: not opted out, not a leader-election lock */
function shouldMirror(ep: Endpoints | undefined): boolean {
  if (!ep) return false;
  return ep.metadata.labels?.[SKIP_MIRROR_LABEL] !== 'true' && !ep.metadata.annotations?.[LEADER_ELECTION_ANNOTATION];
}

interface Desired {
  addressType: 'IPv4' | 'IPv6';
  ports: EndpointSlicePort[];
  endpoints: Map<string, Endpoint>;
}

function addressToEndpoint(address: EndpointAddress, ready: boolean): Endpoint {
  const endpoint: Endpoint = { addresses: [address.ip], conditions: { ready } };
  if (address.hostname) endpoint.hostname = address.hostname;
  if (address.targetRef) endpoint.targetRef = clone(address.targetRef);
  if (address.nodeName !== undefined) endpoint.nodeName = address.nodeName;
  return endpoint;
}

export class EndpointSliceMirroringController implements Controller {
  readonly name = MIRRORING_CONTROLLER;
  private queue = new WorkQueue();
  private slices = new SliceIndex(MIRRORING_CONTROLLER);
  private own = new OwnWrites();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    /** draws the names and uids of the slices it creates */
    private readonly random: Random,
  ) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    const obj = event.object;
    // the key is worked out only where it is queued: every pod event passes here too
    switch (event.resource) {
      case 'endpoints': {
        const old = event.old as Endpoints | undefined;
        if (event.type === 'MODIFIED' ? shouldMirror(obj as Endpoints) || shouldMirror(old) : shouldMirror(obj as Endpoints)) {
          this.queue.add(keyOf(obj.metadata.namespace, obj.metadata.name!));
        }
        return;
      }
      case 'services': {
        const svc = obj as Service;
        const none = !selectorOf(svc);
        if (event.type === 'MODIFIED') {
          if (none !== !selectorOf(event.old as Service)) this.queue.add(keyOf(obj.metadata.namespace, obj.metadata.name!));
        } else if (none) this.queue.add(keyOf(obj.metadata.namespace, obj.metadata.name!));
        return;
      }
      case 'endpointslices': {
        const keys = this.slices.onSlice(event);
        if (!this.own.isEcho(event)) for (const k of keys) this.queue.add(k);
        return;
      }
    }
  }

  syncAll(): void {
    for (const key of this.queue.drain()) this.sync(key);
  }

  private sync(key: string): void {
    const [namespace, name] = splitKey(key);
    const ep = this.api.get<Endpoints>('Endpoints', namespace, name);
    const svc = this.api.get<Service>('Service', namespace, name);
    const mirrored = this.slices
      .names(key)
      .map((n) => this.api.get<EndpointSlice>('EndpointSlice', namespace, n))
      .filter((s): s is EndpointSlice => s !== undefined);
    // no Endpoints, one that opts out, no Service, or a Service that picks its own pods: no mirrors
    if (!ep || !shouldMirror(ep) || !svc || selectorOf(svc)) {
      for (const slice of mirrored) this.remove(slice);
      return;
    }
    this.reconcile(ep, mirrored);
  }

  private remove(slice: EndpointSlice): void {
    this.own.deleted(slice.metadata.namespace!, slice.metadata.name!);
    this.api.delete('EndpointSlice', slice.metadata.namespace, slice.metadata.name!);
  }

  private desired(ep: Endpoints): Map<string, Desired> {
    const out = new Map<string, Desired>();
    let invalid = 0;
    let skipped = 0;
    for (const subset of ep.subsets ?? []) {
      const ports = sortSlicePorts(
        (subset.ports ?? []).map((p) => {
          const port: EndpointSlicePort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
          if (p.appProtocol !== undefined) port.appProtocol = p.appProtocol;
          return port;
        }),
      );
      let added = 0;
      const total = (subset.addresses?.length ?? 0) + (subset.notReadyAddresses?.length ?? 0);
      const take = (address: EndpointAddress, ready: boolean) => {
        if (added >= MAX_ENDPOINTS_PER_SUBSET) return;
        if (!isIP(address.ip)) {
          invalid++;
          return;
        }
        const addressType = address.ip.includes(':') ? 'IPv6' : 'IPv4';
        const key = `${addressType}|${portsKey(ports)}`;
        let want = out.get(key);
        if (!want) out.set(key, (want = { addressType, ports, endpoints: new Map() }));
        const endpoint = addressToEndpoint(address, ready);
        want.endpoints.set(endpointKey(endpoint), endpoint);
        added++;
      };
      for (const a of subset.addresses ?? []) take(a, true);
      for (const a of subset.notReadyAddresses ?? []) take(a, false);
      skipped += total - added;
    }
    const component = { component: MIRRORING_CONTROLLER };
    if (invalid > 0) {
      this.events.record(
        ep,
        'Warning',
        'InvalidIPAddress',
        `Skipped ${invalid} invalid IP addresses when mirroring to EndpointSlices`,
        component,
      );
    }
    if (skipped > invalid) {
      this.events.record(
        ep,
        'Warning',
        'TooManyAddressesToMirror',
        `A max of ${MAX_ENDPOINTS_PER_SUBSET} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`,
        component,
      );
    }
    return out;
  }

  /** the slice's labels and annotations: the Endpoints', with the reserved labels set */
  private metaFor(ep: Endpoints): { labels: Record<string, string>; annotations: Record<string, string> } {
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(ep.metadata.labels ?? {})) {
      if (k !== SLICE_MANAGED_BY && k !== SERVICE_NAME_LABEL) labels[k] = v;
    }
    labels[SERVICE_NAME_LABEL] = ep.metadata.name!;
    labels[SLICE_MANAGED_BY] = MIRRORING_CONTROLLER;
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(ep.metadata.annotations ?? {})) {
      if (k !== TRIGGER_TIME_ANNOTATION && k !== LAST_APPLIED) annotations[k] = v;
    }
    return { labels, annotations };
  }

  private reconcile(ep: Endpoints, existing: EndpointSlice[]): void {
    const namespace = ep.metadata.namespace!;
    const { labels, annotations } = this.metaFor(ep);
    const byKey = new Map<string, EndpointSlice[]>();
    for (const slice of existing) {
      const key = `${slice.addressType}|${portsKey(slice.ports)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), slice]);
    }
    const toCreate: EndpointSlice[] = [];
    const toUpdate: EndpointSlice[] = [];
    const toDelete: EndpointSlice[] = [];
    const desired = this.desired(ep);
    for (const [key, want] of desired) {
      const slices = byKey.get(key) ?? [];
      if (want.endpoints.size === 0) {
        toDelete.push(...slices);
        continue;
      }
      // one slice per group: the first existing one is kept, the rest go
      toDelete.push(...slices.slice(1));
      const first = slices[0];
      const endpoints = [...want.endpoints.values()];
      const next: EndpointSlice = first
        ? clone(first)
        : {
            apiVersion: 'discovery.k8s.io/v1',
            kind: 'EndpointSlice',
            metadata: { generateName: `${ep.metadata.name}-`, namespace, ownerReferences: [ownerReferenceTo(ep)] },
            addressType: want.addressType,
          };
      next.metadata.labels = labels;
      if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
      else delete next.metadata.annotations;
      next.endpoints = endpoints;
      next.ports = clone(want.ports);
      if (!first) toCreate.push(next);
      else if (
        canonicalJson([first.endpoints ?? [], first.ports ?? [], first.metadata.labels, first.metadata.annotations ?? {}]) !==
        canonicalJson([endpoints, want.ports.length ? want.ports : [], labels, annotations])
      ) {
        toUpdate.push(next);
      }
    }
    for (const [key, slices] of byKey) if (!desired.has(key)) toDelete.push(...slices);
    // recycleSlices: a slice to create takes the name of one to delete of the same address type
    for (let i = 0; i < toCreate.length; i++) {
      const j = toDelete.findIndex((s) => s.addressType === toCreate[i]!.addressType);
      if (j < 0) continue;
      const [doomed] = toDelete.splice(j, 1);
      const slice = toCreate.splice(i--, 1)[0]!;
      delete slice.metadata.generateName;
      const reused = clone(doomed!);
      reused.metadata.labels = slice.metadata.labels!;
      if (slice.metadata.annotations) reused.metadata.annotations = slice.metadata.annotations;
      else delete reused.metadata.annotations;
      reused.endpoints = slice.endpoints ?? [];
      reused.ports = slice.ports ?? [];
      toUpdate.push(reused);
    }
    if (!ep.metadata.deletionTimestamp) {
      for (const slice of toCreate) {
        const result = this.api.create(slice, namespace, { handOver: true, random: this.random });
        if (result.ok) this.own.wrote(result.object);
        else if (this.api.get<Namespace>('Namespace', undefined, namespace)?.status?.phase === 'Terminating') return;
      }
    }
    for (const slice of toUpdate) {
      const result = this.api.update(slice);
      if (result.ok) this.own.wrote(result.object);
    }
    for (const slice of toDelete) this.remove(slice);
  }
}
