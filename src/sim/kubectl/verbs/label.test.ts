// kubectl label: labeled / unlabeled / not labeled as upstream decides, and its errors
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl label', () => {
  test('label adds, refuses to overwrite, overwrites, removes', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl run web --image=nginx
kubectl label pod web tier=frontend
kubectl label pod web run=other
kubectl label pod web run=other --overwrite
kubectl label pod web run=other --overwrite
kubectl label pod web tier-
kubectl label pod web tier-
kubectl label pods web env=dev --dry-run=client
kubectl label pod web --list
kubectl get pod web --show-labels
`);
    expect(transcript).toBe(`$ kubectl run web --image=nginx
pod/web created
$ kubectl label pod web tier=frontend
pod/web labeled
$ kubectl label pod web run=other
error: 'run' already has a value (web), and --overwrite is false
[exit 1]
$ kubectl label pod web run=other --overwrite
pod/web labeled
$ kubectl label pod web run=other --overwrite
pod/web not labeled
$ kubectl label pod web tier-
pod/web unlabeled
$ kubectl label pod web tier-
label "tier" not found.
pod/web not labeled
$ kubectl label pods web env=dev --dry-run=client
pod/web labeled (dry run)
$ kubectl label pod web --list
run=other
$ kubectl get pod web --show-labels
NAME   READY   STATUS              RESTARTS   AGE   LABELS
web    0/1     ContainerCreating   0          0s    run=other
`);
  });

  test('label -l, --all, several objects and errors', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl label pods -l app=web tier=web
kubectl label deploy,rs --all team=a
kubectl label deploy,rs --all --list
kubectl label deploy web app=x tier=y team=b
kubectl label deploy web
kubectl label deploy web a=b=c
kubectl label deploy web a=b a-
kubectl label deploy/web x=1 deploy/other
kubectl label pod nope a=b
kubectl label pods a=b
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl label pods -l app=web tier=web
pod/web-68bf9f694d-695tm labeled
pod/web-68bf9f694d-p5sc6 labeled
$ kubectl label deploy,rs --all team=a
deployment.apps/web labeled
replicaset.apps/web-68bf9f694d labeled
$ kubectl label deploy,rs --all --list
Listing labels for Deployment.apps/web:
 app=web
 team=a
Listing labels for ReplicaSet.apps/web-68bf9f694d:
 app=web
 pod-template-hash=68bf9f694d
 team=a
$ kubectl label deploy web app=x tier=y team=b
'app' already has a value (web), and --overwrite is false
'team' already has a value (a), and --overwrite is false
[exit 1]
$ kubectl label deploy web
error: at least one label update is required
[exit 1]
$ kubectl label deploy web a=b=c
error: invalid label spec: a=b=c
[exit 1]
$ kubectl label deploy web a=b a-
error: can not both modify and remove a label in the same command
[exit 1]
$ kubectl label deploy/web x=1 deploy/other
error: all resources must be specified before label changes: deploy/other
[exit 1]
$ kubectl label pod nope a=b
Error from server (NotFound): pods "nope" not found
[exit 1]
$ kubectl label pods a=b
error: resource(s) were provided, but no name was specified
[exit 1]
`);
  });
});
