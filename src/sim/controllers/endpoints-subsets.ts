// the canonical layout of an Endpoints object's subsets (pkg/api/v1/endpoints: RepackSubsets and
// SortSubsets). addresses that offer the same ports share one subset; addresses sort by IP and
// pod uid; ports and subsets sort by the FNV-1a (128-bit) hash of the way k8s.io/utils/dump.ForHash
// prints them (go-spew's %#v with types, pointers followed). MD5 did this before v1.35.

import type { EndpointAddress, EndpointPort, EndpointSubset } from '../api/types.ts';
import { fnv128a } from './fnv.ts';

const ptr = (type: string, value: string | undefined): string => (value === undefined ? `(*${type})<nil>` : `(*${type})${value}`);

/** a port as dump.ForHash prints a v1.EndpointPort inside a list (no leading type) */
function portBody(p: EndpointPort): string {
  return (
    `{Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} ` +
    `AppProtocol:${ptr('string', p.appProtocol)}}`
  );
}

function addressBody(a: EndpointAddress): string {
  const ref = a.targetRef;
  const target = ref
    ? `(*v1.ObjectReference){Kind:(string)${ref.kind ?? ''} Namespace:(string)${ref.namespace ?? ''} ` +
      `Name:(string)${ref.name ?? ''} UID:(types.UID)${ref.uid ?? ''} APIVersion:(string)${ref.apiVersion ?? ''} ` +
      `ResourceVersion:(string)${ref.resourceVersion ?? ''} FieldPath:(string)${ref.fieldPath ?? ''}}`
    : '(*v1.ObjectReference)<nil>';
  return (
    `{IP:(string)${a.ip} Hostname:(string)${a.hostname ?? ''} NodeName:${ptr('string', a.nodeName)} ` + `TargetRef:${target}}`
  );
}

const list = (type: string, items: string[] | undefined): string =>
  items === undefined ? `([]${type})<nil>` : `([]${type})[${items.join(' ')}]`;

/** dump.ForHash of a v1.EndpointSubset */
function subsetText(s: EndpointSubset): string {
  return (
    `(v1.EndpointSubset){Addresses:${list('v1.EndpointAddress', s.addresses?.map(addressBody))} ` +
    `NotReadyAddresses:${list('v1.EndpointAddress', s.notReadyAddresses?.map(addressBody))} ` +
    `Ports:${list('v1.EndpointPort', s.ports?.map(portBody))}}`
  );
}

const portHashes = new Map<string, string>();

function portHash(p: EndpointPort): string {
  const text = `(v1.EndpointPort)${portBody(p)}`;
  let hash = portHashes.get(text);
  if (hash === undefined) {
    hash = fnv128a(text);
    if (portHashes.size > 10_000) portHashes.clear();
    portHashes.set(text, hash);
  }
  return hash;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** LessEndpointAddress: by IP (bytewise), then by the target's uid, an address without one first */
export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  const byIp = compare(a.ip, b.ip);
  if (byIp !== 0) return byIp;
  if (!b.targetRef) return a.targetRef ? 1 : 0;
  if (!a.targetRef) return -1;
  return compare(a.targetRef.uid ?? '', b.targetRef.uid ?? '');
}

/** SortSubsets: each subset's addresses and ports, then the subsets themselves */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const s of subsets) {
    s.addresses?.sort(compareAddresses);
    s.notReadyAddresses?.sort(compareAddresses);
    if (s.ports && s.ports.length > 1) {
      const keyed = s.ports.map((p) => [portHash(p), p] as const);
      keyed.sort((x, y) => compare(x[0], y[0]));
      s.ports = keyed.map(([, p]) => p);
    }
  }
  if (subsets.length < 2) return subsets;
  const keyed = subsets.map((s) => [fnv128a(subsetText(s)), s] as const);
  keyed.sort((x, y) => compare(x[0], y[0]));
  return keyed.map(([, s]) => s);
}

const portKey = (p: EndpointPort): string =>
  `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? '\u0001'}`;
const addressKey = (a: EndpointAddress): string => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;

/**
 * RepackSubsets: expands subsets to (address, port) pairs and packs them again so that every
 * set of addresses with the same ports is one subset. an address not ready on some port is not
 * ready on any; subsets without ports stand for headless Services that have none.
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const addresses = new Map<string, EndpointAddress>();
  // port key → (address key → ready)
  const byPort = new Map<string, { port: EndpointPort | null; ready: Map<string, boolean> }>();
  const note = (address: EndpointAddress, port: EndpointPort | null, ready: boolean) => {
    const aKey = addressKey(address);
    if (!addresses.has(aKey)) addresses.set(aKey, address);
    const pKey = port ? portKey(port) : '';
    let entry = byPort.get(pKey);
    if (!entry) byPort.set(pKey, (entry = { port, ready: new Map() }));
    const was = entry.ready.get(aKey);
    if (was === undefined || was) entry.ready.set(aKey, ready);
  };
  for (const subset of subsets) {
    const ports: (EndpointPort | null)[] = subset.ports?.length ? subset.ports : [null];
    for (const port of ports) {
      for (const a of subset.addresses ?? []) note(a, port, true);
      for (const a of subset.notReadyAddresses ?? []) note(a, port, false);
    }
  }
  // group the ports by the exact set of (address, readiness) they are offered on
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] | undefined }>();
  for (const { port, ready } of byPort.values()) {
    const key = [...ready.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([a, r]) => `${a}\u0000${r ? 1 : 0}`)
      .join('\u0001');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ready, ports: undefined }));
    if (port) (group.ports ??= []).push(port);
  }
  const out: EndpointSubset[] = [];
  for (const { ready, ports } of groups.values()) {
    const subset: EndpointSubset = {};
    for (const [aKey, isReady] of ready) {
      const address = addresses.get(aKey)!;
      if (isReady) (subset.addresses ??= []).push(address);
      else (subset.notReadyAddresses ??= []).push(address);
    }
    if (ports) subset.ports = ports;
    out.push(subset);
  }
  return sortSubsets(out);
}
