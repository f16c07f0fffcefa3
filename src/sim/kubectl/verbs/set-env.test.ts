// kubectl set env as set_env.go runs it: pairs after the resources, -e, `-` from stdin, --from a
// ConfigMap with --keys and --prefix, -c, --overwrite=false, --list and --resolve, the dry runs,
// and the checks of Complete and Validate, each with kubectl's own words
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

const CONFIG = `cat > cfg.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  log.level: debug
  mode: fast
EOF`;

describe('kubectl set env', () => {
  test('sets, replaces and removes variables in the pod template, which rolls the pods; no change prints nothing', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx\nkubectl rollout status deploy/web');
    expect(
      await k.transcript(`
kubectl set env deploy/web GREETING=hi COLOR=blue
kubectl set env deploy/web GREETING=hi
kubectl set env deploy/web COLOR- -e EXTRA=1 GREETING=hello
kubectl set env deploy/web --list
kubectl set env deploy/web EXTRA=2 --overwrite=false
kubectl rollout history deploy/web
kubectl set env deploy/web -e EXTRA-
kubectl set env deploy/web X=1 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].env}
`),
    ).toBe(`$ kubectl set env deploy/web GREETING=hi COLOR=blue
deployment.apps/web env updated
$ kubectl set env deploy/web GREETING=hi
$ kubectl set env deploy/web COLOR- -e EXTRA=1 GREETING=hello
deployment.apps/web env updated
$ kubectl set env deploy/web --list
# Deployment web, container nginx
GREETING=hello
EXTRA=1
$ kubectl set env deploy/web EXTRA=2 --overwrite=false
error: deployments/web 'EXTRA' already has a value (1), and --overwrite is false
[exit 1]
$ kubectl rollout history deploy/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         <none>
3         <none>

$ kubectl set env deploy/web -e EXTRA-
error: at least one environment variable must be provided
[exit 1]
$ kubectl set env deploy/web X=1 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].env}
[{"name":"GREETING","value":"hello"},{"name":"X","value":"1"}]`);
  });

  test('--from a ConfigMap refers to each key (or --keys), --prefix names them, --resolve reads them back', async () => {
    const k = kubectlSession();
    await k.run(`${CONFIG}\nkubectl apply -f cfg.yaml\nkubectl create deployment web --image=nginx`);
    expect(
      await k.transcript(`
kubectl set env deploy/web --from=configmap/cfg --prefix=APP_
kubectl set env deploy/web --list
kubectl set env deploy/web --list --resolve
kubectl set env deploy/web --from=configmap/cfg --keys=mode --prefix=X_ --dry-run=client -o jsonpath={.spec.template.spec.containers[0].env[2]} --containers=ng*x
kubectl set env deploy/web --from=configmap/nope
kubectl set env deploy/web --from=deploy/web
`),
    ).toBe(`$ kubectl set env deploy/web --from=configmap/cfg --prefix=APP_
deployment.apps/web env updated
$ kubectl set env deploy/web --list
# Deployment web, container nginx
# APP_LOG_LEVEL from configmap cfg, key log.level
# APP_MODE from configmap cfg, key mode
$ kubectl set env deploy/web --list --resolve
# Deployment web, container nginx
APP_LOG_LEVEL=debug
APP_MODE=fast
$ kubectl set env deploy/web --from=configmap/cfg --keys=mode --prefix=X_ --dry-run=client -o jsonpath={.spec.template.spec.containers[0].env[2]} --containers=ng*x
{"name":"X_MODE","valueFrom":{"configMapKeyRef":{"key":"mode","name":"cfg"}}}$ kubectl set env deploy/web --from=configmap/nope
Error from server (NotFound): configmaps "nope" not found
[exit 1]
$ kubectl set env deploy/web --from=deploy/web
error: unsupported resource specified in --from
[exit 1]
`);
  });

  test("Complete's and Validate's refusals, and containers or kinds that do not fit", async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx');
    expect(
      await k.transcript(`
kubectl set env
kubectl set env A=1 deploy/web
kubectl set env deploy/web 1BAD=x
kubectl set env deploy/web A=1 A-
kubectl set env deploy/web --keys=mode
kubectl set env deploy/web --list -o yaml
kubectl set env deploy/web --all -l app=web
kubectl set env deploy/web --local --dry-run=server X=1
kubectl set env deploy/web -e NOEQUALS
kubectl set env deploy/web -c nope X=1
kubectl set env svc/kubernetes X=1
`),
    ).toBe(`$ kubectl set env
error: one or more resources must be specified as <resource> <name> or <resource>/<name>
[exit 1]
$ kubectl set env A=1 deploy/web
error: all resources must be specified before environment changes: A=1 deploy/web
[exit 1]
$ kubectl set env deploy/web 1BAD=x
error: "1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')
[exit 1]
$ kubectl set env deploy/web A=1 A-
error: can not both modify and remove the same environment variable in the same command
[exit 1]
$ kubectl set env deploy/web --keys=mode
error: when specifying --keys, a configmap or secret must be provided with --from
[exit 1]
$ kubectl set env deploy/web --list -o yaml
error: --list and --output may not be specified together
[exit 1]
$ kubectl set env deploy/web --all -l app=web
error: cannot set --all and --selector at the same time
[exit 1]
$ kubectl set env deploy/web --local --dry-run=server X=1
error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?
[exit 1]
$ kubectl set env deploy/web -e NOEQUALS
error: unknown environment variable: NOEQUALS
[exit 1]
$ kubectl set env deploy/web -c nope X=1
warning: Deployment/web does not have any containers matching "nope"
$ kubectl set env svc/kubernetes X=1
error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service
[exit 1]
`);
  });

  test('- reads KEY=VALUE lines from stdin, comments dropped', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx');
    const t = await k.run(
      `printf 'A=1 # first\\n# nothing\\nB=2\\n' | kubectl set env deploy/web - --dry-run=client -o jsonpath='{.spec.template.spec.containers[0].env}'`,
    );
    expect(t.output).toBe('[{"name":"A","value":"1 "},{"name":"B","value":"2"}]');
  });
});
