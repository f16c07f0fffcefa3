// CoreDNS's answers, record by record: what exists (Services, headless endpoints, aliases, SRV,
// pods, reverse names, the schema version), what is NODATA and what is NXDOMAIN, and what is
// forwarded to the resolver outside
import { describe, expect, test, vi } from 'vitest';
import type { Cluster } from '../cluster.ts';
import { queryCoreDns, queryUpstream, type DnsAnswer, type DnsRecord } from './dns.ts';
import { dnsCluster, namespace, service, slice } from './dns-fixtures.ts';

/** 2026-01-01 09:00:00 UTC, when the tests' objects are made: the SOA serial */
const NOW_S = 1767258000;

const SOA: DnsRecord = {
  type: 'SOA',
  name: 'cluster.local.',
  ttl: 30,
  mname: 'ns.dns.cluster.local.',
  rname: 'hostmaster.cluster.local.',
  serial: NOW_S,
  refresh: 7200,
  retry: 1800,
  expire: 86400,
  minimum: 30,
};

const ROOT_SOA_CAPPED: DnsRecord = {
  type: 'SOA',
  name: '.',
  ttl: 30,
  mname: 'a.root-servers.net.',
  rname: 'nstld.verisign-grs.com.',
  serial: 2026010100,
  refresh: 1800,
  retry: 900,
  expire: 604800,
  minimum: 86400,
};

function authoritative(
  rcode: DnsAnswer['rcode'],
  answer: DnsRecord[],
  authority: DnsRecord[] = [],
  additional: DnsRecord[] = [],
): DnsAnswer {
  return { rcode, answer, authority, additional, authoritative: true, recursionAvailable: false, forwarded: false };
}

/** a record list in a fixed order (the loadbalance plugin shuffles addresses) */
function sorted(records: DnsRecord[]): DnsRecord[] {
  return [...records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function setup(): Cluster {
  const cluster = dnsCluster();
  namespace(cluster, 'shop');
  service(cluster, 'web', { clusterIP: '10.96.10.10', clusterIPs: ['10.96.10.10'], selector: { app: 'web' } });
  service(cluster, 'cart', { clusterIP: '10.96.20.20', clusterIPs: ['10.96.20.20'], selector: { app: 'cart' } }, 'shop');
  // headless, selector-less, with a hand-made slice: two ready endpoints (one with a hostname) and one not ready
  service(cluster, 'db', { clusterIP: 'None', clusterIPs: ['None'] });
  slice(cluster, 'db', [{ ip: '10.244.1.5', hostname: 'db-0' }, { ip: '10.244.2.6' }, { ip: '10.244.1.7', ready: false }]);
  service(cluster, 'pg', { type: 'ExternalName', externalName: 'my.database.com', ports: [] });
  service(cluster, 'gone', { type: 'ExternalName', externalName: 'nowhere.example.org', ports: [] });
  return cluster;
}

describe('CoreDNS: Services', () => {
  const cluster = setup();

  test('<svc>.<ns>.svc.cluster.local has the ClusterIP, authoritatively, with TTL 30', () => {
    expect(queryCoreDns(cluster, 'web.default.svc.cluster.local', 'A')).toEqual(
      authoritative('NOERROR', [{ type: 'A', name: 'web.default.svc.cluster.local.', ttl: 30, ip: '10.96.10.10' }]),
    );
    expect(queryCoreDns(cluster, 'cart.shop.svc.cluster.local.', 'A').answer).toEqual([
      { type: 'A', name: 'cart.shop.svc.cluster.local.', ttl: 30, ip: '10.96.20.20' },
    ]);
  });

  test('names are case-insensitive and keep the case they were asked in', () => {
    expect(queryCoreDns(cluster, 'WEB.Default.svc.cluster.local', 'A').answer).toEqual([
      { type: 'A', name: 'WEB.Default.svc.cluster.local.', ttl: 30, ip: '10.96.10.10' },
    ]);
  });

  test('AAAA of an IPv4 Service is NODATA: NOERROR, no answer, the zone SOA', () => {
    expect(queryCoreDns(cluster, 'web.default.svc.cluster.local', 'AAAA')).toEqual(authoritative('NOERROR', [], [SOA]));
  });

  test('a missing Service, a missing namespace and a name outside the schema are NXDOMAIN with the SOA', () => {
    for (const name of [
      'nope.default.svc.cluster.local',
      'web.nons.svc.cluster.local',
      'web.default.cluster.local',
      'a.b.c.web.default.svc.cluster.local',
    ]) {
      expect(queryCoreDns(cluster, name, 'A'), name).toEqual(authoritative('NXDOMAIN', [], [SOA]));
    }
  });

  test('the namespace and zone names themselves exist, without records (NODATA)', () => {
    for (const name of ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local']) {
      expect(queryCoreDns(cluster, name, 'A'), name).toEqual(authoritative('NOERROR', [], [SOA]));
    }
  });

  test('a type CoreDNS has no records of tells NODATA from NXDOMAIN only', () => {
    expect(queryCoreDns(cluster, 'web.default.svc.cluster.local', 'MX')).toEqual(authoritative('NOERROR', [], [SOA]));
    expect(queryCoreDns(cluster, 'nope.default.svc.cluster.local', 'ANY')).toEqual(authoritative('NXDOMAIN', [], [SOA]));
  });
});

describe('CoreDNS: headless Services and endpoints', () => {
  const cluster = setup();

  test('a headless Service has one A per ready endpoint; not-ready ones are left out', () => {
    const reply = queryCoreDns(cluster, 'db.default.svc.cluster.local', 'A');
    expect({ ...reply, answer: sorted(reply.answer) }).toEqual(
      authoritative('NOERROR', [
        { type: 'A', name: 'db.default.svc.cluster.local.', ttl: 30, ip: '10.244.1.5' },
        { type: 'A', name: 'db.default.svc.cluster.local.', ttl: 30, ip: '10.244.2.6' },
      ]),
    );
  });

  test('each endpoint has a name: its hostname, or its IP with dashes', () => {
    expect(queryCoreDns(cluster, 'db-0.db.default.svc.cluster.local', 'A').answer).toEqual([
      { type: 'A', name: 'db-0.db.default.svc.cluster.local.', ttl: 30, ip: '10.244.1.5' },
    ]);
    expect(queryCoreDns(cluster, '10-244-2-6.db.default.svc.cluster.local', 'A').answer).toEqual([
      { type: 'A', name: '10-244-2-6.db.default.svc.cluster.local.', ttl: 30, ip: '10.244.2.6' },
    ]);
    expect(queryCoreDns(cluster, '10-244-1-7.db.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });

  test('SRV for a headless port names each endpoint, with its address in the additional section', () => {
    const reply = queryCoreDns(cluster, '_http._tcp.db.default.svc.cluster.local', 'SRV');
    expect(reply.answer).toEqual([
      {
        type: 'SRV',
        name: '_http._tcp.db.default.svc.cluster.local.',
        ttl: 30,
        priority: 0,
        weight: 50,
        port: 8080,
        target: 'db-0.db.default.svc.cluster.local.',
      },
      {
        type: 'SRV',
        name: '_http._tcp.db.default.svc.cluster.local.',
        ttl: 30,
        priority: 0,
        weight: 50,
        port: 8080,
        target: '10-244-2-6.db.default.svc.cluster.local.',
      },
    ]);
    expect(sorted(reply.additional)).toEqual([
      { type: 'A', name: '10-244-2-6.db.default.svc.cluster.local.', ttl: 30, ip: '10.244.2.6' },
      { type: 'A', name: 'db-0.db.default.svc.cluster.local.', ttl: 30, ip: '10.244.1.5' },
    ]);
  });

  test('a headless Service with no ready endpoint has no name at all', () => {
    const c = setup();
    service(c, 'empty', { clusterIP: 'None', clusterIPs: ['None'] });
    expect(queryCoreDns(c, 'empty.default.svc.cluster.local', 'A')).toEqual(authoritative('NXDOMAIN', [], [SOA]));
  });
});

describe('CoreDNS: SRV for a ClusterIP Service', () => {
  test('_port._proto names the port; the bare name lists every port with an even weight', () => {
    const cluster = setup();
    service(cluster, 'api', {
      clusterIP: '10.96.30.30',
      clusterIPs: ['10.96.30.30'],
      selector: { app: 'api' },
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
        { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090 },
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      ],
    });
    const target = 'api.default.svc.cluster.local.';
    expect(queryCoreDns(cluster, '_metrics._tcp.api.default.svc.cluster.local', 'SRV')).toEqual(
      authoritative(
        'NOERROR',
        [
          {
            type: 'SRV',
            name: '_metrics._tcp.api.default.svc.cluster.local.',
            ttl: 30,
            priority: 0,
            weight: 100,
            port: 9090,
            target,
          },
        ],
        [],
        [{ type: 'A', name: target, ttl: 30, ip: '10.96.30.30' }],
      ),
    );
    expect(
      queryCoreDns(cluster, 'api.default.svc.cluster.local', 'SRV').answer.map(
        (r) => r.type === 'SRV' && `${r.weight} ${r.port}`,
      ),
    ).toEqual(['33 80', '33 9090', '33 53']);
    // the protocol has to match: the dns port is UDP
    expect(queryCoreDns(cluster, '_dns._tcp.api.default.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
    expect(queryCoreDns(cluster, '_dns._udp.api.default.svc.cluster.local', 'SRV').answer).toHaveLength(1);
  });
});

describe('CoreDNS: ExternalName', () => {
  const cluster = setup();

  test('an alias is a CNAME, and CoreDNS resolves the outside target through the upstream resolver', () => {
    expect(queryCoreDns(cluster, 'pg.default.svc.cluster.local', 'A')).toEqual({
      ...authoritative('NOERROR', [
        { type: 'CNAME', name: 'pg.default.svc.cluster.local.', ttl: 30, target: 'my.database.com.' },
        { type: 'A', name: 'my.database.com.', ttl: 30, ip: '203.0.113.10' },
      ]),
      forwarded: true,
    });
    expect(queryCoreDns(cluster, 'pg.default.svc.cluster.local', 'CNAME').answer).toEqual([
      { type: 'CNAME', name: 'pg.default.svc.cluster.local.', ttl: 30, target: 'my.database.com.' },
    ]);
  });

  test('an alias to a name nobody knows is still a CNAME, with no address behind it', () => {
    expect(queryCoreDns(cluster, 'gone.default.svc.cluster.local', 'A').answer).toEqual([
      { type: 'CNAME', name: 'gone.default.svc.cluster.local.', ttl: 30, target: 'nowhere.example.org.' },
    ]);
  });

  test('an alias has no SRV records and no endpoints', () => {
    expect(queryCoreDns(cluster, 'pg.default.svc.cluster.local', 'SRV')).toEqual(authoritative('NOERROR', [], [SOA]));
    expect(queryCoreDns(cluster, 'x.pg.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });
});

describe('CoreDNS: pods, reverse names, the schema version', () => {
  const cluster = setup();

  test('pods insecure: any a-b-c-d name in an existing namespace answers with that address', () => {
    expect(queryCoreDns(cluster, '10-244-1-9.default.pod.cluster.local', 'A').answer).toEqual([
      { type: 'A', name: '10-244-1-9.default.pod.cluster.local.', ttl: 30, ip: '10.244.1.9' },
    ]);
    expect(queryCoreDns(cluster, '10-244-1-9.nons.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(queryCoreDns(cluster, 'not-an-ip.default.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });

  test('PTR: a ClusterIP names its Service, an endpoint its endpoint name', () => {
    expect(queryCoreDns(cluster, '10.10.96.10.in-addr.arpa', 'PTR')).toEqual(
      authoritative('NOERROR', [
        { type: 'PTR', name: '10.10.96.10.in-addr.arpa.', ttl: 30, target: 'web.default.svc.cluster.local.' },
      ]),
    );
    expect(queryCoreDns(cluster, '5.1.244.10.in-addr.arpa', 'PTR').answer).toEqual([
      { type: 'PTR', name: '5.1.244.10.in-addr.arpa.', ttl: 30, target: 'db-0.db.default.svc.cluster.local.' },
    ]);
    expect(queryCoreDns(cluster, '6.2.244.10.in-addr.arpa', 'PTR').answer).toEqual([
      { type: 'PTR', name: '6.2.244.10.in-addr.arpa.', ttl: 30, target: '10-244-2-6.db.default.svc.cluster.local.' },
    ]);
  });

  test('an address the cluster does not know falls through to the upstream resolver', () => {
    expect(queryCoreDns(cluster, '99.9.244.10.in-addr.arpa', 'PTR')).toEqual({
      rcode: 'NXDOMAIN',
      answer: [],
      authority: [ROOT_SOA_CAPPED],
      additional: [],
      authoritative: false,
      recursionAvailable: true,
      forwarded: true,
    });
  });

  test('dns-version.cluster.local is the schema version; other TXT names are NODATA or NXDOMAIN', () => {
    expect(queryCoreDns(cluster, 'dns-version.cluster.local', 'TXT')).toEqual(
      authoritative('NOERROR', [{ type: 'TXT', name: 'dns-version.cluster.local.', ttl: 28800, text: ['1.1.0'] }]),
    );
    expect(queryCoreDns(cluster, 'web.default.svc.cluster.local', 'TXT')).toEqual(authoritative('NOERROR', [], [SOA]));
    expect(queryCoreDns(cluster, 'nope.default.svc.cluster.local', 'TXT').rcode).toBe('NXDOMAIN');
  });

  test('SOA and NS at the apex', () => {
    expect(queryCoreDns(cluster, 'cluster.local', 'SOA').answer).toEqual([SOA]);
    expect(queryCoreDns(cluster, 'cluster.local', 'NS')).toEqual(
      authoritative(
        'NOERROR',
        [{ type: 'NS', name: 'cluster.local.', ttl: 30, target: 'ns.dns.cluster.local.' }],
        [],
        [{ type: 'A', name: 'ns.dns.cluster.local.', ttl: 30, ip: '10.96.0.10' }],
      ),
    );
  });

  test('the SOA serial moves when a Service changes', () => {
    const c = setup();
    const before = (queryCoreDns(c, 'nope.default.svc.cluster.local', 'A').authority[0] as { serial: number }).serial;
    c.advance(90_000);
    service(c, 'later', { clusterIP: '10.96.40.40', clusterIPs: ['10.96.40.40'], selector: { app: 'later' } });
    const after = (queryCoreDns(c, 'nope.default.svc.cluster.local', 'A').authority[0] as { serial: number }).serial;
    expect(after - before).toBe(90);
  });
});

describe('forwarding', () => {
  const cluster = setup();

  test('names outside cluster.local go to the upstream resolver; cache caps their TTL at 30', () => {
    expect(queryCoreDns(cluster, 'www.example.com', 'A')).toEqual({
      rcode: 'NOERROR',
      answer: [{ type: 'A', name: 'www.example.com.', ttl: 30, ip: '203.0.113.30' }],
      authority: [],
      additional: [],
      authoritative: false,
      recursionAvailable: true,
      forwarded: true,
    });
    expect(queryCoreDns(cluster, 'web.default', 'A')).toEqual({
      rcode: 'NXDOMAIN',
      answer: [],
      authority: [ROOT_SOA_CAPPED],
      additional: [],
      authoritative: false,
      recursionAvailable: true,
      forwarded: true,
    });
  });

  test('the upstream resolver itself knows the outside world and nothing of the cluster', () => {
    const now = cluster.clock.now();
    expect(queryUpstream('api.example.com', 'A', now).answer).toEqual([
      { type: 'A', name: 'api.example.com.', ttl: 300, ip: '203.0.113.20' },
    ]);
    expect(queryUpstream('web.default.svc.cluster.local', 'A', now).rcode).toBe('NXDOMAIN');
    expect(queryUpstream('api.example.com', 'AAAA', now)).toMatchObject({
      rcode: 'NOERROR',
      answer: [],
      authority: [{ type: 'SOA', name: 'example.com.' }],
    });
  });
});

describe('cost', () => {
  test('a lookup reads one Service and its slices by name, never a list of every object', () => {
    const cluster = setup();
    queryCoreDns(cluster, 'web.default.svc.cluster.local', 'A');
    const list = vi.spyOn(cluster.store, 'list');
    for (const [name, type] of [
      ['db.default.svc.cluster.local', 'A'],
      ['_http._tcp.web.default.svc.cluster.local', 'SRV'],
      ['10.10.96.10.in-addr.arpa', 'PTR'],
      ['6.2.244.10.in-addr.arpa', 'PTR'],
      ['nope.default.svc.cluster.local', 'A'],
    ] as const) {
      queryCoreDns(cluster, name, type);
    }
    expect(list).not.toHaveBeenCalled();
  });
});
