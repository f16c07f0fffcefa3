// the endpoints controllers' bookkeeping: a pod change reaches only the Services that select it,
// and objects whose content did not change are not written again
import { describe, expect, test } from 'vitest';
import type { ApiServer } from '../api/apiserver.ts';
import type { Endpoints, KubeObject, Pod, ReplicaSet, Service } from '../api/types.ts';
import { createDefaultCluster } from '../bootstrap.ts';
import type { Cluster } from '../cluster.ts';

const SERVICES = 100;

function fleet(): Cluster {
  const cluster = createDefaultCluster(7);
  for (let i = 0; i < SERVICES; i++) {
    cluster.api.create(
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: `rs-${i}` },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: `a${i}` } },
          template: {
            metadata: { labels: { app: `a${i}`, tier: 'web' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      } as ReplicaSet,
      'default',
    );
    cluster.api.create(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `svc-${i}` },
        spec: { selector: { app: `a${i}`, tier: 'web' }, ports: [{ port: 80 }] },
      } as Service,
      'default',
    );
  }
  cluster.settle();
  cluster.advance(30_000);
  return cluster;
}

/** counts, while `fn` runs and the cluster settles, the Services looked up and the objects written */
function observe(cluster: Cluster, fn: () => void): { services: Set<string>; writes: string[] } {
  const services = new Set<string>();
  const writes: string[] = [];
  const api = cluster.api as ApiServer & { get: ApiServer['get'] };
  const get = api.get.bind(api);
  api.get = <T extends KubeObject>(kind: string, namespace: string | undefined, name: string) => {
    if (kind === 'Service') services.add(name);
    return get<T>(kind, namespace, name);
  };
  const stop = cluster.store.watch((e) => {
    if (e.resource === 'endpoints' || e.resource === 'endpointslices') writes.push(`${e.resource}/${e.object.metadata.name}`);
  });
  try {
    fn();
    cluster.settle();
  } finally {
    api.get = get;
    stop();
  }
  return { services, writes };
}

describe('endpoints controllers at scale', () => {
  test('a pod turning unready touches its own Service only, and rewrites its Endpoints and slice once', () => {
    const cluster = fleet();
    const pod = cluster.api.list<Pod>('Pod', 'default').find((p) => p.metadata.labels?.['app'] === 'a7')!;
    const seen = observe(cluster, () => {
      const status = structuredClone(pod.status!);
      status.conditions = status.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const } : c));
      cluster.api.writeStatus({ ...pod, metadata: { ...pod.metadata }, status });
    });
    expect([...seen.services]).toEqual(['svc-7']);
    expect(seen.writes.map((w) => w.replace(/-[a-z0-9]{5}$/, '-*'))).toEqual(['endpoints/svc-7', 'endpointslices/svc-7-*']);
    const ep = cluster.api.get<Endpoints>('Endpoints', 'default', 'svc-7')!;
    expect(ep.subsets?.[0]?.notReadyAddresses?.map((a) => a.ip)).toEqual([pod.status!.podIP]);
  });

  test('changes an endpoint does not show (an annotation, a label no selector reads) write nothing', () => {
    const cluster = fleet();
    const pod = cluster.api.list<Pod>('Pod', 'default').find((p) => p.metadata.labels?.['app'] === 'a3')!;
    const seen = observe(cluster, () => {
      const next = structuredClone(pod);
      next.metadata.annotations = { note: 'hello' };
      next.metadata.labels = { ...next.metadata.labels, extra: 'yes' };
      cluster.api.update(next);
    });
    expect(seen.writes).toEqual([]);
    expect(seen.services.size).toBeLessThanOrEqual(1);
  });

  test('a relabelled pod moves between the two Services concerned, and no others', () => {
    const cluster = fleet();
    cluster.api.create(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'svc-moved' },
        spec: { selector: { app: 'moved' }, ports: [{ port: 80 }] },
      } as Service,
      'default',
    );
    cluster.settle();
    const pod = cluster.api.list<Pod>('Pod', 'default').find((p) => p.metadata.labels?.['app'] === 'a5')!;
    const seen = observe(cluster, () => {
      const next = structuredClone(pod);
      next.metadata.labels = { app: 'moved', tier: 'web' };
      cluster.api.update(next);
    });
    expect([...seen.services].filter((s) => s.startsWith('svc-')).sort()).toEqual(['svc-5', 'svc-moved']);
    const ips = (name: string) =>
      (cluster.api.get<Endpoints>('Endpoints', 'default', name)!.subsets ?? []).flatMap((s) =>
        (s.addresses ?? []).map((a) => a.ip),
      );
    expect(ips('svc-moved')).toEqual([pod.status!.podIP]);
    expect(ips('svc-5')).not.toContain(pod.status!.podIP);
  });
});

describe('what the controllers leave alone', () => {
  test('a Service losing its selector keeps its last Endpoints, as upstream does; deleting it removes them', () => {
    const cluster = fleet();
    const svc = structuredClone(cluster.api.get<Service>('Service', 'default', 'svc-1')!);
    delete svc.spec.selector;
    expect(cluster.api.update(svc).ok).toBe(true);
    cluster.settle();
    const ep = cluster.api.get<Endpoints>('Endpoints', 'default', 'svc-1')!;
    expect(ep.subsets?.[0]?.addresses).toHaveLength(2);
    cluster.api.delete('Service', 'default', 'svc-1');
    cluster.settle();
    expect(cluster.api.get('Endpoints', 'default', 'svc-1')).toBeUndefined();
    expect(
      cluster.api.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'svc-1'),
    ).toEqual([]);
  });
});
