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

type Workload = ReplicaSet | ReplicationController;

/** pods are created at most this many per sync, as the real controller's slow-start batches allow */
const BURST = 500;

export class ReplicaSetController implements Controller {
  readonly name: string;
  private queue = new WorkQueue();
  /** namespace → names of pods that have no controller: candidates for adoption */
  private orphans = new Map<string, Set<string>>();

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
      this.queue.add(keyOf(obj.metadata.namespace, obj.metadata.name!));
      return;
    }
    if (obj.kind !== 'Pod') return;
    const namespace = obj.metadata.namespace!;
    const owner = controllerOf(obj);
    const oldOwner = event.old ? controllerOf(event.old) : undefined;
    for (const ref of [owner, oldOwner]) {
      if (ref?.kind === this.kind) this.queue.add(keyOf(namespace, ref.name));
    }
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

  private templateOf(w: Workload): PodTemplateSpec {
    return w.spec.template as PodTemplateSpec;
  }

  /** owned pods that still match, plus matching orphans, adopted now */
  private claimPods(w: Workload): Pod[] {
    const namespace = w.metadata.namespace!;
    const selector = compileSelector(this.selectorOf(w));
    const claimed: Pod[] = [];
    for (const obj of this.api.store.ownedBy(w.metadata.uid!)) {
      if (obj.kind !== 'Pod' || controllerOf(obj)?.uid !== w.metadata.uid) continue;
      const pod = obj as Pod;
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
      if (result.ok) claimed.push(result.object);
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
    const pods = this.claimPods(w);
    const active = pods.filter(
      (p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
    const want = w.spec.replicas ?? 1;
    const diff = active.length - want;
    if (diff < 0) {
      for (let i = 0; i < Math.min(-diff, BURST); i++) {
        const created = this.createPod(w);
        if (!created) break;
        active.push(created);
      }
    } else if (diff > 0) {
      const victims = [...active].sort(deletionOrder).slice(0, diff);
      for (const pod of victims) {
        const result = this.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!);
        if (result.ok) {
          this.events.record(w, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, { component: this.name });
          active.splice(active.indexOf(pod), 1);
        }
      }
    }
    this.writeStatus(w, active, pods);
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

  private writeStatus(w: Workload, active: Pod[], all: Pod[]): void {
    const template = this.templateOf(w);
    const templateLabels = template.metadata?.labels ?? {};
    const now = this.api.clock.now();
    const minReady = (w.spec.minReadySeconds ?? 0) * 1000;
    const ready = active.filter(isPodReady);
    const status: ReplicaSetStatus = {
      replicas: active.length,
      fullyLabeledReplicas: countFullyLabeled(active, Object.entries(templateLabels)),
      readyReplicas: ready.length,
      availableReplicas: minReady === 0 ? ready.length : ready.filter((p) => now - readySince(p) >= minReady).length,
      observedGeneration: w.metadata.generation ?? 1,
      terminatingReplicas: all.filter((p) => p.metadata.deletionTimestamp).length,
    };
    if (sameStatus(status, w.status)) return;
    this.api.writeStatus(withStatus(w as KubeObject, status));
  }
}

function countFullyLabeled(pods: Pod[], wanted: [string, string][]): number {
  let n = 0;
  for (const p of pods) {
    const labels = p.metadata.labels ?? {};
    if (wanted.every(([k, v]) => labels[k] === v)) n++;
  }
  return n;
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

/** stored objects are replaced, never changed in place, so readiness can be remembered per object */
const readiness = new WeakMap<Pod, boolean>();

export function isPodReady(pod: Pod): boolean {
  let ready = readiness.get(pod);
  if (ready === undefined) {
    ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
    readiness.set(pod, ready);
  }
  return ready;
}

function readySince(pod: Pod): number {
  const condition = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return parseTimestamp(condition?.lastTransitionTime) ?? 0;
}

/** which pods go first on scale-down, as the controller ranks them: the least useful first */
function deletionOrder(a: Pod, b: Pod): number {
  const rank = (p: Pod) => [
    p.spec.nodeName ? 1 : 0,
    { Pending: 0, Unknown: 1, Running: 2 }[p.status?.phase as 'Pending'] ?? 0,
    isPodReady(p) ? 1 : 0,
    -Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount)),
    // newer pods go before older ones
    -(parseTimestamp(p.metadata.creationTimestamp) ?? 0),
  ];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return a.metadata.name!.localeCompare(b.metadata.name!);
}
