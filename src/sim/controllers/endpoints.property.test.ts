// property tests for the endpoints controllers: after any sequence of learner operations on
// Deployments, Services and pod labels, every controller-managed Endpoints lists exactly the
// selected pods (ready ones as addresses, the others as not-ready ones) and the Service's
// EndpointSlices agree with it
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Deployment, EndpointSlice, Endpoints, KubeObject, Pod, Service } from '../api/types.ts';
import { createDefaultCluster } from '../bootstrap.ts';
import type { Cluster } from '../cluster.ts';
import { isPodReady } from './replicaset.ts';

const APPS = ['a', 'b', 'c'];

type Op =
  | { op: 'deploy'; app: string; replicas: number }
  | { op: 'scale'; app: string; replicas: number }
  | { op: 'delete-deploy'; app: string }
  | { op: 'service'; name: string; app: string; publishNotReady: boolean }
  | { op: 'delete-service'; name: string }
  | { op: 'relabel'; index: number; app: string }
  | { op: 'delete-pod'; index: number }
  | { op: 'wait'; seconds: number };

const app = fc.constantFrom(...APPS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('deploy' as const), app, replicas: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('scale' as const), app, replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('delete-deploy' as const), app }),
  fc.record({
    op: fc.constant('service' as const),
    name: fc.constantFrom('s1', 's2', 's3'),
    app: fc.constantFrom(...APPS, 'none'),
    publishNotReady: fc.boolean(),
  }),
  fc.record({ op: fc.constant('delete-service' as const), name: fc.constantFrom('s1', 's2', 's3') }),
  fc.record({ op: fc.constant('relabel' as const), index: fc.nat(20), app: fc.constantFrom(...APPS, 'other') }),
  fc.record({ op: fc.constant('delete-pod' as const), index: fc.nat(20) }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 30 }) }),
);

const PRELUDE: Op[] = [
  { op: 'service', name: 's1', app: 'a', publishNotReady: false },
  { op: 'service', name: 's2', app: 'b', publishNotReady: true },
  { op: 'deploy', app: 'a', replicas: 3 },
];

function apply(cluster: Cluster, op: Op): void {
  const api = cluster.api;
  const pods = () => api.list<Pod>('Pod', 'default');
  switch (op.op) {
    case 'deploy':
      api.create(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: `d-${op.app}` },
          spec: {
            replicas: op.replicas,
            selector: { matchLabels: { owner: op.app } },
            template: {
              metadata: { labels: { owner: op.app, app: op.app } },
              spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] },
            },
          },
        } as Deployment,
        'default',
      );
      break;
    case 'scale': {
      const d = api.get<Deployment>('Deployment', 'default', `d-${op.app}`);
      if (d) api.update({ ...structuredClone(d), spec: { ...structuredClone(d.spec), replicas: op.replicas } });
      break;
    }
    case 'delete-deploy':
      api.delete('Deployment', 'default', `d-${op.app}`);
      break;
    case 'service':
      if (api.get('Service', 'default', op.name)) break;
      api.create(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: op.name },
          spec: {
            selector: { app: op.app },
            publishNotReadyAddresses: op.publishNotReady,
            ports: [
              { name: 'web', port: 80, targetPort: 'http' },
              { name: 'metrics', port: 9100 },
            ],
          },
        } as Service,
        'default',
      );
      break;
    case 'delete-service':
      api.delete('Service', 'default', op.name);
      break;
    case 'relabel': {
      const list = pods();
      const pod = list[op.index % Math.max(1, list.length)];
      if (pod) {
        const labels = { ...pod.metadata.labels, app: op.app };
        api.update({ ...structuredClone(pod), metadata: { ...structuredClone(pod.metadata), labels } } as KubeObject);
      }
      break;
    }
    case 'delete-pod': {
      const list = pods();
      const pod = list[op.index % Math.max(1, list.length)];
      if (pod) api.delete('Pod', 'default', pod.metadata.name!);
      break;
    }
    case 'wait':
      cluster.advance(op.seconds * 1000);
      break;
  }
  cluster.settle();
}

const sorted = (items: Iterable<string>): string[] => [...items].sort();

/** what the Endpoints and slices of every Service should say, and what they do say */
function check(cluster: Cluster): void {
  const api = cluster.api;
  const pods = api.list<Pod>('Pod', 'default');
  const services = api.list<Service>('Service', 'default').filter((s) => s.spec.selector);
  const slices = api.list<EndpointSlice>('EndpointSlice', 'default');
  for (const svc of services) {
    const name = svc.metadata.name!;
    const selected = pods.filter(
      (p) =>
        p.metadata.labels?.['app'] === svc.spec.selector!['app'] &&
        p.status?.podIP &&
        p.status.phase !== 'Succeeded' &&
        p.status.phase !== 'Failed',
    );
    const live = selected.filter((p) => !p.metadata.deletionTimestamp || svc.spec.publishNotReadyAddresses);
    const ready = live.filter((p) => isPodReady(p) || svc.spec.publishNotReadyAddresses);
    const notReady = live.filter((p) => !ready.includes(p));
    const ep = api.get<Endpoints>('Endpoints', 'default', name);
    expect(ep, `Endpoints ${name}`).toBeDefined();
    const readyIPs = new Set(ep!.subsets?.flatMap((s) => (s.addresses ?? []).map((a) => a.ip)));
    const notReadyIPs = new Set(ep!.subsets?.flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)));
    expect(sorted(readyIPs), `ready addresses of ${name}`).toEqual(sorted(ready.map((p) => p.status!.podIP!)));
    expect(sorted(notReadyIPs), `not-ready addresses of ${name}`).toEqual(sorted(notReady.map((p) => p.status!.podIP!)));
    for (const s of ep!.subsets ?? [])
      expect(sorted((s.ports ?? []).map((p) => `${p.name}:${p.port}`))).toEqual(['metrics:9100', 'web:80']);

    const own = slices.filter(
      (s) =>
        s.metadata.labels?.['kubernetes.io/service-name'] === name &&
        s.metadata.labels['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io',
    );
    expect(own.length, `slices of ${name}`).toBeGreaterThan(0);
    const endpoints = own.flatMap((s) => s.endpoints ?? []);
    for (const s of own) {
      expect(s.metadata.ownerReferences?.[0]?.uid).toBe(svc.metadata.uid);
      expect((s.endpoints ?? []).length).toBeLessThanOrEqual(100);
    }
    // the slices list every selected pod with an IP, terminating ones too, each exactly once
    expect(sorted(endpoints.map((e) => e.addresses[0]!)), `slice endpoints of ${name}`).toEqual(
      sorted(selected.map((p) => p.status!.podIP!)),
    );
    // and agree with the Endpoints about which are ready
    const sliceReady = endpoints.filter((e) => e.conditions?.ready).map((e) => e.addresses[0]!);
    expect(sorted(sliceReady), `ready slice endpoints of ${name}`).toEqual(sorted(readyIPs));
  }
  // nothing is left behind for Services that are gone
  const names = new Set(api.list<Service>('Service', 'default').map((s) => s.metadata.name));
  for (const ep of api.list<Endpoints>('Endpoints', 'default')) expect(names.has(ep.metadata.name)).toBe(true);
  for (const s of slices) expect(names.has(s.metadata.labels?.['kubernetes.io/service-name'])).toBe(true);
}

describe('endpoints controllers under random operations', () => {
  test('Endpoints hold exactly the selected pods, and the slices agree', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 20 }), fc.nat(1000), (ops, seed) => {
        const cluster = createDefaultCluster(seed);
        // every run starts with two Services and a Deployment for them to find
        for (const op of PRELUDE) apply(cluster, op);
        for (const op of ops) {
          apply(cluster, op);
          check(cluster);
        }
        // and once everything has settled: rollouts done, grace periods over
        cluster.advance(60_000);
        check(cluster);
        expect(cluster.warnings).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
