import { describe, expect, test } from 'vitest';
import type { Endpoints } from '../../api/types.ts';
import { printTable, type TableOptions } from './table.ts';
import { ago, NOW, service } from './fixtures.ts';

const base: TableOptions = {
  now: NOW,
  wide: false,
  noHeaders: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
};
const wide: TableOptions = { ...base, wide: true };
const lines = (...rows: string[]): string => rows.map((r) => r + '\n').join('');

describe('services and endpoints', () => {
  const services = [
    service('kubernetes', {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ port: 443, protocol: 'TCP' }],
    }),
    service('web', {
      type: 'NodePort',
      clusterIPs: ['10.96.120.7'],
      ports: [
        { port: 80, nodePort: 31000, protocol: 'TCP' },
        { port: 443, nodePort: 31443, protocol: 'TCP' },
      ],
      selector: { app: 'web' },
    }),
    service('shop', {
      type: 'LoadBalancer',
      clusterIPs: ['10.96.33.2'],
      ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
      selector: { app: 'shop', tier: 'frontend' },
    }),
    service(
      'shop-ready',
      { type: 'LoadBalancer', clusterIPs: ['10.96.33.3'], ports: [{ port: 80, nodePort: 30081, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    ),
    service('db', {
      type: 'ClusterIP',
      clusterIP: 'None',
      clusterIPs: ['None'],
      ports: [{ port: 5432, protocol: 'TCP' }],
      selector: { app: 'db' },
    }),
    service('ext', { type: 'ExternalName', externalName: 'db.example.com' }),
    service('dns', {
      type: 'ClusterIP',
      clusterIPs: ['10.96.0.10'],
      ports: [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
        { port: 9153, protocol: 'TCP' },
      ],
      externalIPs: ['198.51.100.7'],
    }),
  ];

  test('types, cluster IPs, external IPs (<pending> for a new load balancer) and ports', () => {
    expect(printTable(services, wide)).toBe(
      lines(
        'NAME         TYPE           CLUSTER-IP    EXTERNAL-IP      PORT(S)                      AGE   SELECTOR',
        'kubernetes   ClusterIP      10.96.0.1     <none>           443/TCP                      10m   <none>',
        'web          NodePort       10.96.120.7   <none>           80:31000/TCP,443:31443/TCP   10m   app=web',
        'shop         LoadBalancer   10.96.33.2    <pending>        80:30080/TCP                 10m   app=shop,tier=frontend',
        'shop-ready   LoadBalancer   10.96.33.3    203.0.113.10     80:30081/TCP                 10m   <none>',
        'db           ClusterIP      None          <none>           5432/TCP                     10m   app=db',
        'ext          ExternalName   <none>        db.example.com   <none>                       10m   <none>',
        'dns          ClusterIP      10.96.0.10    198.51.100.7     53/UDP,53/TCP,9153/TCP       10m   <none>',
      ),
    );
  });

  const endpoints = (name: string, subsets?: Endpoints['subsets']): Endpoints => ({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name, namespace: 'default', creationTimestamp: ago(600) },
    ...(subsets ? { subsets } : {}),
  });

  test('the first three addresses, then + N more...; <none> without subsets', () => {
    const ips = (...list: string[]) => list.map((ip) => ({ ip }));
    const list = [
      endpoints('kubernetes', [{ addresses: ips('172.18.0.2'), ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]),
      endpoints('web', [
        { addresses: ips('10.244.1.3', '10.244.2.4', '10.244.1.5', '10.244.2.6'), ports: [{ port: 80, protocol: 'TCP' }] },
      ]),
      endpoints('kube-dns', [
        {
          addresses: ips('10.244.0.2', '10.244.0.3'),
          ports: [
            { name: 'dns-tcp', port: 53, protocol: 'TCP' },
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'metrics', port: 9153, protocol: 'TCP' },
          ],
        },
      ]),
      endpoints('headless', [{ addresses: ips('10.244.1.9') }]),
      endpoints('unready', [{ notReadyAddresses: ips('10.244.1.8'), ports: [{ port: 80 }] }]),
      endpoints('empty'),
    ];
    expect(printTable(list, base)).toBe(
      lines(
        'NAME         ENDPOINTS                                               AGE',
        'kubernetes   172.18.0.2:6443                                         10m',
        'web          10.244.1.3:80,10.244.2.4:80,10.244.1.5:80 + 1 more...   10m',
        'kube-dns     10.244.0.2:53,10.244.0.3:53,10.244.0.2:53 + 3 more...   10m',
        'headless     10.244.1.9                                              10m',
        'unready                                                              10m',
        'empty        <none>                                                  10m',
      ),
    );
  });
});
