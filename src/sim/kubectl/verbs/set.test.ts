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
kubectl set env deployment/web A=B
kubectl set foo
kubectl set
`);
    expect(transcript).toBe(`$ kubectl set env deployment/web A=B
kubesim: 'kubectl set env' is not simulated
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
});
