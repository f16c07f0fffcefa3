// the kubectl command itself: unknown commands with cobra's suggestions, and kubectl's real
// commands this simulator does not run, said plainly rather than called unknown
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './verbs/session.test-helper.ts';

describe('kubectl', () => {
  test('an unknown command gets cobra suggestions (in the order kubectl adds its commands, printed by CheckErr); a real one not simulated says so', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl gte pods
kubectl tpo
kubectl cp web:/etc/hosts hosts
kubectl -n kube-system port-forward svc/kube-dns 5353:53
`),
    ).toBe(`$ kubectl gte pods
error: unknown command "gte" for "kubectl"

Did you mean this?
\tget
[exit 1]
$ kubectl tpo
error: unknown command "tpo" for "kubectl"

Did you mean this?
\ttop
\tcp
[exit 1]
$ kubectl cp web:/etc/hosts hosts
kubesim: 'kubectl cp' is not simulated
[exit 1]
$ kubectl -n kube-system port-forward svc/kube-dns 5353:53
kubesim: 'kubectl port-forward' is not simulated
[exit 1]
`);
  });

  test('flags before the command: the root parses its own, and a word a flag may have swallowed is looked for as a plugin', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl --version
kubectl -n
kubectl -A get pods
kubectl --namespace=dev gett
kubectl ps
kubectl rm web
kubectl hepl
kubectl help foo 2>&1 | head -1
`),
    ).toBe(`$ kubectl --version
error: unknown flag: --version
See 'kubectl --help' for usage.
[exit 1]
$ kubectl -n
error: flag needs an argument: 'n' in -n
See 'kubectl --help' for usage.
[exit 1]
$ kubectl -A get pods
Error: flags cannot be placed before plugin name: -A
[exit 1]
$ kubectl --namespace=dev gett
Error: flags cannot be placed before plugin name: --namespace=dev
[exit 1]
$ kubectl ps
error: unknown command "ps" for "kubectl"

Did you mean this?
\tget
\tcp
\twait
[exit 1]
$ kubectl rm web
error: unknown command "rm" for "kubectl"

Did you mean this?
\trun
\tdelete
\tcp
[exit 1]
$ kubectl hepl
error: unknown command "hepl" for "kubectl"
[exit 1]
$ kubectl help foo 2>&1 | head -1
Unknown help topic [\`foo\`]
`);
    expect((await k.run('kubectl -n kube-system')).stdout.split('\n')[0]).toBe(
      'kubectl controls the Kubernetes cluster manager.',
    );
    expect((await k.run('kubectl help rollout')).stdout).toBe((await k.run('kubectl rollout --help')).stdout);
  });

  test("kubectl's other global flags parse; --cluster and --user must name the kubeconfig's; an empty -n is none", async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl get pods --cluster=prod
kubectl get pods --user=admin
kubectl get pods --cluster=kind-kind --user=kind-kind --insecure-skip-tls-verify --warnings-as-errors
kubectl get pods -s https://10.0.0.1:6443
kubectl get pods -n=
kubectl get pods --request-timeout=abc
kubectl get pods --request-timeout=5
`),
    ).toBe(`$ kubectl get pods --cluster=prod
error: no server found for cluster "prod"
[exit 1]
$ kubectl get pods --user=admin
error: auth info "admin" does not exist
[exit 1]
$ kubectl get pods --cluster=kind-kind --user=kind-kind --insecure-skip-tls-verify --warnings-as-errors
No resources found in default namespace.
$ kubectl get pods -s https://10.0.0.1:6443
kubesim: the global flag --server is not simulated; this cluster has one user and one server
[exit 1]
$ kubectl get pods -n=
No resources found in default namespace.
$ kubectl get pods --request-timeout=abc
error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)
[exit 1]
$ kubectl get pods --request-timeout=5
No resources found in default namespace.
`);
  });

  test('-h asks for help: the simulated groups print theirs, every other command says where the reference is', async () => {
    const k = kubectlSession();
    const setHelp = await k.run('kubectl set --help');
    expect(setHelp.status).toBe(0);
    expect(setHelp.stdout.split('\n')[0]).toBe('Configure application resources.');
    expect(
      await k.transcript(`
kubectl scale deployment web -h
kubectl set image -h
kubectl -n dev create svc nodeport --help
kubectl rollout status deployment/web -h
kubectl exec web -- ls -h
`),
    ).toBe(`$ kubectl scale deployment web -h
kubesim: 'kubectl scale --help' is not simulated; the reference is at https://kubernetes.io/docs/reference/kubectl/generated/kubectl_scale/
[exit 1]
$ kubectl set image -h
kubesim: 'kubectl set image --help' is not simulated; the reference is at https://kubernetes.io/docs/reference/kubectl/generated/kubectl_set/kubectl_set_image/
[exit 1]
$ kubectl -n dev create svc nodeport --help
kubesim: 'kubectl create service nodeport --help' is not simulated; the reference is at https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_service_nodeport/
[exit 1]
$ kubectl rollout status deployment/web -h
kubesim: 'kubectl rollout status --help' is not simulated; the reference is at https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_status/
[exit 1]
$ kubectl exec web -- ls -h
Error from server (NotFound): pods "web" not found
[exit 1]
`);
  });
});

describe('kubectl through xargs', () => {
  test('names listed by one kubectl are deleted by another', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx --replicas=2');
    await k.run('kubectl run one --image=busybox -- sleep 3600');
    await k.run('kubectl create service clusterip lone --tcp=80:80');
    expect(
      await k.transcript(`
kubectl get pods -l run=one -o name | xargs kubectl delete
kubectl get services -o name | grep lone | xargs -t kubectl delete
`),
    ).toBe(`$ kubectl get pods -l run=one -o name | xargs kubectl delete
pod "one" deleted from default namespace
$ kubectl get services -o name | grep lone | xargs -t kubectl delete
kubectl delete service/lone
service "lone" deleted from default namespace
`);
  });
});
