// a container's environment from ConfigMaps: envFrom (with its prefix) and configMapKeyRef, and
// what the kubelet does when one is missing: CreateContainerConfigError, retried at each pod sync
// until the ConfigMap appears; optional references that find nothing set nothing
import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../testing/kubectl-session.ts';

const POD = `cat > pod.yaml <<'Y'
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.37
    command: ["sh", "-c", "echo mode=$MODE opt=$OPT; sleep 3600"]
    envFrom:
    - configMapRef:
        name: cfg
      prefix: APP_
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: mode
    - name: OPT
      valueFrom:
        configMapKeyRef:
          name: nope
          key: x
          optional: true
Y`;

describe('ConfigMaps in the environment', () => {
  test('a missing ConfigMap holds the container in CreateContainerConfigError until it exists', async () => {
    const r = await runKubectlScript(`${POD}
kubectl apply -f pod.yaml
sleep 5
kubectl get pod app
kubectl get pod app -o jsonpath='{.status.containerStatuses[0].state}'
echo
kubectl describe pod app | tail -5
kubectl create cm cfg --from-literal=mode=fast --from-literal=log.level=debug
sleep 20
kubectl get pod app
kubectl logs app
kubectl exec app -- printenv APP_mode APP_log.level MODE
kubectl exec app -- printenv OPT
kubectl describe pod app | tail -7
`);
    expect(r.output).toBe(`pod/app created
NAME   READY   STATUS                       RESTARTS   AGE
app    0/1     CreateContainerConfigError   0          5s
{"waiting":{"message":"configmap \\"cfg\\" not found","reason":"CreateContainerConfigError"}}
  ----     ------     ----  ----               -------
  Normal   Scheduled  5s    default-scheduler  Successfully assigned default/app to kind-worker2
  Normal   Pulling    5s    kubelet            Pulling image "busybox:1.37"
  Normal   Pulled     3s    kubelet            Successfully pulled image "busybox:1.37" in 2.106s (2.106s including waiting). Image size: 2223685 bytes.
  Warning  Failed     3s    kubelet            Error: configmap "cfg" not found
configmap/cfg created
NAME   READY   STATUS    RESTARTS   AGE
app    1/1     Running   0          25s
mode=fast opt=
fast
debug
fast
command terminated with exit code 1
  Normal   Scheduled  25s   default-scheduler  Successfully assigned default/app to kind-worker2
  Normal   Pulling    25s   kubelet            Pulling image "busybox:1.37"
  Normal   Pulled     23s   kubelet            Successfully pulled image "busybox:1.37" in 2.106s (2.106s including waiting). Image size: 2223685 bytes.
  Warning  Failed     23s   kubelet            Error: configmap "cfg" not found
  Normal   Pulled     8s    kubelet            Container image "busybox:1.37" already present on machine and can be accessed by the pod
  Normal   Created    8s    kubelet            Created container: app
  Normal   Started    8s    kubelet            Started container app
`);
  });

  test('a missing key, and a Secret (this cluster keeps none), stop the container too; optional ones do not', async () => {
    const r = await runKubectlScript(`kubectl create cm cfg --from-literal=mode=fast
cat > pods.yaml <<'Y'
apiVersion: v1
kind: Pod
metadata:
  name: key
spec:
  containers:
  - name: key
    image: busybox:1.37
    command: ["sleep", "3600"]
    env:
    - name: X
      valueFrom:
        configMapKeyRef: {name: cfg, key: missing}
---
apiVersion: v1
kind: Pod
metadata:
  name: secret
spec:
  containers:
  - name: secret
    image: busybox:1.37
    command: ["sleep", "3600"]
    envFrom:
    - secretRef: {name: creds}
---
apiVersion: v1
kind: Pod
metadata:
  name: optional
spec:
  containers:
  - name: optional
    image: busybox:1.37
    command: ["sleep", "3600"]
    envFrom:
    - secretRef: {name: creds, optional: true}
    - configMapRef: {name: none, optional: true}
    env:
    - name: Y
      valueFrom:
        configMapKeyRef: {name: cfg, key: missing, optional: true}
Y
kubectl apply -f pods.yaml
sleep 5
kubectl get pods
kubectl get pod key secret -o jsonpath='{range .items[*]}{.status.containerStatuses[0].state.waiting.message}{"\\n"}{end}'
kubectl exec optional -- printenv Y
`);
    expect(r.output).toBe(`configmap/cfg created
pod/key created
pod/secret created
pod/optional created
NAME       READY   STATUS                       RESTARTS   AGE
key        0/1     CreateContainerConfigError   0          5s
optional   1/1     Running                      0          5s
secret     0/1     CreateContainerConfigError   0          5s
couldn't find key missing in ConfigMap default/cfg
secret "creds" not found
command terminated with exit code 1
`);
  });
});
