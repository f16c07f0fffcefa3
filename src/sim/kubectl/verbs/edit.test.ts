// kubectl edit: the browser's editor stands in as host.edit; without one the command explains itself
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl edit', () => {
  test('without an editor (the CLI, scripts) it points to apply -f', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl create deployment web --image=nginx:1.25
kubectl edit deployment/web
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25
deployment.apps/web created
$ kubectl edit deployment/web
kubesim: 'kubectl edit' needs the browser's editor; use kubectl apply -f in scripts
[exit 1]
`);
  });

  test('tells the editor what it edits, for its title', async () => {
    const k = kubectlSession();
    const titles: (string | undefined)[] = [];
    k.host.edit = (_path, _text, title) => (titles.push(title), Promise.resolve(null));
    await k.run('kubectl create deployment web --image=nginx:1.25\nkubectl create service clusterip web --tcp=80:80');
    await k.run('kubectl edit deployment/web\nkubectl edit deploy/web svc/web');
    expect(titles).toEqual(['kubectl edit deployment/web', 'kubectl edit deployment/web service/web']);
  });

  test('applies the edit, cancels unchanged files and reopens invalid ones with the reasons', async () => {
    const k = kubectlSession();
    const opened: { path: string; text: string }[] = [];
    const replies: ((text: string) => string | null)[] = [
      (t) => t.replace('replicas: 2', 'replicas: 3'),
      (t) => t,
      () => null,
      (t) => t.replace('replicas: 3', 'replicas: -1'),
      (t) => t.replace('replicas: -1', 'replicas: 4'),
      (t) => t.replace('image: nginx:1.25', 'image: nginx:1.27').replace('replicas: 4', 'replicas: : 4'),
      (t) => t,
    ];
    k.host.edit = (path, text) => {
      opened.push({ path, text });
      return Promise.resolve(replies.shift()!(text));
    };
    const transcript = await k.transcript(`
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl edit deployment/web
kubectl edit deployment/web
kubectl edit deployment web
kubectl edit deploy/web
kubectl edit deploy/web
kubectl get deployment web
kubectl edit deploy/nope
`);
    expect(transcript).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl edit deployment/web
deployment.apps/web edited
$ kubectl edit deployment/web
Edit cancelled, no changes made.
$ kubectl edit deployment web
Edit cancelled, no changes made.
$ kubectl edit deploy/web
error: deployments.apps "web" is invalid
deployment.apps/web edited
$ kubectl edit deploy/web
A copy of your changes has been stored to "/tmp/kubectl-edit-1767258000.yaml"
error: Edit cancelled, no valid changes were saved.
[exit 1]
$ kubectl get deployment web
NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    0/4     4            0           0s
$ kubectl edit deploy/nope
Error from server (NotFound): deployments.apps "nope" not found
[exit 1]
`);
    expect(opened[0]!.path).toBe('/tmp/kubectl-edit-1767258000.yaml');
    expect(opened[0]!.text.split('\n').slice(0, 8).join('\n'))
      .toBe(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:`);
    expect(opened[4]!.text.split('\n').slice(0, 7).join('\n'))
      .toBe(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
# deployments.apps "web" was not valid:
# * spec.replicas: Invalid value: -1: must be greater than or equal to 0
#`);
    expect(opened[6]!.text.split('\n').slice(4, 6).join('\n')).toMatch(
      /^# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: .+\n#$/,
    );
  });
});
