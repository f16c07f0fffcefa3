// controllers: printReplicaSet, printReplicationController, printDeployment and printDaemonSet.
// replica counts print as plain integers; the wide columns list the template's containers and
// images and the selector.

import type { DaemonSet, Deployment, ReplicaSet, ReplicationController } from '../../api/types.ts';
import { age } from './duration.ts';
import { containerCells, formatLabels, formatLabelSelector, labelSelectorString, type RowContext } from './row-helpers.ts';

/** the apiserver defaults spec.replicas to 1, so an unset value reads as 1 */
const desired = (replicas: number | undefined): number => replicas ?? 1;

export function replicaSetRow(rs: ReplicaSet, ctx: RowContext): string[] {
  return [
    rs.metadata.name ?? '',
    String(desired(rs.spec.replicas)),
    String(rs.status?.replicas ?? 0),
    String(rs.status?.readyReplicas ?? 0),
    age(rs.metadata.creationTimestamp, ctx.now),
    ...containerCells(rs.spec.template?.spec?.containers),
    formatLabelSelector(rs.spec.selector),
  ];
}

export function replicationControllerRow(rc: ReplicationController, ctx: RowContext): string[] {
  return [
    rc.metadata.name ?? '',
    String(desired(rc.spec.replicas)),
    String(rc.status?.replicas ?? 0),
    String(rc.status?.readyReplicas ?? 0),
    age(rc.metadata.creationTimestamp, ctx.now),
    ...containerCells(rc.spec.template?.spec?.containers),
    // a replication controller's selector is a plain map, formatted like labels
    formatLabels(rc.spec.selector),
  ];
}

export function deploymentRow(d: Deployment, ctx: RowContext): string[] {
  const status = d.status ?? {};
  return [
    d.metadata.name ?? '',
    `${status.readyReplicas ?? 0}/${desired(d.spec.replicas)}`,
    String(status.updatedReplicas ?? 0),
    String(status.availableReplicas ?? 0),
    age(d.metadata.creationTimestamp, ctx.now),
    ...containerCells(d.spec.template?.spec?.containers),
    // printDeployment prints selector.String() as is: an empty selector stays empty
    labelSelectorString(d.spec.selector),
  ];
}

export function daemonSetRow(ds: DaemonSet, ctx: RowContext): string[] {
  const status = ds.status;
  return [
    ds.metadata.name ?? '',
    String(status?.desiredNumberScheduled ?? 0),
    String(status?.currentNumberScheduled ?? 0),
    String(status?.numberReady ?? 0),
    String(status?.updatedNumberScheduled ?? 0),
    String(status?.numberAvailable ?? 0),
    formatLabels(ds.spec.template?.spec?.nodeSelector),
    age(ds.metadata.creationTimestamp, ctx.now),
    ...containerCells(ds.spec.template?.spec?.containers),
    formatLabelSelector(ds.spec.selector),
  ];
}
