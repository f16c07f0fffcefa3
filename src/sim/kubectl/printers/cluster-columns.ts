// printNode, printNamespace, printEvent, printConfigMap and printServiceAccount. events are what `kubectl get events`
// shows: the server-side table (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE), not `kubectl events`.

import type { ConfigMap, KubeEvent, Namespace, Node, ServiceAccount } from '../../api/types.ts';
import { age } from './duration.ts';
import type { RowContext } from './row-helpers.ts';
import { compareStrings } from './go-fmt.ts';

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted, unique */
function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = key.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_LABEL_ROLE && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort(compareStrings);
}

const nodeAddress = (node: Node, type: string): string =>
  (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';

export function nodeRow(node: Node, ctx: RowContext): string[] {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const info = node.status?.nodeInfo;
  return [
    node.metadata.name ?? '',
    status.join(','),
    nodeRoles(node).join(',') || '<none>',
    age(node.metadata.creationTimestamp, ctx.now),
    info?.kubeletVersion ?? '',
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

export const namespaceRow = (ns: Namespace, ctx: RowContext): string[] => [
  ns.metadata.name ?? '',
  ns.status?.phase ?? '',
  age(ns.metadata.creationTimestamp, ctx.now),
];

/** fields of newer events that types.ts does not model */
interface EventExtras {
  series?: { count?: number; lastObservedTime?: string };
  reportingComponent?: string;
  reportingInstance?: string;
}

/** formatEventSource: component (or reporting controller), then `, host` when there is one */
function eventSource(ev: KubeEvent & EventExtras): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export function eventRow(event: KubeEvent, ctx: RowContext): string[] {
  const ev = event as KubeEvent & EventExtras;
  const firstSeen = ev.firstTimestamp ? age(ev.firstTimestamp, ctx.now) : age(ev.eventTime, ctx.now);
  let lastSeen = ev.lastTimestamp ? age(ev.lastTimestamp, ctx.now) : firstSeen;
  let count = ev.count ?? 0;
  if (ev.series) {
    lastSeen = age(ev.series.lastObservedTime, ctx.now);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    // singleton events of the events.k8s.io API carry no count
    count = 1;
  }
  const involved = ev.involvedObject ?? {};
  const kind = (involved.kind ?? '').toLowerCase();
  const target = involved.name ? `${kind}/${involved.name}` : kind;
  return [
    lastSeen,
    ev.type ?? '',
    ev.reason ?? '',
    target,
    involved.fieldPath ?? '',
    eventSource(ev),
    (ev.message ?? '').trim(),
    firstSeen,
    String(count),
    ev.metadata.name ?? '',
  ];
}

export function configMapRow(cm: ConfigMap, ctx: RowContext): string[] {
  const binaryData = (cm as { binaryData?: Record<string, string> }).binaryData;
  const count = Object.keys(cm.data ?? {}).length + Object.keys(binaryData ?? {}).length;
  return [cm.metadata.name ?? '', String(count), age(cm.metadata.creationTimestamp, ctx.now)];
}

/** printServiceAccount: SECRETS counts the (legacy) secrets the account lists */
export function serviceAccountRow(sa: ServiceAccount, ctx: RowContext): string[] {
  return [sa.metadata.name ?? '', String(sa.secrets?.length ?? 0), age(sa.metadata.creationTimestamp, ctx.now)];
}
