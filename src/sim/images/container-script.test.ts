// a container's own command as the kubelet and the container's shell run it: $(VAR) expanded by
// the kubelet from the container's variables, then sh's own expansion ($VAR, $(date), backquotes,
// $?, $0), statuses that carry on past a failure, and each shell's "not found"
import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../testing/kubectl-session.ts';

describe("a container's own command", () => {
  test('the kubelet expands $(VAR) in command and args; $$ escapes it; no shell means no $VAR', async () => {
    const r = await runKubectlScript(`kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl run direct --image=busybox --env=GREETING=hi --restart=Never -- echo '$(GREETING) there' '$$(GREETING)' '$(NOPE)' '$HOME'
kubectl run service --image=busybox --restart=Never -- echo 'web is at $(WEB_SERVICE_HOST):$(WEB_SERVICE_PORT)'
sleep 2
kubectl logs direct
kubectl logs service
`);
    expect(r.output).toBe(`deployment.apps/web created
service/web exposed
pod/direct created
pod/service created
hi there $(GREETING) $(NOPE) $HOME
web is at 10.106.36.156:80
`);
  });

  test("sh expands the container's environment, $(date), $(hostname) and backquotes as each line runs", async () => {
    const r =
      await runKubectlScript(`kubectl run busy --image=busybox --env=GREETING=hi -- sh -c 'echo "$GREETING from $HOSTNAME at $(date)"; echo \`hostname\` $$ $0 "$1"; echo '"'"'$GREETING'"'"' \${GREETING}x "a   b" a   b $UNSET; sleep 3600'
kubectl run tick --image=busybox -- sh -c 'while true; do echo "tick $(date)"; sleep 5; done'
kubectl run halves --image=busybox -- sh -c 'while true; do date; sleep 10; echo "half of $HOSTNAME"; sleep 10; done'
sleep 12
kubectl logs busy
kubectl logs tick
kubectl logs halves
kubectl exec tick -- ps
`);
    expect(r.output).toBe(`pod/busy created
pod/tick created
pod/halves created
hi from busy at Thu Jan  1 09:00:02 UTC 2026
busy $ sh 
$GREETING hix a   b a b
tick Thu Jan  1 09:00:01 UTC 2026
tick Thu Jan  1 09:00:06 UTC 2026
tick Thu Jan  1 09:00:11 UTC 2026
Thu Jan  1 09:00:02 UTC 2026
half of halves
PID   USER     TIME  COMMAND
    1 root      0:00 sh -c while true; do echo "tick $(date)"; sleep 5; done
    7 root      0:00 ps
`);
  });

  test('a failed command does not end the script: $? carries its status, || and && follow it, exit alone keeps it', async () => {
    const r =
      await runKubectlScript(`kubectl run ash --image=busybox --restart=Never -- sh -c 'false; echo "status $?"; nope; echo "after $?"; false || echo rescued; true && exit'
kubectl run dash --image=nginx --restart=Never -- sh -c 'echo a
true
nope; echo "rc=$?"; exit 3'
kubectl run bash --image=nginx --restart=Never -- bash -c 'nope || echo "rc=$?"'
kubectl run partial --image=busybox --restart=Never -- sh -c 'echo -n "no newline, "; echo then one'
sleep 3
kubectl logs ash
kubectl logs dash
kubectl logs bash
kubectl logs partial
kubectl get pods
`);
    expect(r.output).toBe(`pod/ash created
pod/dash created
pod/bash created
pod/partial created
status 1
sh: nope: not found
after 127
rescued
a
sh: 3: nope: not found
rc=127
bash: nope: command not found
rc=127
no newline, then one
NAME      READY   STATUS      RESTARTS   AGE
ash       0/1     Completed   0          3s
bash      0/1     Completed   0          3s
dash      0/1     Error       0          3s
partial   0/1     Completed   0          3s
`);
  });

  test("POSIX's parameter operators: defaults, alternatives, lengths and trimmed prefixes and suffixes (checked against busybox 1.35)", async () => {
    const r =
      await runKubectlScript(`kubectl run a --image=busybox --restart=Never -- sh -c 'x=web-7d4b-abc; echo \${x%-*} \${x##*-} \${#x} \${NOPE:-def} "\${NOPE:-a b}" \${x:+alt}; for w in \${NOPE:-"a b"} \${NOPE:-c d}; do echo "[$w]"; done; e=; echo "[\${e-unset}]" "[\${e:-empty}]" "[\${e+set}]"'
sleep 3
kubectl logs a
`);
    expect(r.output).toBe(`pod/a created
web-7d4b abc 12 def a b alt
[a b]
[c]
[d]
[] [empty] [set]
`);
  });

  test('what this reading cannot run says so in the log instead of printing nothing', async () => {
    const r =
      await runKubectlScript(`kubectl run subst --image=busybox --restart=Never -- sh -c 'echo $(ls /); cat /etc/hostname; cat /etc/hostname > /dev/null; mkdir -p /data; echo done'
kubectl run arith --image=busybox --restart=Never -- sh -c 'i=0; echo $((i++))'
kubectl run quote --image=busybox --restart=Never -- sh -c 'echo "unterminated'
kubectl run pipe --image=busybox --restart=Never -- sh -c 'echo hi | tr a-z A-Z; for i in 1 2; do echo $i; done'
kubectl run param --image=busybox --restart=Never -- sh -c 'echo \${NAME:=x}; echo after'
sleep 3
kubectl logs subst
kubectl logs arith
kubectl logs quote
kubectl logs pipe
kubectl logs param
kubectl get pods
`);
    expect(r.output).toBe(`pod/subst created
pod/arith created
pod/quote created
pod/pipe created
pod/param created
kubesim: $(ls /) in a container's own command is not simulated (only $(date), $(hostname) and $(seq) of up to 100,000 whole numbers are); run it with kubectl exec, or from a shell: kubectl run -it ... -- sh
subst
done
kubesim: $((i++)), with '++' in it, in a container's own command is not simulated
kubesim: sh cannot read this container command (unexpected EOF while looking for matching \`"')
kubesim: this pipe (|) in a container's own command is not simulated; run it with kubectl exec, or from a shell: kubectl run -it ... -- sh
1
2
kubesim: \${NAME:=x} in a container's own command is not simulated ($NAME, \${NAME} and the :- - :+ + # ## % %% forms are)
after
NAME    READY   STATUS      RESTARTS   AGE
arith   0/1     Completed   0          3s
param   0/1     Completed   0          3s
pipe    0/1     Completed   0          3s
quote   0/1     Error       0          3s
subst   0/1     Completed   0          3s
`);
  });

  test('a for loop runs its body once for each word, in cluster time, also inside while true; what it cannot unroll says so', async () => {
    const r =
      await runKubectlScript(`kubectl run count --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo "round $i at $(date)"; sleep 2; done; for f in a "b c"; do for g in x y; do echo "$f$g"; done; done; echo "last $i"'
kubectl run rest --image=nginx --restart=Never -- sh -c 'true && for i in 1 2; do echo $i; done; for i in $(ls /); do echo $i; done; for i in $(seq 3); do echo "s$i"; done; for i in $(seq 5 -2 1); do echo -n "$i "; done; echo; echo $(seq 3 -1 5)x $(seq 0)y; for i in 1 2; do break; done; for i in $(seq 1000); do for j in $(seq 1000); do :; done; done; for i in; do echo never; done; echo "rc=$?"; for n in 1 2; do nope$n; done; echo "rc=$?"'
kubectl run nested --image=busybox -- sh -c 'while true; do for i in 1 2; do echo "r$i done"; done; sleep 5; done'
sleep 3
kubectl logs count
sleep 7
kubectl logs count --tail=6
kubectl logs rest
kubectl logs nested
kubectl get pods
`);
    expect(r.output).toBe(`pod/count created
pod/rest created
pod/nested created
round 1 at Thu Jan  1 09:00:02 UTC 2026
round 3 at Thu Jan  1 09:00:06 UTC 2026
ax
ay
b cx
b cy
last 3
kubesim: a for loop after && in a container's own command is not simulated
kubesim: $(ls /) in a container's own command is not simulated (only $(date), $(hostname) and $(seq) of up to 100,000 whole numbers are); run it with kubectl exec, or from a shell: kubectl run -it ... -- sh
s1
s2
s3
5 3 1 
x y
kubesim: break or continue in a container's own command is not simulated
kubesim: a for loop of more than 20,000 steps in a container's own command is not simulated
rc=0
sh: 1: nope1: not found
sh: 1: nope2: not found
rc=127
r1 done
r2 done
r1 done
r2 done
NAME     READY   STATUS      RESTARTS   AGE
count    0/1     Completed   0          10s
nested   1/1     Running     0          10s
rest     0/1     Completed   0          10s
`);
  });

  test("the image's other programs run in the container, and > and >> write into its files", async () => {
    const r =
      await runKubectlScript(`kubectl run logger --image=busybox:1.37 -- sh -c 'mkdir -p /data; while true; do date >> /data/date.log; echo tick; sleep 5; done'
kubectl run once --image=busybox:1.37 --restart=Never -- sh -c 'echo one > out.txt; echo two >> out.txt; cat out.txt | wc -l; echo x > /nope/f; echo "rc=$?"; wget -qO page.html http://example.invalid 2>> errors.log; whoami; nope; echo "rc=$?"; sleep 3600'
kubectl run dash --image=nginx --restart=Never -- sh -c 'echo x > /nope/f; echo "rc=$?"; ls /usr/share/nginx/html | sort -r'
sleep 12
kubectl exec logger -- cat /data/date.log
kubectl logs logger
kubectl exec once -- cat out.txt errors.log
kubectl logs once
kubectl logs dash
`);
    expect(r.output).toBe(`pod/logger created
pod/once created
pod/dash created
Thu Jan  1 09:00:02 UTC 2026
Thu Jan  1 09:00:07 UTC 2026
tick
tick
one
two
wget: bad address 'example.invalid'
2
sh: can't create /nope/f: nonexistent directory
rc=1
root
sh: nope: not found
rc=127
sh: 1: cannot create /nope/f: Directory nonexistent
rc=2
index.html
50x.html
`);
  });

  test("a failed redirection's status is the shell's own: 2 in dash (nginx's sh), 1 in busybox ash", async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl run box --image=busybox:1.37 -- sleep 3600
sleep 6
kubectl exec web -- sh -c 'echo x > /nope/f; echo "rc=$?"; cat < /nope/g; echo "rc=$?"'
kubectl exec box -- sh -c 'echo x > /nope/f; echo "rc=$?"'
`);
    expect(r.output).toBe(`pod/web created
pod/box created
sh: 1: cannot create /nope/f: Directory nonexistent
rc=2
sh: 1: cannot open /nope/g: No such file
rc=2
sh: can't create /nope/f: nonexistent directory
rc=1
`);
  });

  test('$((…)) and variables the script changes as it runs: the counter loop of the Kubernetes docs', async () => {
    const r =
      await runKubectlScript(`kubectl run counter --image=busybox:1.37 -- /bin/sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'
kubectl run math --image=busybox:1.37 --restart=Never -- sh -c 'a=6; b=4; echo $((a*b)) $(( (a+b)/3 )) $((a%b)) $((a>b && b>0)) $((-a)) "$(($a - 1))" $((0x10)); export N=3; echo "n=$N"; echo $((1/0)); echo after'
kubectl run files --image=busybox:1.37 -- sh -c 'n=0; while true; do n=$((n+2)); echo "n is $n" >> /tmp/n; sleep 2; done'
sleep 5
kubectl logs counter
kubectl logs math
kubectl exec files -- cat /tmp/n
`);
    expect(r.output).toBe(`pod/counter created
pod/math created
pod/files created
0: Thu Jan  1 09:00:02 UTC 2026
1: Thu Jan  1 09:00:03 UTC 2026
2: Thu Jan  1 09:00:04 UTC 2026
24 3 2 1 -6 5 16
n=3
kubesim: an arithmetic expansion failed (division by zero); not simulated further
after
n is 2
n is 4
`);
  });

  test("cd moves the script (and its files and programs), with each shell's words when it cannot", async () => {
    const r =
      await runKubectlScript(`kubectl run c --image=busybox:1.37 --restart=Never -- sh -c 'mkdir -p /work/logs; cd /work; echo hi > logs/a.txt; ls logs; cd logs && cat a.txt; echo "pwd=$PWD"; cd /nope; echo "rc=$?"; cd; echo "home=$PWD"; sleep 3600'
kubectl run d --image=nginx --restart=Never -- sh -c 'cd /etc/hostname; echo "rc=$?"; bash -c "echo inner"'
sleep 6
kubectl logs c
kubectl exec c -- cat /work/logs/a.txt
kubectl logs d
`);
    expect(r.output).toBe(`pod/c created
pod/d created
a.txt
hi
pwd=/work/logs
sh: cd: can't cd to /nope: No such file or directory
rc=1
home=/root
hi
sh: 1: cd: can't cd to /etc/hostname
rc=2
kubesim: bash in a container's own command is not simulated; run it with kubectl exec, or from a shell: kubectl run -it ... -- sh
`);
  });
});
