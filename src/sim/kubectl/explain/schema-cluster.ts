// cluster-level and configuration kinds of core/v1: Namespace, Node (with taints, addresses and
// system info) and ConfigMap

import { conditionType } from './schema-meta.ts';
import { bool, kindHeader, labels, list, mapOf, object, opaque, ref, str, t, time, type TypeDef } from './schema-types.ts';

const nodeInfo = (description: string) => str(description, { required: true });

export const CLUSTER_TYPES: Record<string, TypeDef> = {
  Namespace: object(
    'A Namespace is a named scope that groups objects: names must be unique within a namespace, and policies and quotas can be applied per namespace. Deleting a namespace deletes everything in it.',
    {
      ...kindHeader(),
      spec: ref('NamespaceSpec', 'Settings for the namespace.'),
      status: ref('NamespaceStatus', 'The observed state of the namespace. Read-only.'),
    },
  ),
  NamespaceSpec: object('The settings of a namespace.', {
    finalizers: list(
      t.string,
      'Cleanup steps that must finish before the namespace is removed for good. The system uses this to empty the namespace first.',
    ),
  }),
  NamespaceStatus: object('The observed state of a namespace.', {
    conditions: list(t.ref('NamespaceCondition'), 'Observations about the namespace, mostly about problems while deleting it.'),
    phase: str('Active while the namespace is in use; Terminating once it is being deleted.', {
      enum: ['Active', 'Terminating'],
    }),
  }),
  NamespaceCondition: conditionType('namespace', ['lastTransitionTime']),
  Node: object(
    'A Node is a machine, physical or virtual, that runs pods. Each node runs a kubelet, which registers the node with the API server and keeps its status up to date.',
    {
      ...kindHeader(),
      spec: ref('NodeSpec', 'How the node is configured, such as its taints and whether new pods may be scheduled on it.'),
      status: ref('NodeStatus', 'What the kubelet last reported about the node. Read-only.'),
    },
  ),
  NodeSpec: object(
    'The settings of a node.',
    {
      podCIDR: str('The range of IP addresses assigned to this node for its pods.'),
      podCIDRs: list(t.string, 'The pod address ranges of this node, one per IP family. The first entry equals podCIDR.'),
      providerID: str('The ID the cloud provider uses for this machine, in the form <provider>://<id>.'),
      taints: list(
        t.ref('Taint'),
        'Taints that repel pods from this node. Only pods with a matching toleration are scheduled here, and NoExecute taints also evict running pods.',
      ),
      unschedulable: bool(
        'When true, no new pods are scheduled onto the node; pods already there keep running. kubectl cordon and drain set it.',
      ),
    },
    ['configSource', 'externalID'],
  ),
  Taint: object('A mark on a node that keeps away pods which do not tolerate it.', {
    effect: str(
      'What happens to pods that do not tolerate the taint: NoSchedule keeps new ones away, PreferNoSchedule avoids the node when possible, NoExecute also evicts pods already running there.',
      { required: true, enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] },
    ),
    key: str('The taint key.', { required: true }),
    timeAdded: time('When the taint was added. Only kept for NoExecute taints.'),
    value: str('The taint value that tolerations compare against.'),
  }),
  NodeStatus: object(
    'The observed state of a node, reported by its kubelet.',
    {
      addresses: list(t.ref('NodeAddress'), 'The ways the node can be reached, such as its internal IP address and hostname.'),
      allocatable: mapOf(
        t.ref('Quantity'),
        'The resources available to pods: the capacity minus what is reserved for the system. The scheduler uses these numbers.',
      ),
      capacity: mapOf(
        t.ref('Quantity'),
        'The total resources of the node, such as cpu, memory and the number of pods it can run.',
      ),
      conditions: list(t.ref('NodeCondition'), 'Health checks of the node, such as Ready, MemoryPressure and DiskPressure.'),
      daemonEndpoints: ref('NodeDaemonEndpoints', 'The ports the daemons on the node listen on, such as the kubelet port.'),
      images: list(t.ref('ContainerImage'), 'The container images stored on the node.'),
      nodeInfo: ref(
        'NodeSystemInfo',
        'Facts about the machine and software: operating system, kernel, container runtime and kubelet versions.',
      ),
    },
    ['config', 'declaredFeatures', 'features', 'phase', 'runtimeHandlers', 'volumesAttached', 'volumesInUse'],
  ),
  NodeAddress: object('One address of a node.', {
    address: str('The address itself.', { required: true }),
    type: str('The kind of address: Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.', { required: true }),
  }),
  NodeCondition: conditionType('node', ['lastHeartbeatTime', 'lastTransitionTime']),
  NodeSystemInfo: object('Facts the kubelet reports about the machine it runs on.', {
    architecture: nodeInfo('The CPU architecture, such as amd64 or arm64.'),
    bootID: nodeInfo('An ID that changes every time the machine boots.'),
    containerRuntimeVersion: nodeInfo('The container runtime and its version, such as containerd://2.1.0.'),
    kernelVersion: nodeInfo('The kernel version, as uname -r reports it.'),
    kubeProxyVersion: nodeInfo('Deprecated and no longer filled in reliably: the kube-proxy version on the node.'),
    kubeletVersion: nodeInfo('The version of the kubelet running on the node.'),
    machineID: nodeInfo('A unique ID for the machine, read from /etc/machine-id.'),
    operatingSystem: nodeInfo('The operating system family, such as linux or windows.'),
    osImage: nodeInfo('The operating system image, as /etc/os-release names it, such as Debian GNU/Linux 12 (bookworm).'),
    swap: ref('NodeSwapStatus', 'Information about swap memory on the node.'),
    systemUUID: nodeInfo('The hardware UUID of the machine, as the firmware reports it.'),
  }),
  NodeDaemonEndpoints: opaque('The network endpoints of daemons running on a node, such as the kubelet.'),
  ContainerImage: opaque('One container image stored on a node: its names and size.'),
  NodeSwapStatus: opaque('How much swap memory a node has.'),
  ConfigMap: object(
    'A ConfigMap holds non-secret configuration as key/value pairs. Pods can read it as environment variables, command-line arguments or files in a volume.',
    {
      ...kindHeader(),
      binaryData: labels('Keys whose values are binary data, written base64-encoded. Keys must not also appear in data.'),
      data: labels('The configuration as plain-text key/value pairs. Keys may contain letters, digits, -, _ and .'),
      immutable: bool(
        'When true, the data can no longer be changed; only deleting and recreating the ConfigMap will. It also spares the API server from watching it for changes.',
      ),
    },
  ),
  ServiceAccount: object(
    'A ServiceAccount is an identity for the processes that run in pods. Every namespace has one named default, and a pod that names no other runs as it.',
    {
      ...kindHeader(),
      automountServiceAccountToken: bool(
        "Whether pods running as this account get an API token mounted at /var/run/secrets/kubernetes.io/serviceaccount. A pod's own automountServiceAccountToken wins over this.",
      ),
      imagePullSecrets: list(
        t.ref('LocalObjectReference'),
        'Secrets in the same namespace holding registry credentials; pods running as this account use them to pull images unless they list their own.',
      ),
      secrets: list(
        t.ref('ObjectReference'),
        'Deprecated: Secrets that pods running as this account may use. Not meant to hold tokens any more; tokens are requested through the TokenRequest API.',
      ),
    },
  ),
  LocalObjectReference: object('Names another object in the same namespace.', {
    name: str('The name of the object.'),
  }),
};
