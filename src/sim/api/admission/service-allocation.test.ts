// the Service registry's allocators: seeded cluster IPs and node ports from their dynamic bands,
// requested ones claimed, the apiserver's refusals as kubectl prints them, type changes, release
// on delete, and nothing held by a write that was refused
import { describe, expect, test } from 'vitest';
import { createDefaultCluster } from '../../bootstrap.ts';
import type { Cluster } from '../../cluster.ts';
import { kubectlSession } from '../../kubectl/verbs/session.test-helper.ts';
import type { Service, ServiceSpec } from '../types.ts';
import { parseIPv4 } from './service-allocation.ts';

function service(name: string, spec: Partial<ServiceSpec> = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
  };
}

function create(cluster: Cluster, svc: Service): Service {
  const result = cluster.api.create(svc, 'default');
  if (!result.ok) throw new Error(result.error.message);
  return result.object;
}

const between = (ip: string, lo: string, hi: string) => parseIPv4(ip)! >= parseIPv4(lo)! && parseIPv4(ip)! <= parseIPv4(hi)!;

describe('cluster IP and node port allocation', () => {
  test('the same seed gives the same addresses and ports; they come from the dynamic bands', () => {
    const made = (seed: number) => {
      const cluster = createDefaultCluster(seed);
      return ['a', 'b', 'c'].map((name) => {
        const svc = create(cluster, service(name, { type: 'NodePort' }));
        return `${svc.spec.clusterIP} ${svc.spec.ports![0]!.nodePort}`;
      });
    };
    const first = made(7);
    expect(made(7)).toEqual(first);
    expect(made(8)).not.toEqual(first);
    for (const line of [...first, ...made(8), ...made(9)]) {
      const [ip, port] = line.split(' ') as [string, string];
      // 10.96.0.0/12 keeps its first 256 hosts for requested addresses; ports keep 30000-30085
      expect(between(ip, '10.96.1.1', '10.111.255.254')).toBe(true);
      expect(Number(port)).toBeGreaterThanOrEqual(30086);
      expect(Number(port)).toBeLessThanOrEqual(32767);
    }
  });

  test('a Service sets clusterIP and clusterIPs; headless and ExternalName Services get none', () => {
    const cluster = createDefaultCluster(1);
    const plain = create(cluster, service('plain'));
    expect(plain.spec.clusterIPs).toEqual([plain.spec.clusterIP]);
    const headless = create(cluster, service('headless', { clusterIP: 'None' }));
    expect([headless.spec.clusterIP, headless.spec.clusterIPs]).toEqual(['None', ['None']]);
    const external = create(cluster, service('ext', { type: 'ExternalName', externalName: 'example.com', ports: [] }));
    expect([external.spec.clusterIP, external.spec.clusterIPs]).toEqual([undefined, undefined]);
    const lb = create(cluster, service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }));
    expect(lb.spec.ports![0]!.nodePort).toBeGreaterThanOrEqual(30086);
    expect(lb.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30086);
    const noPorts = create(cluster, service('nolb', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }));
    expect(noPorts.spec.ports![0]!.nodePort).toBeUndefined();
    // ports sharing a number (TCP and UDP) share the node port
    const dns = create(
      cluster,
      service('dns', {
        type: 'NodePort',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        ],
      }),
    );
    expect(dns.spec.ports![0]!.nodePort).toBe(dns.spec.ports![1]!.nodePort);
  });

  test('the bootstrap Services hold 10.96.0.1 and 10.96.0.10; requested addresses come from the static band', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service clusterip a --tcp=80 --clusterip=10.96.0.1
kubectl create service clusterip a --tcp=80 --clusterip=10.96.0.10
kubectl create service clusterip a --tcp=80 --clusterip=10.96.0.50
kubectl get svc a
`),
    ).toBe(`$ kubectl create service clusterip a --tcp=80 --clusterip=10.96.0.1
error: failed to create ClusterIP service: Service "a" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.1"]: failed to allocate IP 10.96.0.1: provided IP is already allocated
[exit 1]
$ kubectl create service clusterip a --tcp=80 --clusterip=10.96.0.10
error: failed to create ClusterIP service: Service "a" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated
[exit 1]
$ kubectl create service clusterip a --tcp=80 --clusterip=10.96.0.50
service/a created
$ kubectl get svc a
NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
a      ClusterIP   10.96.0.50   <none>        80/TCP    0s
`);
  });

  test("every refusal as kubectl prints the apiserver's Status", async () => {
    const k = kubectlSession();
    await k.run(`cat <<EOF > svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.96.0.10
  ports:
  - port: 80
EOF
cat <<EOF > fixed.yaml
apiVersion: v1
kind: Service
metadata:
  name: fixed
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 31000
EOF
cat <<EOF > clash.yaml
apiVersion: v1
kind: Service
metadata:
  name: clash
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 31000
EOF
cat <<EOF > range.yaml
apiVersion: v1
kind: Service
metadata:
  name: range
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 8080
EOF
cat <<EOF > twice.yaml
apiVersion: v1
kind: Service
metadata:
  name: twice
spec:
  type: NodePort
  ports:
  - name: a
    port: 80
    nodePort: 30001
  - name: b
    port: 81
    nodePort: 30001
EOF
cat <<EOF > hc.yaml
apiVersion: v1
kind: Service
metadata:
  name: hc
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  healthCheckNodePort: 31000
  ports:
  - port: 80
EOF
cat <<EOF > dual.yaml
apiVersion: v1
kind: Service
metadata:
  name: dual
spec:
  ipFamilyPolicy: RequireDualStack
  ports:
  - port: 80
EOF`);
    expect(
      await k.transcript(`
kubectl apply -f svc.yaml
kubectl create -f svc.yaml
kubectl create service clusterip x --tcp=80 --clusterip=10.112.0.1
kubectl create service clusterip x --tcp=80 --clusterip=10.96.0.0
kubectl create service clusterip x --tcp=80 --clusterip=10.111.255.255
kubectl create service clusterip x --tcp=80 --clusterip=fd00::10
kubectl apply -f dual.yaml
kubectl apply -f fixed.yaml
kubectl apply -f clash.yaml
kubectl apply -f range.yaml
kubectl apply -f twice.yaml
kubectl apply -f hc.yaml
kubectl create service nodeport np --tcp=80 --node-port=31000
`),
    ).toBe(`$ kubectl apply -f svc.yaml
The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated
[exit 1]
$ kubectl create -f svc.yaml
The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated
[exit 1]
$ kubectl create service clusterip x --tcp=80 --clusterip=10.112.0.1
error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.112.0.1"]: failed to allocate IP 10.112.0.1: the provided network does not match the current range
[exit 1]
$ kubectl create service clusterip x --tcp=80 --clusterip=10.96.0.0
error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.0"]: failed to allocate IP 10.96.0.0: the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12
[exit 1]
$ kubectl create service clusterip x --tcp=80 --clusterip=10.111.255.255
error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.111.255.255"]: failed to allocate IP 10.111.255.255: the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12
[exit 1]
$ kubectl create service clusterip x --tcp=80 --clusterip=fd00::10
error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs[0]: Invalid value: ["fd00::10"]: IPv6 is not configured on this cluster
[exit 1]
$ kubectl apply -f dual.yaml
The Service "dual" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services
[exit 1]
$ kubectl apply -f fixed.yaml
service/fixed created
$ kubectl apply -f clash.yaml
The Service "clash" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated
[exit 1]
$ kubectl apply -f range.yaml
The Service "range" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767
[exit 1]
$ kubectl apply -f twice.yaml
The Service "twice" is invalid: spec.ports[1].nodePort: Invalid value: 30001: provided port is already allocated
[exit 1]
$ kubectl apply -f hc.yaml
Error from server (InternalError): error when creating "hc.yaml": Internal error occurred: failed to allocate requested HealthCheck NodePort 31000: provided port is already allocated
[exit 1]
$ kubectl create service nodeport np --tcp=80 --node-port=31000
error: failed to create NodePort service: Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated
[exit 1]
`);
  });

  test('a full node port range', () => {
    const cluster = createDefaultCluster(1);
    const ports = Array.from({ length: 2768 }, (_, i) => ({ name: `p${i}`, port: 1000 + i }));
    const all = create(cluster, service('all', { type: 'NodePort', ports }));
    expect(new Set(all.spec.ports!.map((p) => p.nodePort)).size).toBe(2768);
    const result = cluster.api.create(service('more', { type: 'NodePort' }), 'default');
    expect(result.ok ? '' : `${result.error.reason}: ${result.error.message}`).toBe(
      'InternalError: Internal error occurred: failed to allocate a nodePort: range is full',
    );
    // ClusterIP Services still get addresses
    expect(create(cluster, service('cip')).spec.clusterIP).toMatch(/^10\./);
  });

  test('a refused create holds nothing: not after validation, not after a later port clash', () => {
    const cluster = createDefaultCluster(1);
    create(cluster, service('fixed', { type: 'NodePort', ports: [{ port: 80, nodePort: 31000 }] }));
    const badName = cluster.api.create(service('Bad', { clusterIP: '10.96.0.77', type: 'NodePort' }), 'default');
    expect(badName.ok).toBe(false);
    const clash = cluster.api.create(
      service('clash', { clusterIP: '10.96.0.78', type: 'NodePort', ports: [{ port: 80, nodePort: 31000 }] }),
      'default',
    );
    expect(clash.ok ? '' : clash.error.message).toBe(
      'Service "clash" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated',
    );
    expect(create(cluster, service('a', { clusterIP: '10.96.0.77' })).spec.clusterIP).toBe('10.96.0.77');
    expect(create(cluster, service('b', { clusterIP: '10.96.0.78' })).spec.clusterIP).toBe('10.96.0.78');
    // a refused update does not hold the node port it asked for
    const fixed = cluster.api.get<Service>('Service', 'default', 'fixed')!;
    const refused = cluster.api.update({
      ...fixed,
      spec: { ...fixed.spec, ports: [{ port: 80, nodePort: 31001 }], sessionAffinity: 'Sticky' as 'None' },
    });
    expect(refused.ok).toBe(false);
    const np = create(cluster, service('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 31001 }] }));
    expect(np.spec.ports![0]!.nodePort).toBe(31001);
  });

  test('a deleted Service frees its address and ports for the next one', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service nodeport np --tcp=80 --node-port=30080 --dry-run=client -o jsonpath={.spec.ports[0].nodePort}
kubectl create service nodeport np --tcp=80 --node-port=30080
kubectl get svc np -o jsonpath={.spec.clusterIP}
kubectl create service nodeport again --tcp=80 --node-port=30080
kubectl delete svc np
kubectl create service nodeport again --tcp=80 --node-port=30080
kubectl create service clusterip reuse --tcp=80 --clusterip=10.106.36.156
kubectl get svc
`),
    ).toBe(`$ kubectl create service nodeport np --tcp=80 --node-port=30080 --dry-run=client -o jsonpath={.spec.ports[0].nodePort}
30080$ kubectl create service nodeport np --tcp=80 --node-port=30080
service/np created
$ kubectl get svc np -o jsonpath={.spec.clusterIP}
10.106.36.156$ kubectl create service nodeport again --tcp=80 --node-port=30080
error: failed to create NodePort service: Service "again" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated
[exit 1]
$ kubectl delete svc np
service "np" deleted from default namespace
$ kubectl create service nodeport again --tcp=80 --node-port=30080
service/again created
$ kubectl create service clusterip reuse --tcp=80 --clusterip=10.106.36.156
service/reuse created
$ kubectl get svc
NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE
again        NodePort    10.101.209.74   <none>        80:30080/TCP   0s
kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP        5m
reuse        ClusterIP   10.106.36.156   <none>        80/TCP         0s
`);
  });

  test('type changes: NodePort ↔ ClusterIP ↔ ExternalName, LoadBalancer with externalTrafficPolicy Local', async () => {
    const k = kubectlSession();
    const manifest = (type: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  selector:
    app: web
  ports:
  - port: 80
${extra}`;
    await k.run(`cat <<EOF > np.yaml
${manifest('NodePort')}EOF
cat <<EOF > np8080.yaml
${manifest('NodePort').replace('port: 80', 'port: 8080')}EOF
cat <<EOF > cip.yaml
${manifest('ClusterIP')}EOF
cat <<EOF > lb.yaml
${manifest('LoadBalancer', '  externalTrafficPolicy: Local\n')}EOF
cat <<EOF > en.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ExternalName
  externalName: example.com
EOF`);
    const show =
      'kubectl get svc web -o jsonpath=\'{.spec.type} {.spec.clusterIP} {.spec.ports[*].nodePort} {.spec.healthCheckNodePort}{"\\n"}\'';
    expect(
      await k.transcript(`
kubectl apply -f np.yaml
${show}
kubectl apply -f np.yaml
kubectl apply -f np8080.yaml
${show}
P=$(kubectl get svc web -o jsonpath={.spec.ports[0].nodePort})
kubectl apply -f cip.yaml
${show}
kubectl create service nodeport taker --tcp=80 --node-port=$P
kubectl apply -f np.yaml
${show}
kubectl apply -f lb.yaml
${show}
kubectl apply -f np.yaml
${show}
IP=$(kubectl get svc web -o jsonpath={.spec.clusterIP})
kubectl apply -f en.yaml
kubectl get svc web
kubectl create service clusterip taker2 --tcp=80 --clusterip=$IP
kubectl apply -f cip.yaml
${show}
`),
    ).toBe(`$ kubectl apply -f np.yaml
service/web created
$ ${show}
NodePort 10.106.36.156 30668 
$ kubectl apply -f np.yaml
service/web unchanged
$ kubectl apply -f np8080.yaml
service/web configured
$ ${show}
NodePort 10.106.36.156 30668 
$ P=$(kubectl get svc web -o jsonpath={.spec.ports[0].nodePort})
$ kubectl apply -f cip.yaml
service/web configured
$ ${show}
ClusterIP 10.106.36.156  
$ kubectl create service nodeport taker --tcp=80 --node-port=$P
service/taker created
$ kubectl apply -f np.yaml
service/web configured
$ ${show}
NodePort 10.106.36.156 30919 
$ kubectl apply -f lb.yaml
service/web configured
$ ${show}
LoadBalancer 10.106.36.156 30919 30817
$ kubectl apply -f np.yaml
service/web configured
$ ${show}
NodePort 10.106.36.156 30919 
$ IP=$(kubectl get svc web -o jsonpath={.spec.clusterIP})
$ kubectl apply -f en.yaml
service/web configured
$ kubectl get svc web
NAME   TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
web    ExternalName   <none>       example.com   <none>    0s
$ kubectl create service clusterip taker2 --tcp=80 --clusterip=$IP
service/taker2 created
$ kubectl apply -f cip.yaml
service/web configured
$ ${show}
ClusterIP 10.110.248.26  
`);
  });

  test('cluster IPs are immutable; a PUT without what was allocated keeps it', () => {
    const cluster = createDefaultCluster(1);
    const web = create(cluster, service('web'));
    const changed = cluster.api.update({ ...web, spec: { ...web.spec, clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] } });
    expect(changed.ok ? '' : changed.error.message).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set',
    );
    // a PUT that leaves the allocated address out keeps it, as kubectl replace of the same file does
    const { clusterIP: _ip, clusterIPs: _ips, ...rest } = web.spec;
    void [_ip, _ips];
    const kept = cluster.api.update<Service>({ ...web, spec: rest });
    expect(kept.ok && kept.object.spec.clusterIP).toBe(web.spec.clusterIP);
    // and the node ports and health check node port it holds
    const lb = create(cluster, service('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }));
    const { healthCheckNodePort: _hc, ...lbSpec } = lb.spec;
    void _hc;
    const bare = { ...lb, spec: { ...lbSpec, ports: [{ port: 80 }] } };
    const same = cluster.api.update<Service>(bare);
    expect(same.ok && [same.object.spec.ports![0]!.nodePort, same.object.spec.healthCheckNodePort]).toEqual([
      lb.spec.ports![0]!.nodePort,
      lb.spec.healthCheckNodePort,
    ]);
  });

  test('to ClusterIP with a port removed: the node ports go, as no new one was asked for', () => {
    const cluster = createDefaultCluster(1);
    const ports = [
      { name: 'a', port: 80 },
      { name: 'b', port: 81 },
    ];
    const np = create(cluster, service('np', { type: 'NodePort', ports }));
    const held = np.spec.ports!.map((p) => p.nodePort!);
    const result = cluster.api.update<Service>({ ...np, spec: { ...np.spec, type: 'ClusterIP', ports: [np.spec.ports![0]!] } });
    expect(result.ok && result.object.spec.ports).toEqual([{ name: 'a', port: 80, protocol: 'TCP', targetPort: 80 }]);
    const taker = create(
      cluster,
      service('taker', { type: 'NodePort', ports: held.map((nodePort, i) => ({ port: 90 + i, name: `p${i}`, nodePort })) }),
    );
    expect(taker.spec.ports!.map((p) => p.nodePort)).toEqual(held);
  });

  test('a server-side dry run answers with the dry-run allocators’ values and stores nothing', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service nodeport np --tcp=80,81 --dry-run=server -o jsonpath='{.spec.clusterIP} {.spec.ports[*].nodePort}'
kubectl create service nodeport np --tcp=80 --node-port=30080 --dry-run=server
kubectl get svc np
kubectl create service clusterip x --tcp=80 --clusterip=10.112.0.1 --dry-run=server
`),
    )
      .toBe(`$ kubectl create service nodeport np --tcp=80,81 --dry-run=server -o jsonpath='{.spec.clusterIP} {.spec.ports[*].nodePort}'
10.96.0.0 32769 32770$ kubectl create service nodeport np --tcp=80 --node-port=30080 --dry-run=server
service/np created (server dry run)
$ kubectl get svc np
Error from server (NotFound): services "np" not found
[exit 1]
$ kubectl create service clusterip x --tcp=80 --clusterip=10.112.0.1 --dry-run=server
error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.112.0.1"]: failed to allocate IP 10.112.0.1: the provided IP (10.112.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12
[exit 1]
`);
  });
});
