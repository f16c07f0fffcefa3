// traffic policy: does a pod see the learner's own address when a request comes in from
// outside (externalTrafficPolicy Local), or a node's (Cluster, which masquerades)?
import type { Service } from '../sim/api/types.ts';
import { networkOf, OUTSIDE_IP } from '../sim/network/net.ts';
import { probeHttp } from '../sim/network/probe.ts';
import type { CheckOf } from './checks.ts';
import { code, listing } from './facts.ts';
import { failed, passed, type Evaluator } from './outcome.ts';
import { loadBalancerAddress, noNodePortFinding, nodePortFinding, probeEveryNode, type NodeAnswer } from './outside.ts';

export const clientIp: Evaluator<CheckOf<'client-ip'>> = (cluster, check) => {
  let answers: NodeAnswer[];
  let svc: Service | undefined;
  if (check.via === 'load-balancer') {
    const ref = check.service ?? { name: '', namespace: 'default' };
    const lb = loadBalancerAddress(cluster, ref);
    if ('finding' in lb)
      return failed(
        `From outside the cluster, Service ${code(ref.name)} cannot be reached: ${lb.finding.cause}.`,
        lb.finding.hint,
      );
    svc = lb.svc;
    answers = Array.from({ length: 6 }, () => ({
      node: 'load balancer',
      ip: lb.ip,
      probe: probeHttp(cluster, { kind: 'outside' }, lb.ip, check.port, '/'),
    }));
  } else {
    svc = networkOf(cluster).services.serviceByNodePort(check.port);
    answers = probeEveryNode(cluster, check.port, '/');
  }
  const reached = answers.filter((a) => a.probe.outcome === 'answered' && a.probe.pod);
  const seen = [...new Set(reached.map((a) => a.probe.seenClientIp ?? ''))].sort();
  const observed = { outside: OUTSIDE_IP, seen };
  if (reached.length === 0) {
    const namespace = check.service?.namespace ?? 'default';
    const finding = svc
      ? nodePortFinding(cluster, svc, check.port, answers, null)
      : noNodePortFinding(cluster, check.port, null, namespace);
    return failed(
      `From outside the cluster, no request on port ${check.port} reached a pod: ${finding.cause}.`,
      finding.hint,
      observed,
    );
  }
  const kept = seen.every((ip) => ip === OUTSIDE_IP);
  const lost = seen.every((ip) => ip !== OUTSIDE_IP);
  const name = svc ? `Service ${code(svc.metadata.name!)}` : 'the Service';
  const policy = svc?.spec.externalTrafficPolicy ?? 'Cluster';
  if (check.preserved && kept) return passed(observed);
  if (!check.preserved && lost) return passed(observed);
  if (check.preserved) {
    const others = listing(seen.filter((ip) => ip !== OUTSIDE_IP));
    return failed(
      `Requests from your machine (${OUTSIDE_IP}) reached the pods as coming from ${others}: ${name} has externalTrafficPolicy ${policy}, so the node that takes a request rewrites its source address (SNAT) to send the reply back through itself.`,
      'Set `externalTrafficPolicy: Local`: nodes then deliver only to their own pods and keep the client address.',
      observed,
    );
  }
  return failed(
    `The pods saw your machine's own address (${OUTSIDE_IP}): ${name} has externalTrafficPolicy ${policy}, which delivers to local pods without rewriting the source address.`,
    'Leave externalTrafficPolicy at Cluster to spread requests over every node (at the cost of the client address).',
    observed,
  );
};
