// property-based tests: random sequences of learner operations against the cluster must never
// throw, must replay identically for a seed, and must leave the cluster consistent
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createDefaultCluster } from './bootstrap.ts';
import type { Cluster } from './cluster.ts';
import { controllerOf } from './api/meta.ts';
import type { Deployment, KubeObject, Pod, ReplicaSet, Service } from './api/types.ts';
import type { NetSource } from './network/net.ts';
import { outsideResolver } from './network/outside.ts';
import { lookupResolver, resolverConfigForPod } from './network/resolver.ts';
import { dial, respondAt } from './network/transport.ts';
import type { PropagationPolicy } from './api/apiserver.ts';

const NAMES = ['a', 'b', 'c'];
const IMAGES = ['nginx', 'nginx:1.27', 'busybox', 'ngnix'];

type Op =
  | { op: 'rs'; name: string; replicas: number; image: string }
  | { op: 'deploy'; name: string; replicas: number; image: string }
  | { op: 'pod'; name: string; app: string }
  | { op: 'scale'; kind: 'ReplicaSet' | 'Deployment'; name: string; replicas: number }
  | { op: 'image'; name: string; image: string }
  | { op: 'relabel'; index: number; app: string }
  | { op: 'delete-pod'; index: number }
  | { op: 'delete'; kind: 'ReplicaSet' | 'Deployment'; name: string; policy: PropagationPolicy }
  | { op: 'wait'; seconds: number }
  | { op: 'service'; name: string; type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' | 'Headless'; local: boolean }
  | { op: 'delete-service'; name: string }
  | { op: 'request'; from: number; service: string; via: 'cluster-ip' | 'node-port' | 'load-balancer' | 'dns' };

const name = fc.constantFrom(...NAMES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('rs' as const),
    name,
    replicas: fc.integer({ min: 0, max: 5 }),
    image: fc.constantFrom(...IMAGES),
  }),
  fc.record({
    op: fc.constant('deploy' as const),
    name,
    replicas: fc.integer({ min: 0, max: 5 }),
    image: fc.constantFrom(...IMAGES),
  }),
  fc.record({ op: fc.constant('pod' as const), name: fc.constantFrom('p1', 'p2'), app: name }),
  fc.record({
    op: fc.constant('scale' as const),
    kind: fc.constantFrom('ReplicaSet' as const, 'Deployment' as const),
    name,
    replicas: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({ op: fc.constant('image' as const), name, image: fc.constantFrom(...IMAGES) }),
  fc.record({ op: fc.constant('relabel' as const), index: fc.nat(20), app: fc.constantFrom('a', 'b', 'other') }),
  fc.record({ op: fc.constant('delete-pod' as const), index: fc.nat(20) }),
  fc.record({
    op: fc.constant('delete' as const),
    kind: fc.constantFrom('ReplicaSet' as const, 'Deployment' as const),
    name,
    policy: fc.constantFrom('Background' as const, 'Foreground' as const, 'Orphan' as const),
  }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('service' as const),
    name,
    type: fc.constantFrom(
      'ClusterIP' as const,
      'NodePort' as const,
      'LoadBalancer' as const,
      'ExternalName' as const,
      'Headless' as const,
    ),
    local: fc.boolean(),
  }),
  fc.record({ op: fc.constant('delete-service' as const), name }),
  fc.record({
    op: fc.constant('request' as const),
    from: fc.nat(20),
    service: name,
    via: fc.constantFrom('cluster-ip' as const, 'node-port' as const, 'load-balancer' as const, 'dns' as const),
  }),
);

function template(app: string, image: string) {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image }] } };
}

/** applies one operation the way kubectl would; refusals are fine, throwing is not */
function apply(cluster: Cluster, op: Op): void {
  const api = cluster.api;
  const pods = () => api.list<Pod>('Pod', 'default');
  switch (op.op) {
    case 'rs':
      api.create(
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: `rs-${op.name}` },
          spec: { replicas: op.replicas, selector: { matchLabels: { app: op.name } }, template: template(op.name, op.image) },
        } as ReplicaSet,
        'default',
      );
      break;
    case 'deploy':
      api.create(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: `d-${op.name}` },
          spec: {
            replicas: op.replicas,
            selector: { matchLabels: { tier: op.name } },
            template: { ...template(op.name, op.image), metadata: { labels: { tier: op.name } } },
          },
        } as Deployment,
        'default',
      );
      break;
    case 'pod':
      api.create(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: op.name, labels: { app: op.app } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        } as Pod,
        'default',
      );
      break;
    case 'scale': {
      const name = op.kind === 'ReplicaSet' ? `rs-${op.name}` : `d-${op.name}`;
      const obj = api.get<ReplicaSet | Deployment>(op.kind, 'default', name);
      if (obj)
        api.update({ ...structuredClone(obj), spec: { ...structuredClone(obj.spec), replicas: op.replicas } } as KubeObject);
      break;
    }
    case 'image': {
      const d = api.get<Deployment>('Deployment', 'default', `d-${op.name}`);
      if (d) {
        const next = structuredClone(d);
        next.spec.template.spec.containers[0]!.image = op.image;
        api.update(next);
      }
      break;
    }
    case 'relabel': {
      const list = pods();
      const pod = list[op.index % Math.max(1, list.length)];
      if (pod) api.update({ ...structuredClone(pod), metadata: { ...structuredClone(pod.metadata), labels: { app: op.app } } });
      break;
    }
    case 'delete-pod': {
      const list = pods();
      const pod = list[op.index % Math.max(1, list.length)];
      if (pod) api.delete('Pod', 'default', pod.metadata.name!);
      break;
    }
    case 'delete':
      api.delete(op.kind, 'default', op.kind === 'ReplicaSet' ? `rs-${op.name}` : `d-${op.name}`, {
        propagationPolicy: op.policy,
      });
      break;
    case 'wait':
      cluster.advance(op.seconds * 1000);
      break;
    case 'service': {
      const headless = op.type === 'Headless';
      const type = headless ? 'ClusterIP' : op.type;
      api.create(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: `svc-${op.name}` },
          spec:
            type === 'ExternalName'
              ? { type, externalName: 'my.database.com' }
              : {
                  type,
                  selector: { app: op.name },
                  ports: [{ port: 80, targetPort: 80 }],
                  ...(headless ? { clusterIP: 'None' } : {}),
                  ...(op.local && type !== 'ClusterIP' ? { externalTrafficPolicy: 'Local' as const } : {}),
                },
        } as Service,
        'default',
      );
      break;
    }
    case 'delete-service':
      api.delete('Service', 'default', `svc-${op.name}`);
      break;
    case 'request': {
      const svc = api.get<Service>('Service', 'default', `svc-${op.service}`);
      const list = pods();
      const pod = list[op.from % Math.max(1, list.length)];
      const source: NetSource = pod && op.from % 3 !== 0 ? { kind: 'pod', pod } : { kind: 'outside' };
      const resolve = pod ? lookupResolver(cluster, () => resolverConfigForPod(pod, cluster)) : outsideResolver;
      let host = `svc-${op.service}`;
      let port = 80;
      if (op.via === 'cluster-ip') host = svc?.spec.clusterIP ?? '10.96.0.1';
      if (op.via === 'node-port') [host, port] = ['172.18.0.3', svc?.spec.ports?.[0]?.nodePort ?? 30000];
      if (op.via === 'load-balancer') host = svc?.status?.loadBalancer?.ingress?.[0]?.ip ?? '172.18.255.200';
      const dialed = dial(cluster, source, resolve, host, port);
      if (dialed.route?.outcome === 'connected')
        respondAt(cluster, dialed.route, { method: 'GET', path: '/', host, headers: [] });
      break;
    }
  }
  cluster.settle();
}

/** a compact picture of the cluster's state, for comparing runs */
function snapshot(cluster: Cluster): string {
  return ['Pod', 'ReplicaSet', 'Deployment', 'Service', 'Endpoints', 'EndpointSlice']
    .flatMap((kind) =>
      cluster.api
        .list(kind, 'default')
        .map((o) => `${kind}/${o.metadata.name} ${o.metadata.uid} ${JSON.stringify(o.status ?? {})}`),
    )
    .join('\n');
}

describe('cluster under random operations', () => {
  test('never throws and replays identically for a seed', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), fc.nat(1000), (ops, seed) => {
        const run = () => {
          const cluster = createDefaultCluster(seed);
          for (const op of ops) apply(cluster, op);
          return snapshot(cluster);
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 50 },
    );
  }, 120_000);

  test('converges: ReplicaSets own exactly `replicas` active pods, no ownerReference dangles', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), fc.nat(1000), (ops, seed) => {
        const cluster = createDefaultCluster(seed);
        for (const op of ops) apply(cluster, op);
        // let every rollout, grace period and garbage collection finish
        cluster.advance(15 * 60_000);
        expect(cluster.warnings).toEqual([]);
        const pods = cluster.api.list<Pod>('Pod', 'default');
        for (const rs of cluster.api.list<ReplicaSet>('ReplicaSet', 'default')) {
          const owned = pods.filter((p) => controllerOf(p)?.uid === rs.metadata.uid && !p.metadata.deletionTimestamp);
          expect(owned.length, `ReplicaSet ${rs.metadata.name}`).toBe(rs.spec.replicas ?? 1);
          expect(rs.status?.replicas).toBe(owned.length);
        }
        const uids = new Set(
          ['Pod', 'ReplicaSet', 'Deployment'].flatMap((k) => cluster.api.list(k, 'default').map((o) => o.metadata.uid)),
        );
        for (const obj of [...pods, ...cluster.api.list('ReplicaSet', 'default')]) {
          for (const ref of obj.metadata.ownerReferences ?? [])
            expect(uids.has(ref.uid), `${obj.kind} ${obj.metadata.name} owner ${ref.name}`).toBe(true);
        }
        // a rollout stuck on a bad image stays within its surge and unavailability bounds
        for (const d of cluster.api.list<Deployment>('Deployment', 'default')) {
          const active = pods.filter(
            (p) => p.metadata.labels?.['tier'] === d.spec.selector.matchLabels?.['tier'] && !p.metadata.deletionTimestamp,
          );
          const want = d.spec.replicas ?? 1;
          expect(active.length, `Deployment ${d.metadata.name}`).toBeGreaterThanOrEqual(want - Math.floor(want / 4));
          expect(active.length, `Deployment ${d.metadata.name}`).toBeLessThanOrEqual(want + Math.ceil(want / 4));
        }
        expect(cluster.api.list('ReplicaSet', 'default').filter((rs) => rs.metadata.deletionTimestamp)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
