// the kubectl command itself: unknown commands with cobra's suggestions, and kubectl's real
// commands this simulator does not run, said plainly rather than called unknown
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './verbs/session.test-helper.ts';

describe('kubectl', () => {
  test('an unknown command gets cobra suggestions; a real one not simulated says so', async () => {
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

Run 'kubectl --help' for usage.
[exit 1]
$ kubectl tpo
error: unknown command "tpo" for "kubectl"

Did you mean this?
\tcp
\ttop

Run 'kubectl --help' for usage.
[exit 1]
$ kubectl cp web:/etc/hosts hosts
kubesim: 'kubectl cp' is not simulated
[exit 1]
$ kubectl -n kube-system port-forward svc/kube-dns 5353:53
kubesim: 'kubectl port-forward' is not simulated
[exit 1]
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
