// requests inside the cluster: service-routes (every or N replicas), http-get, reaches-host
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade, HOSTNAME_AND_CLIENT } from './testing.ts';

const cluster = await clusterAfter(`${HOSTNAME_AND_CLIENT}kubectl create deployment other --image=nginx --replicas=2
kubectl create deployment broken --image=ngnix --replicas=2
kubectl run sleepy --image=curlimages/curl
kubectl expose deployment hostname --name=web --port=8080 --target-port=80
kubectl label pod hostname-664cc4c7d8-695tm extra=yes
cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: { name: others }
spec:
  selector: { app: other }
  ports: [{ port: 8080, targetPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: subset }
spec:
  selector: { app: hostname, extra: 'yes' }
  ports: [{ port: 8080, targetPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: local }
spec:
  selector: { app: hostname }
  internalTrafficPolicy: Local
  ports: [{ port: 8080, targetPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: named }
spec:
  selector: { app: hostname }
  ports: [{ port: 8080, targetPort: http }]
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec: { type: ExternalName, externalName: my.database.com }
---
apiVersion: v1
kind: Service
metadata: { name: api }
spec: { type: ExternalName, externalName: api.example.com }
EOF
`);

function routes(url: string, backend: object = { deployment: 'hostname' }, replicas: unknown = 'all', from = 'client') {
  return grade(cluster, { type: 'service-routes', from: { pod: from }, url, replicas, backend });
}

describe('service-routes', () => {
  test('passes for every replica, at least N, by Deployment or by selector, by short or longer name', () => {
    expect(routes('http://web:8080/')).toEqual({ pass: true });
    expect(routes('http://web.default.svc.cluster.local:8080/', { selector: { app: 'hostname' } })).toEqual({ pass: true });
    expect(routes('http://subset:8080/', { deployment: 'hostname' }, 1)).toEqual({ pass: true });
  });

  test('a Service that reaches other pods than the replicas', () => {
    expect(routes('http://others:8080/')).toEqual({
      pass: false,
      diagnosis:
        'From pod `client`, http://others:8080/ was answered by `other-786897fd9d-kp87h` and `other-786897fd9d-xdgmq`, which are not among the pods of Deployment `hostname`: Service `others` selects `app=other`, which matches pods `other-786897fd9d-kp87h` and `other-786897fd9d-xdgmq`, not the pods of Deployment `hostname` (labelled `app=hostname`).',
      hint: "Set the Service's selector to the pods' labels: `app: hostname`.",
    });
  });

  test('a selector only some replicas carry', () => {
    expect(routes('http://subset:8080/')).toEqual({
      pass: false,
      diagnosis:
        'From pod `client`, 45 requests to http://subset:8080/ reached only 1 of 3 replicas; `hostname-664cc4c7d8-jdmtt` and `hostname-664cc4c7d8-p5sc6` never answered: Service `subset` selects `app=hostname,extra=yes`, which only 1 pod of 3 carry; `hostname-664cc4c7d8-jdmtt` and `hostname-664cc4c7d8-p5sc6` are left out.',
      hint: "Select on a label every replica carries, such as the Deployment template's own labels.",
    });
  });

  test('internalTrafficPolicy Local keeps a client on its own node', () => {
    expect(routes('http://local:8080/')).toEqual({
      pass: false,
      diagnosis:
        'From pod `client`, 45 requests to http://local:8080/ reached only 1 of 3 replicas; `hostname-664cc4c7d8-jdmtt` and `hostname-664cc4c7d8-p5sc6` never answered: Service `local` has internalTrafficPolicy Local, so a client only reaches the replicas on its own node.',
      hint: 'Leave internalTrafficPolicy at Cluster.',
    });
  });

  test('a named targetPort no container declares', () => {
    expect(routes('http://named:8080/')).toEqual({
      pass: false,
      diagnosis:
        'From pod `client`, http://named:8080/ was refused: Service `named` forwards to targetPort `http`, but no container port of the selected pods is named `http` (their ports: `80`), so it has 0 endpoints.',
      hint: 'Name the containerPort in the pod template, or use the port number as targetPort.',
    });
  });

  test('an ExternalName Service never reaches pods', () => {
    expect(routes('http://db:8080/').diagnosis).toBe(
      'From pod `client`, http://db:8080/ was refused: Service `db` is an ExternalName Service (a DNS alias for `my.database.com`), so it never forwards traffic to pods.',
    );
  });

  test('replicas that are not ready, and a client that is not running', () => {
    expect(routes('http://web:8080/', { deployment: 'broken' })).toEqual({
      pass: false,
      diagnosis:
        'The pods of Deployment `broken` are not ready (`broken-7bff546465-2zlmq` is ImagePullBackOff and `broken-7bff546465-js4xh` is ImagePullBackOff): image `ngnix` of container `ngnix` cannot be pulled (ImagePullBackOff): no such image exists.',
      hint: 'The replicas must run before a Service can reach them: check `kubectl get pods` and `kubectl describe pod`.',
    });
    expect(routes('http://web:8080/', { deployment: 'hostname' }, 'all', 'sleepy').diagnosis).toBe(
      'Pod `sleepy` is not running (Error), so it cannot send requests.',
    );
  });
});

describe('http-get', () => {
  test('checks the status, the page and who answered', () => {
    expect(
      grade(cluster, { type: 'http-get', from: { pod: 'client' }, url: 'http://web:8080/', bodyIncludes: 'Hello,  hostname-' }),
    ).toEqual({ pass: true });
    expect(
      grade(cluster, { type: 'http-get', from: { pod: 'client' }, url: 'http://web:8080/', servedBy: { pod: 'client' } })
        .diagnosis,
    ).toMatch(
      /^From container `client` of pod `client`, http:\/\/web:8080\/ answered, but it was answered by `hostname-664cc4c7d8-\w{5}`, not pod `client`\.$/,
    );
  });

  test('an alias to an outside host that serves by name gets its 404', () => {
    expect(grade(cluster, { type: 'http-get', from: { pod: 'client' }, url: 'http://db/' })).toEqual({
      pass: false,
      diagnosis:
        "From container `client` of pod `client`, http://db/ answered, but the answer was HTTP 404, not 200 (the outside host `my.database.com` serves by name, and the request's Host header says `db`).",
      hint: 'Check which server answers on that port.',
    });
  });
});

describe('reaches-host', () => {
  test('follows an alias to the outside host', () => {
    expect(
      grade(cluster, { type: 'reaches-host', from: { pod: 'client' }, host: 'db', port: 5432, external: 'my.database.com' }),
    ).toEqual({ pass: true });
  });

  test('an alias for another host, and a port the host does not serve', () => {
    expect(
      grade(cluster, { type: 'reaches-host', from: { pod: 'client' }, host: 'api', port: 80, external: 'my.database.com' }),
    ).toEqual({
      pass: false,
      diagnosis:
        'From pod `client`, `api:80` reached `api.example.com`: Service `api` is an ExternalName for `api.example.com`, not `my.database.com`.',
      hint: 'Set `externalName: my.database.com` (check the spelling).',
    });
    expect(
      grade(cluster, { type: 'reaches-host', from: { pod: 'client' }, host: 'db', port: 3306, external: 'my.database.com' })
        .diagnosis,
    ).toBe('From pod `client`, `db:3306` was refused: the outside host `my.database.com` (203.0.113.10) refuses port 3306.');
  });
});
