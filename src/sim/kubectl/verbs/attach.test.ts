import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../../testing/kubectl-session.ts';

const NOTICES = `All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.
If you don't see a command prompt, try pressing enter.
`;

describe('kubectl run -it', () => {
  test('--rm busybox: the shell is PID 1, exit ends the session, the pod is deleted', async () => {
    const r = await runKubectlScript('kubectl run -it --rm bb --image=busybox -- sh\nhostname\nps\nexit\n', { tty: true });
    expect(r.output).toBe(`learner@laptop:~$ kubectl run -it --rm bb --image=busybox -- sh
${NOTICES}/ # hostname
bb
/ # ps
PID   USER     TIME  COMMAND
    1 root      0:00 sh
    8 root      0:00 ps
/ # exit
Session ended, resume using 'kubectl attach bb -c bb -n default -i -t' command
pod "bb" deleted from default namespace
learner@laptop:~$ `);
    expect(r.status).toBe(0);
  });

  test('in a script: the TTY warning, no prompts, the lines go to the pod until exit', async () => {
    const r = await runKubectlScript('kubectl run -it --rm bb --image=busybox -- sh\nhostname\nexit\necho back $?\n');
    expect(r.output).toBe(`Unable to use a TTY - input is not a terminal or the right kind of file
${NOTICES}bb
pod "bb" deleted from default namespace
back 0
`);
  });

  test('--restart=Never: a failed shell fails the command after the pod is deleted', async () => {
    const r = await runKubectlScript('kubectl run -it --rm bb --restart=Never --image=busybox -- sh\nexit 2\necho $?\n', {
      tty: true,
    });
    expect(r.output).toBe(`learner@laptop:~$ kubectl run -it --rm bb --restart=Never --image=busybox -- sh
${NOTICES}/ # exit 2
Session ended, resume using 'kubectl attach bb -c bb -n default -i -t' command
pod "bb" deleted from default namespace
pod default/bb terminated (Error)
learner@laptop:~$ echo $?
2
learner@laptop:~$ `);
  });

  test('without --rm the container ends with its shell; restarted, it finds stdin closed', async () => {
    const r = await runKubectlScript('kubectl run -it bb --image=busybox -- sh\nexit\nsleep 3\nkubectl get pod bb\n', {
      tty: true,
    });
    expect(r.output).toBe(`learner@laptop:~$ kubectl run -it bb --image=busybox -- sh
${NOTICES}/ # exit
Session ended, resume using 'kubectl attach bb -c bb -n default -i -t' command
learner@laptop:~$ sleep 3
learner@laptop:~$ kubectl get pod bb
NAME   READY   STATUS             RESTARTS     AGE
bb     0/1     CrashLoopBackOff   1 (3s ago)   5s
learner@laptop:~$ `);
  });

  test('curlimages/curl: its entrypoint hands over to sh, which prompts `~ $ ` as curl_user', async () => {
    const r = await runKubectlScript('kubectl run -it --rm client --image=curlimages/curl -- sh\nwhoami\nexit\n', { tty: true });
    expect(r.output).toBe(`learner@laptop:~$ kubectl run -it --rm client --image=curlimages/curl -- sh
${NOTICES}~ $ whoami
curl_user
~ $ exit
Session ended, resume using 'kubectl attach client -c client -n default -i -t' command
pod "client" deleted from default namespace
learner@laptop:~$ `);
  });

  test('a pod that never starts times out, deleted first with --rm', async () => {
    const r = await runKubectlScript('kubectl run -it --rm bad --image=busybx -- sh\n');
    expect(r.output).toBe('pod "bad" deleted from default namespace\nerror: timed out waiting for the condition\n');
    expect(r.status).toBe(1);
  });

  test('a command that is not a shell: its output, then the end', async () => {
    const r = await runKubectlScript(
      'kubectl run -i --rm --restart=Never x --image=busybox -- sh -c "echo hi; sleep 2; echo bye"\n',
    );
    expect(r.output).toBe(`hi
${NOTICES}bye
pod "x" deleted from default namespace
`);
  });

  test('wget as the command: the page it fetched, or its error and status, then the pod is gone', async () => {
    const r = await runKubectlScript(`kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl wait --for=condition=available deployment/web
kubectl run -i --rm --restart=Never tmp1 --image=busybox -- wget -qO- web | tail -3
kubectl run -i --rm --restart=Never tmp2 --image=busybox -- wget -qO- nope
echo status $?
`);
    expect(r.output).toBe(`deployment.apps/web created
service/web exposed
deployment.apps/web condition met
</body>
</html>
pod "tmp1" deleted from default namespace
wget: bad address 'nope'
pod "tmp2" deleted from default namespace
pod default/tmp2 terminated (Error)
status 1
`);
  });
});

describe('kubectl attach', () => {
  const BOX = `cat > box.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  containers:
  - name: box
    image: busybox
    command: ["sh"]
    stdin: true
    tty: true
EOF
kubectl apply -f box.yaml
sleep 5
`;

  test('-it to a shell that reads stdin; what the session typed and saw is in the container log', async () => {
    const r = await runKubectlScript(`${BOX}kubectl attach box -it\necho hello\nexit\nsleep 2\nkubectl logs box -p\n`, {
      tty: true,
    });
    expect(r.output).toContain(`learner@laptop:~$ kubectl attach box -it
${NOTICES}/ # echo hello
hello
/ # exit
Session ended, resume using 'kubectl attach box -c box -n default -i -t' command
learner@laptop:~$ sleep 2
learner@laptop:~$ kubectl logs box -p
/ # echo hello
hello
/ # exit
learner@laptop:~$ `);
  });

  test('without -i it only watches the output; errors read as upstream', async () => {
    const r = await runKubectlScript(`kubectl run c --image=busybox --restart=Never -- sh -c "echo one; sleep 3; echo two"
sleep 3
kubectl attach c
kubectl attach c -it
kubectl attach
kubectl attach nope
kubectl attach a b c
`);
    expect(r.output).toBe(`pod/c created
${NOTICES}two
error: cannot attach a container in a completed pod; current phase is Succeeded
error: at least 1 argument is required for attach
Error from server (NotFound): pods "nope" not found
error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]
`);
  });
});
