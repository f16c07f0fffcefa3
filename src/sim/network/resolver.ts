// the client side of DNS: the resolver configuration a process reads from /etc/resolv.conf and
// the stub resolver that uses it. the kubelet builds a pod's configuration from its dnsPolicy
// (pkg/kubelet/network/dns/dns.go) and the runtime writes it out (containerd's format), so the
// file a learner cats and the lookups their tools make come from the same value. the stub
// expands names with the search list as glibc and musl do.

import type { Cluster } from '../cluster.ts';
import type { Pod, Service } from '../api/types.ts';
import { CLUSTER_DOMAIN, dnsServerAt, fqdn, UPSTREAM_DNS_IP, type DnsAnswer, type DnsClient, type DnsRecord } from './dns.ts';
import type { Resolver } from './transport.ts';

export interface ResolverConfig {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** every `options` entry in file order (ndots:5 among them), when the file has any */
  options?: string[];
}

/**
 * a kind node's resolv.conf (kind points the nodes at the docker network's gateway, with
 * ndots:0), which is also what the learner's machine and Default-policy pods get: neither knows
 * cluster.local, both resolve the simulated internet's names
 */
export const OUTSIDE_RESOLVER: ResolverConfig = Object.freeze({
  nameservers: [UPSTREAM_DNS_IP],
  search: [],
  ndots: 0,
  options: ['ndots:0'],
});

/** the kubelet's limits (formDNSConfigFitsLimits): three nameservers, 32 search domains */
const MAX_NAMESERVERS = 3;
const MAX_SEARCH = 32;

interface PodDnsConfig {
  nameservers?: string[];
  searches?: string[];
  options?: { name: string; value?: string }[];
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function ndotsOf(options: string[]): number {
  let ndots = 1;
  for (const option of options) {
    const m = /^ndots:(\d+)$/.exec(option);
    if (m) ndots = Math.min(Number(m[1]), 15);
  }
  return ndots;
}

/** pod.spec.dnsConfig's options merged over the base ones: same name, the pod's value wins */
function mergeOptions(base: string[], extra: PodDnsConfig['options']): string[] {
  const merged = new Map<string, string>();
  for (const option of base) {
    const colon = option.indexOf(':');
    if (colon >= 0) merged.set(option.slice(0, colon), option.slice(colon + 1));
    else merged.set(option, '');
  }
  for (const option of extra ?? []) merged.set(option.name, option.value ?? '');
  return [...merged].map(([name, value]) => (value ? `${name}:${value}` : name));
}

/**
 * the configuration the kubelet gives a pod: ClusterFirst (and ClusterFirstWithHostNet) name
 * the cluster DNS Service with the namespace's search path and ndots:5, a host-network pod under
 * ClusterFirst and Default get the node's file, None starts empty; dnsConfig is added on top
 */
export function podResolverConfig(
  pod: Pod,
  clusterDnsIP: string | null,
  node: ResolverConfig = OUTSIDE_RESOLVER,
): ResolverConfig {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const cluster =
    policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork) ? clusterDnsIP !== null : false;
  let nameservers: string[];
  let search: string[];
  let options: string[];
  if (policy === 'None') {
    nameservers = [];
    search = [];
    options = [];
  } else if (cluster) {
    const ns = pod.metadata.namespace ?? 'default';
    nameservers = [clusterDnsIP!];
    search = unique([`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN, ...node.search]);
    options = ['ndots:5'];
  } else {
    nameservers = [...node.nameservers];
    search = [...node.search];
    options = [...(node.options ?? (node.ndots !== 1 ? [`ndots:${node.ndots}`] : []))];
  }
  const extra = (pod.spec as { dnsConfig?: PodDnsConfig }).dnsConfig;
  if (extra) {
    nameservers = unique([...nameservers, ...(extra.nameservers ?? [])]);
    search = unique([...search, ...(extra.searches ?? [])]);
    options = mergeOptions(options, extra.options);
  }
  nameservers = nameservers.slice(0, MAX_NAMESERVERS);
  search = search.slice(0, MAX_SEARCH);
  return { nameservers, search, ndots: ndotsOf(options), options };
}

/** the cluster DNS Service's address, as the kubelet's --cluster-dns names it */
export function clusterDnsIP(cluster: Cluster): string {
  const svc = cluster.api.get<Service>('Service', 'kube-system', 'kube-dns');
  const ip = svc?.spec.clusterIPs?.[0] ?? svc?.spec.clusterIP;
  return ip && ip !== 'None' ? ip : '10.96.0.10';
}

export function resolverConfigForPod(pod: Pod, cluster: Cluster): ResolverConfig {
  return podResolverConfig(pod, clusterDnsIP(cluster));
}

/** /etc/resolv.conf as containerd writes it: search, nameservers, options */
export function renderResolvConf(config: ResolverConfig): string {
  const options = config.options ?? (config.ndots !== 1 ? [`ndots:${config.ndots}`] : []);
  let text = '';
  if (config.search.length > 0) text += `search ${config.search.join(' ')}\n`;
  if (config.nameservers.length > 0) text += `nameserver ${config.nameservers.join('\nnameserver ')}\n`;
  if (options.length > 0) text += `options ${options.join(' ')}\n`;
  return text;
}

/** reads a resolv.conf as the C libraries do: the last search (or domain) line wins, three nameservers at most */
export function parseResolvConf(text: string): ResolverConfig {
  const nameservers: string[] = [];
  let search: string[] = [];
  const options: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [keyword, ...args] = line.split(/\s+/);
    if (!keyword || args.length === 0) continue;
    if (keyword === 'nameserver' && nameservers.length < MAX_NAMESERVERS) nameservers.push(args[0]!);
    else if (keyword === 'search') search = args;
    else if (keyword === 'domain') search = [args[0]!];
    else if (keyword === 'options') options.push(...args);
  }
  // `domain .` / `search .` is the root: no search at all
  search = search.filter((d) => d !== '.');
  return { nameservers, search, ndots: ndotsOf(options), ...(options.length > 0 ? { options } : {}) };
}

export type ResolverFlavour = 'glibc' | 'musl';

/**
 * the names a lookup tries, in order: a trailing dot means the name alone; fewer dots than
 * ndots tries each search domain first and the name last; otherwise the name first (glibc goes
 * on to the search domains after it, musl stops)
 */
export function searchCandidates(name: string, config: ResolverConfig, flavour: ResolverFlavour = 'glibc'): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const expanded = config.search.map((domain) => `${name}.${domain.replace(/\.$/, '')}`);
  if (dots < config.ndots) return [...expanded, name];
  return flavour === 'musl' ? [name] : [name, ...expanded];
}

export type ResolveResult =
  | {
      ok: true;
      /** the addresses, in the order the server gave them */
      addresses: string[];
      /** the name the addresses belong to, after every CNAME */
      canonicalName: string;
      /** the CNAME targets followed, in order */
      cnames: string[];
      /** every name asked, in order */
      tried: string[];
      /** the server that answered */
      server: string;
    }
  | {
      ok: false;
      /** NXDOMAIN: no such name anywhere on the list; NODATA: a name exists without an address; TIMEOUT: no server answered */
      error: 'NXDOMAIN' | 'NODATA' | 'SERVFAIL' | 'TIMEOUT';
      tried: string[];
    };

/** follows the CNAME chain from `name` through the answer section */
export function followChain(
  name: string,
  answer: readonly DnsRecord[],
  type: 'A' | 'AAAA' = 'A',
): { canonical: string; cnames: string[]; addresses: string[] } {
  let canonical = fqdn(name).toLowerCase();
  const cnames: string[] = [];
  for (let hops = 0; hops < 16; hops++) {
    const next = answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === canonical);
    if (!next || next.type !== 'CNAME') break;
    canonical = next.target.toLowerCase();
    cnames.push(next.target.replace(/\.$/, ''));
  }
  const addresses = answer.flatMap((r) => (r.type === type && r.name.toLowerCase() === canonical ? [r.ip] : []));
  return { canonical, cnames, addresses };
}

/** asks the configured nameservers in order; the first that answers decides */
export function exchange(
  cluster: Cluster,
  config: ResolverConfig,
  qname: string,
  qtype: string,
  from: DnsClient = 'pod',
): { answer: DnsAnswer; server: string } | null {
  const servers = config.nameservers.length > 0 ? config.nameservers : ['127.0.0.1'];
  for (const ip of servers) {
    const server = dnsServerAt(cluster, ip, from);
    if (server) return { answer: server.query(qname, qtype), server: ip };
  }
  return null;
}

/** getaddrinfo for an IPv4 address: each candidate name in turn until one has addresses */
export function resolveHost(
  cluster: Cluster,
  name: string,
  config: ResolverConfig,
  options: { from?: DnsClient; flavour?: ResolverFlavour } = {},
): ResolveResult {
  const tried: string[] = [];
  let nodata = false;
  let servfail = false;
  for (const candidate of searchCandidates(name, config, options.flavour)) {
    tried.push(candidate);
    const got = exchange(cluster, config, fqdn(candidate), 'A', options.from);
    if (!got) return { ok: false, error: 'TIMEOUT', tried };
    const { answer, server } = got;
    if (answer.rcode === 'NOERROR') {
      const chain = followChain(candidate, answer.answer);
      if (chain.addresses.length > 0) {
        return { ok: true, addresses: chain.addresses, canonicalName: chain.canonical, cnames: chain.cnames, tried, server };
      }
      nodata = true;
    } else if (answer.rcode === 'SERVFAIL') servfail = true;
  }
  return { ok: false, error: nodata ? 'NODATA' : servfail ? 'SERVFAIL' : 'NXDOMAIN', tried };
}

/** the stub as the network module's Resolver: what curl, wget and ping resolve names with */
export function lookupResolver(cluster: Cluster, config: () => ResolverConfig, from: DnsClient = 'pod'): Resolver {
  return (host) => {
    const found = resolveHost(cluster, host, config(), { from });
    return found.ok ? { ok: true, addresses: found.addresses, cnames: found.cnames } : { ok: false };
  };
}

/** what a DNS tool (nslookup, dig) runs with */
export interface DnsToolContext {
  cluster: Cluster;
  /** the resolver configuration it reads: the container's /etc/resolv.conf, or the machine's */
  config: ResolverConfig;
  from: DnsClient;
  /** the machine's hostname (busybox nslookup takes a search domain from it when resolv.conf has none) */
  hostname: string;
}
