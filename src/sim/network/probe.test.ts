// the grader's probes leave the learner's cluster as it was: the same random draws afterwards
// (so a replayed session names its pods the same), no traces, no access-log lines
import { describe, expect, test } from 'vitest';
import { createLearnerMachine } from '../machine.ts';
import type { Pod } from '../api/types.ts';
import { networkOf } from './net.ts';
import { probeHttp, probeLookup } from './probe.ts';

async function run(lines: string[], probe: boolean): Promise<{ names: string; traces: number; logs: string }> {
  const machine = createLearnerMachine({ seed: 3, mode: 'script' });
  const out = { stdout: () => {}, stderr: () => {} };
  for (const line of lines) await machine.session.feedLine(line, out);
  const cluster = machine.world.cluster;
  cluster.advance(10_000);
  if (probe) {
    const client = cluster.api.get<Pod>('Pod', 'default', 'client')!;
    for (let i = 0; i < 20; i++) probeHttp(cluster, { kind: 'pod', pod: client }, 'web', 80, '/');
    probeHttp(cluster, { kind: 'outside' }, '172.18.0.2', 30080, '/');
    probeLookup(cluster, { kind: 'pod', pod: client }, 'web');
  }
  await machine.session.feedLine('kubectl create deployment after --image=nginx --replicas=3', out);
  cluster.advance(10_000);
  const names = cluster.api
    .list<Pod>('Pod', 'default')
    .map((p) => p.metadata.name)
    .join(' ');
  let logs = '';
  await machine.session.feedLine('kubectl logs deployment/web', { stdout: (t) => void (logs += t), stderr: () => {} });
  return { names, traces: networkOf(cluster).traces.length, logs };
}

describe('probeHttp', () => {
  const setup = [
    'kubectl create deployment web --image=nginx --replicas=2',
    'kubectl run client --image=busybox -- sleep 3600',
    'kubectl expose deployment web --type=NodePort --port=80',
  ];

  test('leaves no trace in the cluster: same names after, no traces, no log lines', async () => {
    const without = await run(setup, false);
    const withProbes = await run(setup, true);
    expect(withProbes).toEqual(without);
    expect(withProbes.traces).toBe(0);
  });

  test('reports who answered and what the server saw', async () => {
    const machine = createLearnerMachine({ seed: 3, mode: 'script' });
    const out = { stdout: () => {}, stderr: () => {} };
    for (const line of setup) await machine.session.feedLine(line, out);
    const cluster = machine.world.cluster;
    cluster.advance(10_000);
    const client = cluster.api.get<Pod>('Pod', 'default', 'client')!;
    const result = probeHttp(cluster, { kind: 'pod', pod: client }, 'web', 80, '/');
    expect(result.outcome).toBe('answered');
    expect(result.pod?.metadata.name).toMatch(/^web-/);
    expect(result.status).toBe(200);
    expect(result.body).toContain('Welcome to nginx!');
    expect(result.seenClientIp).toBe(client.status!.podIP);
    expect(result.hops[0]).toMatchObject({ step: 'dns', name: 'web' });
    expect(probeHttp(cluster, { kind: 'pod', pod: client }, 'nothing', 80, '/').outcome).toBe('unresolved');
    expect(probeHttp(cluster, { kind: 'pod', pod: client }, 'localhost', 80, '/').outcome).toBe('refused');
  });
});
