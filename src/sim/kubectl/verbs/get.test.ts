// kubectl get's own checks before it lists anything: --raw's, the missing type, Validate's
// flag combinations, and the builder's refusals of malformed TYPE/NAME arguments
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl get', () => {
  test('--raw takes no arguments and no filtering or printing flags; the path must be one', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl get pods --raw /api
kubectl get --raw /api -w
kubectl get --raw /api -o yaml
kubectl get --raw api
kubectl get --raw /api
`),
    ).toBe(`$ kubectl get pods --raw /api
error: arguments may not be passed when --raw is specified
[exit 1]
$ kubectl get --raw /api -w
error: --raw may not be specified with other flags that filter the server request or alter the output
[exit 1]
$ kubectl get --raw /api -o yaml
error: --raw and --output are mutually exclusive
[exit 1]
$ kubectl get --raw api
error: --raw must be a valid URL path: parse "api": invalid URI for request
[exit 1]
$ kubectl get --raw /api
kubesim: 'kubectl get --raw' is not simulated
[exit 1]
`);
  });

  test('the type is asked for before -o is looked at; Validate refuses flags that do not go together', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl get -o foo
kubectl get pods --show-labels -o yaml
kubectl get pods --output-watch-events
kubectl get pods --subresource=status
`),
    ).toBe(`$ kubectl get -o foo
You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
[exit 1]
$ kubectl get pods --show-labels -o yaml
error: --show-labels option cannot be used with yaml printer
[exit 1]
$ kubectl get pods --output-watch-events
error: --output-watch-events option can only be used with --watch or --watch-only
[exit 1]
$ kubectl get pods --subresource=status
error: subresource cannot be used when bulk resources are specified
[exit 1]
`);
  });

  test('TYPE/NAME arguments are split before any type is looked up, and refused beside -f', async () => {
    const k = kubectlSession();
    await k.run(`printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings\\n' > cm.yaml`);
    expect(
      await k.transcript(`
kubectl get pods/a/b
kubectl get /web
kubectl get nosuchtype,pods/web
kubectl get pods -f cm.yaml
kubectl get pod/web -f cm.yaml
`),
    ).toBe(`$ kubectl get pods/a/b
error: arguments in resource/name form may not have more than one slash
[exit 1]
$ kubectl get /web
error: arguments in resource/name form must have a single resource and name
[exit 1]
$ kubectl get nosuchtype,pods/web
error: arguments in resource/name form must have a single resource and name
[exit 1]
$ kubectl get pods -f cm.yaml
error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well
[exit 1]
$ kubectl get pod/web -f cm.yaml
error: resource/name arguments cannot be provided when a path is specified
[exit 1]
`);
  });

  test('-k is a real flag of get, describe, label, annotate, scale and edit, but kustomize is not simulated', async () => {
    const k = kubectlSession();
    expect(await k.transcript(`\nkubectl get -k overlays/dev\n`)).toBe(`$ kubectl get -k overlays/dev
kubesim: 'kubectl get -k' is not simulated; use -f
[exit 1]
`);
  });
});
