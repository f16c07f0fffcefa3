// the garbage collector: when an owner goes away its dependents go too (background
// cascading), unless the owner was deleted with the orphan finalizer, in which case the
// dependents lose the ownerReference and live on; foreground deletion waits for them first

import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, type ApiServer } from '../api/apiserver.ts';
import { clone } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { KubeObject } from '../api/types.ts';
import { WorkQueue, type Controller } from './controller.ts';

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  /** uids of owners that were deleted (or are finishing deletion) */
  private queue = new WorkQueue();
  /** uid → the owner object while it awaits a finalizer-driven cleanup */
  private finishing = new Map<string, KubeObject>();

  constructor(private readonly api: ApiServer) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    const obj = event.object;
    const uid = obj.metadata.uid!;
    if (event.type === 'DELETED') {
      this.finishing.delete(uid);
      this.queue.add(uid);
      // a dependent gone for good may be the last thing a foreground owner waited for
      for (const ref of obj.metadata.ownerReferences ?? []) if (this.finishing.has(ref.uid)) this.queue.add(ref.uid);
      return;
    }
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (finalizers.includes(FINALIZER_ORPHAN) || finalizers.includes(FINALIZER_FOREGROUND))) {
      this.finishing.set(uid, obj);
      this.queue.add(uid);
    }
    // a dependent going away may unblock a foreground owner (rarely any is waiting: skip the walk then)
    if ((event.type === 'MODIFIED' || event.type === 'ADDED') && this.finishing.size > 0) {
      for (const ref of obj.metadata.ownerReferences ?? []) if (this.finishing.has(ref.uid)) this.queue.add(ref.uid);
    }
  }

  syncAll(): void {
    for (const uid of this.queue.drain()) {
      const owner = this.finishing.get(uid);
      if (!owner) {
        this.collectDependents(uid);
        continue;
      }
      const current = this.api.get(owner.kind, owner.metadata.namespace, owner.metadata.name!);
      if (!current || current.metadata.uid !== uid) continue;
      const finalizers = current.metadata.finalizers ?? [];
      if (finalizers.includes(FINALIZER_ORPHAN)) this.orphanDependents(current);
      else if (finalizers.includes(FINALIZER_FOREGROUND)) this.foreground(current);
    }
  }

  /** the owner is gone: delete dependents that have no other live owner */
  private collectDependents(uid: string): void {
    for (const dependent of this.api.store.ownedBy(uid)) {
      const refs = dependent.metadata.ownerReferences ?? [];
      const others = refs.filter((r) => r.uid !== uid && this.ownerExists(dependent, r.uid, r.kind, r.name));
      if (others.length > 0) {
        const next = clone(dependent);
        next.metadata.ownerReferences = refs.filter((r) => r.uid !== uid);
        this.api.writeStatus(next);
      } else if (!dependent.metadata.deletionTimestamp) {
        this.api.delete(dependent.kind, dependent.metadata.namespace, dependent.metadata.name!, {
          propagationPolicy: 'Background',
        });
      }
    }
  }

  private ownerExists(dependent: KubeObject, uid: string, kind: string, name: string): boolean {
    try {
      const owner = this.api.get(kind, dependent.metadata.namespace, name);
      return owner?.metadata.uid === uid;
    } catch {
      return false;
    }
  }

  private orphanDependents(owner: KubeObject): void {
    const uid = owner.metadata.uid!;
    for (const dependent of this.api.store.ownedBy(uid)) {
      const next = clone(dependent);
      next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
      this.api.writeStatus(next);
    }
    this.removeFinalizer(owner, FINALIZER_ORPHAN);
  }

  private foreground(owner: KubeObject): void {
    const dependents = this.api.store.ownedBy(owner.metadata.uid!);
    for (const dependent of dependents) {
      if (!dependent.metadata.deletionTimestamp) {
        this.api.delete(dependent.kind, dependent.metadata.namespace, dependent.metadata.name!, {
          propagationPolicy: 'Foreground',
        });
      }
    }
    if (this.api.store.ownedBy(owner.metadata.uid!).length === 0) this.removeFinalizer(owner, FINALIZER_FOREGROUND);
  }

  private removeFinalizer(owner: KubeObject, finalizer: string): void {
    const current = this.api.get(owner.kind, owner.metadata.namespace, owner.metadata.name!);
    if (!current) return;
    const remaining = (current.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (remaining.length === 0) {
      this.finishing.delete(owner.metadata.uid!);
      this.api.finalize(current);
      return;
    }
    const next = clone(current);
    next.metadata.finalizers = remaining;
    this.api.writeStatus(next);
  }
}
