// core/v1 Pod: the kind itself, its spec (what to run and where) and its status (what the
// kubelet and scheduler report), plus the pod template that workload controllers stamp pods from

import { bool, int, kindHeader, labels, list, object, opaque, ref, str, t, time, type TypeDef } from './schema-types.ts';

export const POD_TYPES: Record<string, TypeDef> = {
  Pod: object(
    'A Pod is the smallest thing Kubernetes runs: one or more containers that are scheduled together onto one node, share an IP address and can share storage. Pods are usually created for you by controllers such as Deployments.',
    {
      ...kindHeader(),
      spec: ref('PodSpec', 'The desired state of the pod: its containers, volumes and scheduling preferences.'),
      status: ref(
        'PodStatus',
        'What the system last observed about the pod. It is written by the scheduler and the kubelet, may lag behind reality, and is read-only for users.',
      ),
    },
  ),
  PodTemplateSpec: object('A blueprint for the pods a controller creates: the metadata and spec each new pod starts with.', {
    metadata: ref(
      'ObjectMeta',
      "Metadata for the pods made from this template. Its labels must match the controller's selector.",
    ),
    spec: ref('PodSpec', 'The spec every pod made from this template gets.'),
  }),
  PodSpec: object(
    'A PodSpec describes a pod: the containers to run, the volumes they share, and settings for scheduling, networking and shutdown.',
    {
      affinity: ref('Affinity', 'Rules that attract the pod to, or keep it away from, certain nodes or other pods.'),
      containers: list(
        t.ref('Container'),
        'The containers that make up the pod. A pod needs at least one, and containers cannot be added to or removed from a running pod.',
        { required: true },
      ),
      dnsPolicy: str(
        "How DNS is set up for the pod. ClusterFirst, the default, sends lookups to the cluster's DNS service first; Default uses the node's settings; None relies entirely on dnsConfig.",
        { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] },
      ),
      enableServiceLinks: bool(
        'Whether to add environment variables describing each Service in the namespace, in the old Docker-links style. Defaults to true.',
      ),
      hostNetwork: bool(
        "Run the pod in the node's network namespace, using the node's IP address and ports instead of a pod IP of its own. Defaults to false.",
      ),
      hostname: str("The pod's hostname inside its containers. When empty, the pod's name is used."),
      initContainers: list(
        t.ref('Container'),
        'Containers that run one after another, each to completion, before the app containers start. Useful for setup work such as waiting for a dependency.',
      ),
      nodeName: str(
        'The node the pod is bound to. The scheduler normally fills this in; setting it yourself skips the scheduler entirely.',
      ),
      nodeSelector: labels(
        'Node labels the pod requires: it is only scheduled onto nodes that carry every one of these key/value pairs.',
      ),
      preemptionPolicy: str(
        'Whether this pod may evict lower-priority pods to make room for itself. Defaults to PreemptLowerPriority.',
        { enum: ['Never', 'PreemptLowerPriority'] },
      ),
      priority: int(
        'How important the pod is, as a number; higher values are scheduled first and may preempt lower ones. It is filled in from priorityClassName when the pod is created.',
      ),
      restartPolicy: str(
        'What the kubelet does when a container exits: Always restart it, restart it only OnFailure, or Never. Defaults to Always.',
        { enum: ['Always', 'Never', 'OnFailure'] },
      ),
      schedulerName: str('Which scheduler places this pod. Defaults to the standard default-scheduler.'),
      securityContext: ref(
        'PodSecurityContext',
        'Security settings that apply to every container of the pod, such as the user and group IDs they run as.',
      ),
      serviceAccount: str('An older, deprecated spelling of serviceAccountName.'),
      serviceAccountName: str(
        'The ServiceAccount whose identity the pod runs with when talking to the API server. Defaults to the namespace\'s "default" account.',
      ),
      subdomain: str(
        'Combined with hostname, gives the pod a DNS name of the form <hostname>.<subdomain>.<namespace>.svc.<cluster-domain>, provided a headless Service named like the subdomain exists.',
      ),
      terminationGracePeriodSeconds: int(
        'How long, in seconds, the pod gets to shut down after being asked to stop before its processes are killed. Defaults to 30; 0 kills immediately.',
      ),
      tolerations: list(
        t.ref('Toleration'),
        "Taints the pod tolerates. A node's taints keep pods away unless the pod has a matching toleration.",
      ),
      volumes: list(t.ref('Volume'), 'Storage volumes that containers of this pod can mount.'),
    },
    [
      'activeDeadlineSeconds',
      'automountServiceAccountToken',
      'dnsConfig',
      'ephemeralContainers',
      'hostAliases',
      'hostIPC',
      'hostPID',
      'hostUsers',
      'hostnameOverride',
      'imagePullSecrets',
      'os',
      'overhead',
      'priorityClassName',
      'readinessGates',
      'resourceClaims',
      'resources',
      'runtimeClassName',
      'schedulingGates',
      'setHostnameAsFQDN',
      'shareProcessNamespace',
      'topologySpreadConstraints',
      'workloadRef',
    ],
  ),
  Affinity: opaque(
    'Scheduling rules that relate the pod to node labels (node affinity) or to other pods (pod affinity and anti-affinity).',
  ),
  PodSecurityContext: opaque('Security settings shared by all containers in a pod, such as runAsUser, runAsGroup and fsGroup.'),
  Toleration: object(
    'Allows a pod onto nodes with a matching taint. A toleration matches a taint when the keys and effects match and the operator accepts the value.',
    {
      effect: str('Which taint effect this tolerates. When empty, it tolerates every effect.', {
        enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
      }),
      key: str('The taint key to match. An empty key with operator Exists matches every taint.'),
      operator: str(
        'How the value is compared: Equal (the default) needs the same value, Exists ignores the value. Gt and Lt compare numbers and are behind a feature gate.',
        { enum: ['Equal', 'Exists', 'Gt', 'Lt'] },
      ),
      tolerationSeconds: int(
        'For NoExecute taints: how long the pod may stay on the node after the taint appears before it is evicted. When unset, it stays indefinitely.',
      ),
      value: str('The taint value to match. Leave it empty when the operator is Exists.'),
    },
  ),
  Volume: object(
    'A named storage volume that containers of the pod can mount. Besides the name, exactly one source says where the data comes from.',
    {
      configMap: ref('ConfigMapVolumeSource', 'Exposes the keys of a ConfigMap as files.'),
      downwardAPI: ref('DownwardAPIVolumeSource', 'Exposes facts about the pod itself, such as its labels, as files.'),
      emptyDir: ref('EmptyDirVolumeSource', 'A scratch directory that starts empty and is deleted together with the pod.'),
      hostPath: ref(
        'HostPathVolumeSource',
        "A file or directory from the node's own filesystem. Use with care: it ties the pod to that node's contents.",
      ),
      name: str('The name of the volume, which volumeMounts refer to. It must be unique within the pod.', { required: true }),
      persistentVolumeClaim: ref(
        'PersistentVolumeClaimVolumeSource',
        'Mounts the storage bound to a PersistentVolumeClaim in the same namespace.',
      ),
      projected: ref(
        'ProjectedVolumeSource',
        'Combines several sources, such as Secrets, ConfigMaps and service account tokens, in one directory.',
      ),
      secret: ref('SecretVolumeSource', 'Exposes the keys of a Secret as files.'),
    },
    [
      'awsElasticBlockStore',
      'azureDisk',
      'azureFile',
      'cephfs',
      'cinder',
      'csi',
      'ephemeral',
      'fc',
      'flexVolume',
      'flocker',
      'gcePersistentDisk',
      'gitRepo',
      'glusterfs',
      'image',
      'iscsi',
      'nfs',
      'photonPersistentDisk',
      'portworxVolume',
      'quobyte',
      'rbd',
      'scaleIO',
      'storageos',
      'vsphereVolume',
    ],
  ),
  ConfigMapVolumeSource: opaque('Projects the keys of a ConfigMap into a volume, one file per key.'),
  DownwardAPIVolumeSource: opaque('Writes fields of the pod, such as its labels and annotations, into files.'),
  EmptyDirVolumeSource: opaque('An empty directory created when the pod starts on a node, on disk or in memory.'),
  HostPathVolumeSource: opaque("A path on the node's filesystem mounted into the pod."),
  PersistentVolumeClaimVolumeSource: opaque('A reference to a PersistentVolumeClaim whose bound volume is mounted.'),
  ProjectedVolumeSource: opaque('Several volume sources merged into one directory.'),
  SecretVolumeSource: opaque('Projects the keys of a Secret into a volume, one file per key.'),
  PodStatus: object(
    'The most recently observed state of a pod. It can be out of date, and it is written by the system rather than by users.',
    {
      conditions: list(
        t.ref('PodCondition'),
        'Checkpoints the pod has or has not reached, such as PodScheduled, Initialized and Ready.',
      ),
      containerStatuses: list(t.ref('ContainerStatus'), 'One entry per app container, reporting its state and restarts.'),
      hostIP: str('The IP address of the node the pod is running on. Empty until the pod is bound to a node.'),
      hostIPs: list(t.ref('HostIP'), "The node's IP addresses, one per IP family; the first equals hostIP."),
      initContainerStatuses: list(t.ref('ContainerStatus'), 'One entry per init container, reporting its state and restarts.'),
      message: str('A human-readable note about why the pod is in its current phase.'),
      phase: str(
        'A one-word summary of where the pod is in its life: Pending, Running, Succeeded, Failed or Unknown. It is a rough summary; the conditions and container statuses hold the details.',
        { enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] },
      ),
      podIP: str('The IP address assigned to the pod, shared by all of its containers. Empty until one is allocated.'),
      podIPs: list(t.ref('PodIP'), "The pod's IP addresses, one per IP family; the first equals podIP."),
      qosClass: str(
        "The quality-of-service class derived from the containers' requests and limits: Guaranteed, Burstable or BestEffort. It decides which pods are evicted first when a node runs short.",
        { enum: ['BestEffort', 'Burstable', 'Guaranteed'] },
      ),
      reason: str('A short CamelCase word saying why the pod is in this state, such as Evicted.'),
      startTime: time('When the kubelet accepted the pod, before any image was pulled.'),
    },
    [
      'allocatedResources',
      'ephemeralContainerStatuses',
      'extendedResourceClaimStatus',
      'nominatedNodeName',
      'observedGeneration',
      'resize',
      'resourceClaimStatuses',
      'resources',
    ],
  ),
  PodCondition: object('One checkpoint in the life of a pod and whether it has been reached.', {
    lastProbeTime: time('When the condition was last checked.'),
    lastTransitionTime: time('When the condition last moved from one status to another.'),
    message: str('A human-readable explanation of the last transition.'),
    observedGeneration: int("The pod's metadata.generation that this condition was computed from."),
    reason: str('A short CamelCase word explaining the last transition.'),
    status: str('Whether the checkpoint has been reached: True, False or Unknown.', { required: true }),
    type: str('Which checkpoint this is, such as PodScheduled, Initialized, ContainersReady or Ready.', { required: true }),
  }),
  HostIP: object('One IP address of the node a pod runs on.', {
    ip: str('The IP address.', { required: true }),
  }),
  PodIP: object('One IP address assigned to a pod.', {
    ip: str('The IP address.', { required: true }),
  }),
};
