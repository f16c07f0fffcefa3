import { describe, expect, test } from 'vitest';
import { createLearnerMachine } from '../sim/machine.ts';
import { conditionHolds } from './step-conditions.ts';

const quiet = { stdout: () => {}, stderr: () => {} };

describe('conditionHolds', () => {
  test('exists holds once the object is there, ready once the pod runs with every container ready', async () => {
    const { session, world } = createLearnerMachine({ seed: 7, mode: 'script' });
    const cluster = world.cluster;
    const exists = { exists: 'pod/nginx', namespace: 'default', ready: false };
    const ready = { exists: 'pod/nginx', namespace: 'default', ready: true };
    expect(conditionHolds(exists, cluster, [])).toBe(false);
    await session.feedLine('kubectl run nginx --image=nginx', quiet);
    expect(conditionHolds(exists, cluster, [])).toBe(true);
    expect(conditionHolds(ready, cluster, [])).toBe(false);
    cluster.advance(10_000);
    expect(conditionHolds(ready, cluster, [])).toBe(true);
    expect(conditionHolds({ absent: 'po/nginx', namespace: 'default' }, cluster, [])).toBe(false);
    expect(conditionHolds({ exists: 'pod/nginx', namespace: 'kube-system', ready: false }, cluster, [])).toBe(false);
  });

  test('a pod whose image cannot be pulled never counts as ready', async () => {
    const { session, world } = createLearnerMachine({ seed: 7, mode: 'script' });
    await session.feedLine('kubectl run web --image=nginxx', quiet);
    world.cluster.advance(30_000);
    expect(conditionHolds({ exists: 'pod/web', namespace: 'default', ready: true }, world.cluster, [])).toBe(false);
  });

  test('ran matches the start of a successful command, spaces folded, or a regular expression', () => {
    const { world } = createLearnerMachine({ seed: 7, mode: 'script' });
    const commands = [
      { line: 'kubectl  describe pod nginx', status: 0 },
      { line: 'kubectl logs nginx', status: 1 },
    ];
    expect(conditionHolds({ ran: 'kubectl describe pod', match: 'prefix' }, world.cluster, commands)).toBe(true);
    expect(conditionHolds({ ran: 'kubectl logs', match: 'prefix' }, world.cluster, commands)).toBe(false);
    expect(conditionHolds({ ran: '^kubectl (describe|get) po', match: 'regex' }, world.cluster, commands)).toBe(true);
    expect(conditionHolds({ ran: '(', match: 'regex' }, world.cluster, commands)).toBe(false);
  });
});
