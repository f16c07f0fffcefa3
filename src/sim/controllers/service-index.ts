// what the endpoints controllers share: which Services select which pods, kept as inverted
// indexes so a pod change costs only the Services that select it (endpointsliceutil's
// GetPodServiceMemberships walks every Service of the namespace; with a thousand Services that
// is too slow for a page), and the pod facts that decide endpoint membership

import type { WatchEvent } from '../api/store.ts';
import type { KubeObject, Pod, Service } from '../api/types.ts';
import { isPodReady } from './replicaset.ts';
import { keyOf } from './controller.ts';

type Labels = Record<string, string>;

const pair = (k: string, v: string): string => `${k}=${v}`;

/** a Service's selector as the controllers read it: nil and empty both select nothing */
export function selectorOf(svc: Service): Labels | null {
  const selector = svc.spec?.selector;
  return selector && Object.keys(selector).length > 0 ? selector : null;
}

function matches(selector: Labels, labels: Labels | undefined): boolean {
  for (const key in selector) if (labels?.[key] !== selector[key]) return false;
  return true;
}

function add(index: Map<string, Map<string, Set<string>>>, ns: string, key: string, name: string): void {
  let byKey = index.get(ns);
  if (!byKey) index.set(ns, (byKey = new Map()));
  let names = byKey.get(key);
  if (!names) byKey.set(key, (names = new Set()));
  names.add(name);
}

function remove(index: Map<string, Map<string, Set<string>>>, ns: string, key: string, name: string): void {
  const byKey = index.get(ns);
  const names = byKey?.get(key);
  if (!names) return;
  names.delete(name);
  if (names.size === 0) byKey!.delete(key);
}

/** ShouldPodBeInEndpoints: not finished, has an IP, and (unless asked for) not terminating */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** podEndpointsChanged's first answer: did something an endpoint shows change */
function endpointFactsChanged(old: Pod, pod: Pod): boolean {
  if (old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp) return true;
  if (isPodReady(old) !== isPodReady(pod)) return true;
  const a = old.status?.podIPs ?? [];
  const b = pod.status?.podIPs ?? [];
  if (a.length !== b.length) return true;
  if (a.some((ip, i) => ip.ip !== b[i]!.ip)) return true;
  // the simulator's ports and phase are fixed per pod, but a finished pod leaves its Service
  return (
    (old.status?.phase === 'Succeeded' || old.status?.phase === 'Failed') !==
    (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
  );
}

function sameLabels(a: Labels | undefined, b: Labels | undefined): boolean {
  // a status write keeps the very same labels object
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a![k] === b?.[k]);
}

const hostnameChanged = (old: Pod, pod: Pod): boolean =>
  old.spec.hostname !== pod.spec.hostname || old.spec.subdomain !== pod.spec.subdomain;

/**
 * Services by selector and pods by label, per namespace. every Service is filed under one of its
 * selector's pairs, so a pod finds it exactly once among its own labels; pods are filed under all
 * of their pairs, so a selector finds its pods through its rarest pair.
 */
export class SelectorIndex {
  /**
   * the part of a watch event both endpoint controllers care about: a Service changed (queue it)
   * or a pod changed (queue the Services that select it, before or after). returns the keys to
   * queue, or null for any other resource
   */
  keysFor(event: WatchEvent): string[] | null {
    // both endpoint controllers ask about every event in turn: the second gets the first's answer
    if (event !== this.lastEvent) {
      this.lastEvent = event;
      this.lastKeys = this.keysForEvent(event);
    }
    return this.lastKeys;
  }

  private lastEvent: WatchEvent | null = null;
  private lastKeys: string[] | null = null;

  private keysForEvent(event: WatchEvent): string[] | null {
    const obj = event.object;
    const ns = obj.metadata.namespace ?? '';
    if (event.resource === 'services') {
      this.setService(ns, obj.metadata.name!, event.type === 'DELETED' ? undefined : (obj as Service));
      return [keyOf(ns, obj.metadata.name!)];
    }
    if (event.resource === 'pods') return this.onPod(event).map((name) => keyOf(ns, name));
    return null;
  }

  private selectors = new Map<string, Labels>();
  private servicesByPair = new Map<string, Map<string, Set<string>>>();
  private podsByPair = new Map<string, Map<string, Set<string>>>();
  /** namespace → pod name → labels: looked up by the strings the pod already has, no key is built per event */
  private podLabels = new Map<string, Map<string, Labels>>();

  /** files a Service (or takes it out when deleted or selector-less) */
  setService(namespace: string, name: string, svc: Service | undefined): void {
    const key = `${namespace}/${name}`;
    const before = this.selectors.get(key);
    if (before) {
      const first = Object.keys(before).sort()[0]!;
      remove(this.servicesByPair, namespace, pair(first, before[first]!), name);
      this.selectors.delete(key);
    }
    const selector = svc ? selectorOf(svc) : null;
    if (!selector) return;
    const first = Object.keys(selector).sort()[0]!;
    add(this.servicesByPair, namespace, pair(first, selector[first]!), name);
    this.selectors.set(key, { ...selector });
  }

  private setPod(namespace: string, name: string, labels: Labels | undefined): void {
    let byName = this.podLabels.get(namespace);
    if (!byName) this.podLabels.set(namespace, (byName = new Map()));
    const before = byName.get(name);
    if (before) for (const k in before) remove(this.podsByPair, namespace, pair(k, before[k]!), name);
    byName.delete(name);
    if (!labels) return;
    byName.set(name, labels);
    for (const k in labels) add(this.podsByPair, namespace, pair(k, labels[k]!), name);
  }

  /** names of the Services in `namespace` whose selector matches `labels` */
  servicesFor(namespace: string, labels: Labels | undefined): string[] {
    const byPair = this.servicesByPair.get(namespace);
    if (!byPair || !labels) return [];
    const out: string[] = [];
    for (const k in labels) {
      for (const name of byPair.get(pair(k, labels[k]!)) ?? []) {
        if (matches(this.selectors.get(`${namespace}/${name}`)!, labels)) out.push(name);
      }
    }
    return out;
  }

  /** names of the pods in `namespace` that `selector` picks, sorted */
  podsFor(namespace: string, selector: Labels): string[] {
    const byPair = this.podsByPair.get(namespace);
    if (!byPair) return [];
    let smallest: Set<string> | undefined;
    for (const k in selector) {
      const names = byPair.get(pair(k, selector[k]!));
      if (!names) return [];
      if (!smallest || names.size < smallest.size) smallest = names;
    }
    if (!smallest) return [];
    const out: string[] = [];
    const labelsOf = this.podLabels.get(namespace);
    for (const name of smallest) if (matches(selector, labelsOf?.get(name))) out.push(name);
    return out.sort();
  }

  /**
   * takes in a pod event and answers which Services must sync (GetServicesToUpdateOnPodChange):
   * a pod that came or went touches the Services selecting it; a relabel touches the Services it
   * joined or left, and all of them when its endpoint changed too; other changes only count when
   * they show in an endpoint (readiness, IPs, termination)
   */
  onPod(event: WatchEvent): string[] {
    const pod = event.object as Pod;
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    if (event.type === 'DELETED') {
      this.setPod(ns, name, undefined);
      return this.servicesFor(ns, pod.metadata.labels);
    }
    const old = event.old as Pod | undefined;
    const relabelled = !old || !sameLabels(old.metadata.labels, pod.metadata.labels);
    // most pod updates are status changes: the index only needs a pod whose labels moved
    if (relabelled || !this.podLabels.get(ns)?.has(name)) this.setPod(ns, name, pod.metadata.labels ?? {});
    if (event.type === 'ADDED' || !old) return this.servicesFor(ns, pod.metadata.labels);
    const podChanged = endpointFactsChanged(old, pod);
    const labelsChanged = relabelled || hostnameChanged(old, pod);
    if (!labelsChanged) return podChanged ? this.servicesFor(ns, pod.metadata.labels) : [];
    const now = new Set(this.servicesFor(ns, pod.metadata.labels));
    const before = new Set(this.servicesFor(ns, old.metadata.labels));
    if (podChanged) return [...new Set([...now, ...before])];
    return [...now, ...before].filter((s) => !(now.has(s) && before.has(s)));
  }
}

/** `namespace/name` of an object */
export const objectKey = (obj: KubeObject): string => `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
