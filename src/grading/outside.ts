// requests from the learner's machine, outside the cluster: a node port must answer on every
// node's IP, a LoadBalancer Service at its external IP
import type { Cluster } from '../sim/cluster.ts';
import type { Service } from '../sim/api/types.ts';
import { ServiceLoadBalancerController } from '../sim/controllers/service-lb.ts';
import { networkOf } from '../sim/network/net.ts';
import { probeHttp, type ProbeResult } from '../sim/network/probe.ts';
import type { CheckOf } from './checks.ts';
import { code, learnerServices, listing, selects } from './facts.ts';
import { failed, passed, type CheckOutcome, type Evaluator } from './outcome.ts';
import { diagnoseMissingService, diagnoseService, servicePortFor, type Backend, type Finding } from './service-diagnosis.ts';
import { backendPods, type BackendSpec } from './sources.ts';

export interface NodeAnswer {
  node: string;
  ip: string;
  probe: ProbeResult;
}

/** one request to every node's InternalIP at `port`, from the learner's machine */
export function probeEveryNode(cluster: Cluster, port: number, path: string | null): NodeAnswer[] {
  const network = networkOf(cluster);
  return network.nodes().map((node) => {
    const ip = network.nodeIp(node) ?? '';
    return { node: node.metadata.name!, ip, probe: probeHttp(cluster, { kind: 'outside' }, ip, port, path) };
  });
}

/** the Services that look meant for the job: those selecting the backend's pods, else the learner's own */
function candidates(cluster: Cluster, backend: Backend | null, namespace: string): Service[] {
  const all = learnerServices(cluster, namespace);
  if (!backend || backend.pods.length === 0) return all;
  const selecting = all.filter((s) => {
    const selector = s.spec.selector ?? {};
    return Object.keys(selector).length > 0 && backend.pods.some((p) => selects(selector, p.metadata.labels));
  });
  return selecting.length ? selecting : all;
}

/** why no Service answers on a node port */
export function noNodePortFinding(cluster: Cluster, port: number, backend: Backend | null, namespace: string): Finding {
  const hint = `Make the Service \`type: NodePort\` and set \`nodePort: ${port}\` on its port.`;
  const found = candidates(cluster, backend, namespace);
  const opened = found.filter((s) => s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer');
  if (opened.length > 1) {
    const ports = opened.map(
      (s) => `${(s.spec.ports ?? []).map((p) => p.nodePort ?? '-').join('/')} (${code(s.metadata.name!)})`,
    );
    return {
      cause: `no Service has node port ${port}; the Services ${backend ? `that select ${backend.description}` : `in ${code(namespace)}`} have node ports ${listing(ports)}`,
      hint: `Set \`nodePort: ${port}\` on the port of the Service meant to be reached.`,
    };
  }
  const svc = opened[0] ?? found[0];
  if (!svc) {
    return {
      cause: `no Service in ${code(namespace)} opens port ${port} on the nodes${backend ? `, and none selects ${backend.description}` : ''}`,
      hint,
    };
  }
  const name = code(svc.metadata.name!);
  const type = svc.spec.type ?? 'ClusterIP';
  if (type === 'ClusterIP' || type === 'ExternalName') {
    return {
      cause: `Service ${name} is type ${type}, which opens no port on the nodes: it is reachable only inside the cluster`,
      hint,
    };
  }
  const nodePorts = (svc.spec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => p !== undefined);
  return {
    cause: `Service ${name} is type ${type}, but its node port is ${nodePorts.join(', ') || 'not set'}, not ${port} (without \`nodePort\` the apiserver picks a free one at random)`,
    hint: `Set \`nodePort: ${port}\` on the Service's port.`,
  };
}

/** the answers that did not come from the backend (or did not come at all) */
function misses(answers: NodeAnswer[], backend: Backend | null): NodeAnswer[] {
  return answers.filter(
    (a) => a.probe.outcome !== 'answered' || (backend !== null && (!a.probe.pod || !backend.pods.includes(a.probe.pod))),
  );
}

function nodeList(answers: NodeAnswer[]): string {
  return listing(answers.map((a) => `${code(a.node)} (${a.ip})`));
}

/** why some or all nodes did not pass the request on to the backend */
export function nodePortFinding(
  cluster: Cluster,
  svc: Service,
  port: number,
  answers: NodeAnswer[],
  backend: Backend | null,
): Finding {
  const sp = servicePortFor(svc, port, true);
  const service = diagnoseService(cluster, svc, sp, sp?.port ?? port, backend);
  if (service) return service;
  const bad = misses(answers, backend);
  if (svc.spec.externalTrafficPolicy === 'Local' && bad.some((a) => a.probe.outcome === 'timeout')) {
    return {
      cause: `Service ${code(svc.metadata.name!)} has externalTrafficPolicy Local, and ${listing(bad.map((a) => code(a.node)))} run${bad.length === 1 ? 's' : ''} none of its pods, so ${bad.length === 1 ? 'that node drops' : 'those nodes drop'} the traffic`,
      hint: 'Leave externalTrafficPolicy at Cluster so that every node forwards to a pod elsewhere.',
    };
  }
  const drop = bad[0]?.probe.hops.find((h) => h.step === 'drop');
  return {
    cause: drop?.step === 'drop' ? drop.reason : `${nodeList(bad)} did not pass the request on`,
    hint: 'Follow one request with `kubesim trace curl …` to see where it stops.',
  };
}

function resolveBackend(
  cluster: Cluster,
  spec: BackendSpec | undefined,
): { backend: Backend | null } | { failure: CheckOutcome } {
  if (!spec) return { backend: null };
  return backendPods(cluster, spec);
}

/** the external IP of a LoadBalancer Service, or why it has none */
export function loadBalancerAddress(
  cluster: Cluster,
  ref: { name: string; namespace: string },
): { ip: string; svc: Service } | { finding: Finding } {
  const svc = cluster.api.get<Service>('Service', ref.namespace, ref.name);
  if (!svc) return { finding: diagnoseMissingService(cluster, ref.name, ref.namespace) };
  const name = code(ref.name);
  const type = svc.spec.type ?? 'ClusterIP';
  if (type !== 'LoadBalancer') {
    return {
      finding: {
        cause: `Service ${name} is type ${type}; only a LoadBalancer Service gets an external IP`,
        hint: 'Set `type: LoadBalancer`.',
      },
    };
  }
  const ip = svc.status?.loadBalancer?.ingress?.find((i) => i.ip)?.ip;
  if (ip) return { ip, svc };
  const provider = cluster.controllers.some((c) => c instanceof ServiceLoadBalancerController);
  const cause = svc.spec.loadBalancerClass
    ? `Service ${name} names loadBalancerClass ${code(svc.spec.loadBalancerClass)}, which no load-balancer implementation in this cluster serves, so its EXTERNAL-IP stays <pending>`
    : provider
      ? `Service ${name} has no external IP yet`
      : `this cluster has no load-balancer provider, so Service ${name}'s EXTERNAL-IP stays <pending>`;
  return {
    finding: {
      cause,
      hint: provider ? 'Remove loadBalancerClass, or wait for the provider.' : 'Reach it through its node port instead.',
    },
  };
}

export const reachableOutside: Evaluator<CheckOf<'reachable-outside'>> = (cluster, check) => {
  const found = resolveBackend(cluster, check.backend);
  if ('failure' in found) return found.failure;
  const { backend } = found;
  const namespace = check.backend?.namespace ?? check.service?.namespace ?? 'default';
  if (check.via === 'load-balancer') {
    const lb = loadBalancerAddress(cluster, check.service!);
    if ('finding' in lb)
      return failed(
        `From outside the cluster, Service ${code(check.service!.name)} cannot be reached: ${lb.finding.cause}.`,
        lb.finding.hint,
      );
    const probes = Array.from({ length: 10 }, () => probeHttp(cluster, { kind: 'outside' }, lb.ip, check.port, check.path));
    const answers = probes.map((probe) => ({ node: 'load balancer', ip: lb.ip, probe }));
    const observed = { address: `${lb.ip}:${check.port}`, outcomes: [...new Set(probes.map((p) => p.outcome))] };
    if (misses(answers, backend).length === 0) return passed(observed);
    const sp = servicePortFor(lb.svc, check.port);
    const finding =
      diagnoseService(cluster, lb.svc, sp, check.port, backend) ??
      nodePortFinding(cluster, lb.svc, sp?.nodePort ?? 0, answers, backend);
    return failed(
      `From outside the cluster, http://${lb.ip}:${check.port}${check.path} ${outcomeWords(answers)}: ${finding.cause}.`,
      finding.hint,
      observed,
    );
  }
  const answers = probeEveryNode(cluster, check.port, check.path);
  const observed = {
    nodes: answers.map((a) => ({ node: a.node, ip: a.ip, outcome: a.probe.outcome, pod: a.probe.pod?.metadata.name ?? null })),
  };
  const bad = misses(answers, backend);
  if (bad.length === 0) return passed(observed);
  const svc = networkOf(cluster).services.serviceByNodePort(check.port);
  const finding = svc
    ? nodePortFinding(cluster, svc, check.port, answers, backend)
    : noNodePortFinding(cluster, check.port, backend, namespace);
  const where = bad.length === answers.length ? 'on every node' : `on ${nodeList(bad)}`;
  return failed(
    `From outside the cluster, port ${check.port} ${outcomeWords(bad)} ${where}: ${finding.cause}.`,
    finding.hint,
    observed,
  );
};

function outcomeWords(answers: NodeAnswer[]): string {
  const outcomes = new Set(answers.map((a) => a.probe.outcome));
  if (outcomes.size === 1 && outcomes.has('refused')) return 'was refused';
  if (outcomes.size === 1 && outcomes.has('timeout')) return 'got no answer';
  if (outcomes.size === 1 && outcomes.has('answered')) return 'was answered by the wrong pods';
  return 'did not reach the pods';
}
