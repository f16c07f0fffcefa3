// kubectl create configmap as create_configmap.go builds one: files, directories, literals and env
// files from the learner's machine, kubectl's own checks and words, and --append-hash's hash
import { describe, expect, test } from 'vitest';
import type { ConfigMap } from '../../api/types.ts';
import { configMapHash } from './create-configmap.ts';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl create configmap', () => {
  test('keys from a directory, a file under its own name or a given key, literals and an env file', async () => {
    const k = kubectlSession();
    await k.run(`mkdir -p conf
echo 'server { listen 80; }' > conf/default.conf
echo hi > conf/motd
mkdir conf/sub
printf '# settings\\nLOG_LEVEL=debug\\n  MODE=fast\\n\\nEMPTY=\\n' > app.env`);
    expect(
      await k.transcript(`
kubectl create configmap web-config --from-file=conf --from-literal=greeting=hello=world
kubectl get cm web-config -o jsonpath={.data}
kubectl create cm env-config --from-env-file=app.env --dry-run=client -o yaml
kubectl create cm one --from-file=nginx.conf=conf/default.conf,conf/motd -n kube-public
kubectl get cm one -n kube-public -o jsonpath={.data}
kubectl create cm hashed --from-literal=a=b --append-hash
kubectl create cm web-config --from-literal=a=b
`),
    ).toBe(`$ kubectl create configmap web-config --from-file=conf --from-literal=greeting=hello=world
configmap/web-config created
$ kubectl get cm web-config -o jsonpath={.data}
{"default.conf":"server { listen 80; }\\n","greeting":"hello=world","motd":"hi\\n"}$ kubectl create cm env-config --from-env-file=app.env --dry-run=client -o yaml
apiVersion: v1
data:
  EMPTY: ""
  LOG_LEVEL: debug
  MODE: fast
kind: ConfigMap
metadata:
  name: env-config
$ kubectl create cm one --from-file=nginx.conf=conf/default.conf,conf/motd -n kube-public
configmap/one created
$ kubectl get cm one -n kube-public -o jsonpath={.data}
{"motd":"hi\\n","nginx.conf":"server { listen 80; }\\n"}$ kubectl create cm hashed --from-literal=a=b --append-hash
configmap/hashed-4dk9m7dmmg created
$ kubectl create cm web-config --from-literal=a=b
error: failed to create configmap: configmaps "web-config" already exists
[exit 1]
`);
  });

  test("kubectl's refusals: sources, keys, files and the name", async () => {
    const k = kubectlSession();
    await k.run('mkdir conf\necho x > app.env\nprintf "1BAD=x\\n" > bad.env\nprintf "BARE\\n" > bare.env');
    expect(
      await k.transcript(`
kubectl create cm
kubectl create cm bad --from-literal=a=b --from-env-file=app.env
kubectl create cm bad --from-literal==b
kubectl create cm bad --from-literal=noeq
kubectl create cm bad --from-literal='a b=c'
kubectl create cm bad --from-literal=a=1 --from-literal=a=2
kubectl create cm bad --from-file=missing.txt
kubectl create cm bad --from-file=k=conf
kubectl create cm bad --from-file==x
kubectl create cm bad --from-file=x=
kubectl create cm bad --from-file=a=b=c
kubectl create cm bad --from-env-file=conf
kubectl create cm bad --from-env-file=bad.env
kubectl create cm bad --from-env-file=bare.env
kubectl create cm Bad --from-literal=a=b
`),
    ).toBe(`$ kubectl create cm
error: exactly one NAME is required, got 0
See 'kubectl create configmap -h' for help and examples
[exit 1]
$ kubectl create cm bad --from-literal=a=b --from-env-file=app.env
error: from-env-file cannot be combined with from-file or from-literal
[exit 1]
$ kubectl create cm bad --from-literal==b
error: invalid literal source =b, expected key=value
[exit 1]
$ kubectl create cm bad --from-literal=noeq
error: invalid literal source noeq, expected key=value
[exit 1]
$ kubectl create cm bad --from-literal='a b=c'
error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')
[exit 1]
$ kubectl create cm bad --from-literal=a=1 --from-literal=a=2
error: cannot add key "a", another key by that name already exists in Data for ConfigMap "bad"
[exit 1]
$ kubectl create cm bad --from-file=missing.txt
error: error reading missing.txt: no such file or directory
[exit 1]
$ kubectl create cm bad --from-file=k=conf
error: cannot give a key name for a directory path
[exit 1]
$ kubectl create cm bad --from-file==x
error: key name for file path x missing
[exit 1]
$ kubectl create cm bad --from-file=x=
error: file path for key name x missing
[exit 1]
$ kubectl create cm bad --from-file=a=b=c
error: key names or file paths cannot contain '='
[exit 1]
$ kubectl create cm bad --from-env-file=conf
error: env config file cannot be a directory
[exit 1]
$ kubectl create cm bad --from-env-file=bad.env
error: "1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')
[exit 1]
$ kubectl create cm bad --from-env-file=bare.env
kubesim: 'BARE' without '=' in bare.env takes its value from kubectl's own environment, which is not simulated
[exit 1]
$ kubectl create cm Bad --from-literal=a=b
error: failed to create configmap: ConfigMap "Bad" is invalid: metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
[exit 1]
`);
  });

  test("--append-hash's hash matches kubectl's own test vectors (hash_test.go)", () => {
    const cm = (data: Record<string, string>): ConfigMap => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: '' },
      data,
    });
    expect(configMapHash(cm({}))).toBe('42745tchd9');
    expect(configMapHash(cm({ one: '' }))).toBe('9g67k2htb6');
    expect(configMapHash(cm({ two: '2', one: '', three: '3' }))).toBe('f5h7t85m9b');
  });
});
