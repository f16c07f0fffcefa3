import { describe, expect, it } from 'vitest';
import type { Node, NodeCondition, Pod } from '../../api/types.ts';
import { addEvent, ago, emptyCluster, NOW, put } from './fixtures.ts';
import { describeObject } from './index.ts';

function condition(type: NodeCondition['type'], status: 'True' | 'False', reason: string, message: string): NodeCondition {
  return { type, status, lastHeartbeatTime: ago(45), lastTransitionTime: ago(3600), reason, message };
}

function kindWorker(): Node {
  const resources = {
    cpu: '8',
    'ephemeral-storage': '102626232Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '16315976Ki',
    pods: '110',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'kind-worker',
      creationTimestamp: ago(3600),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': 'kind-worker',
        'kubernetes.io/os': 'linux',
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/kind-worker' },
    status: {
      addresses: [
        { type: 'InternalIP', address: '172.18.0.3' },
        { type: 'Hostname', address: 'kind-worker' },
      ],
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      capacity: resources,
      allocatable: resources,
      nodeInfo: {
        machineID: '7f0c2e9d8a6b4c1e9f3a5b7d2c4e6f80',
        systemUUID: '3c1d5e7f-9a2b-4c6d-8e0f-1a3b5c7d9e2f',
        bootID: 'b2d4f6a8-0c1e-4a3b-9d5f-7e9a1c3b5d7f',
        kernelVersion: '6.12.48-cloud-amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://2.1.4',
        kubeletVersion: 'v1.36.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

function pod(
  namespace: string,
  name: string,
  node: string,
  resources?: Pod['spec']['containers'][number]['resources'],
  phase: 'Running' | 'Succeeded' = 'Running',
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, creationTimestamp: name.startsWith('nginx') ? ago(300) : ago(3590) },
    spec: { containers: [{ name: 'main', image: 'busybox', ...(resources ? { resources } : {}) }], nodeName: node },
    status: { phase },
  };
}

describe('describe node', () => {
  it('prints a worker with its lease, the pods it runs and what they request', () => {
    const cluster = emptyCluster();
    const node = put(cluster, kindWorker());
    put(
      cluster,
      pod('kube-system', 'coredns-668d6bf9bc-2kx8z', 'kind-worker', {
        requests: { cpu: '100m', memory: '70Mi' },
        limits: { memory: '170Mi' },
      }),
    );
    put(
      cluster,
      pod('kube-system', 'kindnet-x7q2r', 'kind-worker', {
        requests: { cpu: '100m', memory: '50Mi' },
        limits: { cpu: '100m', memory: '50Mi' },
      }),
    );
    put(cluster, pod('kube-system', 'kube-proxy-5m9fz', 'kind-worker'));
    put(cluster, pod('default', 'nginx', 'kind-worker', { requests: { cpu: '1', memory: '1Gi' } }));
    // neither a finished pod nor one on another node counts
    put(cluster, pod('default', 'job-done', 'kind-worker', { requests: { cpu: '4' } }, 'Succeeded'));
    put(cluster, pod('default', 'elsewhere', 'kind-worker2', { requests: { cpu: '4' } }));
    addEvent(cluster, node, {
      reason: 'RegisteredNode',
      from: 'node-controller',
      first: 3580,
      message: 'Node kind-worker event: Registered Node kind-worker in Controller',
    });
    expect(describeObject(node, { now: NOW, cluster })).toBe(`Name:               kind-worker
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=kind-worker
                    kubernetes.io/os=linux
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  kind-worker
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 10:00:00 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 09:59:15 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Thu, 01 Jan 2026 09:59:15 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Thu, 01 Jan 2026 09:59:15 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Thu, 01 Jan 2026 09:59:15 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    kind-worker
Capacity:
  cpu:                8
  ephemeral-storage:  102626232Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16315976Ki
  pods:               110
Allocatable:
  cpu:                8
  ephemeral-storage:  102626232Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16315976Ki
  pods:               110
System Info:
  Machine ID:                 7f0c2e9d8a6b4c1e9f3a5b7d2c4e6f80
  System UUID:                3c1d5e7f-9a2b-4c6d-8e0f-1a3b5c7d9e2f
  Boot ID:                    b2d4f6a8-0c1e-4a3b-9d5f-7e9a1c3b5d7f
  Kernel Version:             6.12.48-cloud-amd64
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.4
  Kubelet Version:            v1.36.0
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kind/kind-worker
Non-terminated Pods:          (4 in total)
  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                        ------------  ----------  ---------------  -------------  ---
  default                     nginx                       1 (12%)       0 (0%)      1Gi (6%)         0 (0%)         5m
  kube-system                 coredns-668d6bf9bc-2kx8z    100m (1%)     0 (0%)      70Mi (0%)        170Mi (1%)     59m
  kube-system                 kindnet-x7q2r               100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      59m
  kube-system                 kube-proxy-5m9fz            0 (0%)        0 (0%)      0 (0%)           0 (0%)         59m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                1200m (15%)  100m (1%)
  memory             1144Mi (7%)  220Mi (1%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-1Gi      0 (0%)       0 (0%)
  hugepages-2Mi      0 (0%)       0 (0%)
Events:
  Type    Reason          Age   From             Message
  ----    ------          ----  ----             -------
  Normal  RegisteredNode  59m   node-controller  Node kind-worker event: Registered Node kind-worker in Controller
`);
  });

  it('prints a tainted control-plane node with no pods and no events', () => {
    const cluster = emptyCluster();
    const node = kindWorker();
    node.metadata.name = 'kind-control-plane';
    node.metadata.labels = { 'kubernetes.io/hostname': 'kind-control-plane', 'node-role.kubernetes.io/control-plane': '' };
    node.metadata.annotations = {};
    node.spec = { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], unschedulable: true };
    node.status.conditions = [];
    node.status.addresses = [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'kind-control-plane' },
    ];
    node.status.capacity = { cpu: '2', memory: '8129520Ki', pods: '110' };
    node.status.allocatable = { cpu: '1900m', memory: '7981056Ki', pods: '110' };
    put(cluster, node);
    expect(describeObject(node, { now: NOW, cluster })).toBe(`Name:               kind-control-plane
Roles:              control-plane
Labels:             kubernetes.io/hostname=kind-control-plane
                    node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Taints:             node-role.kubernetes.io/control-plane:NoSchedule
Unschedulable:      true
Lease:
  HolderIdentity:  kind-control-plane
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 10:00:00 +0000
Addresses:
  InternalIP:  172.18.0.2
  Hostname:    kind-control-plane
Capacity:
  cpu:     2
  memory:  8129520Ki
  pods:    110
Allocatable:
  cpu:     1900m
  memory:  7794Mi
  pods:    110
System Info:
  Machine ID:                 7f0c2e9d8a6b4c1e9f3a5b7d2c4e6f80
  System UUID:                3c1d5e7f-9a2b-4c6d-8e0f-1a3b5c7d9e2f
  Boot ID:                    b2d4f6a8-0c1e-4a3b-9d5f-7e9a1c3b5d7f
  Kernel Version:             6.12.48-cloud-amd64
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.4
  Kubelet Version:            v1.36.0
  Kube-Proxy Version:         
Non-terminated Pods:          (0 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
Events:              <none>
`);
  });
});
