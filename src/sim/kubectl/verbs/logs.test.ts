import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../../testing/kubectl-session.ts';

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
  test("a network tool in a container's own command says it is not simulated instead of printing nothing", async () => {
    const r = await runKubectlScript(
      'kubectl run get --image=busybox --restart=Never -- sh -c "echo start; wget -qO- web; echo done"\nsleep 5\nkubectl logs get\n',
    );
    expect(r.output).toBe(
      'pod/get created\n' +
        'start\n' +
        "kubesim: wget in a container's own command is not simulated; run it with kubectl exec, or from a shell: kubectl run -it ... -- sh\n" +
        'done\n',
    );
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
crash   0/1     CrashLoopBackOff   2 (27s ago)   35s
2026-01-01T09:00:19.000104729Z starting
2026-01-01T09:00:21.000112648Z boom
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
});
