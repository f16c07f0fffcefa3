// requests made on the grader's behalf: one HTTP GET (or a bare TCP connect) from a pod's
// network namespace or from the learner's machine, reporting which pod or outside host answered
// and the path it took. the grader must leave the learner's cluster exactly as it was — no draws
// from the cluster's random generator (a replayed session would name its pods differently), no
// kube-proxy round-robin or affinity state, no traces in `kubesim trace`, no access-log lines —
// so probes run through a network of their own that reads the same store, nodes and kubelet.

import type { Cluster } from '../cluster.ts';
import type { Pod } from '../api/types.ts';
import { containerInstance } from '../container/instances.ts';
import { podResolverSettings } from '../container/pod-dns.ts';
import { Random } from '../random.ts';
import { Network, networkOf, OUTSIDE_IP, type Hop, type NetSource, type Route } from './net.ts';
import { externalHostByIp, externalRespond, outsideResolver } from './outside.ts';
import { resolveHost, type ResolveResult, type ResolverConfig } from './resolver.ts';
import { isIpv4, servePod } from './transport.ts';

export type ProbeOutcome = 'answered' | 'unresolved' | 'refused' | 'timeout' | 'no-source';

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** the address connected to (or tried), after DNS */
  ip: string | null;
  /** the DNS answer, when a name was looked up */
  lookup: ResolveResult | null;
  hops: Hop[];
  /** the pod that answered, when a pod did */
  pod: Pod | null;
  /** the outside host that answered, when one did */
  externalHost: string | null;
  /** the client address the server saw (after any SNAT) */
  seenClientIp: string | null;
  status: number | null;
  body: string | null;
  /** why there was no source to send from (a pod that is not running) */
  reason?: string;
}

/** where a probe is sent from: a container of a pod (its resolv.conf, its network namespace) or outside */
export type ProbeSource = { kind: 'pod'; pod: Pod; container?: string } | { kind: 'outside' };

const probeNetworks = new WeakMap<Cluster, { network: Network; view: Cluster }>();

/**
 * the cluster as the probes see it: the same objects, with a random generator of its own; and a
 * network over it whose kube-proxies run in the modes the cluster's own kube-proxies started with
 */
function probeNetwork(cluster: Cluster): { network: Network; view: Cluster } {
  let entry = probeNetworks.get(cluster);
  if (!entry) {
    const view = Object.create(cluster, {
      random: { value: new Random((cluster.random.seed ^ 0x9a0be) >>> 0) },
    }) as Cluster;
    const network = new Network(view);
    const real = networkOf(cluster).proxy;
    network.proxy.configFor = (node: string) => real.configFor(node);
    entry = { network, view };
    probeNetworks.set(cluster, entry);
  }
  return entry;
}

function empty(outcome: ProbeOutcome, extra: Partial<ProbeResult> = {}): ProbeResult {
  return {
    outcome,
    ip: null,
    lookup: null,
    hops: [],
    pod: null,
    externalHost: null,
    seenClientIp: null,
    status: null,
    body: null,
    ...extra,
  };
}

/** the resolver settings of the probe's source: the container's /etc/resolv.conf, or the learner's machine's */
function resolverFor(cluster: Cluster, source: ProbeSource): { config: ResolverConfig | null; reason?: string } {
  if (source.kind === 'outside') return { config: null };
  const pod = source.pod;
  const names = source.container ? [source.container] : pod.spec.containers.map((c) => c.name);
  for (const name of names) {
    const instance = containerInstance(cluster, pod, name);
    if (instance) return { config: podResolverSettings(instance) };
  }
  const which = source.container ? `container ${source.container} of pod ${pod.metadata.name}` : `pod ${pod.metadata.name}`;
  return { config: null, reason: `${which} is not running` };
}

/** looks a name up as a process in the source would (getaddrinfo through the container's resolv.conf) */
export function probeLookup(
  cluster: Cluster,
  source: ProbeSource,
  name: string,
): ResolveResult | { ok: false; error: 'NO-SOURCE'; reason: string } {
  const { view } = probeNetwork(cluster);
  const resolver = resolverFor(cluster, source);
  if (source.kind === 'pod' && !resolver.config) return { ok: false, error: 'NO-SOURCE', reason: resolver.reason ?? '' };
  if (!resolver.config) {
    const found = outsideResolver(name);
    return found.ok
      ? { ok: true, addresses: found.addresses, canonicalName: name, cnames: [], tried: [name], server: OUTSIDE_IP }
      : { ok: false, error: 'NXDOMAIN', tried: [name] };
  }
  const hostNetwork = source.kind === 'pod' && source.pod.spec.hostNetwork === true;
  return resolveHost(view, name, resolver.config, { from: hostNetwork ? 'node' : 'pod' });
}

/** opens a TCP connection to host:port from the source and, with `path`, sends GET path over it */
export function probeHttp(
  cluster: Cluster,
  source: ProbeSource,
  host: string,
  port: number,
  path: string | null = '/',
): ProbeResult {
  const { network, view } = probeNetwork(cluster);
  const resolver = resolverFor(cluster, source);
  if (source.kind === 'pod' && !resolver.config) return empty('no-source', { reason: resolver.reason ?? '' });
  const lower = host.toLowerCase();
  if (source.kind === 'pod') {
    const pod = source.pod;
    const podIp = pod.status?.podIP ?? null;
    const local = lower === 'localhost' || lower === pod.metadata.name || /^127\.\d+\.\d+\.\d+$/.test(lower) || lower === podIp;
    // the pod's own network namespace: whichever of its containers listens on the port answers
    if (local)
      return answerLocally(
        cluster,
        pod,
        lower === 'localhost' || lower.startsWith('127.') ? '127.0.0.1' : podIp!,
        host,
        port,
        path,
      );
  }
  let ip = host;
  let lookup: ResolveResult | null = null;
  const hops: Hop[] = [];
  if (!isIpv4(host)) {
    const found = probeLookup(cluster, source, host);
    if (!found.ok && found.error === 'NO-SOURCE') return empty('no-source', { reason: found.reason });
    lookup = found as ResolveResult;
    hops.push({
      step: 'dns',
      name: host,
      addresses: lookup.ok ? lookup.addresses : [],
      cnames: lookup.ok ? lookup.cnames : [],
    });
    if (!lookup.ok || lookup.addresses.length === 0) return empty('unresolved', { lookup, hops });
    ip = lookup.addresses[0]!;
  }
  const from: NetSource = source.kind === 'pod' ? { kind: 'pod', pod: source.pod } : { kind: 'outside' };
  const route = network.connect(from, ip, port);
  hops.push(...route.hops);
  const base = { ip, lookup, hops, seenClientIp: route.clientIp };
  if (route.outcome !== 'connected') return empty(route.outcome, base);
  return answer(view, route, base, host, port, path);
}

function answer(
  cluster: Cluster,
  route: Route,
  base: Pick<ProbeResult, 'ip' | 'lookup' | 'hops' | 'seenClientIp'>,
  host: string,
  port: number,
  path: string | null,
): ProbeResult {
  const destination = route.destination!;
  const hostHeader = port === 80 ? host : `${host}:${port}`;
  const req = {
    method: 'GET',
    path: path ?? '/',
    host: hostHeader,
    headers: [['Host', hostHeader]] as [string, string][],
    clientIp: route.clientIp,
    clientPort: 40000,
    serverIp: destination.ip,
    serverPort: destination.port,
    now: cluster.clock.now(),
  };
  if (destination.kind === 'external') {
    const response = path === null ? null : externalRespond(externalHostByIp(destination.ip)!, req);
    return {
      ...empty('answered', base),
      externalHost: destination.host,
      status: response?.status ?? null,
      body: response?.body ?? null,
    };
  }
  const pod = destination.pod;
  const listener = cluster.kubelet.listeners(pod).find((l) => l.port === destination.port)!;
  // served without writing the access log: the grader's requests are not the learner's
  const response = path === null ? null : servePod(cluster, pod, listener, req);
  return { ...empty('answered', base), pod, status: response?.status ?? null, body: response?.body ?? null };
}

function answerLocally(
  cluster: Cluster,
  pod: Pod,
  localIp: string,
  host: string,
  port: number,
  path: string | null,
): ProbeResult {
  const listener = cluster.kubelet.listeners(pod).find((l) => l.port === port);
  const base = { ip: localIp, seenClientIp: localIp };
  if (!listener) return empty('refused', base);
  const hostHeader = port === 80 ? host : `${host}:${port}`;
  const response =
    path === null
      ? null
      : servePod(cluster, pod, listener, {
          method: 'GET',
          path,
          host: hostHeader,
          headers: [['Host', hostHeader]],
          clientIp: localIp,
          clientPort: 40000,
          serverIp: localIp,
          serverPort: port,
          now: cluster.clock.now(),
        });
  return { ...empty('answered', base), pod, status: response?.status ?? null, body: response?.body ?? null };
}

/** which container of a pod listens on a port, for diagnoses */
export function listenerContainer(cluster: Cluster, pod: Pod, port: number): string | null {
  return cluster.kubelet.listeners(pod).find((l) => l.port === port)?.container ?? null;
}

/** every port the pod's running containers listen on */
export function listeningPorts(cluster: Cluster, pod: Pod): number[] {
  return [...new Set(cluster.kubelet.listeners(pod).map((l) => l.port))].sort((a, b) => a - b);
}
