// the object store behind the simulated apiserver (etcd's role): objects by resource,
// namespace and name, a resourceVersion counter, watch events, and an owner index so
// controllers never scan every object

import type { KubeObject } from './types.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  resource: string;
  object: KubeObject;
  /** the previous version, for MODIFIED and DELETED */
  old?: KubeObject;
}

export type WatchListener = (event: WatchEvent) => void;

const CLUSTER_SCOPE = '';

export class ObjectStore {
  /** resource → namespace ('' for cluster-scoped) → name → object */
  private data = new Map<string, Map<string, Map<string, KubeObject>>>();
  /** owner uid → (key `resource/namespace/name` → current object) for objects that name it in ownerReferences */
  private owned = new Map<string, Map<string, KubeObject>>();
  private listeners: WatchListener[] = [];
  private revision = 1000;

  /** the last resourceVersion handed out */
  get resourceVersion(): number {
    return this.revision;
  }

  nextResourceVersion(): string {
    this.revision += 1;
    return String(this.revision);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.data
      .get(resource)
      ?.get(namespace ?? CLUSTER_SCOPE)
      ?.get(name);
  }

  /** objects of a resource, in one namespace or all, ordered by namespace then name */
  list(resource: string, namespace?: string): KubeObject[] {
    const byNamespace = this.data.get(resource);
    if (!byNamespace) return [];
    const spaces = namespace === undefined ? [...byNamespace.keys()].sort() : [namespace];
    const out: KubeObject[] = [];
    for (const ns of spaces) {
      const names = byNamespace.get(ns);
      if (!names) continue;
      const sorted = [...names.keys()].sort();
      for (const name of sorted) out.push(names.get(name)!);
    }
    return out;
  }

  /** how many objects of a resource exist, without building a list */
  count(resource: string, namespace?: string): number {
    const byNamespace = this.data.get(resource);
    if (!byNamespace) return 0;
    if (namespace !== undefined) return byNamespace.get(namespace)?.size ?? 0;
    let n = 0;
    for (const names of byNamespace.values()) n += names.size;
    return n;
  }

  /** objects whose ownerReferences name `uid` */
  ownedBy(uid: string): KubeObject[] {
    const dependents = this.owned.get(uid);
    return dependents ? [...dependents.values()] : [];
  }

  /** stores a new version (the caller sets metadata); stamps resourceVersion and notifies watchers */
  put(resource: string, obj: KubeObject): KubeObject {
    const namespace = obj.metadata.namespace ?? CLUSTER_SCOPE;
    const name = obj.metadata.name!;
    let byNamespace = this.data.get(resource);
    if (!byNamespace) this.data.set(resource, (byNamespace = new Map()));
    let names = byNamespace.get(namespace);
    if (!names) byNamespace.set(namespace, (names = new Map()));
    const old = names.get(name);
    obj.metadata.resourceVersion = this.nextResourceVersion();
    names.set(name, obj);
    this.reindexOwners(obj.metadata.uid ?? `${resource}/${namespace}/${name}`, old, obj);
    this.emit(old ? { type: 'MODIFIED', resource, object: obj, old } : { type: 'ADDED', resource, object: obj });
    return obj;
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const names = this.data.get(resource)?.get(namespace ?? CLUSTER_SCOPE);
    const old = names?.get(name);
    if (!names || !old) return undefined;
    names.delete(name);
    this.reindexOwners(old.metadata.uid ?? `${resource}/${namespace ?? CLUSTER_SCOPE}/${name}`, old, undefined);
    this.emit({ type: 'DELETED', resource, object: old, old });
    return old;
  }

  watch(listener: WatchListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** every resource name that has ever held an object */
  resources(): string[] {
    return [...this.data.keys()].sort();
  }

  private emit(event: WatchEvent): void {
    // indexed: every write passes here, and for-of allocates until the function is optimised. the
    // array is taken first: a listener that stops watching replaces it, and the rest still hear this event
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) listeners[i]!(event);
  }

  /** `key` names the dependent: its uid (a replacement under the same name is another object) */
  private reindexOwners(key: string, old: KubeObject | undefined, next: KubeObject | undefined): void {
    const refs = next?.metadata.ownerReferences;
    // most writes are of objects that name no owner, before or after (events, nodes, services)
    if (!refs && !old?.metadata.ownerReferences) return;
    if (old && refs && old.metadata.ownerReferences === refs && old.metadata.uid === next.metadata.uid) {
      // a new version with the very same references (a status write): only the stored object changes
      for (const ref of refs) this.owned.get(ref.uid)?.set(key, next);
      return;
    }
    const oldKey = old ? (old.metadata.uid ?? key) : key;
    for (const ref of old?.metadata.ownerReferences ?? []) this.owned.get(ref.uid)?.delete(oldKey);
    for (const ref of next?.metadata.ownerReferences ?? []) {
      let dependents = this.owned.get(ref.uid);
      if (!dependents) this.owned.set(ref.uid, (dependents = new Map()));
      dependents.set(key, next!);
    }
  }
}
