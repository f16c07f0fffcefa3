// kubectl delete's checks, in delete.go's order: --cascade as the flags become options, then
// Complete (--now, --grace-period, --dry-run, the builder's own refusals), then Validate
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl delete', () => {
  test('flags and arguments that cannot go together are refused before anything is deleted', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx');
    expect(
      await k.transcript(`
kubectl delete deployment web --cascade=sometimes
kubectl delete deployment web --now --grace-period=5
kubectl delete deployment web --dry-run=maybe
kubectl delete deployments --all -l app=web
kubectl delete deployments --all web
kubectl delete deployment/web/x
kubectl delete deployment web deployment/web
kubectl delete -l app=web
kubectl delete deployment web -o yaml
kubectl delete deployment web --force --grace-period=5
kubectl delete deployments
kubectl get deployments
`),
    ).toBe(`$ kubectl delete deployment web --cascade=sometimes
error: invalid cascade value (sometimes). Must be "background", "foreground", or "orphan"
[exit 1]
$ kubectl delete deployment web --now --grace-period=5
error: --now and --grace-period cannot be specified together
[exit 1]
$ kubectl delete deployment web --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
$ kubectl delete deployments --all -l app=web
error: setting 'all' parameter but found a non empty selector. 
[exit 1]
$ kubectl delete deployments --all web
error: name cannot be provided when a selector is specified
[exit 1]
$ kubectl delete deployment/web/x
error: arguments in resource/name form may not have more than one slash
[exit 1]
$ kubectl delete deployment web deployment/web
error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'
[exit 1]
$ kubectl delete -l app=web
error: at least one resource must be specified to use a selector
[exit 1]
$ kubectl delete deployment web -o yaml
error: unexpected -o output mode: yaml. We only support '-o name'
[exit 1]
$ kubectl delete deployment web --force --grace-period=5
error: --force and --grace-period greater than 0 cannot be specified together
[exit 1]
$ kubectl delete deployments
error: resource(s) were provided, but no name was specified
[exit 1]
$ kubectl get deployments
NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    0/1     1            0           0s
`);
  });

  test('--field-selector, a boolean --cascade with its warning, and what --ignore-not-found keeps quiet', async () => {
    const k = kubectlSession();
    await k.run('kubectl run one --image=nginx');
    await k.run('kubectl run two --image=nginx');
    expect(
      await k.transcript(`
kubectl delete pods --field-selector=metadata.name=one --cascade=true
kubectl delete pod nothere --ignore-not-found
kubectl delete pods -l run=nothere
kubectl get pods -o name
`),
    ).toBe(`$ kubectl delete pods --field-selector=metadata.name=one --cascade=true
warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.
pod "one" deleted from default namespace
$ kubectl delete pod nothere --ignore-not-found
$ kubectl delete pods -l run=nothere
No resources found
$ kubectl get pods -o name
pod/two
`);
  });
});
