import { describe, expect, test } from 'vitest';
import { createLearnerMachine, type LearnerMachine } from '../sim/machine.ts';
import { clusterView, healthOf, type NodeView } from './cluster-view.ts';

/** a fresh learner machine (virtual time) after typing `lines` at its shell */
async function machineAfter(lines: string[], seed = 1): Promise<LearnerMachine> {
  const machine = createLearnerMachine({ seed, mode: 'script' });
  let output = '';
  const out = { stdout: (s: string) => void (output += s), stderr: (s: string) => void (output += s) };
  for (const line of lines) await machine.session.feedLine(line, out);
  expect(output).not.toMatch(/error|not simulated/i);
  return machine;
}

const heredoc = (yaml: string): string[] => ['cat <<EOF | kubectl apply -f -', ...yaml.trim().split('\n'), 'EOF'];

const emptyNodes: NodeView[] = [
  {
    name: 'kind-control-plane',
    roles: ['control-plane'],
    internalIP: '172.18.0.2',
    status: 'Ready',
    ready: true,
    taints: ['node-role.kubernetes.io/control-plane:NoSchedule'],
    pods: [],
  },
  { name: 'kind-worker', roles: [], internalIP: '172.18.0.3', status: 'Ready', ready: true, taints: [], pods: [] },
  { name: 'kind-worker2', roles: [], internalIP: '172.18.0.4', status: 'Ready', ready: true, taints: [], pods: [] },
];

const kubernetesService = {
  namespace: 'default',
  name: 'kubernetes',
  type: 'ClusterIP',
  clusterIP: '10.96.0.1',
  externalIP: '<none>',
  ports: '443/TCP',
  selector: null,
  endpoints: [{ ip: '172.18.0.2', ports: [6443], pod: null, node: null, ready: true }],
  readyEndpoints: 1,
  note: 'the API server itself: the API server keeps its endpoints',
};

describe('clusterView', () => {
  test('returns the three nodes without pods for the default cluster in the learner namespaces', async () => {
    const machine = await machineAfter([]);
    expect(clusterView(machine.world.cluster, { namespaces: 'mine' })).toEqual({
      nodes: emptyNodes,
      unscheduled: [],
      services: [kubernetesService],
      workloads: { deployments: [], replicaSets: [], daemonSets: [] },
    });
  });

  test('lists the system pods with their DaemonSet owners when every namespace is shown', async () => {
    const machine = await machineAfter([]);
    const view = clusterView(machine.world.cluster, { namespaces: 'all' });
    expect(view.nodes[1]).toEqual({
      ...emptyNodes[1],
      pods: [
        {
          namespace: 'kube-system',
          name: 'kindnet-xfzpj',
          status: 'Running',
          health: 'ok',
          ready: '1/1',
          restarts: 0,
          ip: '172.18.0.3',
          owner: 'DaemonSet/kindnet',
        },
        {
          namespace: 'kube-system',
          name: 'kube-proxy-6xwm9',
          status: 'Running',
          health: 'ok',
          ready: '1/1',
          restarts: 0,
          ip: '172.18.0.3',
          owner: 'DaemonSet/kube-proxy',
        },
      ],
    });
    expect(view.workloads.daemonSets).toEqual([
      { namespace: 'kube-system', name: 'kindnet', desired: 3, current: 3, ready: 3 },
      { namespace: 'kube-system', name: 'kube-proxy', desired: 3, current: 3, ready: 3 },
    ]);
    expect(view.services.map((s) => `${s.namespace}/${s.name} ${s.ports}`)).toEqual([
      'default/kubernetes 443/TCP',
      'kube-system/kube-dns 53/UDP,53/TCP,9153/TCP',
    ]);
  });

  test('places the pods of a 3-replica Deployment on the workers, with their ReplicaSet', async () => {
    const machine = await machineAfter(['kubectl create deployment web --image=nginx --replicas=3']);
    machine.world.cluster.advance(10_000);
    const pod = (name: string, ip: string) => ({
      namespace: 'default',
      name,
      status: 'Running',
      health: 'ok',
      ready: '1/1',
      restarts: 0,
      ip,
      owner: 'ReplicaSet/web-7957885594',
    });
    expect(clusterView(machine.world.cluster, { namespaces: 'mine' })).toEqual({
      nodes: [
        emptyNodes[0],
        { ...emptyNodes[1], pods: [pod('web-7957885594-jdmtt', '10.244.1.3'), pod('web-7957885594-p5sc6', '10.244.1.2')] },
        { ...emptyNodes[2], pods: [pod('web-7957885594-695tm', '10.244.2.2')] },
      ],
      unscheduled: [],
      services: [kubernetesService],
      workloads: {
        deployments: [
          { namespace: 'default', name: 'web', ready: '3/3', upToDate: 3, available: 3, replicaSet: 'web-7957885594' },
        ],
        replicaSets: [
          {
            kind: 'ReplicaSet',
            namespace: 'default',
            name: 'web-7957885594',
            desired: 3,
            current: 3,
            ready: 3,
            owner: 'Deployment/web',
          },
        ],
        daemonSets: [],
      },
    });
  });

  test('lists each ready endpoint with its pod and node, and says why a mismatched selector has none', async () => {
    const machine = await machineAfter([
      'kubectl create deployment web --image=nginx --replicas=2',
      'kubectl expose deployment web --port=80 --target-port=80',
      'kubectl create service clusterip webb --tcp=80:80',
      'sleep 10',
    ]);
    expect(clusterView(machine.world.cluster, { namespaces: 'mine' }).services).toEqual([
      kubernetesService,
      {
        namespace: 'default',
        name: 'web',
        type: 'ClusterIP',
        clusterIP: '10.106.36.156',
        externalIP: '<none>',
        ports: '80/TCP',
        selector: 'app=web',
        endpoints: [
          { ip: '10.244.1.2', ports: [80], pod: 'web-7957885594-p5sc6', node: 'kind-worker', ready: true },
          { ip: '10.244.2.2', ports: [80], pod: 'web-7957885594-695tm', node: 'kind-worker2', ready: true },
        ],
        readyEndpoints: 2,
        note: null,
      },
      {
        namespace: 'default',
        name: 'webb',
        type: 'ClusterIP',
        clusterIP: '10.99.122.143',
        externalIP: '<none>',
        ports: '80/TCP',
        selector: 'app=webb',
        endpoints: [],
        readyEndpoints: 0,
        note: 'no pods match the selector app=webb',
      },
    ]);
  });

  test('marks the endpoints of pods that are not ready and says that none is', async () => {
    const machine = await machineAfter([
      'kubectl create deployment typo --image=ngnix',
      'kubectl expose deployment typo --port=80',
    ]);
    machine.world.cluster.advance(30_000);
    const view = clusterView(machine.world.cluster, { namespaces: 'mine' });
    expect(view.services[1]).toEqual({
      namespace: 'default',
      name: 'typo',
      type: 'ClusterIP',
      clusterIP: '10.106.36.156',
      externalIP: '<none>',
      ports: '80/TCP',
      selector: 'app=typo',
      endpoints: [{ ip: '10.244.2.2', ports: [80], pod: 'typo-767db84948-p5sc6', node: 'kind-worker2', ready: false }],
      readyEndpoints: 0,
      note: 'pods match the selector app=typo, but none is ready',
    });
  });

  test('shows a mistyped image as ErrImagePull, then ImagePullBackOff', async () => {
    const machine = await machineAfter(['kubectl run typo --image=ngnix']);
    const cluster = machine.world.cluster;
    const typo = (status: string) => ({
      namespace: 'default',
      name: 'typo',
      status,
      health: 'failed',
      ready: '0/1',
      restarts: 0,
      ip: '10.244.2.2',
      owner: null,
    });
    cluster.advance(3_000);
    expect(clusterView(cluster, { namespaces: 'mine' }).nodes[2]).toEqual({ ...emptyNodes[2], pods: [typo('ErrImagePull')] });
    cluster.advance(2_000);
    expect(clusterView(cluster, { namespaces: 'mine' }).nodes[2]).toEqual({ ...emptyNodes[2], pods: [typo('ImagePullBackOff')] });
  });

  test("lists a pod that fits no node as not scheduled, with the scheduler's reason", async () => {
    const machine = await machineAfter(
      heredoc(`
apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: web
    image: nginx
`),
    );
    machine.world.cluster.advance(5_000);
    const view = clusterView(machine.world.cluster, { namespaces: 'mine' });
    expect(view.nodes).toEqual(emptyNodes);
    expect(view.unscheduled).toEqual([
      {
        namespace: 'default',
        name: 'picky',
        status: 'Pending',
        health: 'progress',
        ready: '0/1',
        restarts: 0,
        ip: null,
        owner: null,
        reason:
          "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      },
    ]);
  });

  test('shows a selector-less Service with the addresses of its hand-written Endpoints', async () => {
    const machine = await machineAfter(
      heredoc(`
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  ports:
  - port: 5432
---
apiVersion: v1
kind: Endpoints
metadata:
  name: db
subsets:
- addresses:
  - ip: 192.0.2.10
  - ip: 192.0.2.9
  ports:
  - port: 5432
`),
    );
    expect(clusterView(machine.world.cluster, { namespaces: 'mine' }).services[0]).toEqual({
      namespace: 'default',
      name: 'db',
      type: 'ClusterIP',
      clusterIP: '10.106.36.156',
      externalIP: '<none>',
      ports: '5432/TCP',
      selector: null,
      endpoints: [
        { ip: '192.0.2.9', ports: [5432], pod: null, node: null, ready: true },
        { ip: '192.0.2.10', ports: [5432], pod: null, node: null, ready: true },
      ],
      readyEndpoints: 2,
      note: 'no selector: its endpoints come from a hand-written Endpoints object',
    });
  });

  test('says an ExternalName Service is a DNS alias without endpoints', async () => {
    const machine = await machineAfter(['kubectl create service externalname search --external-name=www.example.com']);
    expect(clusterView(machine.world.cluster, { namespaces: 'mine' }).services[1]).toEqual({
      namespace: 'default',
      name: 'search',
      type: 'ExternalName',
      clusterIP: '<none>',
      externalIP: 'www.example.com',
      ports: '<none>',
      selector: 'app=search',
      endpoints: [],
      readyEndpoints: 0,
      note: 'a DNS alias for www.example.com, no endpoints',
    });
  });

  test('hides the system namespaces in the learner view and shows them all otherwise', async () => {
    const machine = await machineAfter(['kubectl create namespace team', 'kubectl run one -n team --image=nginx', 'sleep 5']);
    const pods = (scope: 'mine' | 'all') =>
      clusterView(machine.world.cluster, { namespaces: scope }).nodes.flatMap((n) =>
        n.pods.map((p) => `${p.namespace}/${p.name}`),
      );
    expect(pods('mine')).toEqual(['team/one']);
    expect(pods('all')).toHaveLength(13);
  });
});

describe('healthOf', () => {
  test('tells progress, success, completion and failure apart from the STATUS word', () => {
    const cases: [string, string][] = [
      ['Running', '1/1'],
      ['Running', '1/2'],
      ['Pending', '0/1'],
      ['ContainerCreating', '0/1'],
      ['Init:0/1', '0/1'],
      ['Terminating', '1/1'],
      ['Completed', '0/1'],
      ['ErrImagePull', '0/1'],
      ['ImagePullBackOff', '0/1'],
      ['CrashLoopBackOff', '0/1'],
      ['Init:Error', '0/1'],
      ['Error', '0/1'],
    ];
    expect(cases.map(([status, ready]) => `${status} ${ready}: ${healthOf(status, ready)}`)).toEqual([
      'Running 1/1: ok',
      'Running 1/2: progress',
      'Pending 0/1: progress',
      'ContainerCreating 0/1: progress',
      'Init:0/1 0/1: progress',
      'Terminating 1/1: progress',
      'Completed 0/1: done',
      'ErrImagePull 0/1: failed',
      'ImagePullBackOff 0/1: failed',
      'CrashLoopBackOff 0/1: failed',
      'Init:Error 0/1: failed',
      'Error 0/1: failed',
    ]);
  });
});
