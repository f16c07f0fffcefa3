// a node runs at most its allocatable pod count (kind's max-pods, 110): the rest wait Pending
// with the scheduler's own explanation, and take a place as soon as one frees up
import { describe, expect, test } from 'vitest';
import { createDefaultCluster } from '../bootstrap.ts';
import type { Deployment, KubeEvent, Pod } from '../api/types.ts';

function deployment(replicas: number): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'big' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'big' } },
      template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };
}

describe('Scheduler capacity', () => {
  test('pods beyond 110 per node stay Pending with "Too many pods", and are placed when room frees up', () => {
    const cluster = createDefaultCluster(1);
    cluster.api.create(deployment(240), 'default');
    cluster.advance(30_000);
    const pods = () => cluster.api.list<Pod>('Pod', 'default');
    const bound = () => pods().filter((p) => p.spec.nodeName).length;
    // two workers, 110 each, minus the kube-proxy and kindnet pods already on them
    expect(bound()).toBe(216);
    const waiting = pods().find((p) => !p.spec.nodeName)!;
    const events = cluster.api.list<KubeEvent>('Event', 'default').filter((e) => e.involvedObject.name === waiting.metadata.name);
    expect(events.map((e) => e.message)).toEqual([
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ]);
    // deleting a running pod makes room for one that waited
    const running = pods().find((p) => p.spec.nodeName)!;
    cluster.api.delete('Pod', 'default', running.metadata.name!, { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(bound()).toBe(216);
    expect(pods().length).toBe(240);
  });
});
