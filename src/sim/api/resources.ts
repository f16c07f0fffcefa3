// the resource types the simulated apiserver serves: how kubectl names them (plural, singular,
// short names, kind) and where they live (group/version, namespaced or not)

export interface ResourceType {
  /** plural resource name: `pods`, `deployments` */
  resource: string;
  singular: string;
  kind: string;
  shortNames: string[];
  /** '' for the core group */
  group: string;
  version: string;
  namespaced: boolean;
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `deployments.apps`, `pods`: how kubectl prints a resource with its group */
export function qualifiedName(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

const core = (resource: string, singular: string, kind: string, shortNames: string[], namespaced = true): ResourceType => ({
  resource,
  singular,
  kind,
  shortNames,
  group: '',
  version: 'v1',
  namespaced,
});

const apps = (resource: string, singular: string, kind: string, shortNames: string[]): ResourceType => ({
  resource,
  singular,
  kind,
  shortNames,
  group: 'apps',
  version: 'v1',
  namespaced: true,
});

/** the types this simulator stores and controls */
export const SIMULATED_TYPES: ResourceType[] = [
  core('pods', 'pod', 'Pod', ['po']),
  core('services', 'service', 'Service', ['svc']),
  core('endpoints', 'endpoints', 'Endpoints', ['ep']),
  core('namespaces', 'namespace', 'Namespace', ['ns'], false),
  core('nodes', 'node', 'Node', ['no'], false),
  core('events', 'event', 'Event', ['ev']),
  core('configmaps', 'configmap', 'ConfigMap', ['cm']),
  core('serviceaccounts', 'serviceaccount', 'ServiceAccount', ['sa']),
  core('replicationcontrollers', 'replicationcontroller', 'ReplicationController', ['rc']),
  apps('deployments', 'deployment', 'Deployment', ['deploy']),
  apps('replicasets', 'replicaset', 'ReplicaSet', ['rs']),
  apps('daemonsets', 'daemonset', 'DaemonSet', ['ds']),
  {
    resource: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    shortNames: [],
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
  },
];

const byKind = new Map(SIMULATED_TYPES.map((t) => [t.kind, t]));

export function typeForKind(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

/**
 * resolves what a learner typed (`po`, `pods`, `Pod`, `deployments.apps`, `deploy.v1.apps`)
 * to a type, as kubectl's RESTMapper does: case-insensitive plural, singular, short name or kind
 */
export function resolveType(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const [base, ...rest] = lower.split('.');
  const groupPart = rest.join('.');
  return SIMULATED_TYPES.find((t) => {
    if (groupPart) {
      const group = rest.length > 1 && rest[0] === t.version ? rest.slice(1).join('.') : groupPart;
      if (group !== t.group && !(t.group === '' && group === 'core')) return false;
    }
    return base === t.resource || base === t.singular || base === t.kind.toLowerCase() || t.shortNames.includes(base!);
  });
}
