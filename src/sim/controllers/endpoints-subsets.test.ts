// the canonical layout of Endpoints subsets: packing, ordering by hash, and the hash itself
import { describe, expect, test } from 'vitest';
import type { EndpointAddress, EndpointSubset } from '../api/types.ts';
import { repackSubsets } from './endpoints-subsets.ts';
import { fnv128a } from './fnv.ts';

const pod = (ip: string, name: string): EndpointAddress => ({
  ip,
  nodeName: 'kind-worker',
  targetRef: { kind: 'Pod', namespace: 'default', name, uid: `uid-${name}` },
});

describe('fnv128a', () => {
  test("matches go's hash/fnv New128a", () => {
    expect(fnv128a('')).toBe('6c62272e07bb014262b821756295c58d');
    expect(fnv128a('a')).toBe('d228cb696f1a8caf78912b704e4a8964');
    expect(fnv128a('foobar')).toBe('343e1662793c64bf6f0d3597ba446f18');
  });
});

describe('repackSubsets', () => {
  test('one subset per (pod, port) packs into one subset per set of addresses, addresses by IP bytes', () => {
    const http = { name: 'http', port: 80, protocol: 'TCP' as const };
    const subsets: EndpointSubset[] = [
      { addresses: [pod('10.244.1.2', 'b')], ports: [http] },
      { addresses: [pod('10.244.1.10', 'a')], ports: [http] },
      { notReadyAddresses: [pod('10.244.2.3', 'c')], ports: [http] },
    ];
    expect(repackSubsets(subsets)).toEqual([
      {
        addresses: [pod('10.244.1.10', 'a'), pod('10.244.1.2', 'b')],
        notReadyAddresses: [pod('10.244.2.3', 'c')],
        ports: [http],
      },
    ]);
  });

  test("ports sort by the hash of their printed form, as kube-dns's are listed", () => {
    const dns = { name: 'dns', port: 53, protocol: 'UDP' as const };
    const dnsTcp = { name: 'dns-tcp', port: 53, protocol: 'TCP' as const };
    const metrics = { name: 'metrics', port: 9153, protocol: 'TCP' as const };
    const a = pod('10.244.0.2', 'coredns-1');
    const subsets = [dns, dnsTcp, metrics].map((port) => ({ addresses: [a], ports: [port] }));
    expect(repackSubsets(subsets)).toEqual([{ addresses: [a], ports: [metrics, dnsTcp, dns] }]);
  });

  test('an address not ready on one port is not ready on all; pods offering other ports split off', () => {
    const web = { name: 'web', port: 80, protocol: 'TCP' as const };
    const alt = { name: 'web', port: 8080, protocol: 'TCP' as const };
    const metrics = { name: 'metrics', port: 9100, protocol: 'TCP' as const };
    const [a, b] = [pod('10.244.1.2', 'a'), pod('10.244.1.3', 'b')];
    const repacked = repackSubsets([
      { addresses: [a], ports: [web] },
      { notReadyAddresses: [a], ports: [metrics] },
      { addresses: [b], ports: [alt] },
      { addresses: [b], ports: [metrics] },
    ]);
    expect(repacked).toHaveLength(3);
    expect(repacked).toContainEqual({ addresses: [a], ports: [web] });
    expect(repacked).toContainEqual({ addresses: [b], ports: [alt] });
    expect(repacked).toContainEqual({ addresses: [b], notReadyAddresses: [a], ports: [metrics] });
    // the order is the hashes' and the same every time
    expect(repackSubsets([...repacked].reverse())).toEqual(repacked);
  });

  test('a headless Service without ports keeps bare addresses', () => {
    const a = pod('10.244.1.2', 'a');
    expect(repackSubsets([{ addresses: [a] }])).toEqual([{ addresses: [a] }]);
  });
});
