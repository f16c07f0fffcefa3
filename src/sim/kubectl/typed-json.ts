// JSON as Go's encoding/json writes a typed Kubernetes object: struct fields in the order the Go
// types declare them (TypeMeta's kind before apiVersion), map keys sorted. kubectl's generators
// (`create deployment`, `create service`, `expose` ...) build typed objects, so the
// last-applied-configuration they store with --save-config is in this order, where a manifest
// read from a file (unstructured) has every key sorted.

/** a struct's fields in declaration order, each with the Go type of its value (or 'map') */
type Fields = [name: string, type?: string][];

const OBJECT_META: Fields = [
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
  ['labels', 'map'],
  ['annotations', 'map'],
  ['ownerReferences'],
  ['finalizers'],
  ['managedFields'],
];

const TYPE_META: Fields = [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta']];

/** the types kubectl's generators fill in, from k8s.io/api core/v1 and apps/v1 */
const STRUCTS: Record<string, Fields> = {
  ObjectMeta: OBJECT_META,
  Namespace: [...TYPE_META, ['spec', 'NamespaceSpec'], ['status', 'NamespaceStatus']],
  NamespaceSpec: [['finalizers']],
  NamespaceStatus: [['phase'], ['conditions']],
  ConfigMap: [...TYPE_META, ['immutable'], ['data', 'map'], ['binaryData', 'map']],
  ServiceAccount: [...TYPE_META, ['secrets'], ['imagePullSecrets'], ['automountServiceAccountToken']],
  Deployment: [...TYPE_META, ['spec', 'DeploymentSpec'], ['status']],
  DeploymentSpec: [
    ['replicas'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
    ['strategy', 'DeploymentStrategy'],
    ['minReadySeconds'],
    ['revisionHistoryLimit'],
    ['paused'],
    ['progressDeadlineSeconds'],
  ],
  DeploymentStrategy: [['type'], ['rollingUpdate']],
  LabelSelector: [
    ['matchLabels', 'map'],
    ['matchExpressions', 'LabelSelectorRequirement'],
  ],
  LabelSelectorRequirement: [['key'], ['operator'], ['values']],
  PodTemplateSpec: [
    ['metadata', 'ObjectMeta'],
    ['spec', 'PodSpec'],
  ],
  Pod: [...TYPE_META, ['spec', 'PodSpec'], ['status']],
  PodSpec: [
    ['volumes'],
    ['initContainers', 'Container'],
    ['containers', 'Container'],
    ['ephemeralContainers'],
    ['restartPolicy'],
    ['terminationGracePeriodSeconds'],
    ['activeDeadlineSeconds'],
    ['dnsPolicy'],
    ['nodeSelector', 'map'],
    ['serviceAccountName'],
    ['serviceAccount'],
    ['automountServiceAccountToken'],
    ['nodeName'],
    ['hostNetwork'],
    ['hostPID'],
    ['hostIPC'],
    ['shareProcessNamespace'],
    ['securityContext'],
    ['imagePullSecrets'],
    ['hostname'],
    ['subdomain'],
    ['affinity'],
    ['schedulerName'],
    ['tolerations'],
    ['hostAliases'],
    ['priorityClassName'],
    ['priority'],
    ['dnsConfig'],
    ['readinessGates'],
    ['runtimeClassName'],
    ['enableServiceLinks'],
    ['preemptionPolicy'],
    ['overhead', 'map'],
    ['topologySpreadConstraints'],
    ['setHostnameAsFQDN'],
    ['os'],
    ['hostUsers'],
    ['schedulingGates'],
    ['resourceClaims'],
    ['resources'],
  ],
  Container: [
    ['name'],
    ['image'],
    ['command'],
    ['args'],
    ['workingDir'],
    ['ports', 'ContainerPort'],
    ['envFrom'],
    ['env', 'EnvVar'],
    ['resources', 'ResourceRequirements'],
    ['resizePolicy'],
    ['restartPolicy'],
    ['volumeMounts'],
    ['volumeDevices'],
    ['livenessProbe'],
    ['readinessProbe'],
    ['startupProbe'],
    ['lifecycle'],
    ['terminationMessagePath'],
    ['terminationMessagePolicy'],
    ['imagePullPolicy'],
    ['securityContext'],
    ['stdin'],
    ['stdinOnce'],
    ['tty'],
  ],
  ContainerPort: [['name'], ['hostPort'], ['containerPort'], ['protocol'], ['hostIP']],
  EnvVar: [['name'], ['value'], ['valueFrom']],
  ResourceRequirements: [['limits', 'map'], ['requests', 'map'], ['claims']],
  Service: [...TYPE_META, ['spec', 'ServiceSpec'], ['status', 'ServiceStatus']],
  ServiceSpec: [
    ['ports', 'ServicePort'],
    ['selector', 'map'],
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
    ['sessionAffinityConfig'],
    ['ipFamilies'],
    ['ipFamilyPolicy'],
    ['allocateLoadBalancerNodePorts'],
    ['loadBalancerClass'],
    ['internalTrafficPolicy'],
    ['trafficDistribution'],
  ],
  ServicePort: [['name'], ['protocol'], ['appProtocol'], ['port'], ['targetPort'], ['nodePort']],
  ServiceStatus: [['loadBalancer'], ['conditions']],
};

function ordered(value: unknown, type: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, type));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const fields = type ? STRUCTS[type] : undefined;
  if (!fields) {
    // a map (or a struct not listed here): Go writes a map's keys sorted
    const keys = Object.keys(object).sort();
    return Object.fromEntries(keys.map((k) => [k, ordered(object[k], undefined)]));
  }
  const out: Record<string, unknown> = {};
  for (const [name, fieldType] of fields) {
    if (name in object) out[name] = ordered(object[name], fieldType === 'map' ? undefined : fieldType);
  }
  // anything the table does not know keeps a stable place after the known fields
  for (const key of Object.keys(object).sort()) if (!(key in out)) out[key] = ordered(object[key], undefined);
  return out;
}

/** the object as encoding/json writes its Go type (plus the newline kubectl's encoder adds) */
export function typedJson(object: { kind: string }): string {
  return JSON.stringify(ordered(object, object.kind)) + '\n';
}
