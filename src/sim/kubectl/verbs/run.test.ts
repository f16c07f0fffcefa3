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

describe('kubectl run: the image is checked as a reference before anything else (kubectl 1.32 confirmed)', () => {
  test('a name with a space, upper case, an empty tag, a short digest or a bad separator is refused; registries, ports, tags and digests pass', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl run x --image='bad image' --rm
kubectl run x --image=UPPER
kubectl run x --image=nginx:
kubectl run x --image=x___y
kubectl run x --image=a/B:v1
kubectl run x --image=x:tag:tag
kubectl run x --image=x@sha256:abc
kubectl run x --image='x"y'
kubectl run a --image=localhost:5000/team/app:v1.0 --dry-run=client -o name
kubectl run b --image='[::1]:5000/x' --dry-run=client -o name
kubectl run c --image=Docker.io/library/nginx:1.27-alpine --dry-run=client -o name
kubectl run d --image=a--b.c__d/e_f:_tag --dry-run=client -o name
kubectl run e --image=nginx@sha256:0123456789abcdef0123456789abcdef --dry-run=client -o name
`),
    ).toBe(`$ kubectl run x --image='bad image' --rm
error: Invalid image name "bad image": invalid reference format
[exit 1]
$ kubectl run x --image=UPPER
error: Invalid image name "UPPER": invalid reference format
[exit 1]
$ kubectl run x --image=nginx:
error: Invalid image name "nginx:": invalid reference format
[exit 1]
$ kubectl run x --image=x___y
error: Invalid image name "x___y": invalid reference format
[exit 1]
$ kubectl run x --image=a/B:v1
error: Invalid image name "a/B:v1": invalid reference format
[exit 1]
$ kubectl run x --image=x:tag:tag
error: Invalid image name "x:tag:tag": invalid reference format
[exit 1]
$ kubectl run x --image=x@sha256:abc
error: Invalid image name "x@sha256:abc": invalid reference format
[exit 1]
$ kubectl run x --image='x"y'
error: Invalid image name "x\\"y": invalid reference format
[exit 1]
$ kubectl run a --image=localhost:5000/team/app:v1.0 --dry-run=client -o name
pod/a
$ kubectl run b --image='[::1]:5000/x' --dry-run=client -o name
pod/b
$ kubectl run c --image=Docker.io/library/nginx:1.27-alpine --dry-run=client -o name
pod/c
$ kubectl run d --image=a--b.c__d/e_f:_tag --dry-run=client -o name
pod/d
$ kubectl run e --image=nginx@sha256:0123456789abcdef0123456789abcdef --dry-run=client -o name
pod/e
`);
  });
});

describe('kubectl run: its checks in run.go order', () => {
  test('the required --image first, then NAME, an empty image, --rm, the pull policy, labels and env', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl run
kubectl run web --image=
kubectl run --image=nginx
kubectl run web --image=nginx --rm
kubectl run web --image=nginx --image-pull-policy=Sometimes
kubectl run web --image=nginx --labels=bad
kubectl run web --image=nginx --env=BAD
kubectl run web --image=nginx --dry-run
kubectl create deployment
kubectl create
`),
    ).toBe(`$ kubectl run
error: required flag(s) "image" not set
[exit 1]
$ kubectl run web --image=
error: --image is required
[exit 1]
$ kubectl run --image=nginx
error: NAME is required for run
See 'kubectl run -h' for help and examples
[exit 1]
$ kubectl run web --image=nginx --rm
error: --rm should only be used for attached containers
See 'kubectl run -h' for help and examples
[exit 1]
$ kubectl run web --image=nginx --image-pull-policy=Sometimes
error: invalid image pull policy: Sometimes
See 'kubectl run -h' for help and examples
[exit 1]
$ kubectl run web --image=nginx --labels=bad
error: unexpected label spec: bad
[exit 1]
$ kubectl run web --image=nginx --env=BAD
error: invalid env: BAD
[exit 1]
$ kubectl run web --image=nginx --dry-run
pod/web created (dry run)
$ kubectl create deployment
error: required flag(s) "image" not set
[exit 1]
$ kubectl create
error: must specify one of -f and -k
[exit 1]
`);
  });
});
