// cluster benchmarks: reconciling workloads of growing size to Running, each measured on a
// fresh default cluster (bootstrap not timed)
import { createDefaultCluster } from '../src/sim/bootstrap.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { Deployment, Node, Pod, ReplicaSet } from '../src/sim/api/types.ts';

function deployment(name: string, replicas: number, image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  };
}

/**
 * a default cluster grown by `extra` workers like kind-worker: a kubelet runs at most 110 pods
 * (kind's max-pods), so big workloads need more nodes, as on a real cluster
 */
export function benchCluster(extra: number): Cluster {
  const cluster = createDefaultCluster(1);
  const template = cluster.api.get<Node>('Node', undefined, 'kind-worker')!;
  for (let i = 0; i < extra; i++) {
    const name = `bench-worker${i}`;
    const node = structuredClone(template);
    node.metadata = { name, labels: { ...template.metadata.labels, 'kubernetes.io/hostname': name } };
    node.spec = { ...template.spec, podCIDR: `10.244.${i + 3}.0/24`, podCIDRs: [`10.244.${i + 3}.0/24`] };
    node.status.addresses = [
      { type: 'InternalIP', address: `172.18.1.${i + 1}` },
      { type: 'Hostname', address: name },
    ];
    const created = cluster.api.create(node);
    if (!created.ok) throw new Error(created.error.message);
    // the new node's kubelet starts: it hands out addresses from the node's pod CIDR
    cluster.kubelet.addNode(created.object);
  }
  cluster.advance(60_000);
  return cluster;
}

export function replicaSet(name: string, replicas: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };
}

function allRunning(cluster: Cluster, expected: number): boolean {
  const pods = cluster.api.list<Pod>('Pod', 'default');
  return pods.length === expected && pods.every((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
}

/** advances cluster time in 1 s steps until `done`, at most `limitS` seconds */
export function runUntil(cluster: Cluster, done: () => boolean, limitS = 600): void {
  for (let s = 0; s < limitS && !done(); s++) cluster.advance(1000);
  if (!done()) throw new Error('benchmark workload did not converge');
}

export interface Prepared {
  run: () => void;
}

/** the Deployment reports every replica available, as `kubectl rollout status` watches for */
function rolledOut(cluster: Cluster, replicas: number): boolean {
  const status = cluster.api.get<Deployment>('Deployment', 'default', 'web')?.status;
  return status?.availableReplicas === replicas && status.updatedReplicas === replicas && status.replicas === replicas;
}

export function deploymentToRunning(replicas: number): () => Prepared {
  return () => {
    const cluster = benchCluster(10);
    return {
      run: () => {
        cluster.api.create(deployment('web', replicas, 'nginx:1.26'), 'default');
        cluster.settle();
        runUntil(cluster, () => rolledOut(cluster, replicas));
        if (!allRunning(cluster, replicas)) throw new Error('rolled out, yet not every pod is Running');
      },
    };
  };
}

export function rollingUpdate(replicas: number): () => Prepared {
  return () => {
    const cluster = benchCluster(10);
    cluster.api.create(deployment('web', replicas, 'nginx:1.26'), 'default');
    cluster.settle();
    runUntil(cluster, () => allRunning(cluster, replicas));
    return {
      run: () => {
        const d = structuredClone(cluster.api.get<Deployment>('Deployment', 'default', 'web')!);
        d.spec.template.spec.containers[0]!.image = 'nginx:1.27';
        cluster.api.update(d);
        cluster.settle();
        runUntil(
          cluster,
          () =>
            allRunning(cluster, replicas) &&
            cluster.api.list<Pod>('Pod', 'default').every((p) => p.spec.containers[0]!.image === 'nginx:1.27'),
          3600,
        );
      },
    };
  };
}

export function manyReplicaSets(sets: number, each: number): () => Prepared {
  return () => {
    const cluster = benchCluster(100);
    return {
      run: () => {
        for (let i = 0; i < sets; i++) cluster.api.create(replicaSet(`rs-${i}`, each), 'default');
        cluster.settle();
        // watch the ReplicaSets' status, as `kubectl get rs` would; check every pod once at the end
        const ready = () =>
          cluster.api.list<ReplicaSet>('ReplicaSet', 'default').every((rs) => rs.status?.readyReplicas === each);
        runUntil(cluster, ready);
        if (!allRunning(cluster, sets * each)) throw new Error('ReplicaSets ready, yet not every pod is Running');
      },
    };
  };
}
