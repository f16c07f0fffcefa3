import { describe, expect, it } from 'vitest';
import { createSession } from '../../shell/index.ts';
import { runScript } from '../../testing/run-script.ts';
import { createWorld } from '../../world.ts';
import { kubectl } from '../kubectl.ts';

async function run(script: string, seed = 4) {
  const world = createWorld(seed);
  const session = createSession({ clock: world.cluster.clock, seed, world, commands: [kubectl] });
  return runScript(script, seed, session);
}

const NAMESPACE = (name: string) => `Name:         ${name}
Labels:       kubernetes.io/metadata.name=${name}
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`;

describe('kubectl describe', () => {
  it('describes several objects one after another, two newlines apart', async () => {
    const t = await run('kubectl describe namespace default kube-public');
    expect(t.output).toBe(NAMESPACE('default') + '\n\n' + NAMESPACE('kube-public'));
    expect(t.status).toBe(0);
  });

  it('describes a Service with its endpoints, by TYPE/NAME and from a file', async () => {
    const expected = `Name:                     kubernetes
Namespace:                default
Labels:                   component=apiserver
                          provider=kubernetes
Annotations:              <none>
Selector:                 <none>
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.1
IPs:                      10.96.0.1
Port:                     https  443/TCP
TargetPort:               6443/TCP
Endpoints:                172.18.0.2:6443
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`;
    const byName = await run('kubectl describe svc/kubernetes');
    expect(byName.output).toBe(expected);
    const fromFile = await run('kubectl get service kubernetes -o yaml > svc.yaml\nkubectl describe -f svc.yaml');
    expect(fromFile.output).toBe(expected);
  });

  it('describes a new pod by name prefix, with the events of its start', async () => {
    const t = await run('kubectl run nginx --image=nginx:1.27\nsleep 10\nkubectl describe pods ngin');
    const lines = t.stdout.split('\n');
    expect(lines.slice(0, 10)).toEqual([
      'pod/nginx created',
      'Name:             nginx',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      expect.stringMatching(/^Node: {13}kind-worker2?\/172\.18\.0\.[34]$/),
      expect.stringMatching(/^Start Time: {7}Thu, 01 Jan 2026 09:00:0\d \+0000$/),
      'Labels:           run=nginx',
      'Annotations:      <none>',
      'Status:           Running',
    ]);
    expect(t.stdout).toContain('    State:          Running\n');
    expect(t.stdout).toContain('    Restart Count:  0\n');
    expect(t.stdout).toMatch(
      /\n {2}Normal {2}Scheduled {2}10s {3}default-scheduler {2}Successfully assigned default\/nginx to kind-worker2?\n/,
    );
    expect(t.stdout).toMatch(/ {2}Normal {2}Started {4}\d+s {4}kubelet {12}Started container nginx\n\n$/);
    expect(t.stderr).toBe('');
  });

  it('reports what it cannot find or cannot do as kubectl does', async () => {
    const cases: [string, string, number][] = [
      ['kubectl describe pods web', 'Error from server (NotFound): pods "web" not found\n', 1],
      ['kubectl describe deployment/web', 'Error from server (NotFound): deployments.apps "web" not found\n', 1],
      ['kubectl describe pods -l app=web', 'No resources found in default namespace.\n', 0],
      ['kubectl describe pods -A -l app=web', 'No resources found\n', 0],
      ['kubectl describe pods web -A', 'error: a resource cannot be retrieved by name across all namespaces\n', 1],
      ['kubectl describe pods web -l app=web', 'error: name cannot be provided when a selector is specified\n', 1],
      ['kubectl describe widgets', 'error: the server doesn\'t have a resource type "widgets"\n', 1],
      [
        'kubectl describe',
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
        1,
      ],
    ];
    for (const [script, output, status] of cases) {
      const t = await run(script);
      expect([script, t.output, t.status]).toEqual([script, output, status]);
    }
  });

  it('leaves the events out with --show-events=false and warns about v1 Endpoints', async () => {
    const quiet = await run('kubectl describe deployment coredns -n kube-system --show-events=false');
    expect(quiet.stdout).toMatch(/\nNewReplicaSet: {3}coredns-\w+ \(2\/2 replicas created\)\n$/);
    const ep = await run('kubectl describe endpoints kubernetes');
    expect(ep.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(ep.stdout).toContain('  Addresses:          172.18.0.2\n');
  });
});
