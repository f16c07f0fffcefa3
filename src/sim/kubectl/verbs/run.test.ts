// kubectl run's dry runs: Complete checks the strategy first, a server dry run creates nothing,
// and an attached pod cannot be a server dry run
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl run --dry-run', () => {
  test('server: the answer reported as a server dry run and nothing stored; an unknown value refused first', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl run p --image=nginx --dry-run=server
kubectl get pods
kubectl run p --image=nginx --dry-run=maybe -o wide
kubectl run p -it --image=busybox --dry-run=server
`),
    ).toBe(`$ kubectl run p --image=nginx --dry-run=server
pod/p created (server dry run)
$ kubectl get pods
No resources found in default namespace.
$ kubectl run p --image=nginx --dry-run=maybe -o wide
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
[exit 1]
$ kubectl run p -it --image=busybox --dry-run=server
error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)
See 'kubectl run -h' for help and examples
[exit 1]
`);
  });
});
