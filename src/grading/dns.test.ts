// dns-resolves: a ClusterIP, the pods' IPs of a headless Service, a CNAME to an outside host
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade } from './testing.ts';

const cluster = await clusterAfter(`kubectl create deployment who --image=traefik/whoami --replicas=3 --port=80
kubectl run client --image=busybox -- sleep 3600
kubectl expose deployment who --port=80
kubectl create namespace prod
kubectl create service externalname db -n prod --external-name my.database.com
cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: { name: headless }
spec:
  clusterIP: None
  selector: { app: who }
  ports: [{ port: 80 }]
EOF
`);

const from = { pod: 'client' };

describe('dns-resolves', () => {
  test('a short name, a name in another namespace, and a headless name', () => {
    expect(
      grade(cluster, { type: 'dns-resolves', from, name: 'who', expect: { kind: 'cluster-ip', service: { name: 'who' } } }),
    ).toEqual({ pass: true });
    expect(
      grade(cluster, { type: 'dns-resolves', from, name: 'db.prod', expect: { kind: 'cname', target: 'my.database.com' } }),
    ).toEqual({ pass: true });
    expect(
      grade(cluster, {
        type: 'dns-resolves',
        from,
        name: 'headless',
        expect: { kind: 'pod-ips', service: { name: 'headless' } },
      }),
    ).toEqual({ pass: true });
  });

  test('a Service with a ClusterIP is not headless', () => {
    expect(
      grade(cluster, { type: 'dns-resolves', from, name: 'who', expect: { kind: 'pod-ips', service: { name: 'who' } } }),
    ).toEqual({
      pass: false,
      diagnosis:
        "From pod `client`, `who` resolves to 10.106.36.156: Service `who` has a ClusterIP (10.106.36.156), so its name gives that one virtual address, not the pods' IPs.",
      hint: 'Set `clusterIP: None` to make the Service headless (the field cannot be changed in place: delete and recreate it).',
    });
  });

  test('a headless Service has no ClusterIP to give', () => {
    expect(
      grade(cluster, {
        type: 'dns-resolves',
        from,
        name: 'headless',
        expect: { kind: 'cluster-ip', service: { name: 'headless' } },
      }).diagnosis,
    ).toMatch(
      /^From pod `client`, `headless` resolves to 10\.244\.\d\.\d, 10\.244\.\d\.\d and 10\.244\.\d\.\d: Service `headless` is headless \(clusterIP: None\), so its name gives the pods' own addresses rather than one virtual IP\.$/,
    );
  });

  test('a short name does not cross namespaces', () => {
    expect(
      grade(cluster, { type: 'dns-resolves', from, name: 'db', expect: { kind: 'cname', target: 'my.database.com' } }),
    ).toEqual({
      pass: false,
      diagnosis:
        "From pod `client`, `db` does not resolve: there is no Service `db` in namespace `default`; there is one in `prod`, and a short name only finds Services in the client's own namespace.",
      hint: 'Create the Service in namespace `default` (metadata.namespace), or ask for it by `db.prod`.',
    });
  });
});
