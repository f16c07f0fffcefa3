import { beforeAll, describe, expect, test } from 'vitest';
import type { Completions } from '../shell/command.ts';
import type { VirtualFs } from '../shell/vfs.ts';
import { runKubectlScript } from '../testing/kubectl-session.ts';
import type { World } from '../world.ts';
import { kubectl } from './kubectl.ts';

const SETUP = `kubectl create deployment web --image=nginx --replicas=2
kubectl run bb --image=busybox -- sleep 3600
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: multi
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ['true']
  containers:
  - name: app
    image: nginx
  - name: sidecar
    image: busybox
    command: ['sleep', '3600']
EOF
kubectl expose deployment web --port=80
kubectl create namespace shop
kubectl create deployment cart --image=nginx -n shop
mkdir manifests
touch web.yaml notes.txt manifests/svc.yml manifests/pod.json
sleep 5
`;

let world: World;
let fs: VirtualFs;

beforeAll(async () => {
  const run = await runKubectlScript(SETUP);
  world = run.world;
  fs = run.session.current.fs;
});

/** what Tab offers at the end of `line`, a kubectl command line */
function tab(line: string): Completions {
  const words = line.split(' ');
  const partial = words.pop()!;
  expect(words[0]).toBe('kubectl');
  return kubectl.complete!(words.slice(1), { partial, fs, world });
}

describe('completeKubectl', () => {
  test('offers the verbs after kubectl, in kubectl --help order', () => {
    expect(tab('kubectl ')).toEqual({
      words: [
        'create',
        'expose',
        'run',
        'set',
        'explain',
        'get',
        'edit',
        'delete',
        'rollout',
        'scale',
        'cluster-info',
        'top',
        'describe',
        'logs',
        'attach',
        'exec',
        'events',
        'apply',
        'patch',
        'replace',
        'wait',
        'label',
        'annotate',
        'api-resources',
        'config',
        'version',
      ],
    });
    expect(tab('kubectl de')).toEqual({ words: ['delete', 'describe'] });
    expect(tab('kubectl -n kube-system g')).toEqual({ words: ['get'] });
  });

  test('offers subcommands: rollout, create, create service, config, set', () => {
    expect(tab('kubectl rollout ')).toEqual({ words: ['history', 'pause', 'restart', 'resume', 'status', 'undo'] });
    expect(tab('kubectl create ')).toEqual({ words: ['configmap', 'deployment', 'namespace', 'service', 'serviceaccount'] });
    expect(tab('kubectl create svc ')).toEqual({ words: ['clusterip', 'nodeport', 'loadbalancer', 'externalname'] });
    expect(tab('kubectl config ')).toEqual({
      words: [
        'current-context',
        'delete-context',
        'get-clusters',
        'get-contexts',
        'get-users',
        'rename-context',
        'set-context',
        'use-context',
        'view',
      ],
    });
    expect(tab('kubectl config use-context ')).toEqual({ words: ['kind-kind'] });
    expect(tab('kubectl set ')).toEqual({ words: ['env', 'image', 'selector'] });
  });

  test('offers resource types: plural names, and singular and short names once something is typed', () => {
    const plurals = [
      'pods',
      'services',
      'endpoints',
      'namespaces',
      'nodes',
      'events',
      'configmaps',
      'serviceaccounts',
      'replicationcontrollers',
      'deployments',
      'replicasets',
      'daemonsets',
      'endpointslices',
    ];
    expect(tab('kubectl get ')).toEqual({ words: plurals });
    expect(tab('kubectl explain ')).toEqual({ words: plurals });
    expect(tab('kubectl set image ')).toEqual({ words: plurals });
    expect(tab('kubectl get po')).toEqual({ words: ['pods', 'pod', 'po'] });
    expect(tab('kubectl describe deploy')).toEqual({ words: ['deployments', 'deployment', 'deploy'] });
    expect(tab('kubectl delete s')).toEqual({ words: ['services', 'service', 'svc', 'serviceaccounts', 'serviceaccount', 'sa'] });
    // the kinds kubectl itself offers there, of those simulated
    expect(tab('kubectl rollout status ')).toEqual({ words: ['deployment', 'daemonset'] });
    expect(tab('kubectl scale ')).toEqual({ words: ['deployment', 'replicaset', 'replicationcontroller'] });
    expect(tab('kubectl expose ')).toEqual({
      words: ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'],
    });
  });

  test('offers the names of live objects of the type typed, in the current namespace', () => {
    expect(tab('kubectl get pods ')).toEqual({ words: ['bb', 'multi', 'web-7957885594-695tm', 'web-7957885594-p5sc6'] });
    expect(tab('kubectl describe svc ')).toEqual({ words: ['kubernetes', 'web'] });
    expect(tab('kubectl get deploy w')).toEqual({ words: ['web'] });
    expect(tab('kubectl get ns ')).toEqual({
      words: ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop'],
    });
    expect(tab('kubectl rollout undo deployment ')).toEqual({ words: ['web'] });
    // get and delete take several names; label takes one object and then its labels
    expect(tab('kubectl delete pod bb ')).toEqual({ words: ['multi', 'web-7957885594-695tm', 'web-7957885594-p5sc6'] });
    expect(tab('kubectl label pod bb ')).toEqual({ words: [] });
    expect(tab('kubectl get nosuchtype ')).toEqual({ words: [] });
  });

  test('offers TYPE/NAME forms as kubectl does', () => {
    expect(tab('kubectl get deployment/')).toEqual({ words: ['deployment/web'] });
    expect(tab('kubectl rollout status deploy/w')).toEqual({ words: ['deploy/web'] });
    expect(tab('kubectl describe svc/')).toEqual({ words: ['svc/kubernetes', 'svc/web'] });
    // after one TYPE/NAME, get offers the TYPE/ of another
    expect(tab('kubectl get deploy/web rep')).toEqual({ words: ['replicationcontrollers/', 'replicasets/'] });
  });

  test('-n, --namespace and --namespace= choose the namespace, and complete namespaces', () => {
    expect(tab('kubectl get pods -n ')).toEqual({
      words: ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop'],
    });
    expect(tab('kubectl -n kube-')).toEqual({ words: ['kube-node-lease', 'kube-public', 'kube-system'] });
    expect(tab('kubectl get pods --namespace=kube-')).toEqual({
      words: ['--namespace=kube-node-lease', '--namespace=kube-public', '--namespace=kube-system'],
    });
    expect(tab('kubectl get deploy -n shop ')).toEqual({ words: ['cart'] });
    expect(tab('kubectl -n shop get deployments ')).toEqual({ words: ['cart'] });
    expect(tab('kubectl get deploy --namespace=shop ')).toEqual({ words: ['cart'] });
    expect(tab('kubectl get pods -n kube-system kube-proxy')).toEqual({
      words: ['kube-proxy-6bfqt', 'kube-proxy-6xwm9', 'kube-proxy-v8v4t'],
    });
  });

  test('offers pods (and TYPE/ of what has pods) after logs, exec and attach, and containers after -c', () => {
    expect(tab('kubectl logs ')).toEqual({
      words: [
        'bb',
        'multi',
        'web-7957885594-695tm',
        'web-7957885594-p5sc6',
        'daemonsets/',
        'deployments/',
        'pods/',
        'replicasets/',
        'replicationcontrollers/',
        'services/',
      ],
    });
    expect(tab('kubectl exec -it w')).toEqual({ words: ['web-7957885594-695tm', 'web-7957885594-p5sc6'] });
    expect(tab('kubectl logs deployments/')).toEqual({ words: ['deployments/web'] });
    expect(tab('kubectl exec -it multi -c ')).toEqual({ words: ['setup', 'app', 'sidecar'] });
    expect(tab('kubectl logs pod/multi --container s')).toEqual({ words: ['setup', 'sidecar'] });
    expect(tab('kubectl attach bb ')).toEqual({ words: [] });
    // what follows `--` is the container's command
    expect(tab('kubectl exec multi -- ')).toEqual({ words: [] });
  });

  test('offers the flags of the command when the word starts with -, long ones and with a lone - short ones', () => {
    expect(tab('kubectl rollout status --')).toEqual({
      words: [
        '--filename',
        '--recursive',
        '--kustomize',
        '--selector',
        '--watch',
        '--revision',
        '--timeout',
        '--namespace',
        '--context',
        '--kubeconfig',
        '--v',
        '--request-timeout',
        '--help',
      ],
    });
    // flags already given are not offered again (-it gave --stdin and --tty)
    expect(tab('kubectl exec -it bb -')).toEqual({
      words: [
        '--container',
        '-c',
        '--quiet',
        '-q',
        '--filename',
        '-f',
        '--pod-running-timeout',
        '--namespace',
        '-n',
        '--context',
        '--kubeconfig',
        '--v',
        '-v',
        '--request-timeout',
        '--help',
        '-h',
      ],
    });
    expect(tab('kubectl create deployment web --re')).toEqual({ words: ['--replicas', '--request-timeout'] });
    expect(tab('kubectl get pods --all')).toEqual({ words: ['--allow-missing-template-keys', '--all-namespaces'] });
  });

  test('offers directories and manifests after -f and --filename, as file names', () => {
    expect(tab('kubectl apply -f ')).toEqual({ words: ['manifests/', 'web.yaml'], filenames: true });
    expect(tab('kubectl apply -f ~/')).toEqual({ words: ['~/manifests/', '~/web.yaml'], filenames: true });
    expect(tab('kubectl apply -f ~/manifests/s')).toEqual({ words: ['~/manifests/svc.yml'], filenames: true });
    expect(tab('kubectl delete --filename manifests/')).toEqual({
      words: ['manifests/pod.json', 'manifests/svc.yml'],
      filenames: true,
    });
    expect(tab('kubectl create --filename=m')).toEqual({ words: ['--filename=manifests/'], filenames: true });
  });

  test('offers output formats after -o', () => {
    expect(tab('kubectl get pods -o w')).toEqual({ words: ['wide'] });
    expect(tab('kubectl create deployment web --image=nginx -o j')).toEqual({
      words: ['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'],
    });
  });

  test('offers nothing after an unknown verb, or on a machine without a cluster', () => {
    expect(tab('kubectl gte ')).toEqual({ words: [] });
    expect(kubectl.complete!(['get'], { partial: '', fs, world: null })).toEqual({ words: [] });
  });
});
