// every namespace's default ServiceAccount and kube-root-ca.crt ConfigMap, and the ServiceAccount
// admission plugin, as a learner meets them through kubectl: the API access volume each pod gets,
// an account that does not exist refusing the pod (or a ReplicaSet's pods), automounting turned
// off, mirror pods left alone, and a second apply of a pod keeping what admission added
import { describe, expect, test } from 'vitest';
import { kubectlSession, type KubectlSession } from '../kubectl/verbs/session.test-helper.ts';
import { CLUSTER_CA_CERT } from './namespace-defaults.ts';

async function withFiles(files: Record<string, string>): Promise<KubectlSession> {
  const k = kubectlSession();
  for (const [name, content] of Object.entries(files)) await k.run(`cat <<EOF > ${name}\n${content}EOF`);
  return k;
}

const ROBOT = `apiVersion: v1
kind: Pod
metadata:
  name: robot
spec:
  serviceAccountName: robot
  containers:
  - name: app
    image: nginx
`;

const QUIET = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: quiet
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata:
  name: quiet
spec:
  serviceAccountName: quiet
  containers:
  - name: app
    image: nginx
`;

const STILL = `apiVersion: v1
kind: Pod
metadata:
  name: still
spec:
  automountServiceAccountToken: false
  containers:
  - name: app
    image: nginx
`;

const OWN_MOUNT = `apiVersion: v1
kind: Pod
metadata:
  name: own
spec:
  volumes:
  - name: mine
    emptyDir: {}
  containers:
  - name: keeps
    image: nginx
    volumeMounts:
    - name: mine
      mountPath: /var/run/secrets/kubernetes.io/serviceaccount
  - name: gets
    image: busybox
    command: ["sleep", "3600"]
`;

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

describe('each namespace has a default ServiceAccount and the kube-root-ca.crt ConfigMap', () => {
  test('in the namespaces a cluster starts with and in new ones; put back when deleted or changed, gone with their namespace', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl get sa,cm
kubectl describe sa default
kubectl create namespace team
kubectl get sa,cm -n team
kubectl delete sa default
kubectl get sa
kubectl delete cm kube-root-ca.crt -n team
kubectl get cm -n team
kubectl delete namespace team
kubectl get sa,cm -n team
`),
    ).toBe(`$ kubectl get sa,cm
NAME                     SECRETS   AGE
serviceaccount/default   0         5m

NAME                         DATA   AGE
configmap/kube-root-ca.crt   1      5m
$ kubectl describe sa default
Name:                default
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
$ kubectl create namespace team
namespace/team created
$ kubectl get sa,cm -n team
NAME                     SECRETS   AGE
serviceaccount/default   0         0s

NAME                         DATA   AGE
configmap/kube-root-ca.crt   1      0s
$ kubectl delete sa default
serviceaccount "default" deleted from default namespace
$ kubectl get sa
NAME      SECRETS   AGE
default   0         0s
$ kubectl delete cm kube-root-ca.crt -n team
configmap "kube-root-ca.crt" deleted from team namespace
$ kubectl get cm -n team
NAME               DATA   AGE
kube-root-ca.crt   1      0s
$ kubectl delete namespace team
namespace "team" deleted
$ kubectl get sa,cm -n team
No resources found in team namespace.
`);
  });

  test('the ConfigMap holds the cluster CA under its description; a changed copy is set back', async () => {
    const k = kubectlSession();
    await k.run(
      `kubectl patch cm kube-root-ca.crt -p '{"data":{"extra":"x"},"metadata":{"annotations":{"kubernetes.io/description":"mine","team":"a"}}}'`,
    );
    const t = await k.run(`kubectl get cm kube-root-ca.crt -o jsonpath='{.data}{"\\n"}{.metadata.annotations}'`);
    expect(t.output).toBe(
      JSON.stringify({ 'ca.crt': CLUSTER_CA_CERT }) +
        '\n' +
        JSON.stringify({
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
          team: 'a',
        }),
    );
    expect(CLUSTER_CA_CERT).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
  });
});

describe('the ServiceAccount admission plugin', () => {
  test('a pod gets the API access volume, mounted read-only in its container: describe and -o yaml show it', async () => {
    const k = await withFiles({ 'web.yaml': WEB });
    await k.run('kubectl apply -f web.yaml');
    const yaml = (await k.run('kubectl get pod web -o yaml')).output;
    expect(yaml).toContain(`    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-blsbb
      readOnly: true
  dnsPolicy: ClusterFirst
`);
    expect(yaml).toContain(`  serviceAccount: default
  serviceAccountName: default
`);
    expect(yaml).toContain(`  volumes:
  - name: kube-api-access-blsbb
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
      - configMap:
          items:
          - key: ca.crt
            path: ca.crt
          name: kube-root-ca.crt
      - downwardAPI:
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
            path: namespace
status:
`);
    const described = (await k.run('kubectl describe pod web')).output;
    expect(described).toContain(`    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-blsbb (ro)
`);
    expect(described).toContain(`Volumes:
  kube-api-access-blsbb:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
`);
  });

  test('applying the same pod again leaves it unchanged, and a new image keeps the mount admission added', async () => {
    const k = await withFiles({ 'web.yaml': WEB });
    expect(
      await k.transcript(`
kubectl apply -f web.yaml
kubectl apply -f web.yaml
sed -i s/1.27/1.28/ web.yaml
kubectl apply -f web.yaml
kubectl get pod web -o jsonpath='{.spec.containers[0].image}{"\\n"}{.spec.containers[0].volumeMounts[*].name}{"\\n"}'
`),
    ).toBe(`$ kubectl apply -f web.yaml
pod/web created
$ kubectl apply -f web.yaml
pod/web unchanged
$ sed -i s/1.27/1.28/ web.yaml
$ kubectl apply -f web.yaml
pod/web configured
$ kubectl get pod web -o jsonpath='{.spec.containers[0].image}{"\\n"}{.spec.containers[0].volumeMounts[*].name}{"\\n"}'
nginx:1.28
kube-api-access-blsbb
`);
  });

  test('an account that does not exist refuses the pod, and a ReplicaSet says so in its events with the pod name prefix', async () => {
    const k = await withFiles({ 'robot.yaml': ROBOT });
    expect(
      await k.transcript(`
kubectl apply -f robot.yaml
kubectl create deployment bot --image=nginx
kubectl patch deployment bot -p '{"spec":{"template":{"spec":{"serviceAccountName":"robot"}}}}'
sleep 5
kubectl get rs -l app=bot
kubectl get events --field-selector reason=FailedCreate
`),
    ).toBe(`$ kubectl apply -f robot.yaml
Error from server (Forbidden): error when creating "robot.yaml": pods "robot" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found
[exit 1]
$ kubectl create deployment bot --image=nginx
deployment.apps/bot created
$ kubectl patch deployment bot -p '{"spec":{"template":{"spec":{"serviceAccountName":"robot"}}}}'
deployment.apps/bot patched
$ sleep 5
$ kubectl get rs -l app=bot
NAME             DESIRED   CURRENT   READY   AGE
bot-5cf85dfbf9   1         1         1       5s
bot-7c4f797dd8   1         0         0       5s
$ kubectl get events --field-selector reason=FailedCreate
LAST SEEN   TYPE      REASON         OBJECT                      MESSAGE
5s          Warning   FailedCreate   replicaset/bot-7c4f797dd8   Error creating: pods "bot-7c4f797dd8-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found
`);
  });

  test('automounting turned off (on the account, or on the pod) adds nothing; a container with its own mount there keeps it', async () => {
    const k = await withFiles({ 'quiet.yaml': QUIET, 'still.yaml': STILL, 'own.yaml': OWN_MOUNT });
    expect(
      await k.transcript(`
kubectl apply -f quiet.yaml
kubectl get pod quiet -o jsonpath={.spec.volumes}
kubectl apply -f still.yaml
kubectl get pod still -o jsonpath={.spec.volumes}
kubectl apply -f own.yaml
kubectl get pod own -o jsonpath='{range .spec.containers[*]}{.name}: {.volumeMounts[*].name}{"\\n"}{end}{.spec.volumes[*].name}{"\\n"}'
`),
    ).toBe(`$ kubectl apply -f quiet.yaml
serviceaccount/quiet created
pod/quiet created
$ kubectl get pod quiet -o jsonpath={.spec.volumes}
$ kubectl apply -f still.yaml
pod/still created
$ kubectl get pod still -o jsonpath={.spec.volumes}
$ kubectl apply -f own.yaml
pod/own created
$ kubectl get pod own -o jsonpath='{range .spec.containers[*]}{.name}: {.volumeMounts[*].name}{"\\n"}{end}{.spec.volumes[*].name}{"\\n"}'
keeps: mine
gets: kube-api-access-blsbb
mine kube-api-access-blsbb
`);
  });

  test('the system pods run as their own accounts; the mirror pods of the control plane run as none', async () => {
    const k = kubectlSession();
    expect(
      (
        await k.run(
          "kubectl get pods -n kube-system -o custom-columns='NAME:.metadata.name,SA:.spec.serviceAccountName,SOURCE:.metadata.annotations.kubernetes\\.io/config\\.source'",
        )
      ).output,
    ).toBe(`NAME                                         SA           SOURCE
coredns-64586ddcf8-6j2qz                     coredns      <none>
coredns-64586ddcf8-xgx2f                     coredns      <none>
etcd-kind-control-plane                      <none>       file
kindnet-9rdft                                kindnet      <none>
kindnet-nzqwk                                kindnet      <none>
kindnet-xfzpj                                kindnet      <none>
kube-apiserver-kind-control-plane            <none>       file
kube-controller-manager-kind-control-plane   <none>       file
kube-proxy-6bfqt                             kube-proxy   <none>
kube-proxy-6xwm9                             kube-proxy   <none>
kube-proxy-v8v4t                             kube-proxy   <none>
kube-scheduler-kind-control-plane            <none>       file
`);
  });
});
