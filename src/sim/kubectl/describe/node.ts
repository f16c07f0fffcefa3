// describeNode: roles, labels, taints, the kubelet's lease, conditions, addresses, capacity,
// system info, pod CIDRs, the pods running there with what they request, and events

import type { KubeEvent, Node, Pod } from '../../api/types.ts';
import { parseTime } from '../printers/duration.ts';
import { compareStrings } from '../printers/go-fmt.ts';
import { describeEvents, type DescribeCluster } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z } from './format.ts';
import { describeNodeResource } from './node-resources.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.ts';
import { canonicalQuantity } from './quantity.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
/** the kubelet renews its lease in kube-node-lease every ten seconds */
const LEASE_RENEW_MS = 10_000;

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and a `kubernetes.io/role` value */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return [...roles].sort(compareStrings);
}

/** the pods describe lists: bound to the node and not yet Succeeded or Failed, in every namespace */
export function nonTerminatedPods(cluster: DescribeCluster, node: string): Pod[] {
  return cluster.api
    .list<Pod>('Pod')
    .filter((p) => p.spec.nodeName === node && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/**
 * the simulator keeps no Lease objects; a healthy kubelet holds its node's lease and renewed it
 * within the last ten seconds, which is what describe would find
 */
function describeLease(w: PrefixWriter, node: Node, now: number): void {
  const created = parseTime(node.metadata.creationTimestamp) ?? now;
  const renewed = created + Math.floor(Math.max(0, now - created) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name ?? ''}\n`);
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  w.write(LEVEL_1, `RenewTime:\t${rfc1123z(renewed)}\n`);
}

export function describeNode(node: Node, cluster: DescribeCluster, events: KubeEvent[] | null, now: number): string {
  const pods = nonTerminatedPods(cluster, node.metadata.name ?? '');
  return tabbedString((w) => {
    const status = node.status;
    w.write(LEVEL_0, `Name:\t${node.metadata.name ?? ''}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
    describeLease(w, node, now);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const address of status.addresses ?? []) w.write(LEVEL_1, `${address.type}:\t${address.address}\n`);
    for (const [title, list] of [
      ['Capacity', status.capacity],
      ['Allocatable', status.allocatable],
    ] as const) {
      const names = Object.keys(list ?? {}).sort(compareStrings);
      if (names.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const name of names) w.write(LEVEL_0, `  ${name}:\t${canonicalQuantity(list[name]!)}\n`);
    }
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec.podCIDRs && node.spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(w, pods, node, now);
    if (events) describeEvents(w, events, now);
  });
}
