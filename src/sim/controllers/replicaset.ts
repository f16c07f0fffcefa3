// the ReplicaSet controller (and the ReplicationController one, which differs only in its
// selector type): claims pods by label selector — adopting matching orphans, releasing owned
// pods that no longer match — then creates or deletes pods until `replicas` are active

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { clone, controllerOf, ownerReferenceTo, parseTimestamp, withStatus } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type {
  KubeObject,
  LabelSelector,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  ReplicaSetStatus,
  ReplicationController,
} from '../api/types.ts';
import { labelSelectorAsSelector, matchesRequirements, matchesSelector } from '../api/validation/selectors.ts';
import { keyOf, splitKey, WorkQueue, type Controller } from './controller.ts';
import { ACTIVE, LABELED, PodTally, READY, TERMINATING, UNCLAIMED } from './pod-tally.ts';

type Workload = ReplicaSet | ReplicationController;

/** pods are created at most this many per sync, as the real controller's slow-start batches allow */
const BURST = 500;

export class ReplicaSetController implements Controller {
  readonly name: string;
  private queue = new WorkQueue();
  /** namespace → names of pods that have no controller: candidates for adoption */
  private orphans = new Map<string, Set<string>>();
  /** workload uid → what its status counts of its pods, kept up to date from pod events */
  private tallies = new Map<string, PodTally>();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    private readonly kind: 'ReplicaSet' | 'ReplicationController',
  ) {
    this.name = kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller';
  }

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === this.kind) {
      if (event.type === 'DELETED') this.tallies.delete(obj.metadata.uid!);
      this.queue.add(keyOf(obj.metadata.namespace, obj.metadata.name!));
      return;
    }
    if (obj.kind !== 'Pod') return;
    const namespace = obj.metadata.namespace!;
    const owner = controllerOf(obj);
    const oldOwner = event.old ? controllerOf(event.old) : undefined;
    // the pod's latest version replaces what it counted for; it leaves a workload it no longer names
    const stays = event.type !== 'DELETED' && owner?.uid === oldOwner?.uid;
    if (oldOwner && !stays) this.tallies.get(oldOwner.uid)?.remove(obj.metadata.uid!);
    if (owner && event.type !== 'DELETED') {
      const tally = this.tallies.get(owner.uid);
      tally?.set(obj.metadata.uid!, tally.bitsOf(obj as Pod));
    }
    if (owner?.kind === this.kind) this.queue.add(keyOf(namespace, owner.name));
    if (oldOwner?.kind === this.kind) this.queue.add(keyOf(namespace, oldOwner.name));
    let set = this.orphans.get(namespace);
    if (!set) this.orphans.set(namespace, (set = new Set()));
    if (event.type !== 'DELETED' && !owner) {
      set.add(obj.metadata.name!);
      // a new orphan may be wanted by any workload in the namespace whose selector matches it
      for (const w of this.api.list<Workload>(this.kind, namespace)) {
        if (matchesSelector(this.selectorOf(w), obj.metadata.labels ?? {})) this.queue.add(keyOf(namespace, w.metadata.name!));
      }
    } else {
      set.delete(obj.metadata.name!);
    }
  }

  syncAll(): void {
    for (const key of this.queue.drain()) {
      const [namespace, name] = splitKey(key);
      const workload = this.api.get<Workload>(this.kind, namespace, name);
      if (workload && !workload.metadata.deletionTimestamp) this.sync(workload);
    }
  }

  private selectorOf(w: Workload): LabelSelector {
    if (w.kind === 'ReplicaSet') return w.spec.selector;
    return { matchLabels: w.spec.selector ?? w.spec.template?.metadata?.labels ?? {} };
  }

  /** spec → its selector compiled: a spec is shared by every status version of the workload, and replaced on edit */
  private compiled = new WeakMap<object, (labels: Record<string, string> | undefined) => boolean>();

  private compiledSelector(w: Workload): (labels: Record<string, string> | undefined) => boolean {
    let selector = this.compiled.get(w.spec);
    if (!selector) this.compiled.set(w.spec, (selector = compileSelector(this.selectorOf(w))));
    return selector;
  }

  private templateOf(w: Workload): PodTemplateSpec {
    return w.spec.template as PodTemplateSpec;
  }

  /** owned pods that still match, plus matching orphans, adopted now; every pod it visits goes into `tally` */
  private claimPods(w: Workload, tally: PodTally): Pod[] {
    const namespace = w.metadata.namespace!;
    const selector = this.compiledSelector(w);
    const claimed: Pod[] = [];
    // indexed loops over pods, here and below: until the optimising compiler takes a function over,
    // for-of allocates an iterator step for every element, and a sync walks every pod it owns
    const owned = this.api.store.ownedBy(w.metadata.uid!);
    for (let i = 0; i < owned.length; i++) {
      const obj = owned[i]!;
      if (obj.kind !== 'Pod' || controllerOf(obj)?.uid !== w.metadata.uid) continue;
      const pod = obj as Pod;
      tally.set(pod.metadata.uid!, tally.bitsOf(pod));
      if (selector(pod.metadata.labels)) claimed.push(pod);
      else if (!pod.metadata.deletionTimestamp) this.release(pod, w);
    }
    for (const name of [...(this.orphans.get(namespace) ?? [])].sort()) {
      const pod = this.api.get<Pod>('Pod', namespace, name);
      if (!pod || controllerOf(pod) || pod.metadata.deletionTimestamp) continue;
      if (!selector(pod.metadata.labels)) continue;
      const adopted = clone(pod);
      adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), ownerReferenceTo(w)];
      const result = this.api.update(adopted);
      if (!result.ok) continue;
      claimed.push(result.object);
      tally.set(result.object.metadata.uid!, tally.bitsOf(result.object));
    }
    return claimed;
  }

  private release(pod: Pod, w: Workload): void {
    const released = clone(pod);
    released.metadata.ownerReferences = (released.metadata.ownerReferences ?? []).filter((r) => r.uid !== w.metadata.uid);
    if (released.metadata.ownerReferences.length === 0) delete released.metadata.ownerReferences;
    this.api.update(released);
  }

  private sync(w: Workload): void {
    const want = w.spec.replicas ?? 1;
    const minReady = (w.spec.minReadySeconds ?? 0) * 1000;
    let tally = this.tallies.get(w.metadata.uid!);
    // the active pods, when the sync visits them all: to claim, release or adopt pods, to pick
    // pods to delete, or to time their availability. otherwise the tally has all the status needs
    let active: Pod[] | null = null;
    if (
      !tally ||
      tally.spec !== w.spec ||
      tally.unclaimed > 0 ||
      tally.active > want ||
      minReady > 0 ||
      (this.orphans.get(w.metadata.namespace!)?.size ?? 0) > 0
    ) {
      const selector = this.compiledSelector(w);
      const wanted = Object.entries(this.templateOf(w).metadata?.labels ?? {});
      tally = new PodTally(w.spec, (pod) => podBits(pod, selector, wanted));
      this.tallies.set(w.metadata.uid!, tally);
      const pods = this.claimPods(w, tally);
      active = [];
      for (let i = 0; i < pods.length; i++) if (isActive(pods[i]!)) active.push(pods[i]!);
    }
    const created: Pod[] = [];
    const deleted: Pod[] = [];
    const diff = tally.active - want;
    if (diff < 0) {
      for (let i = 0; i < Math.min(-diff, BURST); i++) {
        const pod = this.createPod(w);
        if (!pod) break;
        created.push(pod);
        active?.push(pod);
      }
    } else if (diff > 0 && active) {
      const victims = byDeletionOrder(active).slice(0, diff);
      for (const pod of victims) {
        const result = this.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!);
        if (result.ok) {
          this.events.record(w, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, { component: this.name });
          active.splice(active.indexOf(pod), 1);
          deleted.push(pod);
        }
      }
    }
    this.writeStatus(w, tally, created, deleted, active);
  }

  private createPod(w: Workload): Pod | null {
    const template = this.templateOf(w);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${w.metadata.name}-`,
        namespace: w.metadata.namespace!,
        labels: { ...(template.metadata?.labels ?? {}) },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [ownerReferenceTo(w)],
      },
      spec: clone(template.spec),
    };
    const result = this.api.create(pod, w.metadata.namespace, { handOver: true });
    if (!result.ok) {
      this.events.record(w, 'Warning', 'FailedCreate', `Error creating: ${result.error.message}`, { component: this.name });
      return null;
    }
    this.events.record(w, 'Normal', 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`, { component: this.name });
    return result.object;
  }

  /**
   * calculateStatus: the tally as the sync found it, with the pods it created and deleted since;
   * `active` (the pods active now) is there when availability has to be timed
   */
  private writeStatus(w: Workload, tally: PodTally, created: Pod[], deleted: Pod[], active: Pod[] | null): void {
    const wanted = Object.entries(this.templateOf(w).metadata?.labels ?? {});
    // the pods created and deleted count as the active pods they were
    const replicas = tally.active + created.length - deleted.length;
    let fullyLabeled = tally.labeled;
    let ready = tally.ready;
    for (const pod of created) {
      if (hasLabels(pod, wanted)) fullyLabeled++;
      if (isPodReady(pod)) ready++;
    }
    for (const pod of deleted) {
      if (hasLabels(pod, wanted)) fullyLabeled--;
      if (isPodReady(pod)) ready--;
    }
    const minReady = (w.spec.minReadySeconds ?? 0) * 1000;
    let available = ready;
    if (minReady > 0) {
      const now = this.api.clock.now();
      available = 0;
      for (const p of active!) if (isPodReady(p) && now - readySince(p) >= minReady) available++;
    }
    const status: ReplicaSetStatus = {
      replicas,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: w.metadata.generation ?? 1,
      terminatingReplicas: tally.terminating,
    };
    if (sameStatus(status, w.status)) return;
    this.api.writeStatus(withStatus(w as KubeObject, status));
  }
}

/** not being deleted and not finished: a pod the workload counts towards its replicas */
function isActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** what a pod counts for in its workload's status, given the workload's selector and template labels */
function podBits(
  pod: Pod,
  selector: (labels: Record<string, string> | undefined) => boolean,
  wanted: [string, string][],
): number {
  if (!selector(pod.metadata.labels)) return pod.metadata.deletionTimestamp ? 0 : UNCLAIMED;
  if (pod.metadata.deletionTimestamp) return TERMINATING;
  if (!isActive(pod)) return 0;
  return ACTIVE | (hasLabels(pod, wanted) ? LABELED : 0) | (isPodReady(pod) ? READY : 0);
}

/** the pod carries every one of the template's labels */
function hasLabels(pod: Pod, wanted: [string, string][]): boolean {
  const labels = pod.metadata.labels;
  for (let i = 0; i < wanted.length; i++) if (labels?.[wanted[i]![0]] !== wanted[i]![1]) return false;
  return true;
}

function sameStatus(a: ReplicaSetStatus, b: ReplicaSetStatus | undefined): boolean {
  if (!b) return false;
  const keys = Object.keys(a) as (keyof ReplicaSetStatus)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** a selector parsed once, as a predicate; an invalid selector matches nothing */
export function compileSelector(selector: LabelSelector): (labels: Record<string, string> | undefined) => boolean {
  const parsed = labelSelectorAsSelector(selector);
  if ('error' in parsed) return () => false;
  return (labels) => matchesRequirements(parsed.selector, labels ?? {});
}

/** the pod's Ready condition is True (a plain scan of a handful of conditions: cheaper than remembering it) */
export function isPodReady(pod: Pod): boolean {
  const conditions = pod.status?.conditions;
  if (!conditions) return false;
  for (let i = 0; i < conditions.length; i++)
    if (conditions[i]!.type === 'Ready' && conditions[i]!.status === 'True') return true;
  return false;
}

function readySince(pod: Pod): number {
  const condition = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return parseTimestamp(condition?.lastTransitionTime) ?? 0;
}

/** the pods in the order the controller deletes them on scale-down: the least useful first */
function byDeletionOrder(pods: Pod[]): Pod[] {
  // each pod is ranked once, not at every comparison the sort makes (a rollout sorts a thousand pods a step)
  const ranked = pods.map((pod) => ({ pod, rank: deletionRank(pod) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
    return a.pod.metadata.name!.localeCompare(b.pod.metadata.name!);
  });
  return ranked.map((r) => r.pod);
}

function deletionRank(p: Pod): number[] {
  return [
    p.spec.nodeName ? 1 : 0,
    { Pending: 0, Unknown: 1, Running: 2 }[p.status?.phase as 'Pending'] ?? 0,
    isPodReady(p) ? 1 : 0,
    -Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount)),
    // newer pods go before older ones
    -(parseTimestamp(p.metadata.creationTimestamp) ?? 0),
  ];
}
