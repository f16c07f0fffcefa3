// defaulting as the apiserver applies it on the way in: the v1 and apps/v1 SetDefaults_* funcs and
// +default markers (pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go), plus what the
// create-time registry strategies and admission plugins fill in before a create is validated
// (service IP families, the namespace finalizer, a pod's service account, priority, tolerations).

import type {
  Container,
  DaemonSet,
  Deployment,
  Endpoints,
  EndpointSlice,
  KubeObject,
  Namespace,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  ReplicationController,
  Service,
  Toleration,
} from './types.ts';

/** fills in defaulted fields in place, dispatching on kind; kinds without defaults are left alone */
export function applyDefaults(obj: KubeObject): void {
  switch (obj.kind) {
    case 'Pod':
      return defaultPod(obj as Pod);
    case 'Deployment':
      return defaultDeployment(obj as Deployment);
    case 'ReplicaSet':
      return defaultReplicaSet(obj as ReplicaSet);
    case 'DaemonSet':
      return defaultDaemonSet(obj as DaemonSet);
    case 'ReplicationController':
      return defaultReplicationController(obj as ReplicationController);
    case 'Service':
      return defaultService(obj as Service);
    case 'Endpoints':
      for (const subset of (obj as Endpoints).subsets ?? []) for (const port of subset.ports ?? []) port.protocol ||= 'TCP';
      return;
    case 'Namespace':
      return defaultNamespace(obj as Namespace);
    case 'EndpointSlice':
      return defaultEndpointSlice(obj as EndpointSlice);
  }
}

/** SetDefaults_EndpointPort; the required lists, stored empty, read back as null */
function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const port of slice.ports ?? []) {
    port.name ??= '';
    port.protocol ??= 'TCP';
  }
  if (!slice.ports?.length) slice.ports = null;
  if (!slice.endpoints?.length) slice.endpoints = null;
}

/** Always for `:latest` or no tag (parsers.ParseImageName), IfNotPresent otherwise */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  const ref = image ?? '';
  // an unparsable reference (empty, upper case in the repository) yields no tag
  if (!ref || /[A-Z]/.test(ref.split(/[:@]/)[0] ?? '')) return 'IfNotPresent';
  const [named, digest] = ref.split('@');
  const lastSlash = named!.lastIndexOf('/');
  const colon = named!.lastIndexOf(':');
  const tag = colon > lastSlash ? named!.slice(colon + 1) : '';
  return tag === 'latest' || (!tag && !digest) ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  // zero counts as unset for these int32 fields, as in SetDefaults_Probe
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  if (probe.httpGet) {
    probe.httpGet.path ||= '/';
    probe.httpGet.scheme ||= 'HTTP';
  }
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ||= defaultPullPolicy(c.image);
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const port of c.ports ?? []) port.protocol ||= 'TCP';
  for (const env of c.env ?? []) {
    const fieldRef = (env.valueFrom as { fieldRef?: { apiVersion?: string } } | undefined)?.fieldRef;
    if (fieldRef) fieldRef.apiVersion ||= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe((c as Container & { startupProbe?: Probe }).startupProbe);
}

// the volume sources the v1 api knows; a volume naming none of them becomes an emptyDir
const VOLUME_SOURCES = new Set(
  (
    'hostPath emptyDir gcePersistentDisk awsElasticBlockStore gitRepo secret nfs iscsi glusterfs persistentVolumeClaim rbd ' +
    'flexVolume cinder cephfs flocker downwardAPI fc azureFile configMap vsphereVolume quobyte azureDisk photonPersistentDisk ' +
    'projected portworxVolume scaleIO storageos csi ephemeral image'
  ).split(' '),
);

/** SetDefaults_PodSpec and the container, volume and probe defaults: for pods and templates alike */
function defaultPodSpec(spec: PodSpec | undefined): void {
  if (!spec) return;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  for (const volume of spec.volumes ?? []) {
    if (!Object.keys(volume).some((k) => VOLUME_SOURCES.has(k))) volume['emptyDir'] = {};
  }
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultContainer(c);
  // v1 carries the deprecated serviceAccount alongside serviceAccountName; conversion keeps them equal
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
}

const defaultTemplate = (template: PodTemplateSpec | undefined) => defaultPodSpec(template?.spec);

const NODE_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function defaultPod(pod: Pod): void {
  const spec = pod.spec;
  if (!spec) return;
  defaultPodSpec(spec);
  // SetDefaults_Pod: requests default to limits, for pods only (not templates)
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    if (c.resources?.limits) c.resources.requests = { ...c.resources.limits, ...c.resources.requests };
    if (spec.hostNetwork) for (const port of c.ports ?? []) port.hostPort ||= port.containerPort;
  }
  spec.enableServiceLinks ??= true;
  // admission: Priority and DefaultTolerationSeconds (ServiceAccount is a plugin of its own: admission/service-account.ts)
  const withPriority = spec as PodSpec & { priorityClassName?: string };
  if (!withPriority.priorityClassName) spec.priority ??= 0;
  spec.preemptionPolicy ||= 'PreemptLowerPriority';
  for (const toleration of NODE_TOLERATIONS) {
    const tolerated = (spec.tolerations ?? []).some(
      (t) => (t.key === toleration.key || !t.key) && (t.effect === 'NoExecute' || !t.effect),
    );
    if (!tolerated) spec.tolerations = [...(spec.tolerations ?? []), { ...toleration }];
  }
}

function defaultDeployment(d: Deployment): void {
  const spec = d.spec;
  if (!spec) return;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}

function defaultReplicaSet(rs: ReplicaSet): void {
  if (!rs.spec) return;
  rs.spec.replicas ??= 1;
  defaultTemplate(rs.spec.template);
}

interface DaemonSetStrategy {
  type?: string;
  rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
}

function defaultDaemonSet(ds: DaemonSet): void {
  if (!ds.spec) return;
  const strategy = (ds.spec.updateStrategy ??= {}) as DaemonSetStrategy;
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.maxUnavailable ??= 1;
    strategy.rollingUpdate.maxSurge ??= 0;
  }
  ds.spec.revisionHistoryLimit ??= 10;
  defaultTemplate(ds.spec.template);
}

function defaultReplicationController(rc: ReplicationController): void {
  rc.spec ??= {};
  const labels = rc.spec.template?.metadata?.labels;
  // the selector and the controller's own labels come from the template when left out
  if (labels && Object.keys(rc.spec.selector ?? {}).length === 0) rc.spec.selector = { ...labels };
  if (labels && Object.keys(rc.metadata.labels ?? {}).length === 0) rc.metadata.labels = { ...labels };
  rc.spec.replicas ??= 1;
  defaultTemplate(rc.spec.template);
}

function defaultService(svc: Service): void {
  const spec = svc.spec;
  if (!spec) return;
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of spec.ports ?? []) {
    port.protocol ||= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  const external =
    spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && !!spec.externalIPs?.length);
  if (external) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer')
    spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts ??= true;
    for (const ingress of svc.status?.loadBalancer?.ingress ?? []) if (ingress.ip) ingress.ipMode ??= 'VIP';
  }
  // NormalizeClusterIPs on create: a lone clusterIP seeds clusterIPs
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (spec.type === 'ExternalName') return;
  // the allocator's initIPFamilyFields on a single-stack IPv4 cluster
  const headlessWithoutSelector = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
  spec.ipFamilyPolicy ??= headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack';
  if (!spec.ipFamilies?.length) {
    const ips = (spec.clusterIPs ?? []).filter((ip) => ip !== 'None');
    spec.ipFamilies = ips.length > 0 ? ips.map((ip) => (ip.includes(':') ? 'IPv6' : 'IPv4')) : ['IPv4'];
    if (headlessWithoutSelector && spec.ipFamilyPolicy !== 'SingleStack' && spec.ipFamilies.length < 2) {
      spec.ipFamilies.push(spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    }
  }
}

function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata.name;
  if (name) ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': name };
  if (!ns.status) {
    // the namespace strategy on create: Active, and the `kubernetes` finalizer the controller removes
    ns.status = { phase: 'Active' };
    const finalizers = ns.spec?.finalizers ?? [];
    if (!finalizers.includes('kubernetes')) ns.spec = { ...ns.spec, finalizers: [...finalizers, 'kubernetes'] };
  }
}
