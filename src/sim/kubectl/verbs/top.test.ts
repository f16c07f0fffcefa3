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
    expect(help.stdout).toBe(`Display resource (CPU/memory) usage.

 This command provides a view of recent resource consumption for nodes and pods. It fetches metrics from the Metrics Server, which aggregates this data from the kubelet on each node. The Metrics Server must be installed and running in the cluster for this command to work.

 The metrics shown are specifically optimized for Kubernetes autoscaling decisions, such as those made by the Horizontal Pod Autoscaler (HPA) and Vertical Pod Autoscaler (VPA). Because of this, the values may not match those from standard OS tools like 'top', as the metrics are designed to provide a stable signal for autoscalers rather than for pinpoint accuracy.

 When to use this command:

  *  For on-the-fly spot-checks of resource usage (e.g. identify which pods are consuming the most resources at a glance, or get a quick sense of the load on your nodes)
  *  Understand current resource consumption patterns
  *  Validate the behavior of your HPA or VPA configurations by seeing the metrics they use for scaling decisions.

 It is not intended to be a replacement for full-featured monitoring solutions. Its primary design goal is to provide a low-overhead signal for autoscalers, not to be a perfectly accurate monitoring tool. For high-accuracy reporting, historical analysis, dashboarding, or alerting, you should use a dedicated monitoring solution.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

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
