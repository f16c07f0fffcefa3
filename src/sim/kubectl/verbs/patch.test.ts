// kubectl patch: the three patch types against the simulated apiserver, and upstream's messages
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl patch', () => {
  test('strategic merge patch on a deployment: replicas, an image by container name, no change', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deploy/web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'
kubectl get deployment web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[*].image} {.metadata.generation}{"\\n"}'
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"log","image":"busybox"}]}}}}'
kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[*].name}{"\\n"}'
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"log","$patch":"delete"}]}}}}'
kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[*].name}{"\\n"}'
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.27"}]}}}}'
kubectl patch deployment web -p '{"status":{"replicas":7}}'
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl patch deployment web -p '{"spec":{"replicas":3}}'
deployment.apps/web patched
$ kubectl patch deployment web -p '{"spec":{"replicas":3}}'
deployment.apps/web patched (no change)
$ kubectl patch deploy/web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'
deployment.apps/web patched
$ kubectl get deployment web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[*].image} {.metadata.generation}{"\\n"}'
3 nginx:1.26 3
$ kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"log","image":"busybox"}]}}}}'
deployment.apps/web patched
$ kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[*].name}{"\\n"}'
log nginx
$ kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"log","$patch":"delete"}]}}}}'
deployment.apps/web patched
$ kubectl get deployment web -o jsonpath='{.spec.template.spec.containers[*].name}{"\\n"}'
nginx
$ kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.27"}]}}}}'
Error from server: map: map[image:nginx:1.27] does not contain declared merge key: name
[exit 1]
$ kubectl patch deployment web -p '{"status":{"replicas":7}}'
deployment.apps/web patched (no change)
`);
  });

  test('merge patch on a service: fields, a replaced port list, a validation error', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25
kubectl expose deployment web --port=80 --type=NodePort
kubectl patch svc web --type=merge -p '{"spec":{"externalTrafficPolicy":"Local","sessionAffinity":"ClientIP"}}'
kubectl get svc web -o jsonpath='{.spec.externalTrafficPolicy} {.spec.sessionAffinity}{"\\n"}'
kubectl patch svc web --type merge -p '{"spec":{"ports":[{"name":"http","port":8080,"targetPort":80}]}}'
kubectl get svc web -o jsonpath='{range .spec.ports[*]}{.name} {.port}->{.targetPort}{"\\n"}{end}'
kubectl patch svc web --type=merge -p '{"spec":{"sessionAffinity":null}}'
kubectl get svc web -o jsonpath='{.spec.sessionAffinity}{"\\n"}'
kubectl patch svc web --type=merge -p '{"spec":{"externalTrafficPolicy":"Nowhere"}}'
kubectl patch svc web --type=merge -p '{"spec":{"sessionAffinity":"None"},"metadata":{"labels":{"app":"web"}}}'
kubectl patch svc web --type=merge -p '{"spec":{"ports":[{"port":"80"}]}}'
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25
deployment.apps/web created
$ kubectl expose deployment web --port=80 --type=NodePort
service/web exposed
$ kubectl patch svc web --type=merge -p '{"spec":{"externalTrafficPolicy":"Local","sessionAffinity":"ClientIP"}}'
service/web patched
$ kubectl get svc web -o jsonpath='{.spec.externalTrafficPolicy} {.spec.sessionAffinity}{"\\n"}'
Local ClientIP
$ kubectl patch svc web --type merge -p '{"spec":{"ports":[{"name":"http","port":8080,"targetPort":80}]}}'
service/web patched
$ kubectl get svc web -o jsonpath='{range .spec.ports[*]}{.name} {.port}->{.targetPort}{"\\n"}{end}'
http 8080->80
$ kubectl patch svc web --type=merge -p '{"spec":{"sessionAffinity":null}}'
service/web patched
$ kubectl get svc web -o jsonpath='{.spec.sessionAffinity}{"\\n"}'
None
$ kubectl patch svc web --type=merge -p '{"spec":{"externalTrafficPolicy":"Nowhere"}}'
The Service "web" is invalid: spec.externalTrafficPolicy: Unsupported value: "Nowhere": supported values: "Cluster", "Local"
[exit 1]
$ kubectl patch svc web --type=merge -p '{"spec":{"sessionAffinity":"None"},"metadata":{"labels":{"app":"web"}}}'
service/web patched (no change)
$ kubectl patch svc web --type=merge -p '{"spec":{"ports":[{"port":"80"}]}}'
kubesim: the patched object does not decode (spec.ports[0].port: unrecognized type: int32); the apiserver's full error for this is not simulated
[exit 1]
`);
  });

  test('JSON patch: add, replace, remove, test, and the errors from the server and from kubectl', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2},{"op":"add","path":"/metadata/labels/tier","value":"web"}]'
kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"},{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.26"}]'
kubectl get deployment web -o jsonpath='{.spec.replicas} {.metadata.labels} {.spec.template.spec.containers[0].image}{"\\n"}'
kubectl patch deployment web --type=json -p '[{"op":"test","path":"/spec/replicas","value":2}]'
kubectl patch deployment web --type=json -p '[{"op":"test","path":"/spec/replicas","value":5}]'
kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"}]'
kubectl patch deployment web --type=json -p '[{"op":"add","path":"/spec/nope/x","value":1}]' --dry-run=client
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/3","value":{}}]' --dry-run=client
kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"}]' --dry-run=client
kubectl patch deployment web --type=json -p '{"op":"replace","path":"/spec/replicas","value":2}'
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":-1}]'
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25
deployment.apps/web created
$ kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2},{"op":"add","path":"/metadata/labels/tier","value":"web"}]'
deployment.apps/web patched
$ kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"},{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.26"}]'
deployment.apps/web patched
$ kubectl get deployment web -o jsonpath='{.spec.replicas} {.metadata.labels} {.spec.template.spec.containers[0].image}{"\\n"}'
2 {"app":"web"} nginx:1.26
$ kubectl patch deployment web --type=json -p '[{"op":"test","path":"/spec/replicas","value":2}]'
deployment.apps/web patched (no change)
$ kubectl patch deployment web --type=json -p '[{"op":"test","path":"/spec/replicas","value":5}]'
The request is invalid: the server rejected our request due to an error in our request
[exit 1]
$ kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"}]'
The request is invalid: the server rejected our request due to an error in our request
[exit 1]
$ kubectl patch deployment web --type=json -p '[{"op":"add","path":"/spec/nope/x","value":1}]' --dry-run=client
error: add operation does not apply: doc is missing path: "/spec/nope/x": missing value
[exit 1]
$ kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/3","value":{}}]' --dry-run=client
error: Object to be patched is missing field (/spec/template/spec/containers/3: missing value)
[exit 1]
$ kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"}]' --dry-run=client
error: error in remove for path: '/metadata/labels/tier': Unable to remove nonexistent key: tier: missing value
[exit 1]
$ kubectl patch deployment web --type=json -p '{"op":"replace","path":"/spec/replicas","value":2}'
Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp
[exit 1]
$ kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":-1}]'
The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0
[exit 1]
`);
  });

  test('dry runs and -o: nothing is stored, the object is printed', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create namespace team
kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' --dry-run=client
kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' --dry-run=server
kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' --dry-run=server -o jsonpath='{.metadata.labels.env}{"\\n"}'
kubectl get namespace team --show-labels
kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' -o yaml | grep -v resourceVersion
echo 'apiVersion: v1' > cm.yaml
echo 'kind: ConfigMap' >> cm.yaml
echo 'metadata: {name: settings}' >> cm.yaml
echo 'data: {mode: fast}' >> cm.yaml
kubectl patch -f cm.yaml --local --type=merge -p 'data: {mode: slow, level: "3"}' -o yaml
kubectl patch namespace team --type=merge -p '{"metadata":{"labels":{"env":"dev"}}}' -o name
kubectl patch namespace team -p '{}' --dry-run=maybe
`);
    expect(transcript).toBe(`$ kubectl create namespace team
namespace/team created
$ kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' --dry-run=client
namespace/team patched (dry run)
$ kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' --dry-run=server
namespace/team patched (server dry run)
$ kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' --dry-run=server -o jsonpath='{.metadata.labels.env}{"\\n"}'
dev
$ kubectl get namespace team --show-labels
NAME   STATUS   AGE   LABELS
team   Active   0s    kubernetes.io/metadata.name=team
$ kubectl patch namespace team -p '{"metadata":{"labels":{"env":"dev"}}}' -o yaml | grep -v resourceVersion
apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: "2026-01-01T09:00:00Z"
  labels:
    env: dev
    kubernetes.io/metadata.name: team
  name: team
  uid: 9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7
spec:
  finalizers:
  - kubernetes
status:
  phase: Active
$ echo 'apiVersion: v1' > cm.yaml
$ echo 'kind: ConfigMap' >> cm.yaml
$ echo 'metadata: {name: settings}' >> cm.yaml
$ echo 'data: {mode: fast}' >> cm.yaml
$ kubectl patch -f cm.yaml --local --type=merge -p 'data: {mode: slow, level: "3"}' -o yaml
apiVersion: v1
data:
  level: "3"
  mode: slow
kind: ConfigMap
metadata:
  name: settings
$ kubectl patch namespace team --type=merge -p '{"metadata":{"labels":{"env":"dev"}}}' -o name
namespace/team
$ kubectl patch namespace team -p '{}' --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
`);
  });

  test('YAML patches, --patch-file, unknown fields and malformed JSON', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25
kubectl patch deployment web -p 'spec: {replicas: 2}'
echo 'spec:' > patch.yaml
echo '  minReadySeconds: 5' >> patch.yaml
kubectl patch deployment web --patch-file patch.yaml
kubectl patch deployment web --patch-file nope.yaml
kubectl get deployment web -o jsonpath='{.spec.replicas} {.spec.minReadySeconds}{"\\n"}'
kubectl patch deployment web -p '{"spec":{"replica":3,"paused":true}}'
kubectl patch deployment web -p '{"spec":{"replicas":"3"}}'
kubectl patch deployment web -p '{spec:{replicas:3}}'
kubectl patch deployment web --type=merge -p '{"spec":{"replicas":3}'
kubectl patch deployment web -p '{"metadata":{"name":"other"}}'
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25
deployment.apps/web created
$ kubectl patch deployment web -p 'spec: {replicas: 2}'
deployment.apps/web patched
$ echo 'spec:' > patch.yaml
$ echo '  minReadySeconds: 5' >> patch.yaml
$ kubectl patch deployment web --patch-file patch.yaml
deployment.apps/web patched
$ kubectl patch deployment web --patch-file nope.yaml
error: unable to read patch file: open nope.yaml: no such file or directory
[exit 1]
$ kubectl get deployment web -o jsonpath='{.spec.replicas} {.spec.minReadySeconds}{"\\n"}'
2 5
$ kubectl patch deployment web -p '{"spec":{"replica":3,"paused":true}}'
Warning: unknown field "spec.replica"
deployment.apps/web patched
$ kubectl patch deployment web -p '{"spec":{"replicas":"3"}}'
The request is invalid: patch: Invalid value: "map[spec:map[replicas:3]]": unrecognized type: int32
[exit 1]
$ kubectl patch deployment web -p '{spec:{replicas:3}}'
Error from server (BadRequest): invalid character 's' looking for beginning of object key string
[exit 1]
$ kubectl patch deployment web --type=merge -p '{"spec":{"replicas":3}'
Error from server (BadRequest): error decoding patch: unexpected end of JSON input
[exit 1]
$ kubectl patch deployment web -p '{"metadata":{"name":"other"}}'
Error from server (BadRequest): the name of the object (other) does not match the name on the URL (web)
[exit 1]
`);
  });

  test('usage errors, NotFound, --local, --record', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl run web --image=nginx
kubectl patch pod web
kubectl patch pod web -p '{}' --patch-file p.yaml
kubectl patch pod web -p '{}' --type=yaml
kubectl patch pod nope -p '{}'
kubectl patch pods -p '{}'
kubectl patch pod web -p '{}' --subresource=scale
kubectl patch pod web -p '{}' --subresource=spec
kubectl get pod web -o yaml > pod.yaml
kubectl patch -f pod.yaml --local -p '{"metadata":{"labels":{"tier":"web"}}}' -o jsonpath='{.metadata.labels}{"\\n"}'
kubectl patch pod web --local -p '{}'
kubectl create deployment d --image=nginx
kubectl patch deploy d -p '{"spec":{"replicas":2}}' --record
kubectl get deploy d -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
`);
    expect(transcript).toBe(`$ kubectl run web --image=nginx
pod/web created
$ kubectl patch pod web
error: must specify --patch or --patch-file containing the contents of the patch
[exit 1]
$ kubectl patch pod web -p '{}' --patch-file p.yaml
error: cannot specify --patch and --patch-file together
[exit 1]
$ kubectl patch pod web -p '{}' --type=yaml
error: --type must be one of [json merge strategic], not "yaml"
[exit 1]
$ kubectl patch pod nope -p '{}'
Error from server (NotFound): pods "nope" not found
[exit 1]
$ kubectl patch pods -p '{}'
error: resource(s) were provided, but no name was specified
[exit 1]
$ kubectl patch pod web -p '{}' --subresource=scale
kubesim: 'kubectl patch --subresource' is not simulated; patch the object itself (or use kubectl scale)
[exit 1]
$ kubectl patch pod web -p '{}' --subresource=spec
error: invalid subresource value: "spec". Must be one of [status scale]
[exit 1]
$ kubectl get pod web -o yaml > pod.yaml
$ kubectl patch -f pod.yaml --local -p '{"metadata":{"labels":{"tier":"web"}}}' -o jsonpath='{.metadata.labels}{"\\n"}'
{"run":"web","tier":"web"}
$ kubectl patch pod web --local -p '{}'
error: cannot specify --local and server resources
[exit 1]
$ kubectl create deployment d --image=nginx
deployment.apps/d created
$ kubectl patch deploy d -p '{"spec":{"replicas":2}}' --record
Flag --record has been deprecated, --record will be removed in the future
deployment.apps/d patched
$ kubectl get deploy d -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
kubectl patch deploy d --patch={"spec":{"replicas":2}} --record=true
`);
  });
});
