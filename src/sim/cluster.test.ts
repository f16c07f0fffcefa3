import { describe, expect, test } from 'vitest';
import { createDefaultCluster } from './bootstrap.ts';
import type { Cluster } from './cluster.ts';
import { controllerOf } from './api/meta.ts';
import type { Deployment, Pod, ReplicaSet } from './api/types.ts';

function pod(name: string, labels: Record<string, string>, image = 'nginx'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image }] } };
}

function replicaSet(
  name: string,
  replicas: number,
  selector: ReplicaSet['spec']['selector'],
  labels: Record<string, string>,
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas, selector, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  };
}

function create<T extends Pod | ReplicaSet | Deployment>(cluster: Cluster, obj: T): T {
  const result = cluster.api.create(obj, 'default');
  if (!result.ok) throw new Error(result.error.message);
  cluster.settle();
  return result.object;
}

const podsIn = (cluster: Cluster, namespace = 'default') => cluster.api.list<Pod>('Pod', namespace);
const phaseOf = (cluster: Cluster, name: string) => cluster.api.get<Pod>('Pod', 'default', name)?.status?.phase;

describe('the default cluster', () => {
  test('has three ready nodes and every system pod running', () => {
    const cluster = createDefaultCluster(1);
    expect(cluster.api.list('Node').map((n) => n.metadata.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    const system = podsIn(cluster, 'kube-system');
    const generic = (name: string) =>
      name.endsWith('kind-control-plane') ? name : name.replace(/-[a-z0-9]{5}$/, '-*').replace(/-[a-z0-9]{8,10}-\*$/, '-*');
    expect(system.map((p) => `${generic(p.metadata.name!)} ${p.status?.phase}`).sort()).toEqual([
      'coredns-* Running',
      'coredns-* Running',
      'etcd-kind-control-plane Running',
      'kindnet-* Running',
      'kindnet-* Running',
      'kindnet-* Running',
      'kube-apiserver-kind-control-plane Running',
      'kube-controller-manager-kind-control-plane Running',
      'kube-proxy-* Running',
      'kube-proxy-* Running',
      'kube-proxy-* Running',
      'kube-scheduler-kind-control-plane Running',
    ]);
    expect(cluster.warnings).toEqual([]);
  });

  test('is identical for the same seed', () => {
    const names = (seed: number) =>
      podsIn(createDefaultCluster(seed), 'kube-system').map((p) => `${p.metadata.name} ${p.status?.podIP}`);
    expect(names(7)).toEqual(names(7));
    expect(names(7)).not.toEqual(names(8));
  });
});

describe('ReplicaSet controller', () => {
  test('adopts a matching orphan and creates only the difference', () => {
    const cluster = createDefaultCluster(2);
    create(cluster, pod('lonely', { app: 'web' }));
    const rs = create(cluster, replicaSet('web', 3, { matchLabels: { app: 'web' } }, { app: 'web' }));
    const pods = podsIn(cluster);
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => controllerOf(p)?.uid === rs.metadata.uid)).toBe(true);
    expect(pods.some((p) => p.metadata.name === 'lonely')).toBe(true);
  });

  test('replaces a pod relabelled out of its selector, and deleting it leaves that pod', () => {
    const cluster = createDefaultCluster(3);
    create(cluster, replicaSet('web', 2, { matchLabels: { app: 'web' } }, { app: 'web' }));
    const victim = podsIn(cluster)[0]!;
    const relabelled = structuredClone(victim);
    relabelled.metadata.labels = { app: 'debug' };
    expect(cluster.api.update(relabelled).ok).toBe(true);
    cluster.settle();
    const after = podsIn(cluster);
    expect(after).toHaveLength(3);
    expect(controllerOf(cluster.api.get<Pod>('Pod', 'default', victim.metadata.name!)!)).toBeUndefined();
    cluster.api.delete('ReplicaSet', 'default', 'web');
    cluster.advance(60_000);
    expect(podsIn(cluster).map((p) => p.metadata.name)).toEqual([victim.metadata.name]);
  });

  test('selects with matchExpressions', () => {
    const cluster = createDefaultCluster(4);
    create(cluster, pod('a', { tier: 'front' }));
    create(cluster, pod('b', { tier: 'back' }));
    create(
      cluster,
      replicaSet('front', 1, { matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] }, { tier: 'front' }),
    );
    expect(podsIn(cluster).map((p) => `${p.metadata.name} ${controllerOf(p)?.name ?? '-'}`)).toEqual(['a front', 'b -']);
  });
});

describe('kubelet', () => {
  test('starts a pod: Pending, then Running a moment later', () => {
    const cluster = createDefaultCluster(5);
    create(cluster, pod('web', { app: 'web' }));
    expect(phaseOf(cluster, 'web')).toBe('Pending');
    cluster.advance(5_000);
    expect(phaseOf(cluster, 'web')).toBe('Running');
  });

  test('an unknown image goes ErrImagePull then ImagePullBackOff', () => {
    const cluster = createDefaultCluster(6);
    create(cluster, pod('typo', {}, 'ngnix'));
    cluster.advance(3_000);
    const reason = () => cluster.api.get<Pod>('Pod', 'default', 'typo')!.status!.containerStatuses![0]!.state.waiting?.reason;
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 40; i++) {
      seen.add(reason());
      cluster.advance(500);
    }
    expect([...seen].filter(Boolean).sort()).toEqual(['ErrImagePull', 'ImagePullBackOff']);
  });

  test('a command that exits restarts and backs off', () => {
    const cluster = createDefaultCluster(7);
    create(cluster, pod('once', {}, 'busybox'));
    cluster.advance(120_000);
    const status = cluster.api.get<Pod>('Pod', 'default', 'once')!.status!.containerStatuses![0]!;
    expect(status.restartCount).toBeGreaterThanOrEqual(3);
    expect(status.lastState.terminated?.reason).toBe('Completed');
  });
});

describe('Deployment controller', () => {
  function deployment(image: string): Deployment {
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
      },
    };
  }

  test('rolls out a new image and keeps the old ReplicaSet at 0', () => {
    const cluster = createDefaultCluster(8);
    create(cluster, deployment('nginx:1.26'));
    cluster.advance(30_000);
    const updated = structuredClone(cluster.api.get<Deployment>('Deployment', 'default', 'web')!);
    updated.spec.template.spec.containers[0]!.image = 'nginx:1.27';
    expect(cluster.api.update(updated).ok).toBe(true);
    cluster.advance(120_000);
    const sets = cluster.api.list<ReplicaSet>('ReplicaSet', 'default');
    expect(
      sets.map((rs) => [
        rs.spec.template.spec.containers[0]!.image,
        rs.spec.replicas,
        rs.metadata.annotations?.['deployment.kubernetes.io/revision'],
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['nginx:1.26', 0, '1'],
        ['nginx:1.27', 3, '2'],
      ]),
    );
    const pods = podsIn(cluster);
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec.containers[0]!.image === 'nginx:1.27' && p.status?.phase === 'Running')).toBe(true);
    expect(
      pods.every(
        (p) =>
          p.metadata.labels?.['pod-template-hash'] &&
          p.metadata.name!.startsWith(`web-${p.metadata.labels['pod-template-hash']}-`),
      ),
    ).toBe(true);
    const status = cluster.api.get<Deployment>('Deployment', 'default', 'web')!.status!;
    expect([status.replicas, status.updatedReplicas, status.readyReplicas, status.availableReplicas]).toEqual([3, 3, 3, 3]);
  });

  test('garbage collects ReplicaSets and pods when deleted, or orphans them', () => {
    const cluster = createDefaultCluster(9);
    create(cluster, deployment('nginx'));
    cluster.advance(10_000);
    cluster.api.delete('Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });
    cluster.advance(1_000);
    const sets = cluster.api.list<ReplicaSet>('ReplicaSet', 'default');
    expect(sets).toHaveLength(1);
    expect(sets[0]!.metadata.ownerReferences).toBeUndefined();
    cluster.api.delete('ReplicaSet', 'default', sets[0]!.metadata.name!);
    cluster.advance(60_000);
    expect(podsIn(cluster)).toEqual([]);
  });
});

describe('DaemonSet controller', () => {
  test('brings back a deleted kube-proxy pod on the same node', () => {
    const cluster = createDefaultCluster(10);
    const proxies = () => podsIn(cluster, 'kube-system').filter((p) => p.metadata.name!.startsWith('kube-proxy-'));
    const victim = proxies()[0]!;
    cluster.api.delete('Pod', 'kube-system', victim.metadata.name!);
    cluster.advance(60_000);
    const after = proxies();
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.spec.nodeName).sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(after.some((p) => p.metadata.name === victim.metadata.name)).toBe(false);
    expect(after.every((p) => p.status?.phase === 'Running')).toBe(true);
    const ds = cluster.api.get('DaemonSet', 'kube-system', 'kube-proxy')!;
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3 });
  });
});
