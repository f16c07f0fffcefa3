import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../../testing/kubectl-session.ts';
import { kubectlSession } from './session.test-helper.ts';

const KUBERNETES_ENV = `KUBERNETES_SERVICE_HOST=10.96.0.1
KUBERNETES_SERVICE_PORT=443
KUBERNETES_SERVICE_PORT_HTTPS=443
KUBERNETES_PORT=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
KUBERNETES_PORT_443_TCP_PROTO=tcp
KUBERNETES_PORT_443_TCP_PORT=443
KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
`;

function serviceManifest(name: string, clusterIP: string, port: number): string {
  return `cat > ${name}.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: ${clusterIP}
  selector:
    app: ${name}
  ports:
  - port: ${port}
EOF
kubectl apply -f ${name}.yaml
`;
}

const SIDECAR = `cat > two.yaml <<EOF
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
    command: ["sleep", "3600"]
EOF
kubectl apply -f two.yaml
sleep 5
`;

describe('kubectl exec', () => {
  test('runs one command: hostname', async () => {
    const r = await runKubectlScript('kubectl run web --image=nginx\nsleep 5\nkubectl exec web -- hostname\n');
    expect(r.output).toBe('pod/web created\nweb\n');
    expect(r.status).toBe(0);
  });

  test("env shows the process environment in the runtime's order, with the Services that existed at start", async () => {
    const r = await runKubectlScript(
      serviceManifest('db', '10.96.0.54', 5432) +
        "kubectl run web --image=nginx --env=GREETING=hello --env='DB=$(DB_SERVICE_HOST):$(DB_SERVICE_PORT)'\n" +
        'sleep 5\n' +
        serviceManifest('late', '10.96.0.88', 8080) +
        'kubectl exec web -- env\n',
    );
    expect(r.output).toBe(
      'service/db created\npod/web created\nservice/late created\n' +
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
        'HOSTNAME=web\n' +
        'NGINX_VERSION=1.29.3\nNJS_VERSION=0.9.4\nNJS_RELEASE=1~trixie\nPKG_RELEASE=1~trixie\nDYNPKG_RELEASE=1~trixie\n' +
        'GREETING=hello\n' +
        'DB=10.96.0.54:5432\n' +
        'DB_SERVICE_HOST=10.96.0.54\n' +
        'DB_SERVICE_PORT=5432\n' +
        'DB_PORT=tcp://10.96.0.54:5432\n' +
        'DB_PORT_5432_TCP=tcp://10.96.0.54:5432\n' +
        'DB_PORT_5432_TCP_PROTO=tcp\n' +
        'DB_PORT_5432_TCP_PORT=5432\n' +
        'DB_PORT_5432_TCP_ADDR=10.96.0.54\n' +
        KUBERNETES_ENV +
        'HOME=/root\n',
    );
  });

  test('exec -it sh into busybox: ps, resolv.conf, env as ash exports it, exit N', async () => {
    const r = await runKubectlScript(
      `kubectl run bb --image=busybox -- sleep 3600
sleep 5
kubectl exec -it bb -- sh
ps
cat /etc/resolv.conf
env
cd /tmp
exit 3
echo $?
`,
      { tty: true },
    );
    expect(r.output).toBe(`learner@laptop:~$ kubectl run bb --image=busybox -- sleep 3600
pod/bb created
learner@laptop:~$ sleep 5
learner@laptop:~$ kubectl exec -it bb -- sh
/ # ps
PID   USER     TIME  COMMAND
    1 root      0:00 sleep 3600
    7 root      0:00 sh
   13 root      0:00 ps
/ # cat /etc/resolv.conf
search default.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
/ # env
KUBERNETES_SERVICE_PORT=443
KUBERNETES_PORT=tcp://10.96.0.1:443
HOSTNAME=bb
SHLVL=1
HOME=/root
TERM=xterm
KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
KUBERNETES_PORT_443_TCP_PORT=443
KUBERNETES_PORT_443_TCP_PROTO=tcp
KUBERNETES_SERVICE_PORT_HTTPS=443
KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
KUBERNETES_SERVICE_HOST=10.96.0.1
PWD=/
/ # cd /tmp
/tmp # exit 3
command terminated with exit code 3
learner@laptop:~$ echo $?
3
learner@laptop:~$ `);
  });

  test('nginx has bash but no ps; bash says exit, and a failed last command is the exit code', async () => {
    const r = await runKubectlScript(
      `kubectl run web --image=nginx
sleep 5
kubectl exec -it web -- bash
cd /usr/share/nginx/html
ls
ps
exit
kubectl exec -it web -- bash
^D
kubectl exec web -- ps
`,
      { tty: true },
    );
    expect(r.output).toBe(`learner@laptop:~$ kubectl run web --image=nginx
pod/web created
learner@laptop:~$ sleep 5
learner@laptop:~$ kubectl exec -it web -- bash
root@web:/# cd /usr/share/nginx/html
root@web:/usr/share/nginx/html# ls
50x.html  index.html
root@web:/usr/share/nginx/html# ps
bash: ps: command not found
root@web:/usr/share/nginx/html# exit
exit
command terminated with exit code 127
learner@laptop:~$ kubectl exec -it web -- bash
root@web:/# exit
learner@laptop:~$ kubectl exec web -- ps
error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execIdOf(r.output)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH
learner@laptop:~$ `);
    expect(r.status).toBe(1);
  });

  test("Debian's sh is dash: a bare `# ` prompt and numbered messages", async () => {
    const r = await runKubectlScript('kubectl run web --image=nginx\nsleep 5\nkubectl exec -it web -- sh\nfoo\ncd /nope\n^D\n', {
      tty: true,
    });
    expect(r.output).toBe(`learner@laptop:~$ kubectl run web --image=nginx
pod/web created
learner@laptop:~$ sleep 5
learner@laptop:~$ kubectl exec -it web -- sh
# foo
sh: 1: foo: not found
# cd /nope
sh: 2: cd: can't cd to /nope
# 
command terminated with exit code 2
learner@laptop:~$ `);
  });

  test('in a script kubectl has no TTY: it warns, and the next lines go to the shell until exit', async () => {
    const r = await runKubectlScript(`kubectl run bb --image=busybox -- sleep 3600
sleep 5
kubectl exec -it bb -- sh
cd /etc
pwd
ls /nope
exit
echo back $?
`);
    expect(r.output).toBe(`pod/bb created
Unable to use a TTY - input is not a terminal or the right kind of file
/etc
ls: /nope: No such file or directory
command terminated with exit code 1
back 1
`);
  });

  test('a script that ends inside the pod shell ends it too', async () => {
    const r = await runKubectlScript(
      'kubectl run bb --image=busybox -- sleep 3600\nsleep 5\nkubectl exec -i bb -- sh\nhostname\n',
    );
    expect(r.output).toBe('pod/bb created\nbb\n');
    expect(r.status).toBe(0);
  });

  test('piped input is the shell script; without -i the command gets none', async () => {
    const r = await runKubectlScript(
      "kubectl run bb --image=busybox -- sleep 3600\nsleep 5\necho 'hostname; exit 4' | kubectl exec -i bb -- sh\necho $?\necho hi | kubectl exec bb -- cat\n",
    );
    expect(r.output).toBe('pod/bb created\nbb\ncommand terminated with exit code 4\n4\n');
  });

  test('multi-container pods default to the first container, -c picks one, both share the network', async () => {
    const r = await runKubectlScript(
      SIDECAR +
        'kubectl exec two -- hostname -i\nkubectl exec two -c side -- hostname -i\nkubectl exec two -c side -- cat /etc/hosts\nkubectl exec two -c nope -- ls\n',
    );
    expect(r.output).toBe(`pod/two created
Defaulted container "web" out of: web, side
10.244.2.2
10.244.2.2
# Kubernetes-managed hosts file.
127.0.0.1	localhost
::1	localhost ip6-localhost ip6-loopback
fe00::0	ip6-localnet
fe00::0	ip6-mcastprefix
fe00::1	ip6-allnodes
fe00::2	ip6-allrouters
10.244.2.2	two
Error from server (BadRequest): container nope is not valid for pod two
`);
  });

  test("upstream's errors: usage, missing pod, a container that has not started, a completed pod", async () => {
    const r = await runKubectlScript(`kubectl exec web ls
kubectl exec web
kubectl exec -- ls
kubectl exec nope -- ls
kubectl exec deploy/nope -- ls
kubectl run web --image=nginx
kubectl exec web -- ls
kubectl run once --image=busybox --restart=Never -- true
sleep 5
kubectl exec once -- ls
`);
    expect(r.output).toBe(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead
See 'kubectl exec -h' for help and examples
error: you must specify at least one command for the container
error: pod, type/name or --filename must be specified
Error from server (NotFound): pods "nope" not found
Error from server (NotFound): deployments.apps "nope" not found
pod/web created
error: unable to upgrade connection: container not found ("web")
pod/once created
error: cannot exec into a container in a completed pod; current phase is Succeeded
`);
  });

  test('curlimages/curl runs as curl_user in its home: ash prompts `~ $ `, and it has no bash', async () => {
    const r = await runKubectlScript(
      'kubectl run c --image=curlimages/curl --command -- sleep 3600\nsleep 5\nkubectl exec -it c -- sh\nid\ncd /\nps\nexit\nkubectl exec -it c -- bash\n',
      { tty: true },
    );
    expect(r.output).toBe(`learner@laptop:~$ kubectl run c --image=curlimages/curl --command -- sleep 3600
pod/c created
learner@laptop:~$ sleep 5
learner@laptop:~$ kubectl exec -it c -- sh
~ $ id
uid=100(curl_user) gid=101(curl_group) groups=101(curl_group)
~ $ cd /
/ $ ps
PID   USER     TIME  COMMAND
    1 curl_use  0:00 sleep 3600
    7 curl_use  0:00 sh
   14 curl_use  0:00 ps
/ $ exit
learner@laptop:~$ kubectl exec -it c -- bash
error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execIdOf(r.output)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH
learner@laptop:~$ `);
  });

  test('traefik/whoami has no shell at all', async () => {
    const r = await runKubectlScript('kubectl run who --image=traefik/whoami\nsleep 5\nkubectl exec -it who -- /bin/sh\n', {
      tty: true,
    });
    expect(r.output).toContain(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory\n',
    );
    expect(r.status).toBe(1);
  });

  test('exec deploy/NAME picks a running pod of the Deployment', async () => {
    const r = await runKubectlScript(
      'kubectl create deployment web --image=nginx --replicas=2\nsleep 5\nkubectl exec deploy/web -- hostname\n',
    );
    expect(r.output).toMatch(/^deployment\.apps\/web created\nweb-[a-z0-9]+-[a-z0-9]{5}\n$/);
  });
});

/** containerd's exec id is random in a real cluster; take the one printed */
function execIdOf(output: string): string {
  return /failed to start exec "([0-9a-f]{64})"/.exec(output)?.[1] ?? '';
}

describe('text tools inside containers', () => {
  test("nginx's Debian has GNU sed, mawk, xargs and tee; busybox's applets say they are not simulated", async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl run bb --image=busybox -- sleep 3600
kubectl wait --for=condition=ready pod/web pod/bb
kubectl exec web -- sh -c "grep nameserver /etc/resolv.conf | awk '{print \\$2}' | tee /tmp/ns; echo abc | sed s/b/B/; ls /etc/resolv.conf /etc/hostname | xargs -n1 echo file"
kubectl exec bb -- awk '{print}' /etc/hostname
`);
    expect(r.output).toBe(`pod/web created
pod/bb created
pod/web condition met
pod/bb condition met
10.96.0.10
aBc
file /etc/resolv.conf
file /etc/hostname
kubesim: 'awk' inside a container is not simulated yet
command terminated with exit code 1
`);
  });
});

describe('shell builtins inside containers', () => {
  test("bash's printf is the learner's; dash's and ash's print the same for plain formats (checked against dash 0.5 and busybox 1.35) and say what is not simulated", async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl run bb --image=busybox -- sleep 3600
kubectl wait --for=condition=ready pod/web pod/bb
kubectl exec web -- bash -c 'printf "%s-%03d\\n" a 5'
kubectl exec web -- sh -c 'printf "%s-%d\\n" a 5 b 6; printf "%5.2f|%x|%o|%c|%b\\n" 3.14159 255 8 hello "a\\tb"'
kubectl exec bb -- sh -c 'printf "[%-4s]\\n" ab; printf "%03d %e\\n" 7 1234.5'
kubectl exec web -- sh -c 'printf "%q\\n" x'
kubectl exec bb -- sh -c 'printf "%d\\n" abc'
`);
    expect(r.output).toBe(`pod/web created
pod/bb created
pod/web condition met
pod/bb condition met
a-005
a-5
b-6
 3.14|ff|10|h|a\tb
[ab  ]
007 1.234500e+03
kubesim: sh's printf builtin is not simulated for this (its plain formats are)
command terminated with exit code 1
kubesim: sh's printf builtin is not simulated for this (its plain formats are)
command terminated with exit code 1
`);
  });

  test('parameter expansion as each shell has it: dash lacks ${x/p/r} and ${x:n}; an unset ${x?} ends a shell run with -c (dash 0.5, busybox 1.35, bash 5.2)', async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl run bb --image=busybox -- sleep 3600
kubectl wait --for=condition=ready pod/web pod/bb
kubectl exec web -- sh -c 'x=abc; echo \${x%c} \${#x}; echo \${x/a/b}; echo after $?'
kubectl exec web -- sh -c 'echo \${y:?}; echo after $?'
kubectl exec bb -- sh -c 'x=abc; echo \${x/a/b} \${x:1}; echo \${y?}; echo after $?'
kubectl exec web -- bash -c 'x=abc; echo \${x/a/b} \${x:1}; echo \${y?}; echo after $?'
`);
    expect(r.output).toBe(`pod/web created
pod/bb created
pod/web condition met
pod/bb condition met
ab 3
sh: 1: Bad substitution
command terminated with exit code 2
sh: 1: y: parameter not set or null
command terminated with exit code 2
bbc bc
sh: y: parameter not set
command terminated with exit code 2
bbc bc
bash: y: parameter not set
command terminated with exit code 127
`);
  });

  test('an interactive bash in a pod keeps its history', async () => {
    const r = await runKubectlScript(
      'kubectl run web --image=nginx\nkubectl wait --for=condition=ready pod/web\nkubectl exec -it web -- bash\necho hi\nhistory\nexit\n',
      { tty: true },
    );
    expect(r.output).toContain(
      'root@web:/# echo hi\nhi\nroot@web:/# history\n    1  echo hi\n    2  history\nroot@web:/# exit\nexit\n',
    );
  });
});

describe('kubectl exec arguments', () => {
  test('a TYPE/NAME with two slashes is refused as the builder splits it', async () => {
    const k = kubectlSession();
    expect(await k.transcript(`\nkubectl exec pod/web/x -- ls\n`)).toBe(`$ kubectl exec pod/web/x -- ls
error: arguments in resource/name form may not have more than one slash
[exit 1]
`);
  });
});
