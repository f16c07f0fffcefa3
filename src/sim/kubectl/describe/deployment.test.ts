import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, PodTemplateSpec, ReplicaSet } from '../../api/types.ts';
import { addEvent, ago, emptyCluster, NOW, ownedBy, put } from './fixtures.ts';
import { describeObject } from './index.ts';

function template(image: string, hash?: string): PodTemplateSpec {
  return {
    metadata: { labels: hash ? { app: 'web', 'pod-template-hash': hash } : { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
  };
}

function replicaSet(name: string, hash: string, image: string, replicas: number, owner: Deployment, age: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: ago(age),
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': name.endsWith('7c') ? '2' : '1',
      },
      ownerReferences: ownedBy(owner),
    },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: template(image, hash) },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  };
}

function pod(name: string, owner: ReplicaSet, phase: 'Running' | 'Pending'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { ...owner.spec.selector.matchLabels }, ownerReferences: ownedBy(owner) },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: { phase },
  };
}

/** a Deployment halfway through moving from nginx:1.26 to nginx:1.27 */
function midRollout() {
  const cluster = emptyCluster();
  const deployment = put(cluster, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      creationTimestamp: ago(600),
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '2' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: template('nginx:1.27'),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      replicas: 4,
      updatedReplicas: 2,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 1,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: 'ReplicaSet "web-7b9c5d8f7c" is progressing.',
        },
      ],
    },
  } as Deployment);
  const oldRS = put(cluster, replicaSet('web-6d4cf56db6', '6d4cf56db6', 'nginx:1.26', 2, deployment, 600));
  const newRS = put(cluster, replicaSet('web-7b9c5d8f7c', '7b9c5d8f7c', 'nginx:1.27', 2, deployment, 20));
  newRS.status = { replicas: 2, readyReplicas: 1, availableReplicas: 1 };
  return { cluster, deployment, oldRS, newRS };
}

describe('describe deployment and replicaset', () => {
  it('prints a Deployment mid-rollout with its old and new ReplicaSets', () => {
    const { cluster, deployment, oldRS, newRS } = midRollout();
    const scaled = (verb: string, rs: ReplicaSet, from: number, to: number) =>
      `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`;
    addEvent(cluster, deployment, {
      reason: 'ScalingReplicaSet',
      from: 'deployment-controller',
      first: 600,
      message: scaled('up', oldRS, 0, 3),
    });
    addEvent(cluster, deployment, {
      reason: 'ScalingReplicaSet',
      from: 'deployment-controller',
      first: 20,
      message: scaled('up', newRS, 0, 1),
    });
    addEvent(cluster, deployment, {
      reason: 'ScalingReplicaSet',
      from: 'deployment-controller',
      first: 12,
      message: scaled('down', oldRS, 3, 2),
    });
    addEvent(cluster, deployment, {
      reason: 'ScalingReplicaSet',
      from: 'deployment-controller',
      first: 12,
      message: scaled('up', newRS, 1, 2),
    });
    expect(describeObject(deployment, { now: NOW, cluster })).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 09:50:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 2
Selector:               app=web
Replicas:               3 desired | 2 updated | 4 total | 3 available | 1 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    ReplicaSetUpdated
OldReplicaSets:  web-6d4cf56db6 (2/2 replicas created)
NewReplicaSet:   web-7b9c5d8f7c (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set web-6d4cf56db6 from 0 to 3
  Normal  ScalingReplicaSet  20s   deployment-controller  Scaled up replica set web-7b9c5d8f7c from 0 to 1
  Normal  ScalingReplicaSet  12s   deployment-controller  Scaled down replica set web-6d4cf56db6 from 3 to 2
  Normal  ScalingReplicaSet  12s   deployment-controller  Scaled up replica set web-7b9c5d8f7c from 1 to 2
`);
  });

  it('prints a ReplicaSet with the phases of the pods it owns', () => {
    const { cluster, newRS } = midRollout();
    put(cluster, pod('web-7b9c5d8f7c-4xkzq', newRS, 'Running'));
    put(cluster, pod('web-7b9c5d8f7c-m2v8p', newRS, 'Pending'));
    // a look-alike with the same labels that another controller owns does not count
    const stranger = pod('web-7b9c5d8f7c-zzzzz', newRS, 'Running');
    stranger.metadata.ownerReferences = [];
    put(cluster, stranger);
    for (const name of ['web-7b9c5d8f7c-4xkzq', 'web-7b9c5d8f7c-m2v8p']) {
      addEvent(cluster, newRS, {
        reason: 'SuccessfulCreate',
        from: 'replicaset-controller',
        first: name.endsWith('q') ? 20 : 12,
        message: `Created pod: ${name}`,
      });
    }
    expect(describeObject(newRS, { now: NOW, cluster })).toBe(`Name:           web-7b9c5d8f7c
Namespace:      default
Selector:       app=web,pod-template-hash=7b9c5d8f7c
Labels:         app=web
                pod-template-hash=7b9c5d8f7c
Annotations:    deployment.kubernetes.io/desired-replicas: 3
                deployment.kubernetes.io/max-replicas: 4
                deployment.kubernetes.io/revision: 2
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7b9c5d8f7c
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                   Message
  ----    ------            ----  ----                   -------
  Normal  SuccessfulCreate  20s   replicaset-controller  Created pod: web-7b9c5d8f7c-4xkzq
  Normal  SuccessfulCreate  12s   replicaset-controller  Created pod: web-7b9c5d8f7c-m2v8p
`);
  });
});
