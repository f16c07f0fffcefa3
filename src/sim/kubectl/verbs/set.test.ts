// kubectl set image and the set subcommands that are not simulated
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl set', () => {
  test('set image on deployments and pods', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl set image deployment/web nginx=nginx:1.27
kubectl set image deployment/web nginx=nginx:1.27
kubectl set image deployment web '*=nginx:1.26' --dry-run=client
kubectl run pod1 --image=nginx:1.25
kubectl set image pod/pod1 pod1=nginx:1.27
kubectl get pod pod1 -o jsonpath='{.spec.containers[0].image}{"\\n"}'
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl set image deployment/web nginx=nginx:1.27
deployment.apps/web image updated
$ kubectl set image deployment/web nginx=nginx:1.27
$ kubectl set image deployment web '*=nginx:1.26' --dry-run=client
deployment.apps/web image updated (dry run)
$ kubectl run pod1 --image=nginx:1.25
pod/pod1 created
$ kubectl set image pod/pod1 pod1=nginx:1.27
pod/pod1 image updated
$ kubectl get pod pod1 -o jsonpath='{.spec.containers[0].image}{"\\n"}'
nginx:1.27
`);
  });

  test('set image errors', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25
kubectl set image deployment/web foo=nginx:1.27
kubectl set image deployment/web nginx=nginx:1.27 foo=bar
kubectl set image deployment/web
kubectl set image nginx=nginx:1.27
kubectl set image deployment/nope nginx=nginx:1.27
kubectl set image deployment/web nginx=nginx:1.27 deployment/other
kubectl set image svc/kubernetes nginx=nginx:1.27
kubectl set image deployment/web '*=a' nginx=b
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25
deployment.apps/web created
$ kubectl set image deployment/web foo=nginx:1.27
error: unable to find container named "foo"
[exit 1]
$ kubectl set image deployment/web nginx=nginx:1.27 foo=bar
deployment.apps/web image updated
error: unable to find container named "foo"
[exit 1]
$ kubectl set image deployment/web
error: at least one image update is required
[exit 1]
$ kubectl set image nginx=nginx:1.27
error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
[exit 1]
$ kubectl set image deployment/nope nginx=nginx:1.27
Error from server (NotFound): deployments.apps "nope" not found
[exit 1]
$ kubectl set image deployment/web nginx=nginx:1.27 deployment/other
error: all resources must be specified before image changes: deployment/other
[exit 1]
$ kubectl set image svc/kubernetes nginx=nginx:1.27
error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service
[exit 1]
$ kubectl set image deployment/web '*=a' nginx=b
error: all containers are already specified by *, but saw more than one container_name=container_image pairs
[exit 1]
`);
  });

  test('the other set subcommands', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl set resources deployment/web --limits=cpu=200m
kubectl set foo
kubectl set
`);
    expect(transcript).toBe(`$ kubectl set resources deployment/web --limits=cpu=200m
kubesim: 'kubectl set resources' is not simulated
[exit 1]
$ kubectl set foo
error: unknown command "foo"
See 'kubectl set -h' for help and examples
[exit 1]
$ kubectl set
Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
[exit 1]
`);
  });

  test('set selector replaces a Service selector whole, and endpoints follow it', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx
kubectl wait --for=condition=Available deployment/web
kubectl create service clusterip front --tcp=80
kubectl get endpointslices -l kubernetes.io/service-name=front -o jsonpath={.items[0].endpoints}
kubectl set selector service front app=web
kubectl get svc front -o jsonpath={.spec.selector}
kubectl get endpointslices -l kubernetes.io/service-name=front -o jsonpath={.items[0].endpoints[*].conditions.ready}
kubectl set selector svc/front 'app=web,tier=fe' --dry-run=client -o jsonpath={.spec.selector}
kubectl get svc front -o jsonpath={.spec.selector}
kubectl set selector svc front '' -o name
kubectl get svc front -o jsonpath={.spec.selector}
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx
deployment.apps/web created
$ kubectl wait --for=condition=Available deployment/web
deployment.apps/web condition met
$ kubectl create service clusterip front --tcp=80
service/front created
$ kubectl get endpointslices -l kubernetes.io/service-name=front -o jsonpath={.items[0].endpoints}
<nil>$ kubectl set selector service front app=web
service/front selector updated
$ kubectl get svc front -o jsonpath={.spec.selector}
{"app":"web"}$ kubectl get endpointslices -l kubernetes.io/service-name=front -o jsonpath={.items[0].endpoints[*].conditions.ready}
true$ kubectl set selector svc/front 'app=web,tier=fe' --dry-run=client -o jsonpath={.spec.selector}
{"app":"web","tier":"fe"}$ kubectl get svc front -o jsonpath={.spec.selector}
{"app":"web"}$ kubectl set selector svc front '' -o name
service/front
$ kubectl get svc front -o jsonpath={.spec.selector}
`);
  });

  test('set selector: the errors kubectl gives', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx
kubectl create service clusterip web --tcp=80
kubectl set selector svc web 'tier in (a,b)'
kubectl set selector svc web 'tier!=a'
kubectl set selector svc web 'x>1'
kubectl set selector svc web 'a b'
kubectl set selector deploy web app=x
kubectl set selector svc nope app=x
kubectl set selector svc web
kubectl set selector
kubectl set selector svc web app=x -l a=b
kubectl set selector svc web app=x --resource-version=1
kubectl get svc web -o jsonpath={.spec.selector}
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx
deployment.apps/web created
$ kubectl create service clusterip web --tcp=80
service/web created
$ kubectl set selector svc web 'tier in (a,b)'
error: match expression [{tier In [a b]}] not supported on this object
[exit 1]
$ kubectl set selector svc web 'tier!=a'
error: "!=" is not a valid label selector operator
[exit 1]
$ kubectl set selector svc web 'x>1'
error: "gt" isn't supported in label selectors
[exit 1]
$ kubectl set selector svc web 'a b'
error: couldn't parse the selector string "a b": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt
[exit 1]
$ kubectl set selector deploy web app=x
error: setting a selector is only supported for Services
[exit 1]
$ kubectl set selector svc nope app=x
Error from server (NotFound): services "nope" not found
[exit 1]
$ kubectl set selector svc web
error: resource(s) were provided, but no name was specified
[exit 1]
$ kubectl set selector
error: one selector is required
[exit 1]
$ kubectl set selector svc web app=x -l a=b
error: unknown shorthand flag: 'l' in -l
See 'kubectl set selector --help' for usage.
[exit 1]
$ kubectl set selector svc web app=x --resource-version=1
Error from server (Conflict): Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again
[exit 1]
$ kubectl get svc web -o jsonpath={.spec.selector}
{"app":"web"}`);
  });

  test('--local prints the object as its Go type holds it: no namespace added, empty structs kept', async () => {
    const k = kubectlSession();
    await k.run(
      `printf 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: web\\nspec:\\n  selector:\\n    matchLabels:\\n      app: web\\n  template:\\n    metadata:\\n      labels:\\n        app: web\\n    spec:\\n      containers:\\n      - name: nginx\\n        image: nginx\\n' > web.yaml`,
    );
    expect(await k.transcript(`\nkubectl set image -f web.yaml nginx=nginx:1.27 --local -o yaml\n`))
      .toBe(`$ kubectl set image -f web.yaml nginx=nginx:1.27 --local -o yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        resources: {}
status: {}
`);
  });

  test('sa is serviceaccount, real but not simulated', async () => {
    const k = kubectlSession();
    expect(await k.transcript(`\nkubectl set sa deployment/web builder\n`)).toBe(`$ kubectl set sa deployment/web builder
kubesim: 'kubectl set serviceaccount' is not simulated
[exit 1]
`);
  });

  test('--local takes its objects from -f only', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl set image deployment/web nginx=nginx:1.27 --local
kubectl set selector service/web app=web --local
`),
    ).toBe(`$ kubectl set image deployment/web nginx=nginx:1.27 --local
error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
[exit 1]
$ kubectl set selector service/web app=web --local
error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
[exit 1]
`);
  });
});
