import { describe, expect, test } from 'vitest';
import { CLUSTER_CA_CERT } from '../controllers/namespace-defaults.ts';
import { runKubectlScript } from '../testing/kubectl-session.ts';

const DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;

describe("the API access volume inside a pod's containers", () => {
  test('token, ca.crt and namespace are where the mount says, the namespace without a newline and the CA the cluster publishes', async () => {
    const r = await runKubectlScript(`kubectl create namespace shop
kubectl run web --image=nginx -n shop
kubectl wait --for=condition=Ready pod/web -n shop
kubectl exec web -n shop -- ls ${DIR}
kubectl exec web -n shop -- cat ${DIR}/namespace
echo
kubectl exec web -n shop -- cat ${DIR}/ca.crt > ca.crt
kubectl get configmap kube-root-ca.crt -n shop -o jsonpath='{.data.ca\\.crt}' > published.crt
`);
    expect(r.output).toBe('namespace/shop created\npod/web created\npod/web condition met\nca.crt\nnamespace\ntoken\nshop\n');
    expect(r.session.current.fs.readFile('ca.crt')).toBe(CLUSTER_CA_CERT);
    expect(r.session.current.fs.readFile('published.crt')).toBe(CLUSTER_CA_CERT);
  });

  test('the token is a JWT with the claims a bound token carries for this pod, its node and its account', async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl wait --for=condition=Ready pod/web
kubectl exec web -- cat ${DIR}/token
echo
kubectl get pod web -o jsonpath='{.metadata.uid} {.spec.nodeName} {.status.startTime}{"\\n"}'
kubectl get node $(kubectl get pod web -o jsonpath='{.spec.nodeName}') -o jsonpath='{.metadata.uid}{"\\n"}'
kubectl get serviceaccount default -o jsonpath='{.metadata.uid}{"\\n"}'
`);
    const [, , token = '', podLine = '', nodeUid = '', accountUid = ''] = r.output.split('\n');
    const [podUid, nodeName] = podLine.split(' ');
    const [header = '', payload = '', signature = ''] = token.split('.');
    expect(decode(header)).toEqual({ alg: 'RS256', kid: 'kS9vbl1m0DqkXWj2yQdS2eZg7cTuLkD-3wVq0xR8nYs' });
    const claims = decode(payload) as { iat: number; jti: string };
    const issuer = 'https://kubernetes.default.svc.cluster.local';
    expect(claims).toEqual({
      aud: [issuer],
      exp: claims.iat + 31_536_000,
      iat: claims.iat,
      iss: issuer,
      jti: claims.jti,
      'kubernetes.io': {
        namespace: 'default',
        node: { name: nodeName, uid: nodeUid },
        pod: { name: 'web', uid: podUid },
        serviceaccount: { name: 'default', uid: accountUid },
        warnafter: claims.iat + 3607,
      },
      nbf: claims.iat,
      sub: 'system:serviceaccount:default:default',
    });
    // go-jose writes the claims with sorted keys
    expect(Object.keys(claims)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Buffer.from(signature, 'base64url')).toHaveLength(256);
  });

  test('a pod that turns automounting off has none of it', async () => {
    const r = await runKubectlScript(`kubectl apply -f - <<END
apiVersion: v1
kind: Pod
metadata:
  name: quiet
spec:
  automountServiceAccountToken: false
  containers:
  - name: app
    image: nginx
END
kubectl wait --for=condition=Ready pod/quiet
kubectl exec quiet -- ls ${DIR}
`);
    expect(r.output).toBe(
      `pod/quiet created\npod/quiet condition met\nls: cannot access '${DIR}': No such file or directory\ncommand terminated with exit code 2\n`,
    );
  });
});
