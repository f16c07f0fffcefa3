// the default scheduler: filters nodes (ready, schedulable, taints tolerated, nodeSelector)
// and scores them to spread a workload's pods, then binds. unschedulable pods get the
// scheduler's own message and event.

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { controllerOf, timestamp } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Node, Pod, Taint, Toleration } from '../api/types.ts';
import type { Random } from '../random.ts';

interface Placement {
  node: string;
  owner: string | undefined;
}

export class Scheduler {
  /** pod uid → where it runs, to keep per-node counts without scanning */
  private placements = new Map<string, Placement>();
  private podsOnNode = new Map<string, number>();
  private ownerOnNode = new Map<string, Map<string, number>>();
  private pending = new Set<string>();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    private readonly random: Random,
  ) {}

  /** the node list, kept until a node changes (nodes change rarely, pods constantly) */
  private nodes: Node[] | null = null;

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
    for (const key of [...this.pending]) {
      if (placed >= limit) return;
      const [namespace, name] = key.split('/') as [string, string];
      const pod = this.api.get<Pod>('Pod', namespace, name);
      if (!pod || pod.spec.nodeName) continue;
      this.schedule(pod);
      if (!this.pending.has(key)) placed++;
    }
  }

  private place(uid: string, node: string, owner: string | undefined): void {
    this.placements.set(uid, { node, owner });
    this.podsOnNode.set(node, (this.podsOnNode.get(node) ?? 0) + 1);
    if (owner) {
      let byNode = this.ownerOnNode.get(owner);
      if (!byNode) this.ownerOnNode.set(owner, (byNode = new Map()));
      byNode.set(node, (byNode.get(node) ?? 0) + 1);
    }
  }

  private unplace(uid: string): void {
    const placement = this.placements.get(uid);
    if (!placement) return;
    this.placements.delete(uid);
    this.podsOnNode.set(placement.node, (this.podsOnNode.get(placement.node) ?? 1) - 1);
    if (placement.owner) {
      const byNode = this.ownerOnNode.get(placement.owner);
      byNode?.set(placement.node, (byNode.get(placement.node) ?? 1) - 1);
    }
  }

  private schedule(pod: Pod): void {
    const nodes = (this.nodes ??= this.api.list<Node>('Node'));
    const reasons = new Map<string, number>();
    const fits: Node[] = [];
    const selector = Object.entries(pod.spec.nodeSelector ?? {});
    for (const node of nodes) {
      const reason = this.unfit(pod, node, selector);
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      else fits.push(node);
    }
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (fits.length === 0) {
      this.pending.add(key);
      this.reportUnschedulable(pod, nodes.length, reasons);
      return;
    }
    this.pending.delete(key);
    const owner = controllerOf(pod)?.uid;
    const score = (node: Node) => {
      const name = node.metadata.name!;
      const sameOwner = owner ? (this.ownerOnNode.get(owner)?.get(name) ?? 0) : 0;
      return sameOwner * 1000 + (this.podsOnNode.get(name) ?? 0);
    };
    // the least loaded nodes, fewest of this workload's pods first: one pass
    let best = Infinity;
    let candidates: Node[] = [];
    for (const node of fits) {
      const value = score(node);
      if (value < best) [best, candidates] = [value, [node]];
      else if (value === best) candidates.push(node);
    }
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
  private unfit(pod: Pod, node: Node, selector: [string, string][]): string | null {
    const facts = this.factsOf(node);
    if (node.spec.unschedulable) return 'node(s) were unschedulable';
    if (!facts.ready) return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
    for (const taint of facts.taints) {
      if (!(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) {
        return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
      }
    }
    const labels = node.metadata.labels ?? {};
    for (const [k, v] of selector) if (labels[k] !== v) return "node(s) didn't match Pod's node affinity/selector";
    // NodeResourcesFit: the kubelet's max-pods is the node's allocatable pod count (110 on kind)
    if ((this.podsOnNode.get(node.metadata.name!) ?? 0) >= facts.room) return TOO_MANY_PODS;
    return null;
  }

  /** what filtering reads of a node, worked out once per version of the node */
  private facts = new WeakMap<Node, { ready: boolean; taints: Taint[]; room: number }>();

  private factsOf(node: Node): { ready: boolean; taints: Taint[]; room: number } {
    let facts = this.facts.get(node);
    if (!facts) {
      facts = {
        ready: node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True',
        taints: (node.spec.taints ?? []).filter((t) => t.effect !== 'PreferNoSchedule'),
        room: Number(node.status.allocatable?.['pods'] ?? Infinity),
      };
      this.facts.set(node, facts);
    }
    return facts;
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
