// property: for any set of Services, CoreDNS answers every <svc>.<ns>.svc.cluster.local with
// exactly that Service's ClusterIP, names nobody created are NXDOMAIN, and a pod's resolver finds
// short names in its own namespace and <svc>.<ns> anywhere
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Pod } from '../api/types.ts';
import { queryCoreDns } from './dns.ts';
import { dnsCluster, namespace, service } from './dns-fixtures.ts';
import { resolveHost, resolverConfigForPod } from './resolver.ts';

const NAMESPACES = ['default', 'shop', 'ops'];

interface Spec {
  name: string;
  ns: string;
  ip: string;
}

const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,6}[a-z0-9])?$/).filter((n) => n !== 'kubernetes');

const specs = fc
  .uniqueArray(
    fc.record({
      name: label,
      ns: fc.constantFrom(...NAMESPACES),
      third: fc.integer({ min: 1, max: 255 }),
      fourth: fc.integer({ min: 1, max: 254 }),
    }),
    { maxLength: 12, selector: (s) => `${s.ns}/${s.name}` },
  )
  .map((list) => {
    const seen = new Set<string>();
    const out: Spec[] = [];
    for (const s of list) {
      const ip = `10.96.${s.third}.${s.fourth}`;
      if (seen.has(ip)) continue;
      seen.add(ip);
      out.push({ name: s.name, ns: s.ns, ip });
    }
    return out;
  });

function podIn(ns: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: ns }, spec: { containers: [] } } as Pod;
}

describe('CoreDNS over random Services', () => {
  test('A answers are the ClusterIPs; unknown names are NXDOMAIN; short names resolve in their own namespace', () => {
    fc.assert(
      fc.property(specs, fc.array(label, { maxLength: 5 }), (services, probes) => {
        const cluster = dnsCluster(3);
        for (const ns of NAMESPACES.slice(1)) namespace(cluster, ns);
        for (const s of services)
          service(cluster, s.name, { clusterIP: s.ip, clusterIPs: [s.ip], selector: { app: s.name } }, s.ns);

        for (const s of services) {
          const reply = queryCoreDns(cluster, `${s.name}.${s.ns}.svc.cluster.local`, 'A');
          expect(reply.rcode).toBe('NOERROR');
          expect(reply.answer).toEqual([{ type: 'A', name: `${s.name}.${s.ns}.svc.cluster.local.`, ttl: 30, ip: s.ip }]);
          // <svc>.<ns> from a pod in any namespace, the short name from its own
          const other = NAMESPACES.find((n) => n !== s.ns)!;
          expect(resolveHost(cluster, `${s.name}.${s.ns}`, resolverConfigForPod(podIn(other), cluster))).toMatchObject({
            ok: true,
            addresses: [s.ip],
          });
          expect(resolveHost(cluster, s.name, resolverConfigForPod(podIn(s.ns), cluster))).toMatchObject({
            ok: true,
            addresses: [s.ip],
          });
        }

        const known = new Set(services.map((s) => `${s.ns}/${s.name}`));
        for (const probe of probes) {
          for (const ns of NAMESPACES) {
            if (known.has(`${ns}/${probe}`)) continue;
            const reply = queryCoreDns(cluster, `${probe}.${ns}.svc.cluster.local`, 'A');
            expect(reply.rcode).toBe('NXDOMAIN');
            expect(reply.answer).toEqual([]);
            expect(reply.authority.map((r) => r.type)).toEqual(['SOA']);
          }
          // a namespace that does not exist
          expect(queryCoreDns(cluster, `${probe}.nowhere.svc.cluster.local`, 'A').rcode).toBe('NXDOMAIN');
        }
      }),
      { numRuns: 25 },
    );
  });
});
