// kubectl wait: conditions, jsonpath, deletion, timeouts
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl wait', () => {
  test('waits for conditions, jsonpath values and deletion', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl wait --for=condition=Available deployment/web
kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
kubectl run pod1 --image=nginx
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/pod1
kubectl wait --for=jsonpath='{.status.podIP}' pod/pod1
kubectl delete pod pod1 --wait=false
kubectl wait --for=delete pod/pod1 --timeout=60s
kubectl wait --for=delete pod/pod1
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl wait --for=condition=Available deployment/web
deployment.apps/web condition met
$ kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
pod/web-68bf9f694d-695tm condition met
pod/web-68bf9f694d-p5sc6 condition met
$ kubectl run pod1 --image=nginx
pod/pod1 created
$ kubectl wait --for=jsonpath='{.status.phase}'=Running pod/pod1
pod/pod1 condition met
$ kubectl wait --for=jsonpath='{.status.podIP}' pod/pod1
pod/pod1 condition met
$ kubectl delete pod pod1 --wait=false
pod "pod1" deleted from default namespace
$ kubectl wait --for=delete pod/pod1 --timeout=60s
pod/pod1 condition met
$ kubectl wait --for=delete pod/pod1
`);
  });

  test('timeouts and errors', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl run pod1 --image=nginx
kubectl wait --for=condition=Ready pod/pod1 --timeout=0
sleep 10
kubectl wait --for=condition=Ready=false pod/pod1 --timeout=3s
kubectl wait --for=condition=Ready=false pod/pod1 --timeout=0
kubectl wait pod/pod1
kubectl wait --for=condition=Ready pod -l app=nope
kubectl wait --for=condition=Ready pod/nope
kubectl wait --for=condition=Ready pod
kubectl wait --for=jsonpath='{.spec}'=x pod/pod1
kubectl wait --for=condition=Ready pod/pod1 --timeout=abc
`);
    expect(transcript).toBe(`$ kubectl run pod1 --image=nginx
pod/pod1 created
$ kubectl wait --for=condition=Ready pod/pod1 --timeout=0
error: condition not met for pods/pod1
[exit 1]
$ sleep 10
$ kubectl wait --for=condition=Ready=false pod/pod1 --timeout=3s
error: timed out waiting for the condition on pods/pod1
[exit 1]
$ kubectl wait --for=condition=Ready=false pod/pod1 --timeout=0
error: condition not met for pods/pod1
[exit 1]
$ kubectl wait pod/pod1
error: unrecognized condition: ""
[exit 1]
$ kubectl wait --for=condition=Ready pod -l app=nope
error: no matching resources found
[exit 1]
$ kubectl wait --for=condition=Ready pod/nope
Error from server (NotFound): pods "nope" not found
[exit 1]
$ kubectl wait --for=condition=Ready pod
error: resource(s) were provided, but no name was specified
[exit 1]
$ kubectl wait --for=jsonpath='{.spec}'=x pod/pod1
error: jsonpath leads to a nested object or list which is not supported
[exit 1]
$ kubectl wait --for=condition=Ready pod/pod1 --timeout=abc
error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"
See 'kubectl wait --help' for usage.
[exit 1]
`);
  });
});
