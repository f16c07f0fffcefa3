// pflag as kubectl uses it: Go durations checked as they are parsed (time.ParseDuration's own
// words), a flag named with its shorthand in errors however it was typed, NoOptDefVal flags given
// alone, and a command's own flag hiding the global one of the same name
import { describe, expect, test } from 'vitest';
import { parseGoDuration } from './flags.ts';
import { kubectlSession } from './verbs/session.test-helper.ts';

describe('parseGoDuration', () => {
  test('reads what time.ParseDuration reads, and refuses the rest in its words', () => {
    expect(parseGoDuration('1h30m')).toEqual({ ok: true, ms: 5_400_000 });
    expect(parseGoDuration('-1.5s')).toEqual({ ok: true, ms: -1500 });
    expect(parseGoDuration('0')).toEqual({ ok: true, ms: 0 });
    expect(parseGoDuration('250ms')).toEqual({ ok: true, ms: 250 });
    expect(parseGoDuration('30')).toEqual({ ok: false, error: 'time: missing unit in duration "30"' });
    expect(parseGoDuration('5x')).toEqual({ ok: false, error: 'time: unknown unit "x" in duration "5x"' });
    expect(parseGoDuration('1.5.3s')).toEqual({ ok: false, error: 'time: missing unit in duration "1.5.3s"' });
    expect(parseGoDuration('abc')).toEqual({ ok: false, error: 'time: invalid duration "abc"' });
    expect(parseGoDuration('')).toEqual({ ok: false, error: 'time: invalid duration ""' });
  });
});

describe('kubectl flag parsing', () => {
  test('durations are checked as the flags are parsed, before anything else', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl wait pod/web --for=delete --timeout=30
kubectl logs web --since=5x
kubectl delete pod web --timeout=1.5.3s
kubectl exec web --pod-running-timeout=abc -- ls
`),
    ).toBe(`$ kubectl wait pod/web --for=delete --timeout=30
error: invalid argument "30" for "--timeout" flag: time: missing unit in duration "30"
See 'kubectl wait --help' for usage.
[exit 1]
$ kubectl logs web --since=5x
error: invalid argument "5x" for "--since" flag: time: unknown unit "x" in duration "5x"
See 'kubectl logs --help' for usage.
[exit 1]
$ kubectl delete pod web --timeout=1.5.3s
error: invalid argument "1.5.3s" for "--timeout" flag: time: missing unit in duration "1.5.3s"
See 'kubectl delete --help' for usage.
[exit 1]
$ kubectl exec web --pod-running-timeout=abc -- ls
error: invalid argument "abc" for "--pod-running-timeout" flag: time: invalid duration "abc"
See 'kubectl exec --help' for usage.
[exit 1]
`);
  });

  test('a flag with a shorthand is named by both in a bad value, whichever was typed', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl get pods --all-namespaces=maybe
kubectl events --watch=maybe
kubectl exec web --quiet=maybe -- ls
`),
    ).toBe(`$ kubectl get pods --all-namespaces=maybe
error: invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax
See 'kubectl get --help' for usage.
[exit 1]
$ kubectl events --watch=maybe
error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax
See 'kubectl events --help' for usage.
[exit 1]
$ kubectl exec web --quiet=maybe -- ls
error: invalid argument "maybe" for "-q, --quiet" flag: strconv.ParseBool: parsing "maybe": invalid syntax
See 'kubectl exec --help' for usage.
[exit 1]
`);
  });

  test('--dry-run alone is a client dry run (its NoOptDefVal), and takes no value from the next word', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx');
    expect(
      await k.transcript(`
kubectl delete deployment web --dry-run
kubectl scale --dry-run deployment web --replicas=2
kubectl get deployment web -o jsonpath='{.spec.replicas}{"\\n"}'
`),
    ).toBe(`$ kubectl delete deployment web --dry-run
deployment.apps "web" deleted from default namespace (dry run)
$ kubectl scale --dry-run deployment web --replicas=2
deployment.apps/web scaled (dry run)
$ kubectl get deployment web -o jsonpath='{.spec.replicas}{"\\n"}'
1
`);
  });
});
