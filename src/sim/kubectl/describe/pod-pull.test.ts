import { describe, expect, it } from 'vitest';
import { NOW, addEvent, ago, basePod, emptyCluster, podConditions, put } from './fixtures.ts';
import { describeObject } from './index.ts';

describe('describe a pod that cannot pull its image', () => {
  it('prints a pod stuck in ImagePullBackOff with its folded events', () => {
    const cluster = emptyCluster();
    const pod = put(
      cluster,
      basePod('web', 'nginx:1.277', {
        phase: 'Pending',
        hostIP: '172.18.0.4',
        hostIPs: [{ ip: '172.18.0.4' }],
        podIP: '10.244.2.7',
        podIPs: [{ ip: '10.244.2.7' }],
        startTime: ago(60),
        conditions: podConditions(false),
        containerStatuses: [
          {
            name: 'web',
            state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.277"' } },
            lastState: {},
            ready: false,
            restartCount: 0,
            image: 'nginx:1.277',
            imageID: '',
            started: false,
          },
        ],
        qosClass: 'BestEffort',
      }),
    );
    pod.spec.nodeName = 'kind-worker2';
    const ref = 'docker.io/library/nginx:1.277';
    const failed = `Failed to pull image "nginx:1.277": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
    addEvent(cluster, pod, {
      reason: 'Scheduled',
      from: 'default-scheduler',
      first: 60,
      message: 'Successfully assigned default/web to kind-worker2',
    });
    addEvent(cluster, pod, {
      reason: 'Pulling',
      from: 'kubelet',
      first: 59,
      last: 15,
      count: 3,
      message: 'Pulling image "nginx:1.277"',
    });
    addEvent(cluster, pod, {
      type: 'Warning',
      reason: 'Failed',
      from: 'kubelet',
      first: 57,
      last: 14,
      count: 3,
      message: failed,
    });
    addEvent(cluster, pod, {
      type: 'Warning',
      reason: 'Failed',
      from: 'kubelet',
      first: 57,
      last: 14,
      count: 3,
      message: 'Error: ErrImagePull',
    });
    addEvent(cluster, pod, {
      reason: 'BackOff',
      from: 'kubelet',
      first: 50,
      last: 2,
      count: 3,
      message: 'Back-off pulling image "nginx:1.277"',
    });
    addEvent(cluster, pod, {
      type: 'Warning',
      reason: 'Failed',
      from: 'kubelet',
      first: 50,
      last: 2,
      count: 3,
      message: 'Error: ImagePullBackOff',
    });
    expect(describeObject(pod, { now: NOW, cluster })).toBe(`Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             kind-worker2/172.18.0.4
Start Time:       Thu, 01 Jan 2026 09:59:00 +0000
Labels:           run=web
Annotations:      <none>
Status:           Pending
IP:               10.244.2.7
IPs:
  IP:  10.244.2.7
Containers:
  web:
    Container ID:   
    Image:          nginx:1.277
    Image ID:       
    Port:           <none>
    Host Port:      <none>
    State:          Waiting
      Reason:       ImagePullBackOff
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
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
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  60s                default-scheduler  Successfully assigned default/web to kind-worker2
  Normal   Pulling    15s (x3 over 59s)  kubelet            Pulling image "nginx:1.277"
  Warning  Failed     14s (x3 over 57s)  kubelet            Failed to pull image "nginx:1.277": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found
  Warning  Failed     14s (x3 over 57s)  kubelet            Error: ErrImagePull
  Normal   BackOff    2s (x3 over 50s)   kubelet            Back-off pulling image "nginx:1.277"
  Warning  Failed     2s (x3 over 50s)   kubelet            Error: ImagePullBackOff
`);
  });
});
