// what `kubectl api-resources` lists on a v1.36 kubeadm/kind cluster with no add-ons: every
// resource of every group/version the apiserver serves by default (GA versions only, since beta
// and alpha APIs are off unless runtime-config turns them on), without subresources, which
// ServerPreferredResources drops. short names and categories come from the registry storage
// (ShortNames()/Categories()); verbs are sorted, as the apiserver's installer sorts them.

export interface ApiResource {
  /** plural resource name: `pods` */
  readonly name: string;
  readonly shortNames: readonly string[];
  /** `v1` for the core group, `group/version` otherwise */
  readonly apiVersion: string;
  readonly namespaced: boolean;
  readonly kind: string;
  readonly verbs: readonly string[];
  readonly categories: readonly string[];
}

// a generic registry store serves every verb; the few resources below that are not plain stores
// (reviews, bindings, componentstatuses, namespaces) list theirs explicitly
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE = ['create'];

const r = (
  name: string,
  shortNames: string[],
  apiVersion: string,
  namespaced: boolean,
  kind: string,
  categories: string[] = [],
  verbs: string[] = ALL,
): ApiResource => ({ name, shortNames, apiVersion, namespaced, kind, verbs, categories });

const ADM = 'admissionregistration.k8s.io/v1';
const RBAC = 'rbac.authorization.k8s.io/v1';
const NET = 'networking.k8s.io/v1';
const STORAGE = 'storage.k8s.io/v1';
const DRA = 'resource.k8s.io/v1';
const EXT = ['api-extensions'];
const ALL_CATEGORY = ['all'];

/** in the order kubectl prints them by default: by group, then by name */
export const API_RESOURCES: readonly ApiResource[] = [
  r('bindings', [], 'v1', true, 'Binding', [], CREATE),
  r('componentstatuses', ['cs'], 'v1', false, 'ComponentStatus', [], ['get', 'list']),
  r('configmaps', ['cm'], 'v1', true, 'ConfigMap'),
  r('endpoints', ['ep'], 'v1', true, 'Endpoints'),
  r('events', ['ev'], 'v1', true, 'Event'),
  r('limitranges', ['limits'], 'v1', true, 'LimitRange'),
  r('namespaces', ['ns'], 'v1', false, 'Namespace', [], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('nodes', ['no'], 'v1', false, 'Node'),
  r('persistentvolumeclaims', ['pvc'], 'v1', true, 'PersistentVolumeClaim'),
  r('persistentvolumes', ['pv'], 'v1', false, 'PersistentVolume'),
  r('pods', ['po'], 'v1', true, 'Pod', ALL_CATEGORY),
  r('podtemplates', [], 'v1', true, 'PodTemplate'),
  r('replicationcontrollers', ['rc'], 'v1', true, 'ReplicationController', ALL_CATEGORY),
  r('resourcequotas', ['quota'], 'v1', true, 'ResourceQuota'),
  r('secrets', [], 'v1', true, 'Secret'),
  r('serviceaccounts', ['sa'], 'v1', true, 'ServiceAccount'),
  r('services', ['svc'], 'v1', true, 'Service', ALL_CATEGORY),
  r('mutatingadmissionpolicies', [], ADM, false, 'MutatingAdmissionPolicy', EXT),
  r('mutatingadmissionpolicybindings', [], ADM, false, 'MutatingAdmissionPolicyBinding', EXT),
  r('mutatingwebhookconfigurations', [], ADM, false, 'MutatingWebhookConfiguration', EXT),
  r('validatingadmissionpolicies', [], ADM, false, 'ValidatingAdmissionPolicy', EXT),
  r('validatingadmissionpolicybindings', [], ADM, false, 'ValidatingAdmissionPolicyBinding', EXT),
  r('validatingwebhookconfigurations', [], ADM, false, 'ValidatingWebhookConfiguration', EXT),
  r('customresourcedefinitions', ['crd', 'crds'], 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition', EXT),
  r('apiservices', [], 'apiregistration.k8s.io/v1', false, 'APIService', EXT),
  r('controllerrevisions', [], 'apps/v1', true, 'ControllerRevision'),
  r('daemonsets', ['ds'], 'apps/v1', true, 'DaemonSet', ALL_CATEGORY),
  r('deployments', ['deploy'], 'apps/v1', true, 'Deployment', ALL_CATEGORY),
  r('replicasets', ['rs'], 'apps/v1', true, 'ReplicaSet', ALL_CATEGORY),
  r('statefulsets', ['sts'], 'apps/v1', true, 'StatefulSet', ALL_CATEGORY),
  r('selfsubjectreviews', [], 'authentication.k8s.io/v1', false, 'SelfSubjectReview', [], CREATE),
  r('tokenreviews', [], 'authentication.k8s.io/v1', false, 'TokenReview', [], CREATE),
  r('localsubjectaccessreviews', [], 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', [], CREATE),
  r('selfsubjectaccessreviews', [], 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', [], CREATE),
  r('selfsubjectrulesreviews', [], 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', [], CREATE),
  r('subjectaccessreviews', [], 'authorization.k8s.io/v1', false, 'SubjectAccessReview', [], CREATE),
  r('horizontalpodautoscalers', ['hpa'], 'autoscaling/v2', true, 'HorizontalPodAutoscaler', ALL_CATEGORY),
  r('cronjobs', ['cj'], 'batch/v1', true, 'CronJob', ALL_CATEGORY),
  r('jobs', [], 'batch/v1', true, 'Job', ALL_CATEGORY),
  r('certificatesigningrequests', ['csr'], 'certificates.k8s.io/v1', false, 'CertificateSigningRequest'),
  r('leases', [], 'coordination.k8s.io/v1', true, 'Lease'),
  r('endpointslices', [], 'discovery.k8s.io/v1', true, 'EndpointSlice'),
  r('events', ['ev'], 'events.k8s.io/v1', true, 'Event'),
  r('flowschemas', [], 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema'),
  r('prioritylevelconfigurations', [], 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration'),
  r('ingressclasses', [], NET, false, 'IngressClass'),
  r('ingresses', ['ing'], NET, true, 'Ingress'),
  r('ipaddresses', ['ip'], NET, false, 'IPAddress'),
  r('networkpolicies', ['netpol'], NET, true, 'NetworkPolicy'),
  r('servicecidrs', [], NET, false, 'ServiceCIDR'),
  r('runtimeclasses', [], 'node.k8s.io/v1', false, 'RuntimeClass'),
  r('poddisruptionbudgets', ['pdb'], 'policy/v1', true, 'PodDisruptionBudget'),
  r('clusterrolebindings', [], RBAC, false, 'ClusterRoleBinding'),
  r('clusterroles', [], RBAC, false, 'ClusterRole'),
  r('rolebindings', [], RBAC, true, 'RoleBinding'),
  r('roles', [], RBAC, true, 'Role'),
  r('deviceclasses', [], DRA, false, 'DeviceClass'),
  r('resourceclaims', [], DRA, true, 'ResourceClaim'),
  r('resourceclaimtemplates', [], DRA, true, 'ResourceClaimTemplate'),
  r('resourceslices', [], DRA, false, 'ResourceSlice'),
  r('priorityclasses', ['pc'], 'scheduling.k8s.io/v1', false, 'PriorityClass'),
  r('csidrivers', [], STORAGE, false, 'CSIDriver'),
  r('csinodes', [], STORAGE, false, 'CSINode'),
  r('csistoragecapacities', [], STORAGE, true, 'CSIStorageCapacity'),
  r('storageclasses', ['sc'], STORAGE, false, 'StorageClass'),
  r('volumeattachments', [], STORAGE, false, 'VolumeAttachment'),
  r('volumeattributesclasses', ['vac'], STORAGE, false, 'VolumeAttributesClass'),
];

/** `apps` for `apps/v1`, '' for the core group's `v1` */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * finds a served resource the way kubectl's RESTMapper would match what a learner typed:
 * plural, lowercase kind or short name, optionally qualified with `.group`
 */
export function findApiResource(typed: string): ApiResource | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? null : lower.slice(dot + 1);
  return API_RESOURCES.find(
    (res) =>
      (group === null || group === groupOf(res.apiVersion)) &&
      (base === res.name || base === res.kind.toLowerCase() || res.shortNames.includes(base)),
  );
}
