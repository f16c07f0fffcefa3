// the default scheduler: filters nodes (ready, schedulable, taints tolerated, nodeSelector)
// and scores them to spread a workload's pods, then binds. unschedulable pods get the
// scheduler's own message and event.

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { controllerOf, timestamp } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Node, Pod, Taint, Toleration } from '../api/types.ts';
import type { Random } from '../random.ts';

/** a node in the scheduler's books: a slot for per-workload counts, and how many pods it runs */
interface NodeLoad {
  slot: number;
  pods: number;
}

interface Placement {
  load: NodeLoad;
  owner: string | undefined;
}

/** what filtering reads of a node, worked out once per version of the node list */
interface NodeFacts {
  node: Node;
  labels: Record<string, string>;
  unschedulable: boolean;
  ready: boolean;
  taints: Taint[];
  /** the filter's message for each of `taints`, should the pod not tolerate it */
  taintReasons: string[];
  room: number;
  load: NodeLoad;
}

function factsOf(node: Node, load: NodeLoad): NodeFacts {
  const taints = (node.spec.taints ?? []).filter((t) => t.effect !== 'PreferNoSchedule');
  return {
    node,
    load,
    labels: node.metadata.labels ?? {},
    unschedulable: Boolean(node.spec.unschedulable),
    ready: node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True',
    taints,
    taintReasons: taints.map((t) => `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`),
    room: Number(node.status.allocatable?.['pods'] ?? Infinity),
  };
}

export class Scheduler {
  /** pod uid → where it runs, to keep per-node counts without scanning */
  private placements = new Map<string, Placement>();
  /** node name → its load; a node keeps its slot for good */
  private loads = new Map<string, NodeLoad>();
  /** owner uid → its pods on each node, by node slot: scoring reads it for every node, for every pod */
  private ownerOnNode = new Map<string, number[]>();
  private pending = new Set<string>();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    private readonly random: Random,
  ) {}

  /** the node list with what filtering reads of each, kept until a node changes (nodes change rarely, pods constantly) */
  private nodes: NodeFacts[] | null = null;
  /** the best-scored nodes of the pod being placed: one array, emptied for each pod */
  private candidates: Node[] = [];

  handle(event: WatchEvent): void {
    if (event.resource === 'nodes') {
      this.nodes = null;
      // a node changed (taint removed, became ready): pending pods may fit now
      this.retryPending();
      return;
    }
    if (event.resource !== 'pods') return;
    const pod = event.object as Pod;
    const uid = pod.metadata.uid!;
    if (event.type === 'DELETED') {
      const freed = this.placements.has(uid);
      this.unplace(uid);
      this.pending.delete(`${pod.metadata.namespace}/${pod.metadata.name}`);
      // a pod left a node: one pod that did not fit for lack of room may take its place
      if (freed) this.retryPending(1);
      return;
    }
    if (pod.spec.nodeName) {
      if (!this.placements.has(uid)) this.place(uid, pod.spec.nodeName, controllerOf(pod)?.uid);
      return;
    }
    if (!pod.metadata.deletionTimestamp && (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler') {
      this.schedule(pod);
    }
  }

  /** tries the pods waiting for a node again, stopping after `limit` of them found one */
  private retryPending(limit = Infinity): void {
    let placed = 0;
    // the set itself, not a copy: scheduling a pod only removes or keeps that pod's own key
    for (const key of this.pending) {
      if (placed >= limit) return;
      const [namespace, name] = key.split('/') as [string, string];
      const pod = this.api.get<Pod>('Pod', namespace, name);
      if (!pod || pod.spec.nodeName) continue;
      this.schedule(pod);
      if (!this.pending.has(key)) placed++;
    }
  }

  private loadOf(node: string): NodeLoad {
    let load = this.loads.get(node);
    if (!load) this.loads.set(node, (load = { slot: this.loads.size, pods: 0 }));
    return load;
  }

  private place(uid: string, node: string, owner: string | undefined): void {
    const load = this.loadOf(node);
    this.placements.set(uid, { load, owner });
    load.pods += 1;
    if (owner) {
      let bySlot = this.ownerOnNode.get(owner);
      if (!bySlot) this.ownerOnNode.set(owner, (bySlot = []));
      // zeros up to the slot: a packed array of small integers stays fast to read
      while (bySlot.length <= load.slot) bySlot.push(0);
      bySlot[load.slot]! += 1;
    }
  }

  private unplace(uid: string): void {
    const placement = this.placements.get(uid);
    if (!placement) return;
    this.placements.delete(uid);
    const { load, owner } = placement;
    load.pods -= 1;
    if (owner) {
      const bySlot = this.ownerOnNode.get(owner);
      if (bySlot) bySlot[load.slot] = (bySlot[load.slot] ?? 1) - 1;
    }
  }

  private schedule(pod: Pod): void {
    const nodes = (this.nodes ??= this.api.list<Node>('Node').map((node) => factsOf(node, this.loadOf(node.metadata.name!))));
    const reasons = new Map<string, number>();
    const selector = Object.entries(pod.spec.nodeSelector ?? {});
    const owner = controllerOf(pod)?.uid;
    const ownerPods = owner ? this.ownerOnNode.get(owner) : undefined;
    // filter and score in one pass over the nodes (an indexed loop: this runs for every node, for
    // every pod placed): the least loaded nodes that fit, fewest of this workload's pods first
    let fits = 0;
    let best = Infinity;
    const candidates = this.candidates;
    candidates.length = 0;
    for (let i = 0; i < nodes.length; i++) {
      const facts = nodes[i]!;
      const reason = this.unfit(pod, facts, selector);
      if (reason) {
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        continue;
      }
      fits++;
      const value = (ownerPods?.[facts.load.slot] ?? 0) * 1000 + facts.load.pods;
      if (value < best) {
        best = value;
        candidates.length = 0;
      }
      if (value === best) candidates.push(facts.node);
    }
    if (fits === 0) {
      this.pending.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
      this.reportUnschedulable(pod, nodes.length, reasons);
      return;
    }
    if (this.pending.size > 0) this.pending.delete(`${pod.metadata.namespace}/${pod.metadata.name}`);
    const chosen = candidates[this.random.int(candidates.length)]!;
    // the binding changes only spec.nodeName and the status: the rest of the stored pod is shared
    const bound: Pod = { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, nodeName: chosen.metadata.name! } };
    bound.status = {
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: timestamp(this.api.clock.now()) },
      ],
      qosClass: pod.status?.qosClass ?? 'BestEffort',
    };
    this.place(pod.metadata.uid!, chosen.metadata.name!, owner);
    const stored = this.api.writeStatus(bound);
    this.events.record(
      stored,
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${chosen.metadata.name}`,
      {
        component: 'default-scheduler',
      },
    );
  }

  /** why a node cannot take the pod, in the scheduler's words; null when it fits */
  private unfit(pod: Pod, facts: NodeFacts, selector: [string, string][]): string | null {
    if (facts.unschedulable) return 'node(s) were unschedulable';
    if (!facts.ready) return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
    for (let i = 0; i < facts.taints.length; i++) {
      const taint = facts.taints[i]!;
      if (!(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) return facts.taintReasons[i]!;
    }
    for (let i = 0; i < selector.length; i++) {
      if (facts.labels[selector[i]![0]] !== selector[i]![1]) return "node(s) didn't match Pod's node affinity/selector";
    }
    // NodeResourcesFit: the kubelet's max-pods is the node's allocatable pod count (110 on kind)
    if (facts.load.pods >= facts.room) return TOO_MANY_PODS;
    return null;
  }

  private reportUnschedulable(pod: Pod, total: number, reasons: Map<string, number>): void {
    const parts = [...reasons].map(([reason, n]) => `${n} ${reason}`).sort();
    // preemption could free room on a full node, but every pod here has the same priority: no victims
    const full = reasons.get(TOO_MANY_PODS) ?? 0;
    const preemption = [
      ...(total - full > 0 ? [`${total - full} Preemption is not helpful for scheduling`] : []),
      ...(full > 0 ? [`${full} No preemption victims found for incoming pod`] : []),
    ].sort();
    const message = `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${preemption.join(', ')}.`;
    const condition = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (condition?.message === message) return;
    const next: Pod = { ...pod, metadata: { ...pod.metadata } };
    next.status = {
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: timestamp(this.api.clock.now()),
          reason: 'Unschedulable',
          message,
        },
      ],
      qosClass: pod.status?.qosClass ?? 'BestEffort',
    };
    const stored = this.api.writeStatus(next);
    this.events.record(stored, 'Warning', 'FailedScheduling', message, { component: 'default-scheduler' });
  }
}

const TOO_MANY_PODS = 'Too many pods';

export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}
