import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../../testing/kubectl-session.ts';
import { kubectlSession } from './session.test-helper.ts';

const NGINX_STARTUP = `/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
2026/01/01 09:00:02 [notice] 1#1: using the "epoll" event method
2026/01/01 09:00:02 [notice] 1#1: nginx/1.29.3
2026/01/01 09:00:02 [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) 
2026/01/01 09:00:02 [notice] 1#1: OS: Linux 6.12.48-cloud-amd64
2026/01/01 09:00:02 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576
2026/01/01 09:00:02 [notice] 1#1: start worker processes
2026/01/01 09:00:02 [notice] 1#1: start worker process 29
2026/01/01 09:00:02 [notice] 1#1: start worker process 30
`;

describe('kubectl logs', () => {
  test("wget and curl as a container's own command run against the cluster as it is then", async () => {
    const r = await runKubectlScript(`kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl wait --for=condition=available deployment/web
kubectl run client --image=busybox --restart=Never -- wget -qO- web
kubectl run get --image=busybox --restart=Never -- sh -c "echo start; wget -qO- nope; echo done"
kubectl run bad --image=busybox --restart=Never -- wget -q -O - http://web/missing
kubectl run code --image=curlimages/curl --restart=Never -- curl -s -o /dev/null -w "%{http_code}\\n" web
sleep 5
kubectl get pods
kubectl logs client --tail=3
kubectl logs get
kubectl logs bad
kubectl logs code
kubectl logs deploy/web --tail=3
kubectl get pod bad -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}; echo
`);
    expect(r.output).toBe(`deployment.apps/web created
service/web exposed
deployment.apps/web condition met
pod/client created
pod/get created
pod/bad created
pod/code created
NAME                   READY   STATUS      RESTARTS   AGE
bad                    0/1     Error       0          5s
client                 0/1     Completed   0          5s
code                   0/1     Completed   0          5s
get                    0/1     Completed   0          5s
web-7957885594-p5sc6   1/1     Running     0          6s
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
start
wget: bad address 'nope'
done
wget: server returned error: HTTP/1.1 404 Not Found
200
10.244.1.2 - - [01/Jan/2026:09:00:03 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"
10.244.1.4 - - [01/Jan/2026:09:00:03 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.17.0" "-"
10.244.1.3 - - [01/Jan/2026:09:00:04 +0000] "GET /missing HTTP/1.1" 404 153 "-" "Wget" "-"
1
`);
  });

  test("a container's own loop, timeouts, && and ||, pipes into text tools and redirections steer what reaches its log", async () => {
    const r = await runKubectlScript(`kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl wait --for=condition=available deployment/web
kubectl run slow --image=busybox --restart=Never -- sh -c "wget -qO- -T 2 10.96.99.99 && echo ok || echo failed"
kubectl run loop --image=busybox -- sh -c "while true; do wget -qO- web >/dev/null && echo ok; wget -qO- nope 2>&1 >/dev/null; sleep 2; done"
kubectl run quiet --image=busybox --restart=Never -- sh -c "wget -qO- nope >/dev/null 2>&1 || echo quiet-fail; nslookup web"
kubectl run piped --image=busybox -- sh -c "while true; do wget -qO- web | grep -i title | wc -l; sleep 2; done"
kubectl run cut --image=busybox --restart=Never -- sh -c "wget -qO- web | cut -c 1-9 | head -2"
kubectl run sed --image=busybox --restart=Never -- sh -c "wget -qO- web | sed 1q"
sleep 7
kubectl logs slow --timestamps
kubectl logs loop --timestamps
kubectl logs quiet
kubectl logs piped
kubectl logs cut
kubectl logs sed
kubectl exec piped -- seq 3
kubectl delete pod loop
kubectl get pods
`);
    expect(r.output).toBe(`deployment.apps/web created
service/web exposed
deployment.apps/web condition met
pod/slow created
pod/loop created
pod/quiet created
pod/piped created
pod/cut created
pod/sed created
2026-01-01T09:00:04.500104729Z wget: download timed out
2026-01-01T09:00:04.500112648Z failed
2026-01-01T09:00:03.500104729Z ok
2026-01-01T09:00:03.500112648Z wget: bad address 'nope'
2026-01-01T09:00:05.500120567Z ok
2026-01-01T09:00:05.500128486Z wget: bad address 'nope'
2026-01-01T09:00:07.500136405Z ok
2026-01-01T09:00:07.500144324Z wget: bad address 'nope'
quiet-fail
kubesim: nslookup in a container's own command is not simulated; run it with kubectl exec, or from a shell: kubectl run -it ... -- sh
1
1
1
<!DOCTYPE
<html>
kubesim: this pipe (|) in a container's own command is not simulated; run it with kubectl exec, or from a shell: kubectl run -it ... -- sh
1
2
3
pod "loop" deleted from default namespace
NAME                   READY   STATUS      RESTARTS   AGE
cut                    0/1     Completed   0          37s
piped                  1/1     Running     0          37s
quiet                  0/1     Completed   0          37s
sed                    0/1     Completed   0          37s
slow                   0/1     Completed   0          37s
web-7957885594-p5sc6   1/1     Running     0          38s
`);
  });

  test("nginx's startup lines", async () => {
    const r = await runKubectlScript('kubectl run web --image=nginx\nsleep 5\nkubectl logs web\nkubectl logs pod/web --tail=2\n');
    expect(r.output).toBe(
      'pod/web created\n' +
        NGINX_STARTUP +
        '2026/01/01 09:00:02 [notice] 1#1: start worker process 29\n2026/01/01 09:00:02 [notice] 1#1: start worker process 30\n',
    );
  });

  test('--previous of a crashing busybox, before and after its first restart, and --timestamps', async () => {
    const r = await runKubectlScript(`kubectl run crash --image=busybox -- sh -c "echo starting; sleep 2; echo boom; exit 1"
sleep 5
kubectl logs crash
kubectl logs crash -p
sleep 30
kubectl get pod crash
kubectl logs crash -p --timestamps
`);
    expect(r.output).toBe(`pod/crash created
starting
boom
Error from server (BadRequest): previous terminated container "crash" in pod "crash" not found
NAME    READY   STATUS             RESTARTS      AGE
crash   0/1     CrashLoopBackOff   2 (28s ago)   35s
2026-01-01T09:00:18.500104729Z starting
2026-01-01T09:00:20.500112648Z boom
`);
    expect(r.status).toBe(0);
  });

  test("containers that have not started: the kubelet's reasons", async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl logs web
kubectl run typo --image=nginxx
sleep 10
kubectl logs typo
kubectl logs nope
kubectl logs deploy/nope
`);
    expect(r.output).toBe(`pod/web created
Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating
pod/typo created
Error from server (BadRequest): container "typo" in pod "typo" is waiting to start: trying and failing to pull image
Error from server (NotFound): pods "nope" not found
Error from server (NotFound): deployments.apps "nope" not found
`);
    expect(r.status).toBe(1);
  });

  test('a Deployment: one of its pods, with the count on stderr; -l reads every pod, ten lines each', async () => {
    const r = await runKubectlScript(`kubectl create deployment web --image=nginx --replicas=3
sleep 5
kubectl logs deploy/web --tail=1
kubectl logs -l app=web --tail=1 --prefix
kubectl logs -l app=nope
`);
    expect(r.output).toMatch(
      new RegExp(
        '^deployment\\.apps/web created\n' +
          'Found 3 pods, using pod/web-\\w+-\\w{5}\n' +
          '2026/01/01 09:00:0\\d \\[notice\\] 1#1: start worker process 30\n' +
          '(\\[pod/web-\\w+-\\w{5}/nginx\\] 2026/01/01 09:00:0\\d \\[notice\\] 1#1: start worker process 30\n){3}' +
          'No resources found in default namespace\\.\n$',
      ),
    );
  });

  test('multi-container pods: the first by default with a notice, -c for another, an unknown name refused', async () => {
    const r = await runKubectlScript(`cat > two.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: web
    image: nginx
  - name: side
    image: busybox
    command: ["sh", "-c", "echo side up; sleep 3600"]
EOF
kubectl apply -f two.yaml
sleep 5
kubectl logs two --tail=1
kubectl logs two -c side
kubectl logs two side
kubectl logs two -c nope
`);
    expect(r.output).toBe(`pod/two created
Defaulted container "web" out of: web, side
2026/01/01 09:00:02 [notice] 1#1: start worker process 30
side up
side up
error: container nope is not valid for pod two out of: web, side
`);
  });

  test('-f follows until the container ends; in a script it never waits for nothing', async () => {
    const r =
      await runKubectlScript(`kubectl run c --image=busybox --restart=Never -- sh -c "echo one; sleep 3; echo two; sleep 3; echo three"
sleep 3
kubectl logs c -f
kubectl get pod c
kubectl run tick --image=busybox -- sh -c "while true; do echo tick; sleep 5; done"
sleep 12
kubectl logs tick -f --tail=1
`);
    expect(r.output).toBe(`pod/c created
one
two
three
NAME   READY   STATUS      RESTARTS   AGE
c      0/1     Completed   0          8s
pod/tick created
tick
`);
  });

  test('usage errors are kubectl’s own', async () => {
    const r = await runKubectlScript(
      'kubectl logs\nkubectl logs a b c\nkubectl logs web -l app=web\nkubectl logs web --tail=-2\n',
    );
    expect(r.output).toBe(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples
error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples
error: only a selector (-l) or a POD name is allowed
See 'kubectl logs -h' for help and examples
Error from server (NotFound): pods "web" not found
`);
  });

  test('--pod-running-timeout: a flag error for no duration, a plain error (no usage line) for none left', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl logs web --pod-running-timeout=5
kubectl logs web --pod-running-timeout=0s
kubectl logs web --since=10
`),
    ).toBe(`$ kubectl logs web --pod-running-timeout=5
error: invalid argument "5" for "--pod-running-timeout" flag: time: missing unit in duration "5"
See 'kubectl logs --help' for usage.
[exit 1]
$ kubectl logs web --pod-running-timeout=0s
error: --pod-running-timeout must be higher than zero
[exit 1]
$ kubectl logs web --since=10
error: invalid argument "10" for "--since" flag: time: missing unit in duration "10"
See 'kubectl logs --help' for usage.
[exit 1]
`);
  });
});
