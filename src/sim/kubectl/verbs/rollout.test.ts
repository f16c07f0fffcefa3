// kubectl rollout against the simulated cluster: whole transcripts as a learner would see them
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl rollout', () => {
  test('set image, rollout status, history, --revision, get rs, undo --to-revision', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.27 --record
kubectl rollout status deployment/web
kubectl get rs
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl rollout undo deployment/web --to-revision=1
kubectl rollout status deployment/web --watch=false
sleep 5
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=5
kubectl rollout undo deployment/web --to-revision=3
kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[0].image}{"\\n"}'
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=3
deployment.apps/web created
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...
Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl set image deployment/web nginx=nginx:1.27 --record
Flag --record has been deprecated, --record will be removed in the future
deployment.apps/web image updated
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-68bf9f694d   0         0         0       5s
web-766486c5b6   3         3         3       3s
$ kubectl rollout history deployment/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         kubectl set image deployment/web nginx=nginx:1.27 --record=true

$ kubectl rollout history deployment/web --revision=2
deployment.apps/web with revision #2
Pod Template:
  Labels:\tapp=web
\tpod-template-hash=766486c5b6
  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/web nginx=nginx:1.27 --record=true
  Containers:
   nginx:
    Image:\tnginx:1.27
    Port:\t<none>
    Host Port:\t<none>
    Environment:\t<none>
    Mounts:\t<none>
  Volumes:\t<none>
  Node-Selectors:\t<none>
  Tolerations:\t<none>

$ kubectl rollout undo deployment/web --to-revision=1
deployment.apps/web rolled back
$ kubectl rollout status deployment/web --watch=false
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
$ sleep 5
$ kubectl rollout history deployment/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
2         kubectl set image deployment/web nginx=nginx:1.27 --record=true
3         <none>

$ kubectl rollout undo deployment/web --to-revision=5
error: unable to find specified revision 5 in history
[exit 1]
$ kubectl rollout undo deployment/web --to-revision=3
deployment.apps/web skipped rollback (current template already matches revision 3)
$ kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[0].image}{"\\n"}'
nginx:1.25
`);
  });

  test('pause, resume, restart and their errors', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl rollout pause deployment/web
kubectl rollout pause deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web --timeout=10s
kubectl rollout undo deployment/web
kubectl rollout restart deployment/web
kubectl rollout resume deployment/web
kubectl rollout resume deployment/web
kubectl rollout status deployment/web
kubectl rollout restart deployment/web
kubectl get deployment web -o jsonpath='{.spec.template.metadata.annotations}{"\\n"}'
kubectl rollout history deployment/web
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl rollout pause deployment/web
deployment.apps/web paused
$ kubectl rollout pause deployment/web
error: deployments.apps "web" is already paused
[exit 1]
$ kubectl set image deployment/web nginx=nginx:1.27
deployment.apps/web image updated
$ kubectl rollout status deployment/web --timeout=10s
Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...
error: timed out waiting for the condition
[exit 1]
$ kubectl rollout undo deployment/web
error: no rollout history found for deployment "web"
[exit 1]
$ kubectl rollout restart deployment/web
error: deployments.apps "web" can't restart paused deployment (run rollout resume first)
[exit 1]
$ kubectl rollout resume deployment/web
deployment.apps/web resumed
$ kubectl rollout resume deployment/web
error: deployments.apps "web" is not paused
[exit 1]
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl rollout restart deployment/web
deployment.apps/web restarted
$ kubectl get deployment web -o jsonpath='{.spec.template.metadata.annotations}{"\\n"}'
{"kubectl.kubernetes.io/restartedAt":"2026-01-01T09:00:14Z"}
$ kubectl rollout history deployment/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         <none>
3         <none>

`);
  });

  test('other kinds, missing objects and usage errors', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl run pod1 --image=nginx
kubectl rollout status pod/pod1
kubectl rollout history pod/pod1
kubectl rollout undo pod/pod1
kubectl rollout pause pod/pod1
kubectl rollout restart pod/pod1
kubectl rollout status deployment/nope
kubectl rollout status
kubectl rollout history deployment/web --revision=-1
kubectl rollout foo
kubectl rollout status daemonset/kube-proxy -n kube-system
`);
    expect(transcript).toBe(`$ kubectl run pod1 --image=nginx
pod/pod1 created
$ kubectl rollout status pod/pod1
error: no status viewer has been implemented for Pod
[exit 1]
$ kubectl rollout history pod/pod1
error: no history viewer has been implemented for "Pod"
[exit 1]
$ kubectl rollout undo pod/pod1
error: no rollbacker has been implemented for "Pod"
[exit 1]
$ kubectl rollout pause pod/pod1
error: pods "pod1" pausing is not supported
[exit 1]
$ kubectl rollout restart pod/pod1
error: pods "pod1" restarting is not supported
[exit 1]
$ kubectl rollout status deployment/nope
Error from server (NotFound): deployments.apps "nope" not found
[exit 1]
$ kubectl rollout status
error: required resource not specified
[exit 1]
$ kubectl rollout history deployment/web --revision=-1
error: revision must be a positive integer: -1
[exit 1]
$ kubectl rollout foo
error: unknown command "foo"
See 'kubectl rollout -h' for help and examples
[exit 1]
$ kubectl rollout status daemonset/kube-proxy -n kube-system
daemon set "kube-proxy" successfully rolled out
`);
  });

  test('undo --dry-run=client prints the template it would restore', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout undo deployment/web --dry-run=client
kubectl rollout history deployment/web -o name
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25
deployment.apps/web created
$ kubectl set image deployment/web nginx=nginx:1.27
deployment.apps/web image updated
$ kubectl rollout undo deployment/web --dry-run=client
deployment.apps/web Pod Template:
  Labels:\tapp=web
\tpod-template-hash=68bf9f694d
  Containers:
   nginx:
    Image:\tnginx:1.25
    Port:\t<none>
    Host Port:\t<none>
    Environment:\t<none>
    Mounts:\t<none>
  Volumes:\t<none>
  Node-Selectors:\t<none>
  Tolerations:\t<none>
 (dry run)
$ kubectl rollout history deployment/web -o name
replicaset.apps/web-68bf9f694d
replicaset.apps/web-766486c5b6
`);
  });

  test('the group alone: its help, whose code-block line is eight spaces; unknown words; status -l', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx');
    expect(
      await k.transcript(`
kubectl rollout | head -3
kubectl rollout foo bar
kubectl rollout status -l app=web
kubectl rollout status deployment/web -l app=web
kubectl rollout status deployment -l app=web --watch=false
`),
    ).toBe(`$ kubectl rollout | head -3
Manage the rollout of one or many resources.
        
 Valid resource types include:
$ kubectl rollout foo bar
error: unknown command "foo bar"
See 'kubectl rollout -h' for help and examples
[exit 1]
$ kubectl rollout status -l app=web
error: required resource not specified
[exit 1]
$ kubectl rollout status deployment/web -l app=web
error: selectors and the all flag cannot be used when passing resource/name arguments
[exit 1]
$ kubectl rollout status deployment -l app=web --watch=false
Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...
`);
  });
});
