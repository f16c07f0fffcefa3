import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.ts';
import { DEFAULT_TOLERATIONS, NOW, ago, apiAccessMount, apiAccessVolume, emptyCluster, podConditions, put } from './fixtures.ts';
import { describeObject } from './index.ts';

describe('describe pod containers', () => {
  it('prints every container of a two-container pod, with resources, probe, env and mounts', () => {
    const cluster = emptyCluster();
    const running = (name: string, image: string, id: string) => ({
      name,
      state: { running: { startedAt: ago(30) } },
      lastState: {},
      ready: true,
      restartCount: 0,
      image,
      imageID: `${image.split(':')[0]}@sha256:${id}`,
      containerID: `containerd://${id.slice(0, 12)}`,
      started: true,
    });
    const pod = put(cluster, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-5d78c9b8f4-x2x7q',
        namespace: 'shop',
        creationTimestamp: ago(40),
        labels: { app: 'web', 'pod-template-hash': '5d78c9b8f4' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'payments' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d78c9b8f4', uid: 'rs-uid', controller: true }],
      },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            ports: [
              { name: 'http', containerPort: 80, protocol: 'TCP' },
              { name: 'metrics', containerPort: 9113, protocol: 'TCP' },
            ],
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '0.5', memory: '128Mi' } },
            readinessProbe: {
              httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' },
              periodSeconds: 5,
              timeoutSeconds: 1,
              successThreshold: 1,
              failureThreshold: 3,
            },
            env: [
              { name: 'MODE', value: 'production' },
              { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
              { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'color' } } },
            ],
            volumeMounts: [apiAccessMount, { name: 'html', mountPath: '/usr/share/nginx/html' }],
          },
          {
            name: 'refresher',
            image: 'busybox:1.36',
            command: ['sh', '-c'],
            args: ['while true; do date > /html/index.html; sleep 10; done'],
            volumeMounts: [{ name: 'html', mountPath: '/html' }],
          },
        ],
        nodeName: 'kind-worker',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        serviceAccountName: 'default',
        priority: 0,
        tolerations: DEFAULT_TOLERATIONS,
        volumes: [{ name: 'html', emptyDir: {} }, apiAccessVolume],
      },
      status: {
        phase: 'Running',
        hostIP: '172.18.0.3',
        hostIPs: [{ ip: '172.18.0.3' }],
        podIP: '10.244.1.12',
        podIPs: [{ ip: '10.244.1.12' }],
        startTime: ago(40),
        conditions: podConditions(true),
        containerStatuses: [
          running(
            'refresher',
            'docker.io/library/busybox:1.36',
            '7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447',
          ),
          running('web', 'docker.io/library/nginx:1.27', '6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d'),
        ],
      },
    } as Pod);
    expect(describeObject(pod, { now: NOW, cluster, showEvents: false })).toBe(`Name:             web-5d78c9b8f4-x2x7q
Namespace:        shop
Priority:         0
Service Account:  default
Node:             kind-worker/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:59:20 +0000
Labels:           app=web
                  pod-template-hash=5d78c9b8f4
Annotations:      team: payments
Status:           Running
IP:               10.244.1.12
IPs:
  IP:           10.244.1.12
Controlled By:  ReplicaSet/web-5d78c9b8f4
Containers:
  web:
    Container ID:   containerd://6784fb0834aa
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d
    Ports:          80/TCP, 9113/TCP
    Host Ports:     0/TCP, 0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:59:30 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:      100m
      memory:   64Mi
    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=5s #success=1 #failure=3
    Environment:
      MODE:      production
      POD_NAME:  web-5d78c9b8f4-x2x7q (v1:metadata.name)
      COLOR:     <set to the key 'color' of config map 'web-config'>  Optional: false
    Mounts:
      /usr/share/nginx/html from html (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
  refresher:
    Container ID:  containerd://7c3c3cea5d4d
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
    Args:
      while true; do date > /html/index.html; sleep 10; done
    State:          Running
      Started:      Thu, 01 Jan 2026 09:59:30 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /html from html (rw)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  html:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  kube-api-access-x7k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              kubernetes.io/os=linux
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
`);
  });
});
