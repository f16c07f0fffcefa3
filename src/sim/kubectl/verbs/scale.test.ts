// kubectl scale: sizes, preconditions and upstream's errors
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl scale', () => {
  test('scales deployments and replica sets, with preconditions and --timeout', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl scale deployment/web --replicas=5
kubectl scale deployment web --current-replicas=3 --replicas=2
kubectl scale --current-replicas=5 --replicas=2 deploy/web
kubectl scale deploy/web --replicas=1 --timeout=30s
kubectl get deployment web
kubectl scale rs --all --replicas=0 --dry-run=client
kubectl scale deploy/web --replicas=4 -o name
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=3
deployment.apps/web created
$ kubectl scale deployment/web --replicas=5
deployment.apps/web scaled
$ kubectl scale deployment web --current-replicas=3 --replicas=2
error: Expected replicas to be 3, was 5
[exit 1]
$ kubectl scale --current-replicas=5 --replicas=2 deploy/web
deployment.apps/web scaled
$ kubectl scale deploy/web --replicas=1 --timeout=30s
deployment.apps/web scaled
$ kubectl get deployment web
NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    0/1     1            0           0s
$ kubectl scale rs --all --replicas=0 --dry-run=client
replicaset.apps/web-68bf9f694d scaled (dry run)
$ kubectl scale deploy/web --replicas=4 -o name
deployment.apps/web
`);
  });

  test("upstream's errors", async () => {
    const transcript = await kubectlSession().transcript(`
kubectl run pod1 --image=nginx
kubectl scale deployment/web
kubectl scale deployment/web --replicas=-1
kubectl scale deployment/nope --replicas=2
kubectl scale pod/pod1 --replicas=2
kubectl scale deployment --replicas=2
kubectl scale --replicas=2
kubectl scale deploy -l app=nope --replicas=2
`);
    expect(transcript).toBe(`$ kubectl run pod1 --image=nginx
pod/pod1 created
$ kubectl scale deployment/web
error: required flag(s) "replicas" not set
[exit 1]
$ kubectl scale deployment/web --replicas=-1
error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
[exit 1]
$ kubectl scale deployment/nope --replicas=2
Error from server (NotFound): deployments.apps "nope" not found
[exit 1]
$ kubectl scale pod/pod1 --replicas=2
Error from server (NotFound): the server could not find the requested resource
[exit 1]
$ kubectl scale deployment --replicas=2
error: resource(s) were provided, but no name was specified
[exit 1]
$ kubectl scale --replicas=2
error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
[exit 1]
$ kubectl scale deploy -l app=nope --replicas=2
error: no objects passed to scale
[exit 1]
`);
  });

  test('a selector without a type: the builder wants a resource to select from (--all alone: no resources at all)', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl scale -l app=web --replicas=2
kubectl scale --all --replicas=2
`),
    ).toBe(`$ kubectl scale -l app=web --replicas=2
error: at least one resource must be specified to use a selector
[exit 1]
$ kubectl scale --all --replicas=2
error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
[exit 1]
`);
  });
});
