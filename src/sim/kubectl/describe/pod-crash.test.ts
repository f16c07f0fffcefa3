import { describe, expect, it } from 'vitest';
import { NOW, addEvent, ago, basePod, emptyCluster, podConditions, put } from './fixtures.ts';
import { describeObject } from './index.ts';

describe('describe a crash-looping pod', () => {
  it('prints a crash-looping pod with the Last State of its container', () => {
    const cluster = emptyCluster();
    const crashing = basePod('crash', 'busybox:1.36', {
      phase: 'Running',
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      podIP: '10.244.1.9',
      podIPs: [{ ip: '10.244.1.9' }],
      startTime: ago(300),
      conditions: podConditions(false),
      containerStatuses: [
        {
          name: 'crash',
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=crash' } },
          lastState: {
            terminated: { exitCode: 1, reason: 'Error', startedAt: ago(45), finishedAt: ago(44), containerID: 'containerd://9c' },
          },
          ready: false,
          restartCount: 3,
          image: 'docker.io/library/busybox:1.36',
          imageID: 'docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447',
          containerID: 'containerd://9c',
          started: false,
        },
      ],
      qosClass: 'BestEffort',
    });
    crashing.metadata.uid = '7d2f4c1e-8b9a-4e3f-a1c2-5d6e7f8a9b0c';
    crashing.spec.containers[0]!.command = ['sh', '-c', 'echo starting; sleep 1; exit 1'];
    const pod = put(cluster, crashing);
    const backOff = `Back-off restarting failed container crash in pod crash_default(${pod.metadata.uid})`;
    addEvent(cluster, pod, {
      reason: 'Scheduled',
      from: 'default-scheduler',
      first: 300,
      message: 'Successfully assigned default/crash to kind-worker',
    });
    addEvent(cluster, pod, { reason: 'Pulling', from: 'kubelet', first: 299, message: 'Pulling image "busybox:1.36"' });
    addEvent(cluster, pod, {
      reason: 'Pulled',
      from: 'kubelet',
      first: 297,
      message: 'Successfully pulled image "busybox:1.36" in 1.873s (1.873s including waiting). Image size: 2156528 bytes.',
    });
    addEvent(cluster, pod, {
      reason: 'Pulled',
      from: 'kubelet',
      first: 280,
      last: 45,
      count: 3,
      message: 'Container image "busybox:1.36" already present on machine and can be accessed by the pod',
    });
    addEvent(cluster, pod, {
      reason: 'Created',
      from: 'kubelet',
      first: 297,
      last: 45,
      count: 4,
      message: 'Created container: crash',
    });
    addEvent(cluster, pod, {
      reason: 'Started',
      from: 'kubelet',
      first: 297,
      last: 45,
      count: 4,
      message: 'Started container crash',
    });
    addEvent(cluster, pod, {
      type: 'Warning',
      reason: 'BackOff',
      from: 'kubelet',
      first: 290,
      last: 4,
      count: 6,
      message: backOff,
    });
    expect(describeObject(pod, { now: NOW, cluster })).toBe(`Name:             crash
Namespace:        default
Priority:         0
Service Account:  default
Node:             kind-worker/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:55:00 +0000
Labels:           run=crash
Annotations:      <none>
Status:           Running
IP:               10.244.1.9
IPs:
  IP:  10.244.1.9
Containers:
  crash:
    Container ID:  containerd://9c
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      echo starting; sleep 1; exit 1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Thu, 01 Jan 2026 09:59:15 +0000
      Finished:     Thu, 01 Jan 2026 09:59:16 +0000
    Ready:          False
    Restart Count:  3
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
  Type     Reason     Age                  From               Message
  ----     ------     ----                 ----               -------
  Normal   Scheduled  5m                   default-scheduler  Successfully assigned default/crash to kind-worker
  Normal   Pulling    4m59s                kubelet            Pulling image "busybox:1.36"
  Normal   Pulled     4m57s                kubelet            Successfully pulled image "busybox:1.36" in 1.873s (1.873s including waiting). Image size: 2156528 bytes.
  Normal   Pulled     45s (x3 over 4m40s)  kubelet            Container image "busybox:1.36" already present on machine and can be accessed by the pod
  Normal   Created    45s (x4 over 4m57s)  kubelet            Created container: crash
  Normal   Started    45s (x4 over 4m57s)  kubelet            Started container crash
  Warning  BackOff    4s (x6 over 4m50s)   kubelet            Back-off restarting failed container crash in pod crash_default(7d2f4c1e-8b9a-4e3f-a1c2-5d6e7f8a9b0c)
`);
  });
});
