// JSON as Go's encoding/json writes a typed Kubernetes object: struct fields in the order the Go
// types declare them (TypeMeta's kind before apiVersion), map keys sorted. kubectl's generators
// (`create deployment`, `create service`, `run`, `expose` ...) build typed objects, and the typed
// clientsets they create them with decode the server's answer into the same Go types, so both the
// last-applied-configuration they store with --save-config and what they print for `-o json` come
// out in this order, where an unstructured object (a manifest from a file, `kubectl get`) has
// every key sorted. The field orders are those of k8s.io/api core/v1 and apps/v1 types.go and
// apimachinery's meta/v1 types.go; an embedded struct (`json:",inline"`) contributes its fields
// where it is embedded.

import { compareStrings } from './printers/go-fmt.ts';
import { marshalCompact, toJson } from './printers/json.ts';

const BY_VALUE = 'by-value';
/**
 * a struct field: its JSON name, the Go struct its value holds (for a list, its items' struct;
 * none for scalars, lists of scalars and maps), and `BY_VALUE` for a struct held by value rather
 * than by pointer, which encoding/json writes even when empty (omitempty never drops a struct)
 */
type Field = [name: string, type?: string, byValue?: typeof BY_VALUE];

const TYPE_META: Field[] = [['kind'], ['apiVersion']];
/** TypeMeta inline, then the embedded ObjectMeta as `metadata` */
const OBJECT_HEADER: Field[] = [...TYPE_META, ['metadata', 'ObjectMeta', BY_VALUE]];

/** metav1.ObjectMeta; a zero creationTimestamp is left out as kubectl 1.36 does (omitzero) */
const OBJECT_META: Field[] = [
  ['name'],
  ['generateName'],
  ['namespace'],
  ['selfLink'],
  ['uid'],
  ['resourceVersion'],
  ['generation'],
  ['creationTimestamp'],
  ['deletionTimestamp'],
  ['deletionGracePeriodSeconds'],
  ['labels'],
  ['annotations'],
  ['ownerReferences', 'OwnerReference'],
  ['finalizers'],
  ['managedFields', 'ManagedFieldsEntry'],
];

const CONTAINER: Field[] = [
  ['name'],
  ['image'],
  ['command'],
  ['args'],
  ['workingDir'],
  ['ports', 'ContainerPort'],
  ['envFrom', 'EnvFromSource'],
  ['env', 'EnvVar'],
  ['resources', 'ResourceRequirements', BY_VALUE],
  ['resizePolicy', 'ContainerResizePolicy'],
  ['restartPolicy'],
  ['restartPolicyRules'],
  ['volumeMounts', 'VolumeMount'],
  ['volumeDevices', 'VolumeDevice'],
  ['livenessProbe', 'Probe'],
  ['readinessProbe', 'Probe'],
  ['startupProbe', 'Probe'],
  ['lifecycle', 'Lifecycle'],
  ['terminationMessagePath'],
  ['terminationMessagePolicy'],
  ['imagePullPolicy'],
  ['securityContext', 'SecurityContext'],
  ['stdin'],
  ['stdinOnce'],
  ['tty'],
];

/** core/v1 VolumeSource, which Volume embeds after its name */
const VOLUME_SOURCE: Field[] = [
  ['hostPath', 'HostPathVolumeSource'],
  ['emptyDir', 'EmptyDirVolumeSource'],
  ['gcePersistentDisk'],
  ['awsElasticBlockStore'],
  ['gitRepo'],
  ['secret', 'SecretVolumeSource'],
  ['nfs', 'NFSVolumeSource'],
  ['iscsi'],
  ['glusterfs'],
  ['persistentVolumeClaim', 'PersistentVolumeClaimVolumeSource'],
  ['rbd'],
  ['flexVolume'],
  ['cinder'],
  ['cephfs'],
  ['flocker'],
  ['downwardAPI', 'DownwardAPIVolumeSource'],
  ['fc'],
  ['azureFile'],
  ['configMap', 'ConfigMapVolumeSource'],
  ['vsphereVolume'],
  ['quobyte'],
  ['azureDisk'],
  ['photonPersistentDisk'],
  ['projected', 'ProjectedVolumeSource'],
  ['portworxVolume'],
  ['scaleIO'],
  ['storageos'],
  ['csi', 'CSIVolumeSource'],
  ['ephemeral'],
  ['image', 'ImageVolumeSource'],
];

/** PodAffinity and PodAntiAffinity have the same two fields */
const POD_AFFINITY: Field[] = [
  ['requiredDuringSchedulingIgnoredDuringExecution', 'PodAffinityTerm'],
  ['preferredDuringSchedulingIgnoredDuringExecution', 'WeightedPodAffinityTerm'],
];

/** the types of the objects kubectl's generators create and print */
const STRUCTS: Record<string, Field[]> = {
  // meta/v1
  ObjectMeta: OBJECT_META,
  OwnerReference: [['apiVersion'], ['kind'], ['name'], ['uid'], ['controller'], ['blockOwnerDeletion']],
  ManagedFieldsEntry: [['manager'], ['operation'], ['apiVersion'], ['time'], ['fieldsType'], ['fieldsV1'], ['subresource']],
  LabelSelector: [['matchLabels'], ['matchExpressions', 'LabelSelectorRequirement']],
  LabelSelectorRequirement: [['key'], ['operator'], ['values']],
  Condition: [['type'], ['status'], ['observedGeneration'], ['lastTransitionTime'], ['reason'], ['message']],

  // core/v1 Namespace, ConfigMap, ServiceAccount
  Namespace: [...OBJECT_HEADER, ['spec', 'NamespaceSpec', BY_VALUE], ['status', 'NamespaceStatus', BY_VALUE]],
  NamespaceSpec: [['finalizers']],
  NamespaceStatus: [['phase'], ['conditions', 'NamespaceCondition']],
  NamespaceCondition: [['type'], ['status'], ['lastTransitionTime'], ['reason'], ['message']],
  ConfigMap: [...OBJECT_HEADER, ['immutable'], ['data'], ['binaryData']],
  ServiceAccount: [
    ...OBJECT_HEADER,
    ['secrets', 'ObjectReference'],
    ['imagePullSecrets', 'LocalObjectReference'],
    ['automountServiceAccountToken'],
  ],
  ObjectReference: [['kind'], ['namespace'], ['name'], ['uid'], ['apiVersion'], ['resourceVersion'], ['fieldPath']],
  LocalObjectReference: [['name']],

  // apps/v1 Deployment
  Deployment: [...OBJECT_HEADER, ['spec', 'DeploymentSpec', BY_VALUE], ['status', 'DeploymentStatus', BY_VALUE]],
  DeploymentSpec: [
    ['replicas'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec', BY_VALUE],
    ['strategy', 'DeploymentStrategy', BY_VALUE],
    ['minReadySeconds'],
    ['revisionHistoryLimit'],
    ['paused'],
    ['progressDeadlineSeconds'],
    ['podReplacementPolicy'],
  ],
  DeploymentStrategy: [['type'], ['rollingUpdate', 'RollingUpdateDeployment']],
  RollingUpdateDeployment: [['maxUnavailable'], ['maxSurge']],
  DeploymentStatus: [
    ['observedGeneration'],
    ['replicas'],
    ['updatedReplicas'],
    ['readyReplicas'],
    ['availableReplicas'],
    ['unavailableReplicas'],
    ['terminatingReplicas'],
    ['conditions', 'DeploymentCondition'],
    ['collisionCount'],
  ],
  DeploymentCondition: [['type'], ['status'], ['lastUpdateTime'], ['lastTransitionTime'], ['reason'], ['message']],

  // core/v1 Pod and what it holds
  PodTemplateSpec: [
    ['metadata', 'ObjectMeta', BY_VALUE],
    ['spec', 'PodSpec', BY_VALUE],
  ],
  Pod: [...OBJECT_HEADER, ['spec', 'PodSpec', BY_VALUE], ['status', 'PodStatus', BY_VALUE]],
  PodSpec: [
    ['volumes', 'Volume'],
    ['initContainers', 'Container'],
    ['containers', 'Container'],
    ['ephemeralContainers', 'EphemeralContainer'],
    ['restartPolicy'],
    ['terminationGracePeriodSeconds'],
    ['activeDeadlineSeconds'],
    ['dnsPolicy'],
    ['nodeSelector'],
    ['serviceAccountName'],
    ['serviceAccount'],
    ['automountServiceAccountToken'],
    ['nodeName'],
    ['hostNetwork'],
    ['hostPID'],
    ['hostIPC'],
    ['shareProcessNamespace'],
    ['securityContext', 'PodSecurityContext'],
    ['imagePullSecrets', 'LocalObjectReference'],
    ['hostname'],
    ['subdomain'],
    ['affinity', 'Affinity'],
    ['schedulerName'],
    ['tolerations', 'Toleration'],
    ['hostAliases', 'HostAlias'],
    ['priorityClassName'],
    ['priority'],
    ['dnsConfig', 'PodDNSConfig'],
    ['readinessGates', 'PodReadinessGate'],
    ['runtimeClassName'],
    ['enableServiceLinks'],
    ['preemptionPolicy'],
    ['overhead'],
    ['topologySpreadConstraints', 'TopologySpreadConstraint'],
    ['setHostnameAsFQDN'],
    ['os', 'PodOS'],
    ['hostUsers'],
    ['schedulingGates', 'PodSchedulingGate'],
    ['resourceClaims', 'PodResourceClaim'],
    ['resources', 'ResourceRequirements'],
    ['hostnameOverride'],
  ],
  Volume: [['name'], ...VOLUME_SOURCE],
  HostPathVolumeSource: [['path'], ['type']],
  EmptyDirVolumeSource: [['medium'], ['sizeLimit']],
  SecretVolumeSource: [['secretName'], ['items', 'KeyToPath'], ['defaultMode'], ['optional']],
  NFSVolumeSource: [['server'], ['path'], ['readOnly']],
  PersistentVolumeClaimVolumeSource: [['claimName'], ['readOnly']],
  DownwardAPIVolumeSource: [['items', 'DownwardAPIVolumeFile'], ['defaultMode']],
  // ConfigMapVolumeSource, ConfigMapProjection and SecretProjection embed LocalObjectReference's name first
  ConfigMapVolumeSource: [['name'], ['items', 'KeyToPath'], ['defaultMode'], ['optional']],
  CSIVolumeSource: [['driver'], ['readOnly'], ['fsType'], ['volumeAttributes'], ['nodePublishSecretRef', 'LocalObjectReference']],
  ImageVolumeSource: [['reference'], ['pullPolicy']],
  ProjectedVolumeSource: [['sources', 'VolumeProjection'], ['defaultMode']],
  VolumeProjection: [
    ['secret', 'SecretProjection'],
    ['downwardAPI', 'DownwardAPIProjection'],
    ['configMap', 'ConfigMapProjection'],
    ['serviceAccountToken', 'ServiceAccountTokenProjection'],
    ['clusterTrustBundle', 'ClusterTrustBundleProjection'],
    ['podCertificate'],
  ],
  SecretProjection: [['name'], ['items', 'KeyToPath'], ['optional']],
  ConfigMapProjection: [['name'], ['items', 'KeyToPath'], ['optional']],
  DownwardAPIProjection: [['items', 'DownwardAPIVolumeFile']],
  DownwardAPIVolumeFile: [['path'], ['fieldRef', 'ObjectFieldSelector'], ['resourceFieldRef', 'ResourceFieldSelector'], ['mode']],
  ServiceAccountTokenProjection: [['audience'], ['expirationSeconds'], ['path']],
  ClusterTrustBundleProjection: [['name'], ['signerName'], ['labelSelector', 'LabelSelector'], ['optional'], ['path']],
  KeyToPath: [['key'], ['path'], ['mode']],
  ObjectFieldSelector: [['apiVersion'], ['fieldPath']],
  ResourceFieldSelector: [['containerName'], ['resource'], ['divisor']],
  Container: CONTAINER,
  EphemeralContainer: [...CONTAINER, ['targetContainerName']],
  ContainerPort: [['name'], ['hostPort'], ['containerPort'], ['protocol'], ['hostIP']],
  EnvFromSource: [['prefix'], ['configMapRef', 'ConfigMapEnvSource'], ['secretRef', 'SecretEnvSource']],
  ConfigMapEnvSource: [['name'], ['optional']],
  SecretEnvSource: [['name'], ['optional']],
  EnvVar: [['name'], ['value'], ['valueFrom', 'EnvVarSource']],
  EnvVarSource: [
    ['fieldRef', 'ObjectFieldSelector'],
    ['resourceFieldRef', 'ResourceFieldSelector'],
    ['configMapKeyRef', 'ConfigMapKeySelector'],
    ['secretKeyRef', 'SecretKeySelector'],
    ['fileKeyRef'],
  ],
  ConfigMapKeySelector: [['name'], ['key'], ['optional']],
  SecretKeySelector: [['name'], ['key'], ['optional']],
  ResourceRequirements: [['limits'], ['requests'], ['claims', 'ResourceClaim']],
  ResourceClaim: [['name'], ['request']],
  ContainerResizePolicy: [['resourceName'], ['restartPolicy']],
  VolumeMount: [['name'], ['readOnly'], ['recursiveReadOnly'], ['mountPath'], ['subPath'], ['mountPropagation'], ['subPathExpr']],
  VolumeDevice: [['name'], ['devicePath']],
  // Probe embeds ProbeHandler first
  Probe: [
    ['exec', 'ExecAction'],
    ['httpGet', 'HTTPGetAction'],
    ['tcpSocket', 'TCPSocketAction'],
    ['grpc', 'GRPCAction'],
    ['initialDelaySeconds'],
    ['timeoutSeconds'],
    ['periodSeconds'],
    ['successThreshold'],
    ['failureThreshold'],
    ['terminationGracePeriodSeconds'],
  ],
  ExecAction: [['command']],
  HTTPGetAction: [['path'], ['port'], ['host'], ['scheme'], ['httpHeaders', 'HTTPHeader']],
  HTTPHeader: [['name'], ['value']],
  TCPSocketAction: [['port'], ['host']],
  GRPCAction: [['port'], ['service']],
  Lifecycle: [['postStart', 'LifecycleHandler'], ['preStop', 'LifecycleHandler'], ['stopSignal']],
  LifecycleHandler: [
    ['exec', 'ExecAction'],
    ['httpGet', 'HTTPGetAction'],
    ['tcpSocket', 'TCPSocketAction'],
    ['sleep', 'SleepAction'],
  ],
  SleepAction: [['seconds']],
  SecurityContext: [
    ['capabilities', 'Capabilities'],
    ['privileged'],
    ['seLinuxOptions', 'SELinuxOptions'],
    ['windowsOptions', 'WindowsSecurityContextOptions'],
    ['runAsUser'],
    ['runAsGroup'],
    ['runAsNonRoot'],
    ['readOnlyRootFilesystem'],
    ['allowPrivilegeEscalation'],
    ['procMount'],
    ['seccompProfile', 'SeccompProfile'],
    ['appArmorProfile', 'AppArmorProfile'],
  ],
  Capabilities: [['add'], ['drop']],
  SELinuxOptions: [['user'], ['role'], ['type'], ['level']],
  WindowsSecurityContextOptions: [['gmsaCredentialSpecName'], ['gmsaCredentialSpec'], ['runAsUserName'], ['hostProcess']],
  SeccompProfile: [['type'], ['localhostProfile']],
  AppArmorProfile: [['type'], ['localhostProfile']],
  PodSecurityContext: [
    ['seLinuxOptions', 'SELinuxOptions'],
    ['windowsOptions', 'WindowsSecurityContextOptions'],
    ['runAsUser'],
    ['runAsGroup'],
    ['runAsNonRoot'],
    ['supplementalGroups'],
    ['supplementalGroupsPolicy'],
    ['fsGroup'],
    ['sysctls', 'Sysctl'],
    ['fsGroupChangePolicy'],
    ['seccompProfile', 'SeccompProfile'],
    ['appArmorProfile', 'AppArmorProfile'],
    ['seLinuxChangePolicy'],
  ],
  Sysctl: [['name'], ['value']],
  Toleration: [['key'], ['operator'], ['value'], ['effect'], ['tolerationSeconds']],
  HostAlias: [['ip'], ['hostnames']],
  PodDNSConfig: [['nameservers'], ['searches'], ['options', 'PodDNSConfigOption']],
  PodDNSConfigOption: [['name'], ['value']],
  PodReadinessGate: [['conditionType']],
  PodOS: [['name']],
  PodSchedulingGate: [['name']],
  PodResourceClaim: [['name'], ['resourceClaimName'], ['resourceClaimTemplateName']],
  TopologySpreadConstraint: [
    ['maxSkew'],
    ['topologyKey'],
    ['whenUnsatisfiable'],
    ['labelSelector', 'LabelSelector'],
    ['minDomains'],
    ['nodeAffinityPolicy'],
    ['nodeTaintsPolicy'],
    ['matchLabelKeys'],
  ],
  Affinity: [
    ['nodeAffinity', 'NodeAffinity'],
    ['podAffinity', 'PodAffinity'],
    ['podAntiAffinity', 'PodAntiAffinity'],
  ],
  NodeAffinity: [
    ['requiredDuringSchedulingIgnoredDuringExecution', 'NodeSelector'],
    ['preferredDuringSchedulingIgnoredDuringExecution', 'PreferredSchedulingTerm'],
  ],
  NodeSelector: [['nodeSelectorTerms', 'NodeSelectorTerm']],
  NodeSelectorTerm: [
    ['matchExpressions', 'NodeSelectorRequirement'],
    ['matchFields', 'NodeSelectorRequirement'],
  ],
  NodeSelectorRequirement: [['key'], ['operator'], ['values']],
  PreferredSchedulingTerm: [['weight'], ['preference', 'NodeSelectorTerm', BY_VALUE]],
  PodAffinity: POD_AFFINITY,
  PodAntiAffinity: POD_AFFINITY,
  WeightedPodAffinityTerm: [['weight'], ['podAffinityTerm', 'PodAffinityTerm', BY_VALUE]],
  PodAffinityTerm: [
    ['labelSelector', 'LabelSelector'],
    ['namespaces'],
    ['topologyKey'],
    ['namespaceSelector', 'LabelSelector'],
    ['matchLabelKeys'],
    ['mismatchLabelKeys'],
  ],
  PodStatus: [
    ['observedGeneration'],
    ['phase'],
    ['conditions', 'PodCondition'],
    ['message'],
    ['reason'],
    ['nominatedNodeName'],
    ['hostIP'],
    ['hostIPs', 'HostIP'],
    ['podIP'],
    ['podIPs', 'PodIP'],
    ['startTime'],
    ['initContainerStatuses', 'ContainerStatus'],
    ['containerStatuses', 'ContainerStatus'],
    ['qosClass'],
    ['ephemeralContainerStatuses', 'ContainerStatus'],
    ['resize'],
    ['resourceClaimStatuses', 'PodResourceClaimStatus'],
    ['extendedResourceClaimStatus'],
  ],
  PodCondition: [
    ['type'],
    ['observedGeneration'],
    ['status'],
    ['lastProbeTime'],
    ['lastTransitionTime'],
    ['reason'],
    ['message'],
  ],
  HostIP: [['ip']],
  PodIP: [['ip']],
  ContainerStatus: [
    ['name'],
    ['state', 'ContainerState', BY_VALUE],
    ['lastState', 'ContainerState', BY_VALUE],
    ['ready'],
    ['restartCount'],
    ['image'],
    ['imageID'],
    ['containerID'],
    ['started'],
    ['allocatedResources'],
    ['resources', 'ResourceRequirements'],
    ['volumeMounts', 'VolumeMountStatus'],
    ['user'],
    ['allocatedResourcesStatus'],
    ['stopSignal'],
  ],
  VolumeMountStatus: [['name'], ['mountPath'], ['readOnly'], ['recursiveReadOnly']],
  ContainerState: [
    ['waiting', 'ContainerStateWaiting'],
    ['running', 'ContainerStateRunning'],
    ['terminated', 'ContainerStateTerminated'],
  ],
  ContainerStateWaiting: [['reason'], ['message']],
  ContainerStateRunning: [['startedAt']],
  ContainerStateTerminated: [['exitCode'], ['signal'], ['reason'], ['message'], ['startedAt'], ['finishedAt'], ['containerID']],
  PodResourceClaimStatus: [['name'], ['resourceClaimName']],

  // core/v1 Service
  Service: [...OBJECT_HEADER, ['spec', 'ServiceSpec', BY_VALUE], ['status', 'ServiceStatus', BY_VALUE]],
  ServiceSpec: [
    ['ports', 'ServicePort'],
    ['selector'],
    ['clusterIP'],
    ['clusterIPs'],
    ['type'],
    ['externalIPs'],
    ['sessionAffinity'],
    ['loadBalancerIP'],
    ['loadBalancerSourceRanges'],
    ['externalName'],
    ['externalTrafficPolicy'],
    ['healthCheckNodePort'],
    ['publishNotReadyAddresses'],
    ['sessionAffinityConfig', 'SessionAffinityConfig'],
    ['ipFamilies'],
    ['ipFamilyPolicy'],
    ['allocateLoadBalancerNodePorts'],
    ['loadBalancerClass'],
    ['internalTrafficPolicy'],
    ['trafficDistribution'],
  ],
  ServicePort: [['name'], ['protocol'], ['appProtocol'], ['port'], ['targetPort'], ['nodePort']],
  SessionAffinityConfig: [['clientIP', 'ClientIPConfig']],
  ClientIPConfig: [['timeoutSeconds']],
  ServiceStatus: [
    ['loadBalancer', 'LoadBalancerStatus', BY_VALUE],
    ['conditions', 'Condition'],
  ],
  LoadBalancerStatus: [['ingress', 'LoadBalancerIngress']],
  LoadBalancerIngress: [['ip'], ['hostname'], ['ipMode'], ['ports', 'PortStatus']],
  PortStatus: [['port'], ['protocol'], ['error']],
};

/**
 * a copy of `value` read as the Go type `type`: a struct becomes a Map of its fields in declaration
 * order (which printers/json.ts writes in that order), structs held by value are filled in when
 * missing, and maps stay plain objects, which the encoder writes with sorted keys
 */
function ordered(value: unknown, type: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, type));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const fields = type === undefined ? undefined : STRUCTS[type];
  if (!fields) {
    // a map (or a struct not listed here): its keys are sorted when it is written
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, ordered(v, undefined)]));
  }
  const out = new Map<string, unknown>();
  for (const [name, fieldType, byValue] of fields) {
    const field = object[name];
    if (field !== undefined && !(field === null && byValue)) out.set(name, ordered(field, fieldType));
    else if (byValue) out.set(name, ordered({}, fieldType));
  }
  // anything the table does not know keeps a stable place after the known fields
  for (const key of Object.keys(object).sort(compareStrings)) {
    if (!out.has(key) && object[key] !== undefined) out.set(key, ordered(object[key], undefined));
  }
  return out;
}

/** the object as encoding/json writes its Go type, compact (plus the newline kubectl's encoder adds) */
export function typedJson(object: { kind: string }): string {
  return marshalCompact(ordered(object, object.kind)) + '\n';
}

/** `-o json` of a typed object: json.MarshalIndent of the Go struct, four spaces, a final newline */
export function toTypedJson(object: { kind: string }): string {
  return toJson(ordered(object, object.kind));
}
