// the cluster panel's view model: what the workspace's "Cluster" tab shows, as plain data. it is
// DOM-free so it can be tested whole; every cell kubectl also prints (pod STATUS, READY, PORT(S),
// EXTERNAL-IP, node status and roles) comes from the simulator's own printers, never re-derived.

import type { Cluster } from '../sim/cluster.ts';
import { controllerOf } from '../sim/api/meta.ts';
import type { Node, Pod, Service } from '../sim/api/types.ts';
import { nodeRow } from '../sim/kubectl/printers/cluster-columns.ts';
import { podRow } from '../sim/kubectl/printers/pod-columns.ts';
import type { RowContext } from '../sim/kubectl/printers/row-helpers.ts';
import { serviceView, type ServiceView } from './service-view.ts';
import { workloadsView, type WorkloadsView } from './workload-view.ts';

export type { EndpointView, ServiceView } from './service-view.ts';
export type { DaemonSetView, DeploymentView, ReplicaSetView, WorkloadsView } from './workload-view.ts';

/** `mine`: the learner's namespaces (all but the system ones); `all`: everything */
export type NamespaceScope = 'mine' | 'all';

export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];

/** how a pod is doing, for the colour beside its STATUS word */
export type Health = 'ok' | 'progress' | 'failed' | 'done';

export interface PodView {
  namespace: string;
  name: string;
  /** the STATUS column of `kubectl get pods` */
  status: string;
  health: Health;
  /** the READY column: ready/total containers */
  ready: string;
  restarts: number;
  ip: string | null;
  /** the controlling owner as `Kind/name`, or null for a bare pod */
  owner: string | null;
}

export interface UnscheduledPodView extends PodView {
  /** why the scheduler could not place it (its PodScheduled condition), null while it has not tried */
  reason: string | null;
}

export interface NodeView {
  name: string;
  roles: string[];
  internalIP: string;
  /** the STATUS column of `kubectl get nodes`: Ready, NotReady, Ready,SchedulingDisabled … */
  status: string;
  ready: boolean;
  /** `key:Effect` or `key=value:Effect`, as kubectl describe lists them */
  taints: string[];
  pods: PodView[];
}

export interface ClusterView {
  nodes: NodeView[];
  unscheduled: UnscheduledPodView[];
  services: ServiceView[];
  workloads: WorkloadsView;
}

export interface ClusterViewOptions {
  namespaces: NamespaceScope;
}

/** statuses a pod passes through on its way to Running (or out): neither good nor bad yet */
const PROGRESS = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'NotReady', 'SchedulingGated']);

export function healthOf(status: string, ready: string): Health {
  if (status === 'Running') {
    const [up, all] = ready.split('/');
    return up === all ? 'ok' : 'progress';
  }
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (PROGRESS.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'progress';
  return 'failed';
}

const orNull = (cell: string | undefined): string | null => (!cell || cell === '<none>' ? null : cell);

function podView(pod: Pod, ctx: RowContext): PodView {
  const [name = '', ready = '', status = '', restarts = '0', , ip] = podRow(pod, ctx);
  const owner = controllerOf(pod);
  return {
    namespace: pod.metadata.namespace ?? '',
    name,
    status,
    health: healthOf(status, ready),
    ready,
    // the RESTARTS cell may carry the age of the last restart (`3 (5s ago)`): only the count stays put
    restarts: Number.parseInt(restarts, 10) || 0,
    ip: orNull(ip),
    owner: owner ? `${owner.kind}/${owner.name}` : null,
  };
}

function nodeView(node: Node, ctx: RowContext): NodeView {
  const [name = '', status = '', roles = '', , , internalIP = ''] = nodeRow(node, ctx);
  return {
    name,
    roles: roles === '<none>' ? [] : roles.split(','),
    internalIP,
    status,
    ready: status.split(',')[0] === 'Ready',
    taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    pods: [],
  };
}

const byNamespaceAndName = (a: PodView, b: PodView): number =>
  a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** the picture of the cluster the panel draws: nodes with their pods, pods not yet placed, Services, workloads */
export function clusterView(cluster: Cluster, options: ClusterViewOptions): ClusterView {
  const ctx: RowContext = { now: cluster.clock.now() };
  const visible = (obj: { metadata: { namespace?: string } }): boolean =>
    options.namespaces === 'all' || !SYSTEM_NAMESPACES.includes(obj.metadata.namespace ?? '');
  const nodes = cluster.api
    .list<Node>('Node')
    .map((node) => nodeView(node, ctx))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const unscheduled: UnscheduledPodView[] = [];
  for (const pod of cluster.api.list<Pod>('Pod')) {
    if (!visible(pod)) continue;
    const view = podView(pod, ctx);
    const node = pod.spec.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    if (node) {
      node.pods.push(view);
      continue;
    }
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
    unscheduled.push({ ...view, reason: scheduled?.message || null });
  }
  for (const node of nodes) node.pods.sort(byNamespaceAndName);
  unscheduled.sort(byNamespaceAndName);
  const services = cluster.api
    .list<Service>('Service')
    .filter(visible)
    .map((svc) => serviceView(cluster, svc, ctx));
  return { nodes, unscheduled, services, workloads: workloadsView(cluster, visible, ctx) };
}
