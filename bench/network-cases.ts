// Service-networking benchmarks: many Services with their endpoints, a request through one of
// them, and what one pod turning ready costs when a thousand Services exist (it must touch only
// the Services that select it)
import type { Cluster } from '../src/sim/cluster.ts';
import type { Endpoints, Pod, ReplicaSet, Service } from '../src/sim/api/types.ts';
import { withStatus } from '../src/sim/api/meta.ts';
import { dial } from '../src/sim/network/transport.ts';
import { outsideResolver } from '../src/sim/network/outside.ts';
import { benchCluster, replicaSet, runUntil, type Prepared } from './cluster-cases.ts';

function service(name: string): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80 }] },
  };
}

function endpointsReady(cluster: Cluster, name: string, n: number): boolean {
  const ep = cluster.api.get<Endpoints>('Endpoints', 'default', name);
  return (ep?.subsets ?? []).reduce((sum, s) => sum + (s.addresses?.length ?? 0), 0) === n;
}

/** `sets` ReplicaSets of `each` pods, Running, and one Service per ReplicaSet */
export function servicesWithEndpoints(sets: number, each: number): Cluster {
  const cluster = benchCluster(100);
  for (let i = 0; i < sets; i++) cluster.api.create(replicaSet(`rs-${i}`, each), 'default');
  cluster.settle();
  runUntil(cluster, () => cluster.api.list<ReplicaSet>('ReplicaSet', 'default').every((rs) => rs.status?.readyReplicas === each));
  return cluster;
}

/** creating the Services and reconciling their Endpoints and EndpointSlices */
export function createServices(sets: number, each: number): () => Prepared {
  return () => {
    const cluster = servicesWithEndpoints(sets, each);
    return {
      run: () => {
        for (let i = 0; i < sets; i++) cluster.api.create(service(`rs-${i}`), 'default');
        cluster.settle();
        for (let i = 0; i < sets; i++) if (!endpointsReady(cluster, `rs-${i}`, each)) throw new Error(`rs-${i} lacks endpoints`);
      },
    };
  };
}

function withServices(sets: number, each: number): Cluster {
  const cluster = servicesWithEndpoints(sets, each);
  for (let i = 0; i < sets; i++) cluster.api.create(service(`rs-${i}`), 'default');
  cluster.settle();
  return cluster;
}

/** one request from a pod to a Service's ClusterIP, through kube-proxy, to an endpoint */
export function requestThroughService(sets: number, each: number): () => Prepared {
  let cluster: Cluster | null = null;
  return () => {
    cluster ??= withServices(sets, each);
    const c = cluster;
    const from = c.api.list<Pod>('Pod', 'default')[0]!;
    const target = c.api.get<Service>('Service', 'default', `rs-${Math.floor(sets / 2)}`)!;
    return {
      run: () => {
        const dialed = dial(c, { kind: 'pod', pod: from }, outsideResolver, target.spec.clusterIP!, 80);
        if (dialed.route?.outcome !== 'connected') throw new Error('the request did not connect');
      },
    };
  };
}

/** a pod of one ReplicaSet turns ready (its status is written Ready again) and everything settles */
export function podTurnsReady(sets: number, each: number): () => Prepared {
  let cluster: Cluster | null = null;
  let writes = 0;
  return () => {
    if (!cluster) {
      cluster = withServices(sets, each);
      cluster.store.watch((e) => {
        if (e.resource === 'endpoints' || e.resource === 'endpointslices') writes++;
      });
    }
    const c = cluster;
    const pod = c.api.list<Pod>('Pod', 'default').find((p) => p.metadata.labels?.['app'] === 'rs-7')!;
    const flip = (ready: boolean) => {
      const current = c.api.get<Pod>('Pod', 'default', pod.metadata.name!)!;
      const conditions = (current.status?.conditions ?? []).map((cond) =>
        cond.type === 'Ready' || cond.type === 'ContainersReady' ? { ...cond, status: ready ? 'True' : 'False' } : cond,
      );
      c.api.writeStatus(withStatus(current, { ...current.status, conditions } as Pod['status']));
      c.settle();
    };
    flip(false);
    writes = 0;
    return {
      run: () => {
        flip(true);
        // only rs-7's Endpoints and its one slice may change
        if (writes > 2) throw new Error(`one pod turning ready rewrote ${writes} Endpoints/EndpointSlices`);
        if (!endpointsReady(c, 'rs-7', each)) throw new Error('rs-7 did not get its endpoint back');
      },
    };
  };
}
