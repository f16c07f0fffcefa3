// the client side: what the kubelet writes into /etc/resolv.conf for each dnsPolicy, how a
// name is expanded with the search list, and what the stub resolver finds
import { describe, expect, test } from 'vitest';
import type { Deployment, Pod } from '../api/types.ts';
import {
  OUTSIDE_RESOLVER,
  parseResolvConf,
  podResolverConfig,
  renderResolvConf,
  resolveHost,
  resolverConfigForPod,
  searchCandidates,
  type ResolverConfig,
} from './resolver.ts';
import { dnsCluster, namespace, service } from './dns-fixtures.ts';

function pod(spec: Partial<Pod['spec']>, ns = 'default'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: ns }, spec: { containers: [], ...spec } } as Pod;
}

describe('resolv.conf from dnsPolicy', () => {
  test('ClusterFirst: the namespace search path, the cluster DNS Service, ndots:5', () => {
    expect(renderResolvConf(podResolverConfig(pod({}, 'shop'), '10.96.0.10'))).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  test("Default, and ClusterFirst on the host network, get the node's file", () => {
    const node = 'nameserver 172.18.0.1\noptions ndots:0\n';
    expect(renderResolvConf(podResolverConfig(pod({ dnsPolicy: 'Default' }), '10.96.0.10'))).toBe(node);
    expect(renderResolvConf(podResolverConfig(pod({ dnsPolicy: 'ClusterFirst', hostNetwork: true }), '10.96.0.10'))).toBe(node);
  });

  test('ClusterFirstWithHostNet uses the cluster DNS with or without the host network', () => {
    const cluster = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';
    expect(
      renderResolvConf(podResolverConfig(pod({ dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true }), '10.96.0.10')),
    ).toBe(cluster);
    expect(renderResolvConf(podResolverConfig(pod({ dnsPolicy: 'ClusterFirstWithHostNet' }), '10.96.0.10'))).toBe(cluster);
  });

  test('None takes everything from dnsConfig; dnsConfig adds to the other policies, its options winning', () => {
    const none = pod({
      dnsPolicy: 'None',
      dnsConfig: {
        nameservers: ['1.2.3.4'],
        searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      },
    } as Partial<Pod['spec']>);
    expect(renderResolvConf(podResolverConfig(none, '10.96.0.10'))).toBe(
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    );
    const extra = pod({ dnsConfig: { searches: ['corp.example'], options: [{ name: 'ndots', value: '1' }] } } as Partial<
      Pod['spec']
    >);
    const config = podResolverConfig(extra, '10.96.0.10');
    expect(renderResolvConf(config)).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:1\n',
    );
    expect(config.ndots).toBe(1);
  });

  test('resolverConfigForPod names the kube-dns Service of the cluster', () => {
    const cluster = dnsCluster();
    expect(resolverConfigForPod(pod({}), cluster)).toEqual({
      nameservers: ['10.96.0.10'],
      search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      ndots: 5,
      options: ['ndots:5'],
    });
  });

  test('a rendered file parses back to the same settings', () => {
    const config = podResolverConfig(pod({}), '10.96.0.10');
    expect(parseResolvConf(renderResolvConf(config))).toEqual(config);
    expect(
      parseResolvConf('# comment\ndomain corp\nsearch a.example b.example\nnameserver 1.1.1.1\nnameserver 8.8.8.8\n'),
    ).toEqual({
      nameservers: ['1.1.1.1', '8.8.8.8'],
      search: ['a.example', 'b.example'],
      ndots: 1,
    });
  });
});

describe('search list expansion', () => {
  const config: ResolverConfig = {
    nameservers: ['10.96.0.10'],
    search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
    ndots: 5,
  };

  test('fewer dots than ndots: each search domain, then the name as given', () => {
    expect(searchCandidates('web', config)).toEqual([
      'web.default.svc.cluster.local',
      'web.svc.cluster.local',
      'web.cluster.local',
      'web',
    ]);
    expect(searchCandidates('web.shop', config)).toEqual([
      'web.shop.default.svc.cluster.local',
      'web.shop.svc.cluster.local',
      'web.shop.cluster.local',
      'web.shop',
    ]);
  });

  test('a trailing dot is absolute: the name alone', () => {
    expect(searchCandidates('web.default.svc.cluster.local.', config)).toEqual(['web.default.svc.cluster.local.']);
  });

  test('ndots or more: the name first; glibc then tries the search list, musl does not', () => {
    expect(searchCandidates('a.b.c.d.e.f', config)).toEqual([
      'a.b.c.d.e.f',
      'a.b.c.d.e.f.default.svc.cluster.local',
      'a.b.c.d.e.f.svc.cluster.local',
      'a.b.c.d.e.f.cluster.local',
    ]);
    expect(searchCandidates('a.b.c.d.e.f', config, 'musl')).toEqual(['a.b.c.d.e.f']);
    expect(searchCandidates('www.example.com', { ...config, ndots: 1 })[0]).toBe('www.example.com');
  });
});

describe('resolveHost', () => {
  const cluster = dnsCluster();
  namespace(cluster, 'shop');
  service(cluster, 'web', { clusterIP: '10.96.10.10', clusterIPs: ['10.96.10.10'], selector: { app: 'web' } });
  service(cluster, 'cart', { clusterIP: '10.96.20.20', clusterIPs: ['10.96.20.20'], selector: { app: 'cart' } }, 'shop');
  service(cluster, 'pg', { type: 'ExternalName', externalName: 'my.database.com', ports: [] });
  const config = resolverConfigForPod(pod({}), cluster);

  test('a short name is found in the pod namespace on the first try', () => {
    expect(resolveHost(cluster, 'web', config)).toEqual({
      ok: true,
      addresses: ['10.96.10.10'],
      canonicalName: 'web.default.svc.cluster.local.',
      cnames: [],
      tried: ['web.default.svc.cluster.local'],
      server: '10.96.0.10',
    });
  });

  test('another namespace: <svc>.<ns> through the second search domain, or the full name', () => {
    const viaSearch = resolveHost(cluster, 'cart.shop', config);
    expect(viaSearch).toMatchObject({
      ok: true,
      addresses: ['10.96.20.20'],
      tried: ['cart.shop.default.svc.cluster.local', 'cart.shop.svc.cluster.local'],
    });
    expect(resolveHost(cluster, 'cart', config)).toEqual({
      ok: false,
      error: 'NXDOMAIN',
      tried: ['cart.default.svc.cluster.local', 'cart.svc.cluster.local', 'cart.cluster.local', 'cart'],
    });
    expect(resolveHost(cluster, 'cart.shop.svc.cluster.local.', config)).toMatchObject({
      ok: true,
      tried: ['cart.shop.svc.cluster.local.'],
    });
  });

  test('an ExternalName alias: the CNAME chain and the outside address', () => {
    expect(resolveHost(cluster, 'pg', config)).toEqual({
      ok: true,
      addresses: ['203.0.113.10'],
      canonicalName: 'my.database.com.',
      cnames: ['my.database.com'],
      tried: ['pg.default.svc.cluster.local'],
      server: '10.96.0.10',
    });
  });

  test('an outside name goes through every search domain before it is asked as given', () => {
    expect(resolveHost(cluster, 'www.example.com', config)).toMatchObject({
      ok: true,
      addresses: ['203.0.113.30'],
      tried: [
        'www.example.com.default.svc.cluster.local',
        'www.example.com.svc.cluster.local',
        'www.example.com.cluster.local',
        'www.example.com',
      ],
    });
  });

  test("the learner's machine and the nodes resolve the outside world only", () => {
    expect(resolveHost(cluster, 'api.example.com', OUTSIDE_RESOLVER, { from: 'outside' })).toMatchObject({
      ok: true,
      addresses: ['203.0.113.20'],
    });
    expect(resolveHost(cluster, 'web.default.svc.cluster.local', OUTSIDE_RESOLVER, { from: 'outside' })).toEqual({
      ok: false,
      error: 'NXDOMAIN',
      tried: ['web.default.svc.cluster.local'],
    });
    // the cluster DNS Service is not routed to the outside
    expect(resolveHost(cluster, 'web', config, { from: 'outside' })).toEqual({
      ok: false,
      error: 'TIMEOUT',
      tried: ['web.default.svc.cluster.local'],
    });
  });

  test('with CoreDNS scaled to zero nothing answers at 10.96.0.10', () => {
    const c = dnsCluster();
    const deploy = structuredClone(c.api.get<Deployment>('Deployment', 'kube-system', 'coredns')!);
    deploy.spec.replicas = 0;
    c.api.update(deploy);
    c.advance(60_000);
    expect(resolveHost(c, 'kubernetes', resolverConfigForPod(pod({}), c))).toEqual({
      ok: false,
      error: 'TIMEOUT',
      tried: ['kubernetes.default.svc.cluster.local'],
    });
  });
});
