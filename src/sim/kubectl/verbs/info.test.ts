// kubectl version and cluster-info: their argument checks, version's yaml as yaml.Marshal and
// Fprintln leave it, and what either says when the kubeconfig leads nowhere
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl version and cluster-info', () => {
  test('version: no arguments; -o yaml quotes the numbers and ends in a blank line', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl version extra
kubectl version --client -o yaml
kubectl version -o table
`),
    ).toBe(`$ kubectl version extra
error: extra arguments: [extra]
[exit 1]
$ kubectl version --client -o yaml
clientVersion:
  compiler: gc
  gitTreeState: clean
  gitVersion: v1.36.0
  goVersion: go1.26.1
  major: "1"
  minor: "36"
  platform: linux/amd64
kustomizeVersion: v5.8.1

$ kubectl version -o table
error: --output must be 'yaml' or 'json'
[exit 1]
`);
  });

  test('a missing context stops version before it prints; a context without the cluster after the client half', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl version --context=nope
kubectl version --context=nope --client
kubectl config set-context lost --namespace=dev
kubectl version --context=lost
kubectl api-resources --context=nope
kubectl cluster-info --context=nope
kubectl get pods --context=nope
`),
    ).toBe(`$ kubectl version --context=nope
error: context "nope" does not exist
[exit 1]
$ kubectl version --context=nope --client
Client Version: v1.36.0
Kustomize Version: v5.8.1
$ kubectl config set-context lost --namespace=dev
Context "lost" created.
$ kubectl version --context=lost
Client Version: v1.36.0
Kustomize Version: v5.8.1
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl api-resources --context=nope
error: context "nope" does not exist
[exit 1]
$ kubectl cluster-info --context=nope
error: context "nope" does not exist
[exit 1]
$ kubectl get pods --context=nope
Error in configuration: context was not found for specified context: nope
[exit 1]
`);
  });

  test('cluster-info dump parses its own flags; --kubeconfig must name a file that exists', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl cluster-info dump --foo
kubectl cluster-info dump
kubectl get pods --kubeconfig=/nonexistent
`),
    ).toBe(`$ kubectl cluster-info dump --foo
error: unknown flag: --foo
See 'kubectl cluster-info dump --help' for usage.
[exit 1]
$ kubectl cluster-info dump
kubesim: 'kubectl cluster-info dump' is not simulated
[exit 1]
$ kubectl get pods --kubeconfig=/nonexistent
error: stat /nonexistent: no such file or directory
[exit 1]
`);
  });
});

describe('kubectl explain and api-resources', () => {
  test('their argument checks', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl explain
kubectl explain pods services
kubectl api-resources pods
`),
    ).toBe(`$ kubectl explain
error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.
[exit 1]
$ kubectl explain pods services
error: We accept only this format: explain RESOURCE
[exit 1]
$ kubectl api-resources pods
error: unexpected arguments: [pods]
See 'kubectl api-resources -h' for help and examples
[exit 1]
`);
  });
});
