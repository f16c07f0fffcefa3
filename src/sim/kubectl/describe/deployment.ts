// describeDeployment: replica counts, the rollout strategy, the pod template, conditions, and
// the ReplicaSets it owns split into OldReplicaSets and the NewReplicaSet that matches its template

import { controllerOf } from '../../api/meta.ts';
import { matchesSelector, selectorToString } from '../../api/validation/selectors.ts';
import type { Deployment, KubeEvent, ReplicaSet } from '../../api/types.ts';
import { oldestFirst, templatesEqual } from '../../controllers/deployment-util.ts';
import { describeEvents, type DescribeCluster } from './events.ts';
import { intOrString, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format.ts';
import { describePodTemplate } from './pod-template.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.ts';

/** GetAllReplicaSets: the ReplicaSets this Deployment controls, and which of them is the new one */
export function replicaSetsOf(cluster: DescribeCluster, d: Deployment): { oldRSs: ReplicaSet[]; newRS: ReplicaSet | undefined } {
  const owned = cluster.store
    .ownedBy(d.metadata.uid ?? '')
    .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && o.metadata.namespace === d.metadata.namespace)
    .filter((rs) => controllerOf(rs)?.uid === d.metadata.uid && matchesSelector(d.spec.selector, rs.metadata.labels))
    // FindNewReplicaSet sorts the list in place, oldest first, before both lookups
    .sort(oldestFirst);
  const newRS = owned.find((rs) => templatesEqual(rs.spec.template, d.spec.template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, comma separated */
function replicaSetList(list: ReplicaSet[]): string {
  const text = list
    .map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`)
    .join(', ');
  return text || '<none>';
}

export function describeDeployment(d: Deployment, cluster: DescribeCluster, events: KubeEvent[] | null, now: number): string {
  const { oldRSs, newRS } = replicaSetsOf(cluster, d);
  const status = d.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorToString(d.spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
    const rolling = d.spec.strategy?.rollingUpdate;
    if (rolling) {
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${intOrString(rolling.maxUnavailable)} max unavailable, ${intOrString(rolling.maxSurge)} max surge\n`,
      );
    }
    describePodTemplate(w, d.spec.template);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(w, events, now);
  });
}
