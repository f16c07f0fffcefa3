// client-ip: externalTrafficPolicy Cluster masquerades the client, Local keeps its address
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade } from './testing.ts';

const cluster = await clusterAfter(`kubectl create deployment who --image=traefik/whoami --replicas=3 --port=80
kubectl expose deployment who --name=lb --type=LoadBalancer --port=8080 --target-port=80
cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: { name: cluster }
spec:
  type: NodePort
  selector: { app: who }
  ports: [{ port: 80, nodePort: 30080 }]
---
apiVersion: v1
kind: Service
metadata: { name: local }
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: { app: who }
  ports: [{ port: 80, nodePort: 30081 }]
EOF
`);

describe('client-ip', () => {
  test('Local keeps the client address, Cluster does not', () => {
    expect(grade(cluster, { type: 'client-ip', via: 'node-port', port: 30081, preserved: true })).toEqual({ pass: true });
    expect(grade(cluster, { type: 'client-ip', via: 'node-port', port: 30080, preserved: false })).toEqual({ pass: true });
  });

  test('under Cluster the pods see node addresses: SNAT', () => {
    expect(
      grade(cluster, { type: 'client-ip', via: 'load-balancer', service: { name: 'lb' }, port: 8080, preserved: true }),
    ).toEqual({
      pass: false,
      diagnosis:
        'Requests from your machine (172.18.0.1) reached the pods as coming from 10.244.1.1, 10.244.2.1 and 172.18.0.3: Service `lb` has externalTrafficPolicy Cluster, so the node that takes a request rewrites its source address (SNAT) to send the reply back through itself.',
      hint: 'Set `externalTrafficPolicy: Local`: nodes then deliver only to their own pods and keep the client address.',
    });
  });

  test('under Local the pods see the client where a lesson wants them not to', () => {
    expect(grade(cluster, { type: 'client-ip', via: 'node-port', port: 30081, preserved: false })).toEqual({
      pass: false,
      diagnosis:
        "The pods saw your machine's own address (172.18.0.1): Service `local` has externalTrafficPolicy Local, which delivers to local pods without rewriting the source address.",
      hint: 'Leave externalTrafficPolicy at Cluster to spread requests over every node (at the cost of the client address).',
    });
  });

  test('nothing on the port at all', () => {
    expect(grade(cluster, { type: 'client-ip', via: 'node-port', port: 31999, preserved: true }).diagnosis).toBe(
      'From outside the cluster, no request on port 31999 reached a pod: no Service has node port 31999; the Services in `default` have node ports 30080 (`cluster`), 30668 (`lb`) and 30081 (`local`).',
    );
  });
});
