// the workloads as the cluster panel lists them: Deployments with their current ReplicaSet,
// ReplicaSets (and ReplicationControllers) with their owner, DaemonSets — counts from the
// `kubectl get` printers.

import type { Cluster } from '../sim/cluster.ts';
import { controllerOf } from '../sim/api/meta.ts';
import type { DaemonSet, Deployment, ReplicaSet, ReplicationController } from '../sim/api/types.ts';
import { replicaSetsOf } from '../sim/kubectl/describe/deployment.ts';
import type { RowContext } from '../sim/kubectl/printers/row-helpers.ts';
import {
  daemonSetRow,
  deploymentRow,
  replicaSetRow,
  replicationControllerRow,
} from '../sim/kubectl/printers/workload-columns.ts';

export interface DeploymentView {
  namespace: string;
  name: string;
  /** ready/desired, as the READY column */
  ready: string;
  upToDate: number;
  available: number;
  /** the ReplicaSet that matches the current template */
  replicaSet: string | null;
}

export interface ReplicaSetView {
  kind: 'ReplicaSet' | 'ReplicationController';
  namespace: string;
  name: string;
  desired: number;
  current: number;
  ready: number;
  owner: string | null;
}

export interface DaemonSetView {
  namespace: string;
  name: string;
  desired: number;
  current: number;
  ready: number;
}

export interface WorkloadsView {
  deployments: DeploymentView[];
  replicaSets: ReplicaSetView[];
  daemonSets: DaemonSetView[];
}

/** the workloads in the namespaces `visible` lets through */
export function workloadsView(
  cluster: Cluster,
  visible: (obj: { metadata: { namespace?: string } }) => boolean,
  ctx: RowContext,
): WorkloadsView {
  const deployments = cluster.api
    .list<Deployment>('Deployment')
    .filter(visible)
    .map((d): DeploymentView => {
      const [name = '', ready = '', upToDate = '0', available = '0'] = deploymentRow(d, ctx);
      const { newRS } = replicaSetsOf(cluster, d);
      return {
        namespace: d.metadata.namespace ?? '',
        name,
        ready,
        upToDate: Number(upToDate),
        available: Number(available),
        replicaSet: newRS?.metadata.name ?? null,
      };
    });
  const replicaSet = (kind: ReplicaSetView['kind'], cells: string[], obj: ReplicaSet | ReplicationController): ReplicaSetView => {
    const owner = controllerOf(obj);
    return {
      kind,
      namespace: obj.metadata.namespace ?? '',
      name: cells[0] ?? '',
      desired: Number(cells[1]),
      current: Number(cells[2]),
      ready: Number(cells[3]),
      owner: owner ? `${owner.kind}/${owner.name}` : null,
    };
  };
  const replicaSets = [
    ...cluster.api
      .list<ReplicaSet>('ReplicaSet')
      .filter(visible)
      .map((rs) => replicaSet('ReplicaSet', replicaSetRow(rs, ctx), rs)),
    ...cluster.api
      .list<ReplicationController>('ReplicationController')
      .filter(visible)
      .map((rc) => replicaSet('ReplicationController', replicationControllerRow(rc, ctx), rc)),
  ];
  const daemonSets = cluster.api
    .list<DaemonSet>('DaemonSet')
    .filter(visible)
    .map((ds): DaemonSetView => {
      const [name = '', desired, current, ready] = daemonSetRow(ds, ctx);
      return {
        namespace: ds.metadata.namespace ?? '',
        name,
        desired: Number(desired),
        current: Number(current),
        ready: Number(ready),
      };
    });
  return { deployments, replicaSets, daemonSets };
}
