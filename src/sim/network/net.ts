// the packet model: where a TCP connection (or a ping) from a pod, a node or the learner's machine
// ends up. every decision on the way is recorded as a hop — the Service address it hit, the
// kube-proxy rule that chose an endpoint, the hop to another node, SNAT — so the cluster picture,
// `kubesim trace` and the checkers can show and test the path that real tools never print.

import type { Cluster } from '../cluster.ts';
import type { Node, Pod, Service, ServicePort } from '../api/types.ts';
import { KubeProxy } from './kube-proxy.ts';
import { externalHostByIp } from './outside.ts';
import { ServiceTable, type ServiceEndpoint } from './service-table.ts';

/** the learner's machine: the host of the kind nodes, on their docker network's gateway address */
export const OUTSIDE_IP = '172.18.0.1';
const LB_EXCLUDE_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

export type NetSource = { kind: 'pod'; pod: Pod } | { kind: 'node'; node: string } | { kind: 'outside' };

export type Hop =
  | { step: 'dns'; name: string; addresses: string[]; cnames: string[] }
  | { step: 'service'; via: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalIP'; ip: string; port: number; service: string }
  | { step: 'load-balancer'; ip: string; node: string; nodePort: number; policy: 'Cluster' | 'Local' }
  | {
      step: 'rule';
      node: string;
      mode: 'iptables' | 'ipvs';
      scheduler: string;
      candidates: string[];
      chosen: string | null;
      affinity: boolean;
      policy: string;
    }
  | { step: 'forward'; from: string; to: string }
  | { step: 'snat'; from: string; to: string }
  | { step: 'deliver'; pod: string; ip: string; port: number; listening: boolean }
  | { step: 'external'; host: string; ip: string; port: number; listening: boolean }
  | { step: 'drop'; reason: string };

export type Outcome = 'connected' | 'refused' | 'timeout';

export interface Trace {
  at: number;
  /** who sent it: `pod default/client`, `node kind-worker`, `outside` */
  from: string;
  to: string;
  hops: Hop[];
  outcome: Outcome;
}

export type Destination =
  { kind: 'pod'; pod: Pod; ip: string; port: number } | { kind: 'external'; ip: string; port: number; host: string };

export interface Route {
  outcome: Outcome;
  hops: Hop[];
  /** where it landed, when connected */
  destination: Destination | null;
  /** the source address the server sees (after any SNAT) */
  clientIp: string;
}

const MAX_TRACES = 200;

export class Network {
  readonly services: ServiceTable;
  readonly proxy: KubeProxy;
  readonly traces: Trace[] = [];
  private listeners: ((trace: Trace) => void)[] = [];

  constructor(private readonly cluster: Cluster) {
    this.services = new ServiceTable(cluster);
    this.proxy = new KubeProxy(cluster);
  }

  onTrace(listener: (trace: Trace) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  record(source: NetSource, to: string, hops: Hop[], outcome: Outcome): Trace {
    const trace = { at: this.cluster.clock.now(), from: describeSource(source), to, hops, outcome };
    this.traces.push(trace);
    if (this.traces.length > MAX_TRACES) this.traces.splice(0, this.traces.length - MAX_TRACES);
    for (const listener of this.listeners) listener(trace);
    return trace;
  }

  nodes(): Node[] {
    return this.cluster.api.list<Node>('Node');
  }

  nodeIp(node: Node | undefined): string | null {
    return node?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? null;
  }

  nodeByIp(ip: string): Node | undefined {
    return this.nodes().find((n) => this.nodeIp(n) === ip);
  }

  /** the node-side address of a node's pod network (where SNAT to a local pod comes from) */
  gatewayIp(nodeName: string): string | null {
    const cidr = this.cluster.api.get<Node>('Node', undefined, nodeName)?.spec.podCIDR;
    if (!cidr) return null;
    const base = cidr.split('/')[0]!.split('.').map(Number);
    return `${base[0]}.${base[1]}.${base[2]}.${(base[3] ?? 0) + 1}`;
  }

  sourceIp(source: NetSource): string {
    if (source.kind === 'pod') return source.pod.status?.podIP ?? '0.0.0.0';
    if (source.kind === 'node') return this.nodeIp(this.cluster.api.get<Node>('Node', undefined, source.node)) ?? '0.0.0.0';
    return OUTSIDE_IP;
  }

  private sourceNode(source: NetSource): string | null {
    if (source.kind === 'pod') return source.pod.spec.nodeName ?? null;
    if (source.kind === 'node') return source.node;
    return null;
  }

  /** the Running pod at a pod-network address (the kubelets' address book, not a scan of every pod) */
  podByIp(ip: string): Pod | undefined {
    const at = this.cluster.kubelet.podAt(ip);
    const pod = at ? this.cluster.api.get<Pod>('Pod', at.namespace, at.name) : undefined;
    return pod && pod.status?.podIP === ip && pod.status.phase === 'Running' ? pod : undefined;
  }

  /** routes a new TCP connection to ip:port; the caller records the trace with its own DNS hop */
  connect(source: NetSource, ip: string, port: number): Route {
    const hops: Hop[] = [];
    const clientIp = this.sourceIp(source);
    const fail = (outcome: Outcome, reason: string): Route => {
      hops.push({ step: 'drop', reason });
      return { outcome, hops, destination: null, clientIp };
    };
    const from = this.sourceNode(source);
    if (from !== null) {
      // inside the cluster: kube-proxy on the sender's node sees the packet first
      const svc = this.services.serviceByClusterIP(ip);
      if (svc) return this.viaService(source, from, svc, 'ClusterIP', ip, port, clientIp, hops, fail);
      if (this.services.isExternalIP(ip)) {
        const external = this.services.serviceByExternalIP(ip, port);
        if (!external) return fail('timeout', `nothing on ${ip} answers port ${port}`);
        const via = (external.spec.externalIPs ?? []).includes(ip) ? 'ExternalIP' : 'LoadBalancer';
        return this.viaService(source, from, external, via, ip, port, clientIp, hops, fail);
      }
      const node = this.nodeByIp(ip);
      if (node) return this.toNode(source, from, node, port, clientIp, hops, fail);
      const pod = this.podByIp(ip);
      if (pod) return this.deliver(from, pod, ip, port, clientIp, hops);
      return this.toExternal(source, ip, port, clientIp, hops, fail);
    }
    // the learner's machine reaches node addresses and load balancers, not the cluster's networks
    const node = this.nodeByIp(ip);
    if (node) return this.toNode(source, null, node, port, clientIp, hops, fail);
    if (this.services.isExternalIP(ip)) return this.viaLoadBalancer(ip, port, clientIp, hops, fail);
    if (externalHostByIp(ip)) return this.toExternal(source, ip, port, clientIp, hops, fail);
    if (this.services.isClusterIP(ip)) return fail('timeout', `${ip} is a ClusterIP: only nodes and pods route to it`);
    if (this.podByIp(ip)) return fail('timeout', `${ip} is a pod IP: the pod network is not routed outside the cluster`);
    return fail('timeout', `no host answers at ${ip}`);
  }

  private viaService(
    source: NetSource,
    node: string,
    svc: Service,
    via: 'ClusterIP' | 'LoadBalancer' | 'ExternalIP',
    ip: string,
    port: number,
    clientIp: string,
    hops: Hop[],
    fail: (o: Outcome, r: string) => Route,
  ): Route {
    const sp = (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    const name = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const config = this.proxy.configFor(node);
    if (!sp) {
      hops.push({ step: 'service', via, ip, port, service: name });
      // iptables has no rule for the port, so the packet wanders off; ipvs binds the address, so the node refuses
      return config.mode === 'ipvs'
        ? fail('refused', `${name} has no port ${port}; the node holding the address refuses it`)
        : fail('timeout', `${name} has no port ${port}; no rule matches, the packet is lost`);
    }
    hops.push({ step: 'service', via, ip, port, service: name });
    // traffic from inside the cluster to a load-balancer or external address is treated as internal
    const policy = via === 'ClusterIP' ? (svc.spec.internalTrafficPolicy ?? 'Cluster') : 'Cluster';
    return this.pickAndDeliver(source, node, svc, sp, policy, 'internal', clientIp, hops, fail);
  }

  /** usable endpoints: ready ones, or (when none is ready) serving terminating ones, as kube-proxy falls back */
  usable(svc: Service, sp: ServicePort): ServiceEndpoint[] {
    const all = this.services.endpoints(svc, sp);
    const ready = all.filter((ep) => ep.ready && !ep.terminating);
    return ready.length > 0 ? ready : all.filter((ep) => ep.serving && ep.terminating);
  }

  private pickAndDeliver(
    source: NetSource,
    node: string,
    svc: Service,
    sp: ServicePort,
    policy: 'Cluster' | 'Local',
    traffic: 'internal' | 'external',
    clientIp: string,
    hops: Hop[],
    fail: (o: Outcome, r: string) => Route,
  ): Route {
    const config = this.proxy.configFor(node);
    const all = this.usable(svc, sp);
    const candidates = policy === 'Local' ? all.filter((ep) => ep.nodeName === node) : all;
    const chosen = this.proxy.choose(node, svc, sp, candidates, clientIp);
    hops.push({
      step: 'rule',
      node,
      mode: config.mode,
      scheduler: config.mode === 'ipvs' ? config.scheduler : 'random',
      candidates: candidates.map((ep) => `${ep.ip}:${ep.port}`),
      chosen: chosen ? `${chosen.ip}:${chosen.port}` : null,
      affinity: svc.spec.sessionAffinity === 'ClientIP',
      policy: `${traffic === 'external' ? 'externalTrafficPolicy' : 'internalTrafficPolicy'}=${policy}`,
    });
    if (!chosen) {
      if (all.length === 0 && this.services.endpoints(svc, sp).length === 0) {
        return fail(
          'refused',
          `${svc.metadata.namespace}/${svc.metadata.name} has no endpoints: kube-proxy rejects the connection`,
        );
      }
      if (all.length === 0) {
        return fail(
          'refused',
          `${svc.metadata.namespace}/${svc.metadata.name} has no ready endpoints: kube-proxy rejects the connection`,
        );
      }
      return fail('timeout', `${policy} policy: no endpoint on ${node}, so ${node} drops the packet`);
    }
    // masquerade: external traffic under the Cluster policy, traffic from a node, and a pod reaching itself
    let seenIp = clientIp;
    const hairpin = source.kind === 'pod' && source.pod.status?.podIP === chosen.ip;
    const masquerade = (traffic === 'external' && policy === 'Cluster') || source.kind === 'node' || hairpin;
    if (masquerade) {
      const local = chosen.nodeName === node;
      const to = (local ? this.gatewayIp(node) : this.nodeIp(this.cluster.api.get<Node>('Node', undefined, node))) ?? clientIp;
      if (to !== clientIp) hops.push({ step: 'snat', from: clientIp, to });
      seenIp = to;
    }
    const pod = chosen.pod ? this.cluster.api.get<Pod>('Pod', chosen.pod.namespace, chosen.pod.name) : this.podByIp(chosen.ip);
    if (!pod || pod.status?.podIP !== chosen.ip) {
      // an endpoint outside the pod network (a hand-written Endpoints object): routed like any address
      return this.toExternal(source, chosen.ip, chosen.port, seenIp, hops, fail);
    }
    return this.deliver(node, pod, chosen.ip, chosen.port, seenIp, hops);
  }

  private toNode(
    source: NetSource,
    from: string | null,
    node: Node,
    port: number,
    clientIp: string,
    hops: Hop[],
    fail: (o: Outcome, r: string) => Route,
  ): Route {
    const name = node.metadata.name!;
    if (from !== null && from !== name) hops.push({ step: 'forward', from, to: name });
    const svc = this.services.serviceByNodePort(port);
    if (!svc) return fail('refused', `nothing listens on ${name} port ${port}`);
    const sp = (svc.spec.ports ?? []).find((p) => p.nodePort === port)!;
    hops.push({
      step: 'service',
      via: 'NodePort',
      ip: this.nodeIp(node) ?? '',
      port,
      service: `${svc.metadata.namespace}/${svc.metadata.name}`,
    });
    // pods reaching a node port count as internal traffic: the Local policy does not apply to them
    const external = source.kind === 'outside';
    const policy = external ? (svc.spec.externalTrafficPolicy ?? 'Cluster') : 'Cluster';
    return this.pickAndDeliver(source, name, svc, sp, policy, external ? 'external' : 'internal', clientIp, hops, fail);
  }

  private viaLoadBalancer(
    ip: string,
    port: number,
    clientIp: string,
    hops: Hop[],
    fail: (o: Outcome, r: string) => Route,
  ): Route {
    const svc = this.services.serviceByExternalIP(ip, port);
    if (!svc) return fail('timeout', `the load balancer at ${ip} has no listener on port ${port}`);
    const sp = (svc.spec.ports ?? []).find((p) => p.port === port)!;
    const name = `${svc.metadata.namespace}/${svc.metadata.name}`;
    hops.push({ step: 'service', via: 'LoadBalancer', ip, port, service: name });
    const policy = svc.spec.externalTrafficPolicy ?? 'Cluster';
    // the cloud balancer sends to nodes that pass its health check: every node under Cluster,
    // under Local only those running a ready endpoint (the healthCheckNodePort answers 200 there)
    const local = new Set(this.usable(svc, sp).map((ep) => ep.nodeName));
    const targets = this.nodes().filter(
      (n) => n.metadata.labels?.[LB_EXCLUDE_LABEL] === undefined && (policy === 'Cluster' || local.has(n.metadata.name!)),
    );
    if (targets.length === 0) return fail('timeout', `no node passes ${name}'s load-balancer health check`);
    const node = targets[this.cluster.random.int(targets.length)]!;
    hops.push({ step: 'load-balancer', ip, node: node.metadata.name!, nodePort: sp.nodePort ?? 0, policy });
    return this.pickAndDeliver({ kind: 'outside' }, node.metadata.name!, svc, sp, policy, 'external', clientIp, hops, fail);
  }

  private deliver(fromNode: string, pod: Pod, ip: string, port: number, clientIp: string, hops: Hop[]): Route {
    const target = pod.spec.nodeName ?? '';
    if (target && target !== fromNode) hops.push({ step: 'forward', from: fromNode, to: target });
    const listening = this.cluster.kubelet.listeners(pod).some((l) => l.port === port);
    hops.push({ step: 'deliver', pod: `${pod.metadata.namespace}/${pod.metadata.name}`, ip, port, listening });
    if (!listening) return { outcome: 'refused', hops, destination: null, clientIp };
    return { outcome: 'connected', hops, destination: { kind: 'pod', pod, ip, port }, clientIp };
  }

  private toExternal(
    source: NetSource,
    ip: string,
    port: number,
    clientIp: string,
    hops: Hop[],
    fail: (o: Outcome, r: string) => Route,
  ): Route {
    const host = externalHostByIp(ip);
    if (!host) return fail('timeout', `no host answers at ${ip}`);
    // leaving the cluster, a pod's address is masqueraded to its node's
    let seen = clientIp;
    if (source.kind === 'pod') {
      const nodeIp = this.nodeIp(this.cluster.api.get<Node>('Node', undefined, source.pod.spec.nodeName ?? ''));
      if (nodeIp && nodeIp !== clientIp) {
        hops.push({ step: 'snat', from: clientIp, to: nodeIp });
        seen = nodeIp;
      }
    }
    const listening = host.ports.includes(port);
    hops.push({ step: 'external', host: host.name, ip, port, listening });
    if (!listening) return { outcome: 'refused', hops, destination: null, clientIp: seen };
    return { outcome: 'connected', hops, destination: { kind: 'external', ip, port, host: host.name }, clientIp: seen };
  }

  /** does `ip` answer an ICMP echo from `source`? */
  answersPing(source: NetSource, ip: string): boolean {
    const from = this.sourceNode(source);
    if (this.nodeByIp(ip) || externalHostByIp(ip)) return true;
    if (from === null) return false;
    if (this.podByIp(ip)) return true;
    // a ClusterIP is only a rule in iptables mode; ipvs binds it to the kube-ipvs0 interface, which answers
    if (this.services.isClusterIP(ip) || this.services.isExternalIP(ip)) return this.proxy.configFor(from).mode === 'ipvs';
    return false;
  }
}

function describeSource(source: NetSource): string {
  if (source.kind === 'pod') return `pod ${source.pod.metadata.namespace}/${source.pod.metadata.name}`;
  if (source.kind === 'node') return `node ${source.node}`;
  return 'outside';
}

const networks = new WeakMap<Cluster, Network>();

/** the network of a cluster, made on first use */
export function networkOf(cluster: Cluster): Network {
  let network = networks.get(cluster);
  if (!network) networks.set(cluster, (network = new Network(cluster)));
  return network;
}
