// kubectl create's generators wherever the global flags sit: `-n NAMESPACE` before the subcommand
// is not the subcommand, and a name that is also a subcommand word is still a name
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl create generators', () => {
  test('-n before the verb or the subcommand names the namespace, not the generator', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create namespace dev
kubectl -n dev create deployment web --image=nginx
kubectl create -n dev deployment api --image=nginx
kubectl --namespace dev create service clusterip web --tcp=80
kubectl create deployment deployment --image=nginx
kubectl get deploy -A -o custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name
kubectl -n dev get svc -o name
`),
    ).toBe(`$ kubectl create namespace dev
namespace/dev created
$ kubectl -n dev create deployment web --image=nginx
deployment.apps/web created
$ kubectl create -n dev deployment api --image=nginx
deployment.apps/api created
$ kubectl --namespace dev create service clusterip web --tcp=80
service/web created
$ kubectl create deployment deployment --image=nginx
deployment.apps/deployment created
$ kubectl get deploy -A -o custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name
NAMESPACE     NAME
default       deployment
dev           api
dev           web
kube-system   coredns
$ kubectl -n dev get svc -o name
service/web
`);
  });

  test('generators kubectl has but this simulator does not say so, whatever their flags', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create job nightly --image=busybox
kubectl -n kube-system create secret generic token --from-literal=a=b
`),
    ).toBe(`$ kubectl create job nightly --image=busybox
kubesim: 'kubectl create job' is not simulated; the generators here are configmap, deployment, namespace, service and serviceaccount, or use -f
[exit 1]
$ kubectl -n kube-system create secret generic token --from-literal=a=b
kubesim: 'kubectl create secret' is not simulated; the generators here are configmap, deployment, namespace, service and serviceaccount, or use -f
[exit 1]
`);
  });

  test('create serviceaccount: the account, its refusals wrapped as create_serviceaccount.go wraps them, and pods that run as it', async () => {
    const k = kubectlSession();
    await k.run(`cat > worker.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  serviceAccountName: robot
  containers:
    - name: worker
      image: busybox
      command: [sleep, '3600']
EOF`);
    expect(
      await k.transcript(`
kubectl create serviceaccount robot
kubectl create sa robot
kubectl create sa Robot_1
kubectl create sa
kubectl create sa a b
kubectl -n dev create sa robot
kubectl create sa bot --dry-run=client -o yaml
kubectl create sa bot --dry-run=server
kubectl create sa bot --dry-run=maybe
kubectl get sa
kubectl apply -f worker.yaml
kubectl get pod worker -o jsonpath='{.spec.serviceAccountName}{"\\n"}{.spec.volumes[0].projected.sources[0].serviceAccountToken.path}{"\\n"}'
`),
    ).toBe(`$ kubectl create serviceaccount robot
serviceaccount/robot created
$ kubectl create sa robot
error: failed to create serviceaccount: serviceaccounts "robot" already exists
[exit 1]
$ kubectl create sa Robot_1
error: failed to create serviceaccount: ServiceAccount "Robot_1" is invalid: metadata.name: Invalid value: "Robot_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
[exit 1]
$ kubectl create sa
error: exactly one NAME is required, got 0
See 'kubectl create serviceaccount -h' for help and examples
[exit 1]
$ kubectl create sa a b
error: exactly one NAME is required, got 2
See 'kubectl create serviceaccount -h' for help and examples
[exit 1]
$ kubectl -n dev create sa robot
error: failed to create serviceaccount: namespaces "dev" not found
[exit 1]
$ kubectl create sa bot --dry-run=client -o yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: bot
$ kubectl create sa bot --dry-run=server
serviceaccount/bot created (server dry run)
$ kubectl create sa bot --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
$ kubectl get sa
NAME      SECRETS   AGE
default   0         5m
robot     0         0s
$ kubectl apply -f worker.yaml
pod/worker created
$ kubectl get pod worker -o jsonpath='{.spec.serviceAccountName}{"\\n"}{.spec.volumes[0].projected.sources[0].serviceAccountToken.path}{"\\n"}'
robot
token
`);
  });

  test("--save-config stores what was created as the last applied configuration (a generator's in its Go type's field order), so apply takes over; create service ignores it as kubectl does", async () => {
    const k = kubectlSession();
    await k.run(`cat > web.json <<'EOF'
{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}
EOF`);
    await k.run(`cat > cm.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
EOF`);
    expect(
      await k.transcript(`
kubectl create -f cm.yaml --save-config
kubectl get cm settings -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'
kubectl apply -f cm.yaml
kubectl create sa robot --save-config --dry-run=client -o jsonpath='{.metadata.annotations}{"\\n"}'
kubectl create deployment web --image=nginx --save-config
kubectl get deploy web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'
kubectl apply -f web.json
kubectl apply -f web.json
kubectl create service clusterip web --tcp=80 --save-config
kubectl get svc web -o jsonpath='{.metadata.annotations}'
kubectl create sa plain
kubectl get sa plain -o jsonpath={.metadata.annotations}
`),
    ).toBe(`$ kubectl create -f cm.yaml --save-config
configmap/settings created
$ kubectl get cm settings -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'
{"apiVersion":"v1","data":{"mode":"fast"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}
$ kubectl apply -f cm.yaml
configmap/settings unchanged
$ kubectl create sa robot --save-config --dry-run=client -o jsonpath='{.metadata.annotations}{"\\n"}'
{"kubectl.kubernetes.io/last-applied-configuration":"{\\"kind\\":\\"ServiceAccount\\",\\"apiVersion\\":\\"v1\\",\\"metadata\\":{\\"name\\":\\"robot\\"}}\\n"}
$ kubectl create deployment web --image=nginx --save-config
deployment.apps/web created
$ kubectl get deploy web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'
{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}
$ kubectl apply -f web.json
deployment.apps/web configured
$ kubectl apply -f web.json
deployment.apps/web unchanged
$ kubectl create service clusterip web --tcp=80 --save-config
service/web created
$ kubectl get svc web -o jsonpath='{.metadata.annotations}'
$ kubectl create sa plain
serviceaccount/plain created
$ kubectl get sa plain -o jsonpath={.metadata.annotations}
`);
  });

  test("kubectl run's --restart: a usage error for an unknown policy; set empty, OnFailure for an interactive pod; no dry run of an attached pod", async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl run web --image=nginx --restart=Sometimes
kubectl run web --image=nginx --restart= --dry-run=client -o jsonpath='{.spec.restartPolicy}{"\\n"}'
kubectl run once --image=busybox -i --restart= -- true
kubectl get pod once -o jsonpath='{.spec.restartPolicy}{"\\n"}'
kubectl run web --image=nginx -i --dry-run=client
`),
    ).toBe(`$ kubectl run web --image=nginx --restart=Sometimes
error: invalid restart policy: Sometimes
See 'kubectl run -h' for help and examples
[exit 1]
$ kubectl run web --image=nginx --restart= --dry-run=client -o jsonpath='{.spec.restartPolicy}{"\\n"}'
Always
$ kubectl run once --image=busybox -i --restart= -- true
$ kubectl get pod once -o jsonpath='{.spec.restartPolicy}{"\\n"}'
OnFailure
$ kubectl run web --image=nginx -i --dry-run=client
error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)
See 'kubectl run -h' for help and examples
[exit 1]
`);
  });

  test('create -f brings a last-applied annotation the file already carries up to date, with or without --save-config (util.CreateOrUpdateAnnotation)', async () => {
    const k = kubectlSession();
    await k.run(`cat > cm.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stale":true}'
data:
  a: "1"
EOF`);
    expect(
      await k.transcript(`
kubectl create -f cm.yaml
kubectl get cm c -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'
`),
    ).toBe(`$ kubectl create -f cm.yaml
configmap/c created
$ kubectl get cm c -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'
{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}
`);
  });

  test("the server's answer is printed as kubectl decodes it into the Go type: a new Deployment's empty status is there in yaml and jsonpath too", async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx -o yaml | tail -3
kubectl create deployment api --image=nginx -o jsonpath='{.status}{"|"}{.spec.strategy.type}'
`),
    ).toBe(`$ kubectl create deployment web --image=nginx -o yaml | tail -3
      securityContext: {}
      terminationGracePeriodSeconds: 30
status: {}
$ kubectl create deployment api --image=nginx -o jsonpath='{.status}{"|"}{.spec.strategy.type}'
{}|RollingUpdate`);
  });

  test('--dry-run alone is a client dry run for every generator, as for create -f; a wrong value is still refused', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx --dry-run
kubectl create namespace dev --dry-run
kubectl create configmap c --from-literal=a=b --dry-run
kubectl create sa robot --dry-run
kubectl create service clusterip web --tcp=80 --dry-run
kubectl create deployment web --image=nginx --dry-run=maybe
kubectl create sa robot --dry-run=maybe
kubectl get deploy,sa,cm,svc -o name
`),
    ).toBe(`$ kubectl create deployment web --image=nginx --dry-run
deployment.apps/web created (dry run)
$ kubectl create namespace dev --dry-run
namespace/dev created (dry run)
$ kubectl create configmap c --from-literal=a=b --dry-run
configmap/c created (dry run)
$ kubectl create sa robot --dry-run
serviceaccount/robot created (dry run)
$ kubectl create service clusterip web --tcp=80 --dry-run
service/web created (dry run)
$ kubectl create deployment web --image=nginx --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
$ kubectl create sa robot --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
$ kubectl get deploy,sa,cm,svc -o name
serviceaccount/default
configmap/kube-root-ca.crt
service/kubernetes
`);
  });
});
