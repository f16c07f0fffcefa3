// kubectl replace: Complete's and Validate's refusals in replace.go's order, the PUT and what the
// apiserver answers it (Conflict, NotFound, immutable fields), the dry runs and -o, and --force's
// delete, wait and create, as after a `kubectl edit` whose changes a pod cannot take
import { describe, expect, test } from 'vitest';
import { REPLACE_HELP } from './replace-help.ts';
import { kubectlSession } from './session.test-helper.ts';

const POD = `printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: web\\nspec:\\n  containers:\\n  - name: web\\n    image: nginx:1.25\\n' > pod.yaml`;
const CONFIGMAP = `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings\\ndata:\\n  mode: fast\\n' > cm.yaml`;
const SERVICE = `printf 'apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: web\\nspec:\\n  selector:\\n    run: web\\n  ports:\\n  - port: 80\\n' > svc.yaml`;

/** the apiserver's refusal of a changed imagePullPolicy on the running pod `web` */
const IMMUTABLE = (
  container: string,
) => `The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)
  core.PodSpec{
- \tContainers: [{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"web","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","name":"kube-api-access-blsbb","readOnly":true}]}],
+ \tContainers: [${container}],
  \t... // 13 identical fields
  }

[exit 1]`;

describe('kubectl replace', () => {
  test('refusals in Complete then Validate order, before anything is read', async () => {
    const k = kubectlSession();
    await k.run(POD);
    expect(
      await k.transcript(`
kubectl replace
kubectl replace pods web
kubectl replace --cascade=false
kubectl replace -f pod.yaml --validate=STRICT --dry-run=maybe
kubectl replace -f pod.yaml --dry-run=maybe -o wide
kubectl replace -f pod.yaml -o wide --cascade=sideways
kubectl replace -f pod.yaml --cascade=sideways
kubectl replace -f pod.yaml -k dir
kubectl replace -f pod.yaml --grace-period=0
kubectl replace -f pod.yaml --timeout=1s
kubectl replace -f pod.yaml --force --dry-run=server
kubectl replace -f pod.yaml -f pod.yaml --raw /api/v1/namespaces/default/pods/web
kubectl replace -f http://example.com/pod.yaml --raw /x
kubectl replace -f pod.yaml -R --raw /x
kubectl replace -f pod.yaml -o yaml --raw /x
kubectl replace --force -f pod.yaml pods web
kubectl replace -f missing.yaml
kubectl replace -f pod.yaml --raw /api/v1/namespaces/default/pods/web
kubectl replace -k dir
kubectl replace -f pod.yaml --subresource=status
kubectl replace -f pod.yaml --record
`),
    ).toBe(`$ kubectl replace
error: must specify one of -f and -k
[exit 1]
$ kubectl replace pods web
error: must specify one of -f and -k
[exit 1]
$ kubectl replace --cascade=false
warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.
error: must specify one of -f and -k
[exit 1]
$ kubectl replace -f pod.yaml --validate=STRICT --dry-run=maybe
error: invalid - validate option "STRICT"; must be one of: strict (or true), warn, ignore (or false)
[exit 1]
$ kubectl replace -f pod.yaml --dry-run=maybe -o wide
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
$ kubectl replace -f pod.yaml -o wide --cascade=sideways
error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
[exit 1]
$ kubectl replace -f pod.yaml --cascade=sideways
error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"
[exit 1]
$ kubectl replace -f pod.yaml -k dir
error: only one of -f or -k can be specified
[exit 1]
$ kubectl replace -f pod.yaml --grace-period=0
error: --grace-period must have --force specified
[exit 1]
$ kubectl replace -f pod.yaml --timeout=1s
error: --timeout must have --force specified
[exit 1]
$ kubectl replace -f pod.yaml --force --dry-run=server
error: --dry-run can not be used when --force is set
[exit 1]
$ kubectl replace -f pod.yaml -f pod.yaml --raw /api/v1/namespaces/default/pods/web
error: --raw can only use a single local file or stdin
[exit 1]
$ kubectl replace -f http://example.com/pod.yaml --raw /x
error: --raw cannot read from a url
[exit 1]
$ kubectl replace -f pod.yaml -R --raw /x
error: --raw and --recursive are mutually exclusive
[exit 1]
$ kubectl replace -f pod.yaml -o yaml --raw /x
error: --raw and --output are mutually exclusive
[exit 1]
$ kubectl replace --force -f pod.yaml pods web
error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well
[exit 1]
$ kubectl replace -f missing.yaml
error: the path "missing.yaml" does not exist
[exit 1]
$ kubectl replace -f pod.yaml --raw /api/v1/namespaces/default/pods/web
kubesim: 'kubectl replace --raw' is not simulated
[exit 1]
$ kubectl replace -k dir
kubesim: 'kubectl replace -k' is not simulated; use -f
[exit 1]
$ kubectl replace -f pod.yaml --subresource=status
kubesim: 'kubectl replace --subresource' is not simulated
[exit 1]
$ kubectl replace -f pod.yaml --record
error: unknown flag: --record
See 'kubectl replace --help' for usage.
[exit 1]
`);
  });

  test('PUTs each object whole: replaced; a stale resourceVersion is a Conflict, a missing pod NotFound, a missing Service created', async () => {
    const k = kubectlSession();
    await k.run(`${POD}\n${SERVICE}`);
    expect(
      await k.transcript(`
kubectl replace -f pod.yaml
kubectl create -f pod.yaml
kubectl get pod web -o yaml > live.yaml
sed -i 's/nginx:1.25/nginx:1.27/' live.yaml
kubectl replace -f live.yaml
kubectl get pod web -o jsonpath='{.spec.containers[0].image}{"\\n"}'
kubectl replace -f live.yaml
kubectl replace -f svc.yaml
kubectl get service web
`),
    ).toBe(`$ kubectl replace -f pod.yaml
Error from server (NotFound): error when replacing "pod.yaml": pods "web" not found
[exit 1]
$ kubectl create -f pod.yaml
pod/web created
$ kubectl get pod web -o yaml > live.yaml
$ sed -i 's/nginx:1.25/nginx:1.27/' live.yaml
$ kubectl replace -f live.yaml
pod/web replaced
$ kubectl get pod web -o jsonpath='{.spec.containers[0].image}{"\\n"}'
nginx:1.27
$ kubectl replace -f live.yaml
Error from server (Conflict): error when replacing "live.yaml": Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again
[exit 1]
$ kubectl replace -f svc.yaml
service/web replaced
$ kubectl get service web
NAME   TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE
web    ClusterIP   10.106.36.156   <none>        80/TCP    0s
`);
  });

  test("a pod's immutable fields are refused; --force deletes it, waits until it is gone and creates it again", async () => {
    const k = kubectlSession();
    await k.run(POD);
    expect(
      await k.transcript(`
kubectl create -f pod.yaml
sleep 5
kubectl get pod web -o yaml > live.yaml
sed 's/imagePullPolicy: IfNotPresent/imagePullPolicy: Always/' live.yaml > always.yaml
kubectl replace -f always.yaml
kubectl replace --force -f always.yaml
kubectl get pods
kubectl get pod web -o jsonpath='{.spec.containers[0].imagePullPolicy}{"\\n"}'
kubectl replace -f live.yaml
`),
    ).toBe(`$ kubectl create -f pod.yaml
pod/web created
$ sleep 5
$ kubectl get pod web -o yaml > live.yaml
$ sed 's/imagePullPolicy: IfNotPresent/imagePullPolicy: Always/' live.yaml > always.yaml
$ kubectl replace -f always.yaml
${IMMUTABLE('{"image":"nginx:1.25","imagePullPolicy":"Always","name":"web","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","name":"kube-api-access-blsbb","readOnly":true}]}')}
$ kubectl replace --force -f always.yaml
pod "web" deleted from default namespace
pod/web replaced
$ kubectl get pods
NAME   READY   STATUS              RESTARTS   AGE
web    0/1     ContainerCreating   0          0s
$ kubectl get pod web -o jsonpath='{.spec.containers[0].imagePullPolicy}{"\\n"}'
Always
$ kubectl replace -f live.yaml
Error from server (Conflict): error when replacing "live.yaml": Operation cannot be fulfilled on pods "web": StorageError: invalid object, Code: 4, Key: /registry/pods/default/web, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: 9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7, UID in object meta: 6af28642-9027-4943-8b48-526ad083aa4f
[exit 1]
`);
  });

  test('the copy kubectl edit keeps of changes a pod refused goes back with replace --force', async () => {
    const k = kubectlSession();
    await k.run(POD);
    const replies = [
      (text: string) =>
        text.replace('  - image: nginx:1.25', '  - env:\n    - name: MODE\n      value: fast\n    image: nginx:1.25'),
      (text: string) => text,
    ];
    k.host.edit = (_path, text) => Promise.resolve(replies.shift()!(text));
    expect(
      await k.transcript(`
kubectl create -f pod.yaml
sleep 5
kubectl edit pod web
kubectl replace -f /tmp/kubectl-edit-*.yaml
kubectl replace --force -f /tmp/kubectl-edit-*.yaml
kubectl get pods
kubectl get pod web -o jsonpath='{.spec.containers[0].env}{"\\n"}'
`),
    ).toBe(`$ kubectl create -f pod.yaml
pod/web created
$ sleep 5
$ kubectl edit pod web
error: pods "web" is invalid
A copy of your changes has been stored to "/tmp/kubectl-edit-1767258005.yaml"
error: Edit cancelled, no valid changes were saved.
[exit 1]
$ kubectl replace -f /tmp/kubectl-edit-*.yaml
${IMMUTABLE('{"env":[{"name":"MODE","value":"fast"}],"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"web","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","name":"kube-api-access-blsbb","readOnly":true}]}')}
$ kubectl replace --force -f /tmp/kubectl-edit-*.yaml
pod "web" deleted from default namespace
pod/web replaced
$ kubectl get pods
NAME   READY   STATUS              RESTARTS   AGE
web    0/1     ContainerCreating   0          0s
$ kubectl get pod web -o jsonpath='{.spec.containers[0].env}{"\\n"}'
[{"name":"MODE","value":"fast"}]
`);
  });

  test('dry runs change nothing; -o name and -o yaml print what the server answered, documents separated', async () => {
    const k = kubectlSession();
    await k.run(CONFIGMAP);
    expect(
      await k.transcript(`
kubectl create -f cm.yaml
sed 's/fast/slow/' cm.yaml > slow.yaml
kubectl replace -f slow.yaml --dry-run=client
kubectl replace -f slow.yaml --dry-run=server
kubectl replace -f slow.yaml --dry-run=client -o yaml
kubectl replace -f slow.yaml --dry-run=server -o name
kubectl get configmap settings -o jsonpath='{.data.mode}{"\\n"}'
kubectl replace -f slow.yaml -o name
kubectl get configmap settings -o jsonpath='{.data.mode}{"\\n"}'
kubectl replace -f cm.yaml -f slow.yaml -o yaml
`),
    ).toBe(`$ kubectl create -f cm.yaml
configmap/settings created
$ sed 's/fast/slow/' cm.yaml > slow.yaml
$ kubectl replace -f slow.yaml --dry-run=client
configmap/settings replaced (dry run)
$ kubectl replace -f slow.yaml --dry-run=server
configmap/settings replaced (server dry run)
$ kubectl replace -f slow.yaml --dry-run=client -o yaml
apiVersion: v1
data:
  mode: slow
kind: ConfigMap
metadata:
  name: settings
  namespace: default
$ kubectl replace -f slow.yaml --dry-run=server -o name
configmap/settings
$ kubectl get configmap settings -o jsonpath='{.data.mode}{"\\n"}'
fast
$ kubectl replace -f slow.yaml -o name
configmap/settings
$ kubectl get configmap settings -o jsonpath='{.data.mode}{"\\n"}'
slow
$ kubectl replace -f cm.yaml -f slow.yaml -o yaml
apiVersion: v1
data:
  mode: fast
kind: ConfigMap
metadata:
  creationTimestamp: "2026-01-01T09:00:00Z"
  name: settings
  namespace: default
  resourceVersion: "1140"
  uid: 9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7
---
apiVersion: v1
data:
  mode: slow
kind: ConfigMap
metadata:
  creationTimestamp: "2026-01-01T09:00:00Z"
  name: settings
  namespace: default
  resourceVersion: "1141"
  uid: 9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7
`);
  });

  test('--force: nothing to replace, stdin, --save-config, -o name for both steps; a plain replace keeps the annotation only if the file has it', async () => {
    const k = kubectlSession();
    await k.run(CONFIGMAP);
    expect(
      await k.transcript(`
touch empty.yaml
kubectl replace --force -f empty.yaml
cat cm.yaml | kubectl replace --force -f -
sed 's/fast/slow/' cm.yaml | kubectl replace --force --grace-period=0 --save-config -f - -o name
kubectl get configmap settings -o jsonpath='{.metadata.annotations}{"\\n"}'
kubectl replace -f cm.yaml
kubectl get configmap settings -o jsonpath='{.metadata.annotations}{"\\n"}'
`),
    ).toBe(`$ touch empty.yaml
$ kubectl replace --force -f empty.yaml
No resources found
error: no objects passed to replace
[exit 1]
$ cat cm.yaml | kubectl replace --force -f -
configmap/settings replaced
$ sed 's/fast/slow/' cm.yaml | kubectl replace --force --grace-period=0 --save-config -f - -o name
configmap/settings
configmap/settings
$ kubectl get configmap settings -o jsonpath='{.metadata.annotations}{"\\n"}'
{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"mode\\":\\"slow\\"},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"settings\\",\\"namespace\\":\\"default\\"}}\\n"}
$ kubectl replace -f cm.yaml
configmap/settings replaced
$ kubectl get configmap settings -o jsonpath='{.metadata.annotations}{"\\n"}'

`);
  });

  test('--force honours --cascade, and gives up after --timeout on an object a finalizer holds (with --wait, naming it)', async () => {
    const k = kubectlSession();
    await k.run(
      `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: held\\n  finalizers:\\n  - example.com/keep\\n' > held.yaml`,
    );
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl get deployment web -o yaml > web.yaml
sleep 10
kubectl replace --force --cascade=orphan -f web.yaml
kubectl get replicasets
kubectl create -f held.yaml
kubectl replace --force --timeout=3s -f held.yaml
kubectl replace --force --timeout=3s --wait -f held.yaml
`),
    ).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl get deployment web -o yaml > web.yaml
$ sleep 10
$ kubectl replace --force --cascade=orphan -f web.yaml
deployment.apps "web" deleted from default namespace
deployment.apps/web replaced
$ kubectl get replicasets
NAME             DESIRED   CURRENT   READY   AGE
web-68bf9f694d   2         2         2       10s
$ kubectl create -f held.yaml
configmap/held created
$ kubectl replace --force --timeout=3s -f held.yaml
configmap "held" deleted from default namespace
error: timed out waiting for the condition
[exit 1]
$ kubectl replace --force --timeout=3s --wait -f held.yaml
configmap "held" deleted from default namespace
error: timed out waiting for the condition on configmaps/held
[exit 1]
`);
  });

  test('--help prints replace.go’s help once the flags parse', async () => {
    const k = kubectlSession();
    const help = await k.run('kubectl replace --help');
    expect(help.output).toBe(REPLACE_HELP);
    expect((await k.run('kubectl help replace')).output).toBe(REPLACE_HELP);
    expect(REPLACE_HELP.split('\n').slice(0, 4).join('\n')).toBe(`Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by
`);
    expect(REPLACE_HELP.split('\n').slice(-5).join('\n')).toBe(`Usage:
  kubectl replace -f FILENAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
    expect(await k.transcript('kubectl replace -h --bogus')).toBe(`$ kubectl replace -h --bogus
error: unknown flag: --bogus
See 'kubectl replace --help' for usage.
[exit 1]
`);
  });
});
