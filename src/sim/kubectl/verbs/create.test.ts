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
kubesim: 'kubectl create job' is not simulated; the generators here are configmap, deployment, namespace and service, or use -f
[exit 1]
$ kubectl -n kube-system create secret generic token --from-literal=a=b
kubesim: 'kubectl create secret' is not simulated; the generators here are configmap, deployment, namespace and service, or use -f
[exit 1]
`);
  });
});
