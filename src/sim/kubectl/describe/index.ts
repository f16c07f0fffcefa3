// kubectl describe's describers, one per kind as describe.go registers them, behind a single
// entry point: the object, the cluster to look up what it relates to, and the time to age against

import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  Endpoints,
  EndpointSlice,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
  ServiceAccount,
} from '../../api/types.ts';
import { describeConfigMap } from './configmap.ts';
import { describeDaemonSet } from './daemonset.ts';
import { describeDeployment } from './deployment.ts';
import { describeEndpointSlice } from './endpointslice.ts';
import { eventsAbout, nodeEvents, type DescribeCluster } from './events.ts';
import { describeGeneric } from './generic.ts';
import { describeNamespace } from './namespace.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeReplicaSet, describeReplicationController } from './replicaset.ts';
import { describeEndpoints, describeService } from './service.ts';
import { describeServiceAccount } from './serviceaccount.ts';

export interface DescribeContext {
  /** the cluster's clock, epoch ms: ages and lease times are measured against it */
  now: number;
  cluster: DescribeCluster;
  /** --show-events; true unless turned off */
  showEvents?: boolean;
}

/** the text `kubectl describe` prints for one object, ending in a newline */
export function describeObject(obj: KubeObject, ctx: DescribeContext): string {
  const { cluster, now } = ctx;
  const show = ctx.showEvents !== false;
  const events = () => (show ? eventsAbout(cluster, obj) : null);
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj as Pod, events(), now);
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, cluster, events(), now);
    case 'ReplicationController':
      return describeReplicationController(obj as ReplicationController, cluster, events(), now);
    case 'Deployment':
      return describeDeployment(obj as Deployment, cluster, events(), now);
    case 'DaemonSet':
      return describeDaemonSet(obj as DaemonSet, cluster, events(), now);
    case 'Node':
      return describeNode(obj as Node, cluster, show ? nodeEvents(cluster, obj) : null, now);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'Service':
      return describeService(obj as Service, cluster, events(), now);
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints, events(), now);
    case 'EndpointSlice':
      return describeEndpointSlice(obj as EndpointSlice, events(), now);
    case 'ConfigMap':
      return describeConfigMap(obj as ConfigMap, events(), now);
    case 'ServiceAccount':
      return describeServiceAccount(obj as ServiceAccount, events(), now);
    default:
      return describeGeneric(obj, events(), now);
  }
}

export { describePod } from './pod.ts';
export { describeReplicaSet, describeReplicationController } from './replicaset.ts';
export { describeDeployment } from './deployment.ts';
export { describeNode } from './node.ts';
export { describeNamespace } from './namespace.ts';
export { describeService, describeEndpoints } from './service.ts';
export { describeConfigMap } from './configmap.ts';
export { describeEndpointSlice } from './endpointslice.ts';
export { describeDaemonSet } from './daemonset.ts';
