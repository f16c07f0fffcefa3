import { describe, expect, test } from 'vitest';
import { createLearnerMachine } from '../sim/machine.ts';
import { clusterChanges } from './cluster-changes.ts';
import { clusterView, type ClusterView } from './cluster-view.ts';

describe('clusterChanges', () => {
  test('says when pods settle and when a Service gains or loses endpoints, and nothing in between', async () => {
    const machine = createLearnerMachine({ seed: 1, mode: 'script' });
    const cluster = machine.world.cluster;
    const out = { stdout: () => {}, stderr: () => {} };
    let shown: ClusterView = clusterView(cluster, { namespaces: 'mine' });
    const said: string[] = [];
    // what the panel would say, frame by frame (a frame every 250 ms of cluster time)
    const watch = (ms: number) => {
      for (let t = 0; t < ms; t += 250) {
        cluster.advance(250);
        const next = clusterView(cluster, { namespaces: 'mine' });
        const changes = clusterChanges(shown, next);
        if (changes.length > 0) said.push(`${cluster.clock.now() % 100_000}: ${changes.join('. ')}`);
        shown = next;
      }
    };
    await machine.session.feedLine('kubectl create deployment web --image=nginx --replicas=3', out);
    await machine.session.feedLine('kubectl expose deployment web --port=80', out);
    watch(10_000);
    await machine.session.feedLine('kubectl run typo --image=ngnix', out);
    await machine.session.feedLine('kubectl scale deployment web --replicas=1', out);
    watch(10_000);
    expect(said).toEqual([
      // a new Service is worth a word, even (above all) without endpoints
      '250: Service web: 0 endpoints',
      '1000: pod web-7957885594-p5sc6 Running. Service web: 1 endpoint',
      '1500: pod web-7957885594-695tm Running. Service web: 2 endpoints',
      '1750: pod web-7957885594-jdmtt Running. Service web: 3 endpoints',
      '10250: Service web: 1 endpoint',
      // and ImagePullBackOff after it is not news
      '11750: pod typo ErrImagePull',
    ]);
  });

  test('counts the pods that reach the same status together', async () => {
    const machine = createLearnerMachine({ seed: 1, mode: 'script' });
    const out = { stdout: () => {}, stderr: () => {} };
    const before = clusterView(machine.world.cluster, { namespaces: 'mine' });
    await machine.session.feedLine('kubectl create deployment web --image=nginx --replicas=3', out);
    await machine.session.feedLine('kubectl create deployment typo --image=ngnix --replicas=2', out);
    machine.world.cluster.advance(10_000);
    expect(clusterChanges(before, clusterView(machine.world.cluster, { namespaces: 'mine' }))).toEqual([
      '2 pods ImagePullBackOff',
      '3 pods Running',
    ]);
  });
});
