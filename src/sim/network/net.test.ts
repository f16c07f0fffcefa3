// the packet model against hand-made Services and EndpointSlices: which endpoint kube-proxy picks,
// what the backend sees as the client, and which paths refuse or go unanswered
import { describe, expect, test } from 'vitest';
import { createDefaultCluster } from '../bootstrap.ts';
import type { Cluster } from '../cluster.ts';
import type { ConfigMap, Deployment, KubeObject, Pod, Service } from '../api/types.ts';
import { networkOf, type NetSource } from './net.ts';
import { dial, respondAt } from './transport.ts';
import { outsideResolver } from './outside.ts';
import { iptablesSave, ipvsadmList } from './rules-view.ts';

function must<T extends KubeObject>(cluster: Cluster, obj: T): T {
  const r = cluster.api.create(obj, 'default');
  if (!r.ok) throw new Error(r.error.message);
  return r.object;
}

function podsOf(cluster: Cluster, app: string): Pod[] {
  return cluster.api
    .list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.labels?.['app'] === app && p.status?.phase === 'Running');
}

/** a Deployment of traefik/whoami pods (they report the client address they saw) */
function setup(replicas = 3) {
  const cluster = createDefaultCluster(7);
  must(cluster, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'who' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'who' } },
      template: {
        metadata: { labels: { app: 'who' } },
        spec: { containers: [{ name: 'w', image: 'traefik/whoami', ports: [{ containerPort: 80 }] }] },
      },
    },
  } as Deployment);
  must(cluster, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'client', labels: { app: 'client' } },
    spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] },
  } as Pod);
  for (let i = 0; i < 30 && podsOf(cluster, 'who').length < replicas; i++) cluster.advance(1000);
  cluster.advance(2000);
  return cluster;
}

/** the Service and, standing in for the EndpointSlice controller, its slice */
function service(cluster: Cluster, spec: Partial<Service['spec']>, endpoints = podsOf(cluster, 'who')): Service {
  const svc = must(cluster, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'who' },
    spec: {
      selector: { app: 'who' },
      clusterIP: '10.96.100.100',
      clusterIPs: ['10.96.100.100'],
      ports: [{ port: 8080, targetPort: 80 }],
      ...spec,
    },
  } as Service);
  cluster.store.put('endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'who-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'who' } },
    addressType: 'IPv4',
    endpoints: endpoints.map((p) => ({
      addresses: [p.status!.podIP!],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: p.spec.nodeName!,
      targetRef: { kind: 'Pod', name: p.metadata.name!, namespace: 'default', uid: p.metadata.uid! },
    })),
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
  } as unknown as KubeObject);
  return svc;
}

function client(cluster: Cluster): NetSource {
  return { kind: 'pod', pod: cluster.api.get<Pod>('Pod', 'default', 'client')! };
}

/** sends a request and returns the whoami pod that answered and the RemoteAddr it reported */
function request(cluster: Cluster, source: NetSource, host: string, port: number): string {
  const dialed = dial(cluster, source, outsideResolver, host, port);
  if (!dialed.route || dialed.route.outcome !== 'connected') return dialed.route?.outcome ?? 'unresolved';
  const res = respondAt(cluster, dialed.route, { method: 'GET', path: '/', host, headers: [['Host', host]] });
  const hostname = /Hostname: (\S+)/.exec(res.body)![1];
  const remote = /RemoteAddr: ([\d.]+):/.exec(res.body)![1];
  return `${hostname} from ${remote}`;
}

function restartKubeProxy(cluster: Cluster, config: string): void {
  const cm = structuredClone(cluster.api.get<ConfigMap>('ConfigMap', 'kube-system', 'kube-proxy')!);
  cm.data!['config.conf'] = cm
    .data!['config.conf']!.replace('mode: iptables', 'mode: ipvs')
    .replace('scheduler: ""', `scheduler: "${config}"`);
  cluster.api.update(cm);
  for (const pod of cluster.api.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy')) {
    cluster.api.delete('Pod', 'kube-system', pod.metadata.name!);
  }
  cluster.advance(60_000);
}

describe('Network', () => {
  test('a ClusterIP reaches every endpoint at random in iptables mode, and the pod sees the client pod', () => {
    const cluster = setup();
    service(cluster, {});
    const from = client(cluster);
    const clientIp = from.kind === 'pod' ? from.pod.status!.podIP! : '';
    const answers = new Set<string>();
    for (let i = 0; i < 40; i++) answers.add(request(cluster, from, '10.96.100.100', 8080));
    expect([...answers].sort()).toEqual(
      podsOf(cluster, 'who')
        .map((p) => `${p.metadata.name} from ${clientIp}`)
        .sort(),
    );
  });

  test('ipvs round robin takes the endpoints in turn; editing the ConfigMap matters only after kube-proxy restarts', () => {
    const cluster = setup();
    service(cluster, {});
    const cm = structuredClone(cluster.api.get<ConfigMap>('ConfigMap', 'kube-system', 'kube-proxy')!);
    cm.data!['config.conf'] = cm.data!['config.conf']!.replace('mode: iptables', 'mode: ipvs');
    cluster.api.update(cm);
    const node = (client(cluster) as { pod: Pod }).pod.spec.nodeName!;
    expect(networkOf(cluster).proxy.configFor(node).mode).toBe('iptables');
    restartKubeProxy(cluster, 'rr');
    expect(networkOf(cluster).proxy.configFor(node)).toEqual({ mode: 'ipvs', scheduler: 'rr' });
    const from = client(cluster);
    const names = Array.from({ length: 6 }, () => request(cluster, from, '10.96.100.100', 8080).split(' ')[0]);
    expect(names.slice(3)).toEqual(names.slice(0, 3));
    expect(new Set(names).size).toBe(3);
  });

  test('sessionAffinity ClientIP keeps a client on one endpoint', () => {
    const cluster = setup();
    service(cluster, { sessionAffinity: 'ClientIP' });
    const from = client(cluster);
    const answers = new Set(Array.from({ length: 20 }, () => request(cluster, from, '10.96.100.100', 8080)));
    expect(answers.size).toBe(1);
  });

  test('no endpoints: refused; a port the Service lacks: no answer in iptables mode, refused in ipvs mode', () => {
    const cluster = setup();
    service(cluster, {}, []);
    const from = client(cluster);
    expect(request(cluster, from, '10.96.100.100', 8080)).toBe('refused');
    expect(request(cluster, from, '10.96.100.100', 80)).toBe('timeout');
    restartKubeProxy(cluster, 'rr');
    expect(request(cluster, client(cluster), '10.96.100.100', 80)).toBe('refused');
  });

  test('the learner’s machine reaches node ports on every node but neither ClusterIPs nor pod IPs', () => {
    const cluster = setup();
    service(cluster, { type: 'NodePort', ports: [{ port: 8080, targetPort: 80, nodePort: 31000 }] });
    const outside: NetSource = { kind: 'outside' };
    const network = networkOf(cluster);
    for (const node of network.nodes()) {
      const ip = network.nodeIp(node)!;
      const answer = request(cluster, outside, ip, 31000);
      // externalTrafficPolicy Cluster: SNAT, so the pod sees a node-side address, never the client's
      expect(answer).toMatch(/^who-\S+ from (172\.18\.0\.\d|10\.244\.\d\.1)$/);
      expect(answer).not.toContain('172.18.0.1 ');
    }
    expect(request(cluster, outside, '10.96.100.100', 8080)).toBe('timeout');
    expect(request(cluster, outside, podsOf(cluster, 'who')[0]!.status!.podIP!, 80)).toBe('timeout');
    expect(request(cluster, outside, '172.18.0.3', 31999)).toBe('refused');
  });

  test('externalTrafficPolicy Local: only nodes with an endpoint answer, and the client address is kept', () => {
    const cluster = setup(1);
    service(cluster, {
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      ports: [{ port: 8080, targetPort: 80, nodePort: 31000 }],
    });
    const network = networkOf(cluster);
    const where = podsOf(cluster, 'who')[0]!.spec.nodeName!;
    for (const node of network.nodes()) {
      const answer = request(cluster, { kind: 'outside' }, network.nodeIp(node)!, 31000);
      if (node.metadata.name === where) expect(answer).toMatch(/ from 172\.18\.0\.1$/);
      else expect(answer).toBe('timeout');
    }
  });

  test('ping: pods and nodes answer, a ClusterIP does not (iptables), until ipvs binds it', () => {
    const cluster = setup();
    service(cluster, {});
    const network = networkOf(cluster);
    const from = client(cluster);
    expect(network.answersPing(from, podsOf(cluster, 'who')[0]!.status!.podIP!)).toBe(true);
    expect(network.answersPing(from, '172.18.0.4')).toBe(true);
    expect(network.answersPing(from, '10.96.100.100')).toBe(false);
    restartKubeProxy(cluster, 'rr');
    expect(network.answersPing(client(cluster), '10.96.100.100')).toBe(true);
  });

  test('iptables-save shows the Service’s chains with upstream names, probabilities and comments', () => {
    const cluster = setup(2);
    service(cluster, {});
    const eps = podsOf(cluster, 'who')
      .map((p) => `${p.status!.podIP}:80`)
      .sort();
    const text = iptablesSave(cluster, 'kind-worker');
    const svcLines = text.split('\n').filter((l) => l.includes('"default/who'));
    expect(svcLines).toContain(
      '-A KUBE-SERVICES -d 10.96.100.100/32 -p tcp -m comment --comment "default/who cluster IP" -m tcp --dport 8080 -j KUBE-SVC-' +
        svcLines.find((l) => l.startsWith('-A KUBE-SERVICES'))!.split('KUBE-SVC-')[1],
    );
    expect(svcLines.filter((l) => l.includes('-m statistic'))).toEqual([
      expect.stringContaining(`"default/who -> ${eps[0]}" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-`),
    ]);
    expect(
      svcLines
        .filter((l) => l.includes('DNAT'))
        .map((l) => l.split(' --to-destination ')[1])
        .sort(),
    ).toEqual(eps);
    expect(ipvsadmList(cluster, 'kind-worker')).toBe(
      'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n',
    );
  });
});
