// every schema `kubectl explain` can walk in the simulator, and the kinds it starts from

import { CLUSTER_TYPES } from './schema-cluster.ts';
import { CONTAINER_TYPES } from './schema-container.ts';
import { DISCOVERY_TYPES } from './schema-discovery.ts';
import { META_TYPES } from './schema-meta.ts';
import { POD_TYPES } from './schema-pod.ts';
import { SERVICE_TYPES } from './schema-service.ts';
import type { TypeDef } from './schema-types.ts';
import { WORKLOAD_TYPES } from './schema-workloads.ts';

/** schemas by their short name, the last segment of the upstream `io.k8s.api.core.v1.PodSpec` */
export const TYPES: Readonly<Record<string, TypeDef>> = {
  ...META_TYPES,
  ...CONTAINER_TYPES,
  ...POD_TYPES,
  ...WORKLOAD_TYPES,
  ...SERVICE_TYPES,
  ...DISCOVERY_TYPES,
  ...CLUSTER_TYPES,
};

export interface ExplainKind {
  readonly kind: string;
  /** '' for the core group */
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}

/** the kinds this course explains; each kind's schema is the type of the same name */
export const EXPLAIN_KINDS: readonly ExplainKind[] = [
  { kind: 'ConfigMap', group: '', version: 'v1', resource: 'configmaps' },
  { kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments' },
  { kind: 'Endpoints', group: '', version: 'v1', resource: 'endpoints' },
  { kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' },
  { kind: 'Namespace', group: '', version: 'v1', resource: 'namespaces' },
  { kind: 'Node', group: '', version: 'v1', resource: 'nodes' },
  { kind: 'Pod', group: '', version: 'v1', resource: 'pods' },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', resource: 'replicasets' },
  { kind: 'ReplicationController', group: '', version: 'v1', resource: 'replicationcontrollers' },
  { kind: 'Service', group: '', version: 'v1', resource: 'services' },
  { kind: 'ServiceAccount', group: '', version: 'v1', resource: 'serviceaccounts' },
];
