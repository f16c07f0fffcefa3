// kubectl apply's checks as ApplyFlags.ToOptions and Validate make them, the dry runs' words,
// and -o: each object printed as it is applied, a format no printer makes refused after the fact
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

const MANIFEST = `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings\\n  labels:\\n    app: web\\ndata:\\n  mode: fast\\n' > cm.yaml`;

describe('kubectl apply', () => {
  test('refusals before anything is read: arguments, dry-run, -f or -k, --validate, selectors and flag combinations', async () => {
    const k = kubectlSession();
    await k.run(MANIFEST);
    expect(
      await k.transcript(`
kubectl apply
kubectl apply cm.yaml
kubectl apply -f cm.yaml --dry-run=maybe
kubectl apply -f cm.yaml --validate=STRICT
kubectl apply -f cm.yaml -l 'app in ('
kubectl apply -f cm.yaml --all -l app=web
kubectl apply -f cm.yaml --prune
kubectl apply -f cm.yaml --server-side --dry-run=client
kubectl apply -f cm.yaml --server-side --force
kubectl apply -f cm.yaml --force-conflicts
kubectl apply -f cm.yaml -k .
kubectl apply view-last-applied configmap settings
kubectl get configmap settings
`),
    ).toBe(`$ kubectl apply
error: must specify one of -f and -k
[exit 1]
$ kubectl apply cm.yaml
error: Unexpected args: [cm.yaml]
See 'kubectl apply -h' for help and examples
[exit 1]
$ kubectl apply -f cm.yaml --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
$ kubectl apply -f cm.yaml --validate=STRICT
error: invalid - validate option "STRICT"; must be one of: strict (or true), warn, ignore (or false)
[exit 1]
$ kubectl apply -f cm.yaml -l 'app in ('
error: the provided selector "app in (" is not valid: unable to parse requirement: found '', expected: ',', ')' or identifier
[exit 1]
$ kubectl apply -f cm.yaml --all -l app=web
error: cannot set --all and --selector at the same time
[exit 1]
$ kubectl apply -f cm.yaml --prune
error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector
[exit 1]
$ kubectl apply -f cm.yaml --server-side --dry-run=client
error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)
[exit 1]
$ kubectl apply -f cm.yaml --server-side --force
error: --force cannot be used with --server-side
[exit 1]
$ kubectl apply -f cm.yaml --force-conflicts
error: --force-conflicts only works with --server-side
[exit 1]
$ kubectl apply -f cm.yaml -k .
error: only one of -f or -k can be specified
[exit 1]
$ kubectl apply view-last-applied configmap settings
kubesim: 'kubectl apply view-last-applied' is not simulated
[exit 1]
$ kubectl get configmap settings
Error from server (NotFound): configmaps "settings" not found
[exit 1]
`);
  });

  test('dry runs say so as PrintFlagsWithDryRunStrategy words it; -o prints each object, or fails it', async () => {
    const k = kubectlSession();
    await k.run(MANIFEST);
    expect(
      await k.transcript(`
kubectl apply -f cm.yaml --dry-run=client
kubectl apply -f cm.yaml --dry-run=server
kubectl apply -f cm.yaml --dry-run=client -o jsonpath='{.data.mode}{"\\n"}'
kubectl apply -f cm.yaml -l app=other
kubectl apply -f cm.yaml -o wide
kubectl apply -f cm.yaml -o name
`),
    ).toBe(`$ kubectl apply -f cm.yaml --dry-run=client
configmap/settings created (dry run)
$ kubectl apply -f cm.yaml --dry-run=server
configmap/settings created (server dry run)
$ kubectl apply -f cm.yaml --dry-run=client -o jsonpath='{.data.mode}{"\\n"}'
fast
$ kubectl apply -f cm.yaml -l app=other
error: no objects passed to apply
[exit 1]
$ kubectl apply -f cm.yaml -o wide
error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
[exit 1]
$ kubectl apply -f cm.yaml -o name
configmap/settings
`);
  });
});
