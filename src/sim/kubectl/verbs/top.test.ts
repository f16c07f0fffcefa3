// kubectl top on a cluster without a Metrics Server (kind ships none): kubectl's own checks of its
// arguments first, then "Metrics API not available" for every request that passes them
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl top', () => {
  test('top pod and top node end on the missing Metrics API, after the argument checks of top_pod.go and top_node.go', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl top pod
kubectl top pods web --containers -n kube-system
kubectl top nodes --sort-by=memory
kubectl top po a b
kubectl top node --sort-by=disk
kubectl top no kind-worker -l x=y
kubectl top pod web --field-selector=status.phase=Running
kubectl top pod -l 'x in (a'
kubectl top pod --field-selector=bogus
kubectl top node --containers
`),
    ).toBe(`$ kubectl top pod
error: Metrics API not available
[exit 1]
$ kubectl top pods web --containers -n kube-system
error: Metrics API not available
[exit 1]
$ kubectl top nodes --sort-by=memory
error: Metrics API not available
[exit 1]
$ kubectl top po a b
error: pod [NAME | -l label]
See 'kubectl top pod -h' for help and examples
[exit 1]
$ kubectl top node --sort-by=disk
error: --sort-by accepts only cpu or memory
[exit 1]
$ kubectl top no kind-worker -l x=y
error: only one of NAME or --selector can be provided
[exit 1]
$ kubectl top pod web --field-selector=status.phase=Running
error: only one of NAME or selector can be provided
[exit 1]
$ kubectl top pod -l 'x in (a'
error: unable to parse requirement: found '', expected: ',' or ')'
[exit 1]
$ kubectl top pod --field-selector=bogus
error: invalid selector: 'bogus'; can't understand 'bogus'
[exit 1]
$ kubectl top node --containers
error: unknown flag: --containers
See 'kubectl top node --help' for usage.
[exit 1]
`);
  });

  test('the group alone prints its help on stderr and fails; -h prints it on stdout; other words are unknown commands', async () => {
    const k = kubectlSession();
    const bare = await k.run('kubectl top');
    expect(bare).toMatchObject({ status: 1, stdout: '' });
    const help = await k.run('kubectl top -h');
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(bare.stderr).toBe(help.stdout);
    expect(help.stdout).toBe(`Display Resource (CPU/Memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node        Display resource (CPU/memory) usage of nodes
  pod         Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
    expect(await k.transcript('\nkubectl top foo bar\n')).toBe(`$ kubectl top foo bar
error: unknown command "foo bar"
See 'kubectl top -h' for help and examples
[exit 1]
`);
  });
});
