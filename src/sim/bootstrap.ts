// the default cluster: what `kind create cluster` with two workers leaves behind — a tainted
// control-plane node and two workers, the four namespaces, the control-plane pods, CoreDNS,
// kube-proxy and the kindnet CNI on every node, the kubernetes and kube-dns Services

import { VirtualClock } from './clock.ts';
import { Cluster } from './cluster.ts';
import { MIRROR_POD_ANNOTATION } from './api/admission/service-account.ts';
import { ownerReferenceTo, randomSuffix, timestamp } from './api/meta.ts';
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
  Service,
  ServiceAccount,
} from './api/types.ts';
import { CONTAINERD_VERSION, KUBERNETES_VERSION } from './version.ts';
import { networkOf } from './network/net.ts';
import { Random } from './random.ts';
import { KUBE_PROXY_CONFIG, KUBE_PROXY_KUBECONFIG } from './network/kube-proxy-config.ts';

export interface DefaultClusterOptions {
  /**
   * false: no cloud load-balancer provider, as on premises before MetalLB is installed —
   * LoadBalancer Services keep `<pending>` for their external IP
   */
  loadBalancerProvider?: boolean;
}

export interface NodePlan {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

export const DEFAULT_NODES: NodePlan[] = [
  { name: 'kind-control-plane', ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
  { name: 'kind-worker', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
  { name: 'kind-worker2', ip: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
];

/** the moment a script's cluster starts at: fixed, so a seed replays byte for byte */
const DEFAULT_NOW = Date.UTC(2026, 0, 1, 9, 0, 0);
/** how long the cluster has existed when the learner arrives */
const CLUSTER_AGE_MS = 5 * 60_000;
const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.4';
const K8S_TAG = KUBERNETES_VERSION;

export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

function must<T extends KubeObject>(cluster: Cluster, obj: T, namespace?: string): T {
  const result = cluster.api.create(obj, namespace);
  if (!result.ok) throw new Error(`bootstrap could not create ${obj.kind} ${obj.metadata.name}: ${result.error.message}`);
  return result.object;
}

function nodeObject(plan: NodePlan, now: string): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': plan.name,
    'kubernetes.io/os': 'linux',
  };
  if (plan.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const resources = { cpu: '2', 'ephemeral-storage': '102626232Ki', 'hugepages-2Mi': '0', memory: '8129520Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: plan.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: plan.podCIDR,
      podCIDRs: [plan.podCIDR],
      providerID: `kind://docker/kind/${plan.name}`,
      ...(plan.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: plan.ip },
        { type: 'Hostname', address: plan.name },
      ],
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      capacity: resources,
      allocatable: resources,
      nodeInfo: {
        machineID: '',
        systemUUID: '',
        bootID: '',
        kernelVersion: '6.12.48-cloud-amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: CONTAINERD_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}

/**
 * a control-plane component as its mirror pod: the kubelet runs it from a manifest file and shows
 * it to the apiserver with the config annotations (the manifest's hash, when it was read, its source)
 */
function staticPod(node: Node, component: string, image: string, random: Random, seen: string): Pod {
  const hash = Array.from({ length: 32 }, () => random.int(16).toString(16)).join('');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node.metadata.name}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.hash': hash,
        [MIRROR_POD_ANNOTATION]: hash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ ...ownerReferenceTo(node), blockOwnerDeletion: false }],
    },
    spec: {
      nodeName: node.metadata.name!,
      hostNetwork: true,
      priority: 2000001000,
      containers: [{ name: component, image, imagePullPolicy: 'IfNotPresent' }],
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}

function daemonSet(
  cluster: Cluster,
  name: string,
  image: string,
  labels: Record<string, string>,
  nodeSelector?: Record<string, string>,
): DaemonSet {
  const ds: DaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          hostNetwork: true,
          serviceAccountName: name,
          ...(nodeSelector ? { nodeSelector } : {}),
          containers: [{ name, image, imagePullPolicy: 'IfNotPresent' }],
          tolerations: [{ operator: 'Exists' }],
        },
      },
    },
  };
  return must(cluster, ds);
}

function daemonPods(cluster: Cluster, ds: DaemonSet, nodes: Node[]): void {
  for (const node of nodes) {
    const template = ds.spec.template;
    must(cluster, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${ds.metadata.name}-${randomSuffix(cluster.random)}`,
        namespace: 'kube-system',
        labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': '6c8d5b7f9', 'pod-template-generation': '1' },
        ownerReferences: [ownerReferenceTo(ds)],
      },
      spec: { ...structuredClone(template.spec), nodeName: node.metadata.name! },
    } as Pod);
  }
  const count = nodes.length;
  cluster.api.writeStatus({
    ...ds,
    status: {
      currentNumberScheduled: count,
      desiredNumberScheduled: count,
      numberMisscheduled: 0,
      numberReady: count,
      updatedNumberScheduled: count,
      numberAvailable: count,
      observedGeneration: 1,
    },
  });
}

function service(
  name: string,
  namespace: string,
  clusterIP: string,
  spec: Partial<Service['spec']>,
  labels: Record<string, string>,
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels },
    spec: { type: 'ClusterIP', clusterIP, clusterIPs: [clusterIP], ...spec },
  };
}

/** a fresh default cluster, five minutes old, with every system pod running */
export function createDefaultCluster(seed: number, now?: number, options: DefaultClusterOptions = {}): Cluster {
  // the cluster was created five minutes before `now` (by default a fixed instant, for replayable scripts)
  const cluster = new Cluster({
    seed,
    clock: new VirtualClock((now ?? DEFAULT_NOW) - CLUSTER_AGE_MS),
    ...(options.loadBalancerProvider === false ? { loadBalancerProvider: false } : {}),
  });
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    must(cluster, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    } as Namespace);
  }
  // the control plane comes up first; CoreDNS lands there before the workers join, as on kind
  const [controlPlanePlan, ...workerPlans] = DEFAULT_NODES as [NodePlan, ...NodePlan[]];
  const controlPlane = must(cluster, nodeObject(controlPlanePlan, timestamp(cluster.clock.now())));
  // the static pods' hashes and the add-on accounts' uids come from a stream of their own
  const manifestRandom = new Random(seed ^ 0x6d616e69);
  cluster.kubelet.addNode(controlPlane);
  for (const [component, image] of [
    ['etcd', 'registry.k8s.io/etcd:3.6.4-0'],
    ['kube-apiserver', `registry.k8s.io/kube-apiserver:${K8S_TAG}`],
    ['kube-controller-manager', `registry.k8s.io/kube-controller-manager:${K8S_TAG}`],
    ['kube-scheduler', `registry.k8s.io/kube-scheduler:${K8S_TAG}`],
  ] as const) {
    must(
      cluster,
      staticPod(
        controlPlane,
        component,
        image,
        manifestRandom,
        `${timestamp(cluster.clock.now()).slice(0, -1)}.${String(manifestRandom.int(1e9)).padStart(9, '0')}Z`,
      ),
    );
  }
  // the system add-ons' own accounts, as kubeadm and kind install them (each namespace's default comes from its controller)
  for (const name of ['coredns', 'kube-proxy', 'kindnet']) {
    const created = cluster.api.create(
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } } as ServiceAccount,
      undefined,
      { random: manifestRandom },
    );
    if (!created.ok) throw new Error(`bootstrap could not create the ${name} ServiceAccount: ${created.error.message}`);
  }
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  must(cluster, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: dnsLabels },
    spec: {
      replicas: 2,
      selector: { matchLabels: dnsLabels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: dnsLabels },
        spec: {
          priority: 2000000000,
          dnsPolicy: 'Default',
          serviceAccountName: 'coredns',
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
        },
      },
    },
  } as Deployment);
  cluster.settle();
  const workers = workerPlans.map((plan) => {
    const node = must(cluster, nodeObject(plan, timestamp(cluster.clock.now())));
    cluster.kubelet.addNode(node);
    return node;
  });
  const nodes = [controlPlane, ...workers];
  daemonPods(
    cluster,
    daemonSet(
      cluster,
      'kube-proxy',
      `registry.k8s.io/kube-proxy:${K8S_TAG}`,
      { 'k8s-app': 'kube-proxy' },
      { 'kubernetes.io/os': 'linux' },
    ),
    nodes,
  );
  daemonPods(
    cluster,
    daemonSet(cluster, 'kindnet', 'docker.io/kindest/kindnetd:v20250512-df8de77b', {
      app: 'kindnet',
      'k8s-app': 'kindnet',
      tier: 'node',
    }),
    nodes,
  );
  must(
    cluster,
    service(
      'kubernetes',
      'default',
      '10.96.0.1',
      { ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }] },
      {
        component: 'apiserver',
        provider: 'kubernetes',
      },
    ),
  );
  must(cluster, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: controlPlanePlan.ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  } as Endpoints);
  // the apiserver writes the kubernetes Service's EndpointSlice itself, named like the Service
  const apiserverSlice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [controlPlanePlan.ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
  const sliceCreated = cluster.api.create(apiserverSlice, 'default', { random: cluster.endpointsRandom });
  if (!sliceCreated.ok) throw new Error(`bootstrap could not create the kubernetes EndpointSlice: ${sliceCreated.error.message}`);
  must(
    cluster,
    service(
      'kube-dns',
      'kube-system',
      '10.96.0.10',
      {
        selector: dnsLabels,
        ports: [
          { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
          { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
          { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
        ],
      },
      { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    ),
  );
  must(cluster, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    data: { Corefile: COREFILE },
  } as ConfigMap);
  // its uid comes from a stream of its own, so adding it did not move every later random choice
  const proxyConfig = cluster.api.create(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
      data: { 'config.conf': KUBE_PROXY_CONFIG, 'kubeconfig.conf': KUBE_PROXY_KUBECONFIG },
    } as ConfigMap,
    undefined,
    { random: new Random(seed ^ 0x6b7078) },
  );
  if (!proxyConfig.ok) throw new Error(`bootstrap could not create the kube-proxy ConfigMap: ${proxyConfig.error.message}`);
  // kube-proxy reads its configuration as each of its pods starts: the network watches from now on
  networkOf(cluster);
  cluster.advance(CLUSTER_AGE_MS);
  return cluster;
}
