// kubectl events as events.go prints them: oldest first, Kind/name objects, repeats as
// "(xN over …)", --for and --types filters, -A, -o, -w, and its own refusals
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl events', () => {
  test("the namespace's events oldest first, filtered by --for and --types", async () => {
    const k = kubectlSession();
    const t = await k.transcript(`
kubectl events
kubectl run web --image=nginx:1.27
kubectl run cfg --image=busybox:1.37 --env=X=1 -- sleep 3600
sleep 3
kubectl events --for pod/web
kubectl events --for pod/web --types=warning --no-headers
kubectl events --for pods/web --types Normal,Normal --no-headers
kubectl events -n kube-public
`);
    expect(t).toBe(`$ kubectl events
No events found in default namespace.
$ kubectl run web --image=nginx:1.27
pod/web created
$ kubectl run cfg --image=busybox:1.37 --env=X=1 -- sleep 3600
pod/cfg created
$ sleep 3
$ kubectl events --for pod/web
LAST SEEN   TYPE     REASON      OBJECT    MESSAGE
3s          Normal   Scheduled   Pod/web   Successfully assigned default/web to kind-worker2
3s          Normal   Pulling     Pod/web   Pulling image "nginx:1.27"
1s          Normal   Pulled      Pod/web   Successfully pulled image "nginx:1.27" in 2.386s (2.386s including waiting). Image size: 72218459 bytes.
1s          Normal   Created     Pod/web   Created container: web
1s          Normal   Started     Pod/web   Started container web
$ kubectl events --for pod/web --types=warning --no-headers
No events found in default namespace.
$ kubectl events --for pods/web --types Normal,Normal --no-headers
3s    Normal   Scheduled   Pod/web   Successfully assigned default/web to kind-worker2
3s    Normal   Pulling     Pod/web   Pulling image "nginx:1.27"
1s    Normal   Pulled      Pod/web   Successfully pulled image "nginx:1.27" in 2.386s (2.386s including waiting). Image size: 72218459 bytes.
1s    Normal   Created     Pod/web   Created container: web
1s    Normal   Started     Pod/web   Started container web
$ kubectl events -n kube-public
No events found in kube-public namespace.
`);
  });

  test('a repeated event shows its count; -A adds the namespace; -o prints an EventList; -w follows new ones until the cluster is quiet', async () => {
    const k = kubectlSession();
    await k.run(`cat > pod.yaml <<'Y'
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.37
    command: ["sleep", "3600"]
    envFrom:
    - configMapRef: {name: missing}
Y
kubectl apply -f pod.yaml`);
    const t = await k.transcript(`
sleep 40
kubectl events --for pod/app --types Warning
kubectl events -A --for pod/app --no-headers
kubectl events --for pod/app --types Warning -o jsonpath={.kind}:{.items[0].count}
kubectl run web --image=nginx:1.27
kubectl events --for pod/web -w
`);
    expect(t).toBe(`$ sleep 40
$ kubectl events --for pod/app --types Warning
LAST SEEN          TYPE      REASON   OBJECT    MESSAGE
9s (x3 over 38s)   Warning   Failed   Pod/app   Error: configmap "missing" not found
$ kubectl events -A --for pod/app --no-headers
default   40s                Normal    Scheduled   Pod/app   Successfully assigned default/app to kind-worker2
default   40s                Normal    Pulling     Pod/app   Pulling image "busybox:1.37"
default   38s                Normal    Pulled      Pod/app   Successfully pulled image "busybox:1.37" in 2.106s (2.106s including waiting). Image size: 2223685 bytes.
default   9s (x3 over 38s)   Warning   Failed      Pod/app   Error: configmap "missing" not found
default   9s (x2 over 23s)   Normal    Pulled      Pod/app   Container image "busybox:1.37" already present on machine and can be accessed by the pod
$ kubectl events --for pod/app --types Warning -o jsonpath={.kind}:{.items[0].count}
EventList:3$ kubectl run web --image=nginx:1.27
pod/web created
$ kubectl events --for pod/web -w
LAST SEEN   TYPE     REASON      OBJECT    MESSAGE
0s          Normal   Scheduled   Pod/web   Successfully assigned default/web to kind-worker
0s          Normal   Pulling     Pod/web   Pulling image "nginx:1.27"
0s          Normal   Pulled      Pod/web   Successfully pulled image "nginx:1.27" in 1.629s (1.629s including waiting). Image size: 72218459 bytes.
0s          Normal   Created     Pod/web   Created container: web
0s          Normal   Started     Pod/web   Started container web
`);
  });

  test("kubectl's refusals", async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl events --for web
kubectl events --for a/b/c
kubectl events --for widgets/x
kubectl events --types=Info
kubectl events -o wide
`),
    ).toBe(`$ kubectl events --for web
error: --for must be in resource/name form
[exit 1]
$ kubectl events --for a/b/c
error: arguments in resource/name form may not have more than one slash
[exit 1]
$ kubectl events --for widgets/x
error: no matches for /, Resource=widgets
[exit 1]
$ kubectl events --types=Info
error: valid --types are Normal or Warning
[exit 1]
$ kubectl events -o wide
error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
[exit 1]
`);
  });
});
