// test harness for the DNS tools: a default cluster with a few Services made beforehand, a
// busybox pod and a jessie-dnsutils pod, and `kubectl exec` lines run against them
import type { Cluster } from '../cluster.ts';
import { kubectlSession } from '../testing/kubectl-session.ts';
import { namespace, service, slice } from './dns-fixtures.ts';

/** web (ClusterIP), cart in shop, db (headless: db-0 and a nameless endpoint), pg (ExternalName) */
export function dnsObjects(cluster: Cluster): void {
  namespace(cluster, 'shop');
  service(cluster, 'web', { clusterIP: '10.96.10.10', clusterIPs: ['10.96.10.10'] });
  slice(cluster, 'web', [{ ip: '10.244.1.50' }]);
  service(cluster, 'cart', { clusterIP: '10.96.20.20', clusterIPs: ['10.96.20.20'] }, 'shop');
  service(cluster, 'db', { clusterIP: 'None', clusterIPs: ['None'] });
  slice(cluster, 'db', [{ ip: '10.244.1.5', hostname: 'db-0' }, { ip: '10.244.2.6' }]);
  service(cluster, 'pg', { type: 'ExternalName', externalName: 'my.database.com', ports: [] });
}

const PODS = `kubectl run client --image=busybox --restart=Never -- sleep 3600
kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 --restart=Never -- sleep infinity
sleep 10
`;

/** what the lines print after the two pods are up */
export async function runDnsScript(script: string, seed = 1): Promise<string> {
  const { session, world } = kubectlSession(seed);
  dnsObjects(world.cluster);
  let output = '';
  const out = { stdout: (t: string) => void (output += t), stderr: (t: string) => void (output += t) };
  for (const line of PODS.split('\n').filter(Boolean)) await session.feedLine(line, out);
  output = '';
  for (const line of script.split('\n').filter(Boolean)) await session.feedLine(line, out);
  await session.finish(out);
  return output;
}
