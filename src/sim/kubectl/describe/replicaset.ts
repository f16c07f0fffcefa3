// describeReplicaSet and describeReplicationController: selector, owner, replica counts, the
// phases of the pods they own, the pod template, conditions and events

import { formatLabelSelector, labelSelectorAsSelector, selectorFromSet } from '../../api/validation/selectors.ts';
import type { KubeEvent, ReplicaSet, ReplicationController } from '../../api/types.ts';
import { formatLabels } from '../printers/row-helpers.ts';
import { describeEvents, type DescribeCluster } from './events.ts';
import { controlledBy, printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { describePodTemplate, podStatusForController, podsStatusText } from './pod-template.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.ts';

interface ReplicaCondition {
  type: string;
  status: string;
  reason?: string;
}

function describeConditions(w: PrefixWriter, conditions: ReplicaCondition[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

const conditionsOf = (status: unknown): ReplicaCondition[] | undefined =>
  (status as { conditions?: ReplicaCondition[] } | undefined)?.conditions;

export function describeReplicaSet(rs: ReplicaSet, cluster: DescribeCluster, events: KubeEvent[] | null, now: number): string {
  const parsed = labelSelectorAsSelector(rs.spec.selector);
  const podsStatus =
    'error' in parsed
      ? `error in fetching pods: ${parsed.error}`
      : podsStatusText(podStatusForController(cluster, rs.metadata.namespace, parsed.selector, rs.metadata.uid));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controller = controlledBy(rs);
    if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${podsStatus}\n`);
    describePodTemplate(w, rs.spec.template);
    describeConditions(w, conditionsOf(rs.status));
    if (events) describeEvents(w, events, now);
  });
}

export function describeReplicationController(
  rc: ReplicationController,
  cluster: DescribeCluster,
  events: KubeEvent[] | null,
  now: number,
): string {
  const counts = podStatusForController(cluster, rc.metadata.namespace, selectorFromSet(rc.spec.selector), rc.metadata.uid);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(counts)}\n`);
    describePodTemplate(w, rc.spec.template);
    describeConditions(w, conditionsOf(rc.status));
    if (events) describeEvents(w, events, now);
  });
}
