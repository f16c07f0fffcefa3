import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster.ts';
import type { KubeEvent, Pod } from './types.ts';

function setup() {
  const cluster = new Cluster({ seed: 3 });
  cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, undefined);
  // the namespace's default ServiceAccount, which the pod runs as, comes from its controller
  cluster.settle();
  const pod = cluster.api.create(
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Pod,
    'default',
  );
  if (!pod.ok) throw new Error('pod not created');
  const events = () =>
    cluster.events.eventsFor(pod.object).map((e: KubeEvent) => `${e.reason} ${e.count} ${e.message} ${e.source.component}`);
  return { cluster, pod: pod.object, events };
}

describe('EventRecorder', () => {
  it('folds an event that repeats its source, object, type, reason and message into one whose count grows', () => {
    const { cluster, pod, events } = setup();
    const source = { component: 'kubelet', host: 'kind-worker' };
    cluster.events.record(pod, 'Normal', 'Pulled', 'A', source, 'spec.containers{c}');
    cluster.events.record(pod, 'Normal', 'Pulled', 'B', source, 'spec.containers{c}');
    // client-go's key holds the message: the third folds into the first, not the latest
    cluster.events.record(pod, 'Normal', 'Pulled', 'A', source, 'spec.containers{c}');
    cluster.events.record(pod, 'Normal', 'Pulled', 'A', { component: 'other' }, 'spec.containers{c}');
    expect(events()).toEqual(['Pulled 2 A kubelet', 'Pulled 1 B kubelet', 'Pulled 1 A other']);
  });

  it('stops folding into events it no longer remembers, as client-go’s bounded cache does', () => {
    const { cluster, pod, events } = setup();
    cluster.events.record(pod, 'Normal', 'First', 'x', { component: 'c' });
    for (let i = 0; i < 9000; i++) cluster.events.record(pod, 'Normal', 'Many', `m${i}`, { component: 'c' });
    cluster.events.record(pod, 'Normal', 'First', 'x', { component: 'c' });
    expect(events().filter((e) => e.startsWith('First'))).toEqual(['First 1 x c', 'First 1 x c']);
  });
});
