// the kubectl command itself: unknown commands with cobra's suggestions, and kubectl's real
// commands this simulator does not run, said plainly rather than called unknown
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './verbs/session.test-helper.ts';

describe('kubectl', () => {
  test('an unknown command gets cobra suggestions; a real one not simulated says so', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl gte pods
kubectl tpo
kubectl top pods
kubectl -n kube-system port-forward svc/kube-dns 5353:53
`),
    ).toBe(`$ kubectl gte pods
error: unknown command "gte" for "kubectl"

Did you mean this?
\tget

Run 'kubectl --help' for usage.
[exit 1]
$ kubectl tpo
error: unknown command "tpo" for "kubectl"

Did you mean this?
\tcp
\ttop

Run 'kubectl --help' for usage.
[exit 1]
$ kubectl top pods
kubesim: 'kubectl top' is not simulated
[exit 1]
$ kubectl -n kube-system port-forward svc/kube-dns 5353:53
kubesim: 'kubectl port-forward' is not simulated
[exit 1]
`);
  });
});
