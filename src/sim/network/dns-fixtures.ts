// test helpers for the DNS tests: a default cluster with Services and, standing in for the
// EndpointSlice controller where a test needs exact endpoints, hand-made slices of selector-less
// Services (the controller leaves those alone, as the real one does)
import { createDefaultCluster } from '../bootstrap.ts';
import type { Cluster } from '../cluster.ts';
import type { KubeObject, Namespace, Service } from '../api/types.ts';
import { typeForKind } from '../api/resources.ts';

export function dnsCluster(seed = 1): Cluster {
  return createDefaultCluster(seed);
}

export function create<T extends KubeObject>(cluster: Cluster, obj: T): T {
  const r = cluster.api.create(obj, obj.metadata.namespace ?? 'default');
  if (!r.ok) throw new Error(r.error.message);
  cluster.settle();
  return r.object;
}

export function namespace(cluster: Cluster, name: string): void {
  create(cluster, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as Namespace);
}

export function service(cluster: Cluster, name: string, spec: Partial<Service['spec']>, ns = 'default'): Service {
  return create(cluster, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: { ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }], ...spec },
  } as Service);
}

export interface SliceEndpoint {
  ip: string;
  ready?: boolean;
  hostname?: string;
}

export function slice(
  cluster: Cluster,
  serviceName: string,
  endpoints: SliceEndpoint[],
  ports: { name: string; port: number; protocol?: string }[] = [{ name: 'http', port: 8080 }],
  ns = 'default',
): void {
  const obj = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${serviceName}-hand1`, namespace: ns, labels: { 'kubernetes.io/service-name': serviceName } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true },
      ...(e.hostname ? { hostname: e.hostname } : {}),
    })),
    ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol ?? 'TCP' })),
  } as unknown as KubeObject;
  if (typeForKind('EndpointSlice')) create(cluster, obj);
  else cluster.store.put('endpointslices', obj);
}
