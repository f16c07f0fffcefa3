import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.ts';
import { DEFAULT_TOLERATIONS, NOW, addEvent, ago, basePod, emptyCluster, podConditions, put } from './fixtures.ts';
import { describeObject } from './index.ts';

describe('describe pod', () => {
  it('prints a running nginx pod with its events', () => {
    const cluster = emptyCluster();
    const pod = put(
      cluster,
      basePod('nginx', 'nginx:1.27', {
        phase: 'Running',
        hostIP: '172.18.0.3',
        hostIPs: [{ ip: '172.18.0.3' }],
        podIP: '10.244.1.5',
        podIPs: [{ ip: '10.244.1.5' }],
        startTime: ago(120),
        conditions: podConditions(true),
        containerStatuses: [
          {
            name: 'nginx',
            state: { running: { startedAt: ago(112) } },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: 'docker.io/library/nginx:1.27',
            imageID: 'docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d',
            containerID: 'containerd://5b1f0a6c7d2e',
            started: true,
          },
        ],
        qosClass: 'BestEffort',
      }),
    );
    pod.spec.containers[0]!.ports = [{ containerPort: 80, protocol: 'TCP' }];
    const assigned = 'Successfully assigned default/nginx to kind-worker';
    addEvent(cluster, pod, { reason: 'Scheduled', from: 'default-scheduler', first: 120, message: assigned });
    addEvent(cluster, pod, { reason: 'Pulling', from: 'kubelet', first: 119, message: 'Pulling image "nginx:1.27"' });
    const pulled = 'Successfully pulled image "nginx:1.27" in 5.912s (5.912s including waiting). Image size: 72218459 bytes.';
    addEvent(cluster, pod, { reason: 'Pulled', from: 'kubelet', first: 113, message: pulled });
    addEvent(cluster, pod, { reason: 'Created', from: 'kubelet', first: 112, message: 'Created container: nginx' });
    addEvent(cluster, pod, { reason: 'Started', from: 'kubelet', first: 112, message: 'Started container nginx' });
    expect(describeObject(pod, { now: NOW, cluster })).toBe(`Name:             nginx
Namespace:        default
Priority:         0
Service Account:  default
Node:             kind-worker/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:58:00 +0000
Labels:           run=nginx
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:  10.244.1.5
Containers:
  nginx:
    Container ID:   containerd://5b1f0a6c7d2e
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:58:08 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x7k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  2m    default-scheduler  Successfully assigned default/nginx to kind-worker
  Normal  Pulling    119s  kubelet            Pulling image "nginx:1.27"
  Normal  Pulled     113s  kubelet            Successfully pulled image "nginx:1.27" in 5.912s (5.912s including waiting). Image size: 72218459 bytes.
  Normal  Created    112s  kubelet            Created container: nginx
  Normal  Started    112s  kubelet            Started container nginx
`);
  });

  it('prints a pending pod that no node could take', () => {
    const cluster = emptyCluster();
    const pod = put(cluster, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'big', namespace: 'default', creationTimestamp: ago(30) },
      spec: {
        containers: [
          {
            name: 'big',
            image: 'nginx',
            resources: { requests: { cpu: '64', memory: '1Gi' }, limits: { cpu: '64', memory: '1Gi' } },
          },
        ],
        serviceAccountName: 'default',
        priority: 0,
        tolerations: DEFAULT_TOLERATIONS,
      },
      status: {
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: ago(30), reason: 'Unschedulable' },
        ],
      },
    } as Pod);
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    addEvent(cluster, pod, { type: 'Warning', reason: 'FailedScheduling', from: 'default-scheduler', first: 30, message });
    expect(describeObject(pod, { now: NOW, cluster })).toBe(`Name:             big
Namespace:        default
Priority:         0
Service Account:  default
Node:             <none>
Labels:           <none>
Annotations:      <none>
Status:           Pending
IP:               
IPs:              <none>
Containers:
  big:
    Image:      nginx
    Port:       <none>
    Host Port:  <none>
    Limits:
      cpu:     64
      memory:  1Gi
    Requests:
      cpu:        64
      memory:     1Gi
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type           Status
  PodScheduled   False 
Volumes:         <none>
QoS Class:       Guaranteed
Node-Selectors:  <none>
Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  30s   default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.
`);
  });
});
