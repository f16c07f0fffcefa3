// reachable-outside: node ports on every node, a LoadBalancer's external IP, and why not
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade } from './testing.ts';

const cluster = await clusterAfter(`kubectl create deployment who --image=traefik/whoami --replicas=3 --port=80
kubectl expose deployment who --name=lb --type=LoadBalancer --port=8080 --target-port=80
cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: { name: np }
spec:
  type: NodePort
  selector: { app: who }
  ports: [{ port: 80, nodePort: 30080 }]
---
apiVersion: v1
kind: Service
metadata: { name: classy }
spec:
  type: LoadBalancer
  loadBalancerClass: example.com/other
  selector: { app: who }
  ports: [{ port: 80 }]
EOF
`);

describe('reachable-outside via node-port', () => {
  test('every node answers on a node port, whatever Service type opened it', () => {
    expect(grade(cluster, { type: 'reachable-outside', via: 'node-port', port: 30080, backend: { deployment: 'who' } })).toEqual({
      pass: true,
    });
    const lbNodePort = cluster.api.get<import('../sim/api/types.ts').Service>('Service', 'default', 'lb')!.spec.ports![0]!
      .nodePort!;
    expect(grade(cluster, { type: 'reachable-outside', via: 'node-port', port: lbNodePort })).toEqual({ pass: true });
  });

  test('a node port no Service has: the Services that select the pods, with their node ports', () => {
    expect(grade(cluster, { type: 'reachable-outside', via: 'node-port', port: 31000, backend: { deployment: 'who' } })).toEqual({
      pass: false,
      diagnosis:
        'From outside the cluster, port 31000 was refused on every node: no Service has node port 31000; the Services that select the pods of Deployment `who` have node ports 30817 (`classy`), 30668 (`lb`) and 30080 (`np`).',
      hint: 'Set `nodePort: 31000` on the port of the Service meant to be reached.',
    });
  });
});

describe('reachable-outside via load-balancer', () => {
  test('passes at the external IP the provider handed out', () => {
    expect(
      grade(cluster, {
        type: 'reachable-outside',
        via: 'load-balancer',
        service: { name: 'lb' },
        port: 8080,
        backend: { deployment: 'who' },
      }),
    ).toEqual({
      pass: true,
    });
  });

  test('a port the Service does not have', () => {
    expect(grade(cluster, { type: 'reachable-outside', via: 'load-balancer', service: { name: 'lb' }, port: 80 })).toEqual({
      pass: false,
      diagnosis:
        'From outside the cluster, http://172.18.255.200:80/ got no answer: Service `lb` has no port 80 (its ports: 8080), so nothing answers on 80.',
      hint: "Set the Service's `port` to 80: that is the port clients connect to; `targetPort` is the one the pods listen on.",
    });
  });

  test('a load balancer nobody implements stays pending', () => {
    expect(
      grade(cluster, { type: 'reachable-outside', via: 'load-balancer', service: { name: 'classy' }, port: 80 }).diagnosis,
    ).toBe(
      'From outside the cluster, Service `classy` cannot be reached: Service `classy` names loadBalancerClass `example.com/other`, which no load-balancer implementation in this cluster serves, so its EXTERNAL-IP stays <pending>.',
    );
  });

  test('a Service of another type, and a cluster without a provider', async () => {
    expect(grade(cluster, { type: 'reachable-outside', via: 'load-balancer', service: { name: 'np' }, port: 80 }).diagnosis).toBe(
      'From outside the cluster, Service `np` cannot be reached: Service `np` is type NodePort; only a LoadBalancer Service gets an external IP.',
    );
    const onPremises = await clusterAfter(
      'kubectl create deployment who --image=traefik/whoami --port=80\nkubectl expose deployment who --type=LoadBalancer --port=80\n',
      {
        preset: 'on-premises',
      },
    );
    expect(grade(onPremises, { type: 'reachable-outside', via: 'load-balancer', service: { name: 'who' }, port: 80 })).toEqual({
      pass: false,
      diagnosis:
        "From outside the cluster, Service `who` cannot be reached: this cluster has no load-balancer provider, so Service `who`'s EXTERNAL-IP stays <pending>.",
      hint: 'Reach it through its node port instead.',
    });
  });
});
