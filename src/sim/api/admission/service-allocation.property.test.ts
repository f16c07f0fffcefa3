// property: over random creates, updates and deletes of Services, no two Services ever share a
// cluster IP or a node port, and whatever a Service held is free again once it no longer does
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createDefaultCluster } from '../../bootstrap.ts';
import type { Cluster } from '../../cluster.ts';
import type { Service, ServicePort, ServiceSpec } from '../types.ts';

type Kind = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Local' | 'ExternalName' | 'Headless';

interface Shape {
  kind: Kind;
  ports: number;
  clusterIP: string | null;
  nodePort: number | null;
}

type Op =
  | { op: 'create' | 'update'; name: string; shape: Shape }
  | { op: 'delete'; name: string }
  | { op: 'touch'; name: string }
  | { op: 'steal'; index: number };

const shape: fc.Arbitrary<Shape> = fc.record({
  kind: fc.constantFrom<Kind>('ClusterIP', 'NodePort', 'NodePort', 'LoadBalancer', 'Local', 'ExternalName', 'Headless'),
  ports: fc.integer({ min: 1, max: 3 }),
  // a few addresses and ports, so that requests collide with each other and with allocations
  clusterIP: fc.option(fc.constantFrom('10.96.0.10', '10.96.0.20', '10.96.0.21'), { nil: null, freq: 2 }),
  nodePort: fc.option(fc.constantFrom(30000, 30001), { nil: null, freq: 3 }),
});
const name = fc.constantFrom('a', 'b', 'c');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('create' as const), name, shape }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('update' as const), name, shape }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), name }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('touch' as const), name }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('steal' as const), index: fc.nat(20) }) },
);

function specFor(s: Shape, name: string): ServiceSpec {
  if (s.kind === 'ExternalName') return { type: 'ExternalName', externalName: `${name}.example.com` };
  const ports: ServicePort[] = Array.from({ length: s.ports }, (_, i) => ({ name: `p${i}`, port: 80 + i }));
  const external = s.kind !== 'ClusterIP' && s.kind !== 'Headless';
  if (external && s.nodePort !== null) ports[0]!.nodePort = s.nodePort;
  const spec: ServiceSpec = { selector: { app: name }, ports };
  if (s.kind === 'Headless') spec.clusterIP = 'None';
  else if (s.clusterIP) spec.clusterIP = s.clusterIP;
  if (s.kind === 'NodePort') spec.type = 'NodePort';
  if (s.kind === 'LoadBalancer' || s.kind === 'Local') spec.type = 'LoadBalancer';
  if (s.kind === 'Local') spec.externalTrafficPolicy = 'Local';
  return spec;
}

/** cluster IPs and node ports (health check ones included) each stored Service holds */
function holdings(cluster: Cluster): Map<string, { ips: string[]; ports: number[] }> {
  const out = new Map<string, { ips: string[]; ports: number[] }>();
  for (const svc of cluster.api.list<Service>('Service')) {
    const spec = svc.spec;
    const ips = spec.type === 'ExternalName' ? [] : (spec.clusterIPs ?? []).filter((ip) => ip !== 'None');
    const ports = [...new Set((spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p > 0))];
    if (spec.healthCheckNodePort) ports.push(spec.healthCheckNodePort);
    out.set(`${svc.metadata.namespace}/${svc.metadata.name}`, { ips, ports });
  }
  return out;
}

function checkExclusive(cluster: Cluster): void {
  const ips = new Map<string, string>();
  const ports = new Map<number, string>();
  for (const [key, held] of holdings(cluster)) {
    for (const ip of held.ips) {
      expect(ips.get(ip), `${ip} held by ${ips.get(ip)} and ${key}`).toBeUndefined();
      ips.set(ip, key);
    }
    for (const port of held.ports) {
      expect(ports.get(port), `${port} held by ${ports.get(port)} and ${key}`).toBeUndefined();
      ports.set(port, key);
    }
  }
}

/** what `before` held and nobody holds now can be claimed by a new Service */
function checkReleased(cluster: Cluster, before: Map<string, { ips: string[]; ports: number[] }>): void {
  const now = [...holdings(cluster).values()];
  const heldIPs = new Set(now.flatMap((h) => h.ips));
  const heldPorts = new Set(now.flatMap((h) => h.ports));
  const freedIPs = [...new Set([...before.values()].flatMap((h) => h.ips))].filter((ip) => !heldIPs.has(ip));
  const freedPorts = [...new Set([...before.values()].flatMap((h) => h.ports))].filter((p) => !heldPorts.has(p));
  for (const ip of freedIPs) {
    const probe = cluster.api.create(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'probe' }, spec: { clusterIP: ip, ports: [{ port: 1 }] } },
      'default',
    );
    expect(probe.ok ? '' : probe.error.message, `freed ${ip}`).toBe('');
    cluster.api.delete('Service', 'default', 'probe');
  }
  if (freedPorts.length > 0) {
    const ports = freedPorts.map((nodePort, i) => ({ name: `p${i}`, port: 1000 + i, nodePort }));
    const probe = cluster.api.create(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'probe' }, spec: { type: 'NodePort', ports } },
      'default',
    );
    expect(probe.ok ? '' : probe.error.message, `freed ${freedPorts.join(',')}`).toBe('');
    cluster.api.delete('Service', 'default', 'probe');
  }
}

function apply(cluster: Cluster, op: Op): void {
  if (op.op === 'delete') {
    cluster.api.delete('Service', 'default', op.name);
    return;
  }
  if (op.op === 'touch') {
    // sending back what was read changes nothing and must always be accepted
    const current = cluster.api.get<Service>('Service', 'default', op.name);
    if (!current) return;
    const result = cluster.api.update(current);
    expect(result.ok ? '' : result.error.message).toBe('');
    return;
  }
  if (op.op === 'steal') {
    // asking for an address or port someone holds is refused
    const held = [...holdings(cluster).values()];
    const ips = held.flatMap((h) => h.ips);
    const ports = held.flatMap((h) => h.ports);
    const i = op.index % (ips.length + ports.length);
    const spec: ServiceSpec =
      i < ips.length
        ? { clusterIP: ips[i]!, ports: [{ port: 1 }] }
        : { type: 'NodePort', ports: [{ port: 1, nodePort: ports[i - ips.length]! }] };
    const result = cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'thief' }, spec }, 'default');
    expect(result.ok).toBe(false);
    cluster.api.delete('Service', 'default', 'thief');
    return;
  }
  const spec = specFor(op.shape, op.name);
  if (op.op === 'create') {
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: op.name }, spec }, 'default');
    return;
  }
  const current = cluster.api.get<Service>('Service', 'default', op.name);
  if (!current) return;
  // a PUT of the new shape over the stored object, as kubectl replace or edit sends it
  cluster.api.update({ ...current, spec });
}

describe('Service allocation (property)', () => {
  test('no shared cluster IP or node port, and everything is released when it is no longer held', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 30 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const cluster = createDefaultCluster(seed);
        for (const op of ops) {
          const before = holdings(cluster);
          apply(cluster, op);
          checkExclusive(cluster);
          checkReleased(cluster, before);
        }
        for (const n of ['a', 'b', 'c']) cluster.api.delete('Service', 'default', n);
        const bootstrap = holdings(cluster);
        expect([...bootstrap.keys()]).toEqual(['default/kubernetes', 'kube-system/kube-dns']);
      }),
      { numRuns: 100 },
    );
    // a hundred fresh clusters take a few seconds, more when the whole suite shares the machine
  }, 60_000);
});
