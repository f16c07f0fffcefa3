import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod, ReplicationController } from '../../api/types.ts';
import { addEvent, emptyCluster, NOW, ownedBy, put } from './fixtures.ts';
import { describeObject } from './index.ts';

describe('describe replicationcontroller and daemonset', () => {
  it('prints a ReplicationController', () => {
    const cluster = emptyCluster();
    const rc = put(cluster, {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy', namespace: 'default', labels: { app: 'legacy' } },
      spec: {
        replicas: 2,
        selector: { app: 'legacy' },
        template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'httpd', image: 'httpd:2.4' }] } },
      },
      status: { replicas: 2, readyReplicas: 2 },
    } as ReplicationController);
    for (const suffix of ['8xq2z', 'k4m7p']) {
      put(cluster, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `legacy-${suffix}`, namespace: 'default', labels: { app: 'legacy' }, ownerReferences: ownedBy(rc) },
        spec: { containers: [{ name: 'httpd', image: 'httpd:2.4' }] },
        status: { phase: 'Running' },
      } as Pod);
    }
    expect(describeObject(rc, { now: NOW, cluster, showEvents: false })).toBe(`Name:         legacy
Namespace:    default
Selector:     app=legacy
Labels:       app=legacy
Annotations:  <none>
Replicas:     2 current / 2 desired
Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=legacy
  Containers:
   httpd:
    Image:         httpd:2.4
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`);
  });

  it('prints a DaemonSet', () => {
    const cluster = emptyCluster();
    const ds = put(cluster, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: 'node-agent',
        namespace: 'kube-system',
        labels: { app: 'node-agent' },
        annotations: { 'deprecated.daemonset.template.generation': '1' },
      },
      spec: {
        selector: { matchLabels: { app: 'node-agent' } },
        template: {
          metadata: { labels: { app: 'node-agent' } },
          spec: {
            containers: [{ name: 'agent', image: 'busybox:1.36', args: ['sleep', 'infinity'] }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [{ operator: 'Exists' }],
          },
        },
      },
      status: {
        currentNumberScheduled: 3,
        desiredNumberScheduled: 3,
        numberMisscheduled: 0,
        numberReady: 2,
        updatedNumberScheduled: 3,
        numberAvailable: 2,
      },
    } as DaemonSet);
    for (const [suffix, phase] of [
      ['7xk2p', 'Running'],
      ['9qz4m', 'Running'],
      ['c2v6b', 'Pending'],
    ] as const) {
      put(cluster, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `node-agent-${suffix}`,
          namespace: 'kube-system',
          labels: { app: 'node-agent' },
          ownerReferences: ownedBy(ds),
        },
        spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] },
        status: { phase },
      } as Pod);
      addEvent(cluster, ds, {
        reason: 'SuccessfulCreate',
        from: 'daemonset-controller',
        first: 90,
        message: `Created pod: node-agent-${suffix}`,
      });
    }
    expect(describeObject(ds, { now: NOW, cluster })).toBe(`Name:           node-agent
Namespace:      kube-system
Selector:       app=node-agent
Node-Selector:  kubernetes.io/os=linux
Labels:         app=node-agent
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 3
Current Number of Nodes Scheduled: 3
Number of Nodes Scheduled with Up-to-date Pods: 3
Number of Nodes Scheduled with Available Pods: 2
Number of Nodes Misscheduled: 0
Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=node-agent
  Containers:
   agent:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Args:
      sleep
      infinity
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  kubernetes.io/os=linux
  Tolerations:     op=Exists
Events:
  Type    Reason            Age   From                  Message
  ----    ------            ----  ----                  -------
  Normal  SuccessfulCreate  90s   daemonset-controller  Created pod: node-agent-7xk2p
  Normal  SuccessfulCreate  90s   daemonset-controller  Created pod: node-agent-9qz4m
  Normal  SuccessfulCreate  90s   daemonset-controller  Created pod: node-agent-c2v6b
`);
  });
});
