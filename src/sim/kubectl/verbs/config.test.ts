// kubectl config: contexts made, switched, renamed and deleted as config/*.go do it, view as the
// v1 Config, and what a context without the kind cluster does to every other command
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl config', () => {
  test('a context made without --cluster leads nowhere: localhost:8080 refuses, as clientcmd falls back to it', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl config set-context --current -n dev
kubectl config set-context dev --namespace=dev
kubectl config use dev
kubectl config get-contexts
kubectl get pods
kubectl version
kubectl config view --minify
kubectl config set-context --current --cluster=kind-kind --user=kind-kind
kubectl config view --minify -o jsonpath='{..namespace}'
`),
    ).toBe(`$ kubectl config set-context --current -n dev
error: unknown shorthand flag: 'n' in -n
See 'kubectl config set-context --help' for usage.
[exit 1]
$ kubectl config set-context dev --namespace=dev
Context "dev" created.
$ kubectl config use dev
Switched to context "dev".
$ kubectl config get-contexts
CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE
*         dev                                 dev
          kind-kind   kind-kind   kind-kind   
$ kubectl get pods
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl version
Client Version: v1.36.0
Kustomize Version: v5.8.1
The connection to the server localhost:8080 was refused - did you specify the right host or port?
[exit 1]
$ kubectl config view --minify
apiVersion: v1
clusters: null
contexts:
- context:
    cluster: ""
    namespace: dev
    user: ""
  name: dev
current-context: dev
kind: Config
preferences: {}
users: null
$ kubectl config set-context --current --cluster=kind-kind --user=kind-kind
Context "dev" modified.
$ kubectl config view --minify -o jsonpath='{..namespace}'
dev`);
  });

  test('renaming and deleting contexts, and a current context that is gone', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl config rename-context kind-kind kind-kind
kubectl config rename-context kind-kind kind
kubectl config current-context
kubectl config get-contexts kind nope -o name
kubectl config delete-context nope
kubectl config delete-context kind
kubectl get pods --context=kind
kubectl get pods
kubectl config view
`),
    ).toBe(`$ kubectl config rename-context kind-kind kind-kind
error: cannot rename the context "kind-kind", the context "kind-kind" already exists in /home/learner/.kube/config
[exit 1]
$ kubectl config rename-context kind-kind kind
Context "kind-kind" renamed to "kind".
$ kubectl config current-context
kind
$ kubectl config get-contexts kind nope -o name
kind
error: context nope not found
[exit 1]
$ kubectl config delete-context nope
error: cannot delete context nope, not in /home/learner/.kube/config
[exit 1]
$ kubectl config delete-context kind
warning: this removed your active context, use "kubectl config use-context" to select a different one
deleted context kind from /home/learner/.kube/config
$ kubectl get pods --context=kind
Error in configuration: context was not found for specified context: kind
[exit 1]
$ kubectl get pods
Error in configuration: context was not found for specified context: kind
[exit 1]
$ kubectl config view
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:39637
  name: kind-kind
contexts: null
current-context: kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
  });

  test('argument and flag errors: help printed before Unexpected args, usage errors, the group alone', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl config use-context
kubectl config set-context --current dev
kubectl config get-contexts -o wide
kubectl config view extra
kubectl config view -o foo
kubectl config foo bar
kubectl config set-cluster kind-kind --server=https://1.2.3.4
kubectl config get-clusters
kubectl config view -o json --minify
`),
    ).toBe(`$ kubectl config use-context
Set the current-context in a kubeconfig file.

Aliases:
use-context, use

Examples:
  # Use the context for the minikube cluster
  kubectl config use-context minikube

Usage:
  kubectl config use-context CONTEXT_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
error: Unexpected args: []
[exit 1]
$ kubectl config set-context --current dev
error: you cannot specify both a context name and --current
[exit 1]
$ kubectl config get-contexts -o wide
error: --output wide is not available in kubectl config get-contexts; resetting to default output format
[exit 1]
$ kubectl config view extra
error: unexpected arguments: [extra]
See 'kubectl config view -h' for help and examples
[exit 1]
$ kubectl config view -o foo
error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
[exit 1]
$ kubectl config foo bar
error: unknown command "foo bar"
See 'kubectl config -h' for help and examples
[exit 1]
$ kubectl config set-cluster kind-kind --server=https://1.2.3.4
kubesim: 'kubectl config set-cluster' is not simulated
[exit 1]
$ kubectl config get-clusters
NAME
kind-kind
$ kubectl config view -o json --minify
{
    "kind": "Config",
    "apiVersion": "v1",
    "preferences": {},
    "clusters": [
        {
            "name": "kind-kind",
            "cluster": {
                "server": "https://127.0.0.1:39637",
                "certificate-authority-data": "DATA+OMITTED"
            }
        }
    ],
    "users": [
        {
            "name": "kind-kind",
            "user": {
                "client-certificate-data": "DATA+OMITTED",
                "client-key-data": "DATA+OMITTED"
            }
        }
    ],
    "contexts": [
        {
            "name": "kind-kind",
            "context": {
                "cluster": "kind-kind",
                "user": "kind-kind"
            }
        }
    ],
    "current-context": "kind-kind"
}
`);
    const bare = await k.run('kubectl config');
    expect(bare).toMatchObject({ status: 1, stdout: '' });
    const help = await k.run('kubectl config -h');
    expect(help).toMatchObject({ status: 0, stdout: bare.stderr });
    expect(help.stdout.split('\n')[0]).toBe(
      'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".',
    );
  });
});
