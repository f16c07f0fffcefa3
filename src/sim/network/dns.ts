// the cluster's DNS server as CoreDNS runs it with the kubeadm/kind Corefile: the kubernetes
// plugin answers cluster.local (Services, headless endpoints, ExternalName aliases, SRV, pods in
// "insecure" mode) and the reverse zones, whatever it cannot place in a reverse zone falls through,
// and every other name is forwarded to the node's resolver, which knows only the simulated
// outside world. the rules follow kubernetes/dns docs/specification.md and the plugin's code
// (parse.go, kubernetes.go, handler.go, backend_lookup.go): which names are NXDOMAIN and which
// are NODATA, the SOA in the authority section, SRV weights, endpoint names from IPs.
//
// a lookup reads one Service by namespace and name and that Service's slices from an index the
// store's watch keeps fresh, so a query costs the same with ten Services or ten thousand.

import type { Cluster } from '../cluster.ts';
import type { KubeObject, Pod, Service } from '../api/types.ts';
import { typeForKind } from '../api/resources.ts';
import { EXTERNAL_HOSTS } from './outside.ts';
import { Random } from '../random.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
/** the kind network's gateway on the host: the resolver nodes use, and CoreDNS forwards to */
export const UPSTREAM_DNS_IP = '172.18.0.1';

/** `ttl 30` in the Corefile */
const CLUSTER_TTL = 30;
/** `cache 30`: forwarded answers leave CoreDNS with their TTLs capped at this */
const CACHE_CAP = 30;
/** kubernetes/dns specification: the schema version served at dns-version.<zone> */
const SCHEMA_VERSION = '1.1.0';
const SCHEMA_TTL = 28800;
/** TTL the simulated internet's resolver gives its answers */
const UPSTREAM_TTL = 300;

const ZONES = [`${CLUSTER_DOMAIN}.`, 'in-addr.arpa.', 'ip6.arpa.'];
/** `fallthrough in-addr.arpa ip6.arpa`: reverse lookups the plugin cannot answer go on to forward */
const FALLTHROUGH = ['in-addr.arpa.', 'ip6.arpa.'];

/** the query types the tools can ask for; any other type gets CoreDNS's NODATA/NXDOMAIN treatment */
export type DnsQType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'TXT' | 'ANY' | 'SOA' | 'NS' | 'MX' | (string & {});
export type DnsRcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

interface RecordBase {
  /** the owner name, fully qualified with its trailing dot, in the case the client asked */
  name: string;
  ttl: number;
}

export type DnsRecord =
  | (RecordBase & { type: 'A'; ip: string })
  | (RecordBase & { type: 'AAAA'; ip: string })
  | (RecordBase & { type: 'CNAME'; target: string })
  | (RecordBase & { type: 'SRV'; priority: number; weight: number; port: number; target: string })
  | (RecordBase & { type: 'PTR'; target: string })
  | (RecordBase & { type: 'NS'; target: string })
  | (RecordBase & { type: 'TXT'; text: string[] })
  | (RecordBase & {
      type: 'SOA';
      mname: string;
      rname: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    });

export interface DnsAnswer {
  rcode: DnsRcode;
  answer: DnsRecord[];
  authority: DnsRecord[];
  /** extra records: the addresses of SRV and NS targets */
  additional: DnsRecord[];
  /** AA: the answer comes from the zone's own server (CoreDNS for cluster.local) */
  authoritative: boolean;
  /** RA: a recursive resolver answered (forwarded answers carry it; CoreDNS's own do not) */
  recursionAvailable: boolean;
  /** true when the answer needed the upstream resolver (the tools report a longer query time) */
  forwarded: boolean;
}

// ---- names ----

export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

function lower(name: string): string {
  return fqdn(name).toLowerCase();
}

/** is `child` equal to or below `parent` (both fully qualified)? */
export function isSubDomain(parent: string, child: string): boolean {
  const p = parent.toLowerCase();
  const c = child.toLowerCase();
  return p === '.' || c === p || c.endsWith(`.${p}`);
}

/** the most specific zone of `zones` that holds `name`, or null */
function matchZone(name: string, zones: readonly string[]): string | null {
  let best: string | null = null;
  for (const zone of zones) if (isSubDomain(zone, name) && (!best || zone.length > best.length)) best = zone;
  return best;
}

/** the labels left of the zone, '' at the apex */
function trimZone(name: string, zone: string): string {
  return name === zone ? '' : name.slice(0, name.length - zone.length - 1);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

/** eight 16-bit groups of an IPv6 address, or null when it is not one */
function ipv6Groups(text: string): number[] | null {
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.split('::').length > 2) return null;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const left = parse(head!);
  const right = tail === null ? [] : parse(tail!);
  if ([...left, ...right].some((g) => g.length === 0 || g.length > 4)) return null;
  const missing = 8 - left.length - right.length;
  if (tail === null ? missing !== 0 : missing < 1) return null;
  return [...left, ...Array<string>(tail === null ? 0 : missing).fill('0'), ...right].map((g) => parseInt(g, 16));
}

export function isIPv6(text: string): boolean {
  return ipv6Groups(text) !== null;
}

function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

/** the name a PTR query asks for: 1.0.96.10.in-addr.arpa. for 10.96.0.1 */
export function reverseName(ip: string): string | null {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
  const groups = ipv6Groups(ip);
  if (!groups) return null;
  const nibbles = groups.flatMap((g) => g.toString(16).padStart(4, '0').split(''));
  return `${nibbles.reverse().join('.')}.ip6.arpa.`;
}

/** the address a reverse name stands for, or '' (CoreDNS's dnsutil.ExtractAddressFromReverse) */
function addressFromReverse(name: string): string {
  const v4 = /^(.*)\.in-addr\.arpa\.$/.exec(name);
  if (v4) {
    const ip = v4[1]!.split('.').reverse().join('.');
    return isIPv4(ip) ? ip : '';
  }
  const v6 = /^(.*)\.ip6\.arpa\.$/.exec(name);
  if (v6) {
    const nibbles = v6[1]!.split('.').reverse();
    if (nibbles.length !== 32 || nibbles.some((n) => !/^[0-9a-f]$/.test(n))) return '';
    const groups: string[] = [];
    for (let i = 0; i < 32; i += 4) groups.push(String(parseInt(nibbles.slice(i, i + 4).join(''), 16).toString(16)));
    return groups.join(':');
  }
  return '';
}

// ---- what the plugin knows: Services by name, ready endpoints per Service, IPs for reverse lookups ----

/** the parts of a discovery.k8s.io/v1 EndpointSlice that CoreDNS reads */
interface SliceView extends KubeObject {
  addressType?: string;
  endpoints?: {
    addresses?: string[];
    conditions?: { ready?: boolean | null };
    hostname?: string;
    targetRef?: { kind?: string; name?: string };
  }[];
  ports?: { name?: string; port?: number; protocol?: string }[] | null;
}

interface EndpointAddress {
  ip: string;
  hostname: string;
}

/** one slice as the plugin converts it (object.EndpointSliceToEndpoints): ready addresses and ports */
interface EndpointSet {
  addresses: EndpointAddress[];
  ports: { name: string; port: number; protocol: string }[];
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** the name an endpoint gets: its hostname, else its IP with dashes */
function endpointHostname(addr: EndpointAddress): string {
  if (addr.hostname) return addr.hostname;
  if (addr.ip.includes('.')) return addr.ip.replace(/\./g, '-');
  if (addr.ip.includes(':')) return addr.ip.replace(/:/g, '-');
  return '';
}

function clusterIPsOf(svc: Service): string[] {
  const ips = svc.spec.clusterIPs && svc.spec.clusterIPs.length > 0 ? svc.spec.clusterIPs : [svc.spec.clusterIP ?? ''];
  return [...ips];
}

function slicesOf(cluster: Cluster): SliceView[] {
  // the EndpointSlice kind may not be registered with the apiserver yet; the store holds them either way
  return (typeForKind('EndpointSlice') ? cluster.api.list('EndpointSlice') : cluster.store.list('endpointslices')) as SliceView[];
}

function toEndpointSet(slice: SliceView): EndpointSet {
  const ports =
    slice.ports && slice.ports.length > 0
      ? slice.ports
          .filter((p) => p.port !== undefined)
          .map((p) => ({ name: p.name ?? '', port: p.port!, protocol: p.protocol ?? 'TCP' }))
      : // no ports: a sentinel, as the plugin adds one
        [{ name: '', port: -1, protocol: '' }];
  const addresses: EndpointAddress[] = [];
  for (const ep of slice.endpoints ?? []) {
    // an unset ready condition counts as ready (the API's advice for consumers)
    if (ep.conditions?.ready === false) continue;
    for (const ip of ep.addresses ?? []) addresses.push({ ip, hostname: ep.hostname ?? '' });
  }
  return { addresses, ports };
}

/** a digest of what the plugin would see change in a Service or a slice (controller.go's *Modified checks) */
function digestOf(resource: string, obj: KubeObject): string {
  if (resource === 'services') {
    const s = obj as Service;
    return JSON.stringify([
      s.spec.type,
      s.spec.externalName,
      clusterIPsOf(s),
      (s.spec.ports ?? []).map((p) => [p.name, p.port, p.protocol]),
      s.spec.externalIPs,
    ]);
  }
  return JSON.stringify(toEndpointSet(obj as SliceView));
}

interface IndexedSlice {
  /** `namespace/service` of the Service the slice belongs to */
  service: string;
  set: EndpointSet;
}

/**
 * what the plugin's informers hold, kept up to date from the store's watch one object at a time:
 * ClusterIPs and endpoint IPs for reverse lookups, and each Service's slices
 */
class DnsIndex {
  /** per Service (`namespace/name`): its addresses, and a digest of what DNS reads from it */
  private services = new Map<string, { ips: string[]; digest: string }>();
  private byClusterIP = new Map<string, Service>();
  /** per slice (`namespace/name`) */
  private slices = new Map<string, IndexedSlice & { digest: string }>();
  private byService = new Map<string, Set<string>>();
  private byEndpointIP = new Map<string, Set<string>>();
  /** when a Service or an endpoint last changed, as the SOA serial reports it (seconds) */
  modified: number;

  constructor(private readonly cluster: Cluster) {
    let latest = 0;
    for (const obj of cluster.store.list('services')) {
      this.putService(obj as Service);
      latest = Math.max(latest, Date.parse(obj.metadata.creationTimestamp ?? '') || 0);
    }
    for (const slice of slicesOf(cluster)) {
      this.putSlice(slice);
      latest = Math.max(latest, Date.parse(slice.metadata.creationTimestamp ?? '') || 0);
    }
    this.modified = Math.floor(Math.max(latest, this.corednsStarted()) / 1000);
    cluster.store.watch((event) => {
      let changed: boolean;
      if (event.resource === 'services') {
        changed = event.type === 'DELETED' ? this.dropService(event.object as Service) : this.putService(event.object as Service);
      } else if (event.resource === 'endpointslices') {
        changed = event.type === 'DELETED' ? this.dropSlice(event.object as SliceView) : this.putSlice(event.object as SliceView);
      } else return;
      if (changed) this.modified = Math.floor(cluster.clock.now() / 1000);
    });
  }

  /** the informers list everything when CoreDNS starts: its start is the first modification */
  private corednsStarted(): number {
    let started = 0;
    for (const pod of this.cluster.api.list<Pod>('Pod', 'kube-system')) {
      if (pod.metadata.labels?.['k8s-app'] === 'kube-dns')
        started = Math.max(started, Date.parse(pod.status?.startTime ?? '') || 0);
    }
    return started;
  }

  /** returns whether DNS would see a difference */
  private putService(svc: Service): boolean {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const digest = digestOf('services', svc);
    const known = this.services.get(key);
    if (known)
      for (const ip of known.ips) if (this.byClusterIP.get(ip)?.metadata.uid === svc.metadata.uid) this.byClusterIP.delete(ip);
    const ips = clusterIPsOf(svc).filter((ip) => ip && ip !== 'None');
    for (const ip of ips) if (!this.byClusterIP.has(ip)) this.byClusterIP.set(ip, svc);
    this.services.set(key, { ips, digest });
    return known?.digest !== digest;
  }

  private dropService(svc: Service): boolean {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const known = this.services.get(key);
    if (!known) return false;
    for (const ip of known.ips) if (this.byClusterIP.get(ip)?.metadata.uid === svc.metadata.uid) this.byClusterIP.delete(ip);
    this.services.delete(key);
    return true;
  }

  private putSlice(slice: SliceView): boolean {
    const id = `${slice.metadata.namespace}/${slice.metadata.name}`;
    const digest = digestOf('endpointslices', slice);
    const known = this.slices.get(id);
    if (known) this.unlinkSlice(id, known);
    const serviceName = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!serviceName) {
      this.slices.delete(id);
      return known !== undefined;
    }
    const entry = { service: `${slice.metadata.namespace ?? 'default'}/${serviceName}`, set: toEndpointSet(slice), digest };
    this.slices.set(id, entry);
    if (!this.byService.has(entry.service)) this.byService.set(entry.service, new Set());
    this.byService.get(entry.service)!.add(id);
    for (const address of entry.set.addresses) {
      if (!this.byEndpointIP.has(address.ip)) this.byEndpointIP.set(address.ip, new Set());
      this.byEndpointIP.get(address.ip)!.add(id);
    }
    return known?.digest !== digest || known.service !== entry.service;
  }

  private dropSlice(slice: SliceView): boolean {
    const id = `${slice.metadata.namespace}/${slice.metadata.name}`;
    const known = this.slices.get(id);
    if (!known) return false;
    this.unlinkSlice(id, known);
    this.slices.delete(id);
    return true;
  }

  private unlinkSlice(id: string, entry: IndexedSlice): void {
    this.byService.get(entry.service)?.delete(id);
    for (const address of entry.set.addresses) this.byEndpointIP.get(address.ip)?.delete(id);
  }

  endpoints(namespace: string, name: string): EndpointSet[] {
    const ids = [...(this.byService.get(`${namespace}/${name}`) ?? [])].sort();
    return ids.map((id) => this.slices.get(id)!.set);
  }

  serviceByClusterIP(ip: string): Service | undefined {
    return this.byClusterIP.get(ip);
  }

  endpointsByIP(ip: string): { service: string; namespace: string; address: EndpointAddress }[] {
    const out: { service: string; namespace: string; address: EndpointAddress }[] = [];
    for (const id of [...(this.byEndpointIP.get(ip) ?? [])].sort()) {
      const entry = this.slices.get(id)!;
      const [namespace, service] = entry.service.split('/') as [string, string];
      for (const address of entry.set.addresses) if (address.ip === ip) out.push({ service, namespace, address });
    }
    return out;
  }
}

const indexes = new WeakMap<Cluster, DnsIndex>();
const randoms = new WeakMap<Cluster, Random>();

/**
 * the random choices DNS makes (record order, query ids, timings) come from a generator of their
 * own, seeded from the cluster's seed, so a lookup never shifts the cluster's other choices
 */
export function dnsRandom(cluster: Cluster): Random {
  let random = randoms.get(cluster);
  if (!random) randoms.set(cluster, (random = new Random((cluster.random.seed ^ 0x444e53) >>> 0)));
  return random;
}

function indexOf(cluster: Cluster): DnsIndex {
  let index = indexes.get(cluster);
  if (!index) indexes.set(cluster, (index = new DnsIndex(cluster)));
  return index;
}

// ---- the kubernetes plugin ----

interface Request {
  podOrSvc: string;
  namespace: string;
  service: string;
  endpoint: string;
  port: string;
  protocol: string;
}

/** one backend record before it becomes an RR: an address or a name, a port, the name it lives under */
interface Entry {
  host: string;
  port: number;
  ttl: number;
  /** the domain this entry has as an SRV target */
  key: string;
  text?: string;
}

/** Services' and Records' result: NXDOMAIN is `nx`, NODATA is an empty list */
interface Found {
  entries: Entry[];
  nx: boolean;
}

const NX: Found = { entries: [], nx: true };
const EMPTY: Found = { entries: [], nx: false };

function stripUnderscore(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}

/** parse.go: _port._protocol.service.namespace.svc, endpoint.service.namespace.svc, service.namespace.svc */
function parseRequest(name: string, zone: string): Request | null {
  const r: Request = { podOrSvc: '', namespace: '', service: '', endpoint: '', port: '', protocol: '' };
  const base = trimZone(name, zone);
  if (base === '' || base === 'svc' || base === 'pod') return r;
  const segs = base.split('.');
  let last = segs.length - 1;
  r.podOrSvc = segs[last]!;
  if (r.podOrSvc !== 'pod' && r.podOrSvc !== 'svc') return null;
  if (--last < 0) return r;
  r.namespace = segs[last]!;
  if (--last < 0) return r;
  r.service = segs[last]!;
  if (--last < 0) return r;
  if (last === 0) r.endpoint = segs[0]!;
  else if (last === 1) {
    r.protocol = stripUnderscore(segs[1]!);
    r.port = stripUnderscore(segs[0]!);
  } else return null;
  return r;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** an empty port or protocol in the question matches any */
function matchPortAndProtocol(aPort: string, bPort: string, aProtocol: string, bProtocol: string): boolean {
  return (same(aPort, bPort) || aPort === '') && (same(aProtocol, bProtocol) || aProtocol === '');
}

type HostType = 'A' | 'AAAA' | 'CNAME' | 'TXT';

function hostType(entry: Entry): HostType {
  if (isIPv4(entry.host)) return 'A';
  if (isIPv6(entry.host)) return 'AAAA';
  return entry.text !== undefined ? 'TXT' : 'CNAME';
}

interface Resolved {
  records: DnsRecord[];
  extra: DnsRecord[];
  nx: boolean;
}

class CoreDns {
  private forwarded = false;

  constructor(
    private readonly cluster: Cluster,
    private readonly index: DnsIndex,
  ) {}

  private namespaceExists(namespace: string): boolean {
    return this.cluster.api.get('Namespace', undefined, namespace) !== undefined;
  }

  /** the zone's SOA; its owner keeps the case the question was asked in */
  private soa(qname: string, zone: string): DnsRecord {
    return {
      type: 'SOA',
      name: qname.slice(qname.length - zone.length),
      ttl: Math.min(CLUSTER_TTL, 300),
      mname: `ns.dns.${zone}`,
      rname: `hostmaster.${zone}`,
      serial: this.index.modified >>> 0,
      refresh: 7200,
      retry: 1800,
      expire: 86400,
      minimum: CLUSTER_TTL,
    };
  }

  private kubeDnsIPs(): string[] {
    const svc = this.cluster.api.get<Service>('Service', 'kube-system', 'kube-dns');
    return svc ? clusterIPsOf(svc).filter(isIP) : [];
  }

  private findPods(r: Request, zone: string): Found {
    if (!r.service) return EMPTY;
    const podname = r.service;
    const dashes = podname.split('-').length - 1;
    const ip = dashes === 3 && !podname.includes('--') ? podname.replace(/-/g, '.') : podname.replace(/-/g, ':');
    if (!isIP(ip)) return NX;
    return { entries: [{ host: ip, port: 0, ttl: CLUSTER_TTL, key: `${podname}.${r.namespace}.pod.${zone}` }], nx: false };
  }

  private findServices(r: Request, zone: string): Found {
    if (!r.service) return EMPTY;
    const svc = this.cluster.api.get<Service>('Service', r.namespace, r.service);
    if (!svc) return NX;
    const name = svc.metadata.name!;
    const ns = svc.metadata.namespace!;
    const entries: Entry[] = [];
    let nx = true;
    if (svc.spec.type === 'ExternalName') {
      // an alias has no endpoints, and an IP where a name belongs makes no record at all
      const host = svc.spec.externalName ?? '';
      if (r.endpoint || !host || isIP(host)) return NX;
      return { entries: [{ host, port: 0, ttl: CLUSTER_TTL, key: `${name}.${ns}.svc.${zone}` }], nx: false };
    }
    const clusterIPs = clusterIPsOf(svc);
    if (clusterIPs[0] === 'None' || r.endpoint) {
      for (const set of this.index.endpoints(ns, name)) {
        for (const addr of set.addresses) {
          const hostname = endpointHostname(addr);
          if (r.endpoint && !same(r.endpoint, hostname)) continue;
          for (const p of set.ports) {
            if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
            entries.push({ host: addr.ip, port: p.port, ttl: CLUSTER_TTL, key: `${hostname}.${name}.${ns}.svc.${zone}` });
            nx = false;
          }
        }
      }
      return { entries, nx };
    }
    const ports = svc.spec.ports && svc.spec.ports.length > 0 ? svc.spec.ports : [{ name: '', port: -1, protocol: '' }];
    for (const p of ports) {
      if (!matchPortAndProtocol(r.port, p.name ?? '', r.protocol, p.protocol ?? 'TCP')) continue;
      nx = false;
      // a Service the allocator has not given an address yet has nothing to answer with
      for (const ip of clusterIPs)
        if (ip) entries.push({ host: ip, port: p.port, ttl: CLUSTER_TTL, key: `${name}.${ns}.svc.${zone}` });
    }
    return { entries, nx };
  }

  private records(name: string, zone: string): Found {
    const r = parseRequest(name, zone);
    if (!r) return NX;
    if (!r.podOrSvc) return EMPTY;
    if (zone !== `${CLUSTER_DOMAIN}.`) return NX;
    if (!this.namespaceExists(r.namespace)) return NX;
    return r.podOrSvc === 'pod' ? this.findPods(r, zone) : this.findServices(r, zone);
  }

  /** the backend's Services(): TXT and the nameserver's own name are special; SRV drops aliases */
  private services(name: string, zone: string, qtype: string): Found {
    if (qtype === 'TXT') {
      const base = trimZone(name, zone);
      if (base === 'dns-version')
        return { entries: [{ host: '', port: 0, ttl: SCHEMA_TTL, key: name, text: SCHEMA_VERSION }], nx: false };
      // another type's record under the name makes it NODATA; nothing at all is NXDOMAIN
      return this.records(name, zone).entries.length > 0 ? EMPTY : NX;
    }
    if (name === `ns.dns.${zone}`) {
      return {
        entries: qtype === 'A' ? this.kubeDnsIPs().map((ip) => ({ host: ip, port: 0, ttl: CLUSTER_TTL, key: name })) : [],
        nx: false,
      };
    }
    const found = this.records(name, zone);
    if (qtype !== 'SRV') return found;
    return { entries: found.entries.filter((e) => hostType(e) !== 'CNAME'), nx: found.nx };
  }

  /** A and AAAA, with CNAMEs followed inside the zone or through the resolver itself */
  private address(qname: string, zone: string, qtype: 'A' | 'AAAA', previous: DnsRecord[]): Resolved {
    const name = qname.toLowerCase();
    const found = this.services(name, zone, qtype);
    if (found.nx) return { records: [], extra: [], nx: true };
    const records: DnsRecord[] = [];
    const seen = new Set<string>();
    for (const entry of found.entries) {
      const kind = hostType(entry);
      if (kind === 'CNAME') {
        const target = fqdn(entry.host);
        // x CNAME x, or a target below the name, would loop
        if (isSubDomain(name, target)) continue;
        const cname: DnsRecord = { type: 'CNAME', name: qname, ttl: entry.ttl, target };
        if (previous.length > 7) continue;
        if (previous.some((p) => p.type === 'CNAME' && same(p.name, qname) && same(p.target, target))) continue;
        if (isSubDomain(zone, target)) {
          const next = this.address(target, zone, qtype, [...previous, cname]);
          if (!next.nx && next.records.length > 0) records.push(cname, ...next.records);
          continue;
        }
        // outside the zone: the plugin asks the server itself, which forwards
        const upstream = this.lookupSelf(target, qtype);
        records.push(cname, ...upstream.answer);
        continue;
      }
      if (kind === qtype && !seen.has(entry.host)) {
        seen.add(entry.host);
        records.push({ type: qtype, name: qname, ttl: entry.ttl, ip: entry.host });
      }
    }
    return { records, extra: [], nx: false };
  }

  private srv(qname: string, zone: string): Resolved {
    const found = this.services(qname.toLowerCase(), zone, 'SRV');
    if (found.nx) return { records: [], extra: [], nx: true };
    // every record has priority 0 and weight 0, so each gets an even share of 100
    const total = found.entries.length * 100;
    const records: DnsRecord[] = [];
    const extra: DnsRecord[] = [];
    const seen = new Set<string>();
    for (const entry of found.entries) {
      if (entry.port === -1) continue;
      const weight = Math.max(1, Math.floor((100 / total) * 100));
      const kind = hostType(entry);
      if (kind !== 'A' && kind !== 'AAAA') continue;
      const target = entry.key;
      if (!seen.has(`${target} ${entry.port}`)) {
        seen.add(`${target} ${entry.port}`);
        records.push({ type: 'SRV', name: qname, ttl: entry.ttl, priority: 0, weight, port: entry.port, target });
      }
      if (!seen.has(`${target} @${entry.host}`)) {
        seen.add(`${target} @${entry.host}`);
        extra.push({ type: kind, name: target, ttl: entry.ttl, ip: entry.host });
      }
    }
    return { records, extra, nx: false };
  }

  private ptr(qname: string, zone: string): Resolved {
    const name = qname.toLowerCase();
    const ip = addressFromReverse(name);
    const hosts: string[] = [];
    if (!ip) {
      const found = this.records(name, zone);
      return { records: [], extra: [], nx: found.nx };
    }
    const svc = this.index.serviceByClusterIP(ip);
    if (svc) hosts.push(`${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}.`);
    else {
      for (const ep of this.index.endpointsByIP(ip)) {
        hosts.push(`${endpointHostname(ep.address)}.${ep.service}.${ep.namespace}.svc.${CLUSTER_DOMAIN}.`);
      }
    }
    if (hosts.length === 0) return { records: [], extra: [], nx: true };
    const records = [...new Set(hosts)].map((target): DnsRecord => ({ type: 'PTR', name: qname, ttl: CLUSTER_TTL, target }));
    return { records, extra: [], nx: false };
  }

  private txt(qname: string, zone: string): Resolved {
    const found = this.services(qname.toLowerCase(), zone, 'TXT');
    if (found.nx) return { records: [], extra: [], nx: true };
    const records: DnsRecord[] = found.entries
      .filter((e) => e.text !== undefined)
      .map((e) => ({ type: 'TXT', name: qname, ttl: e.ttl, text: [e.text!] }));
    return { records, extra: [], nx: false };
  }

  private cname(qname: string, zone: string): Resolved {
    const found = this.services(qname.toLowerCase(), zone, 'CNAME');
    if (found.nx) return { records: [], extra: [], nx: true };
    const first = found.entries[0];
    const records: DnsRecord[] =
      first && !isIP(first.host) && first.text === undefined
        ? [{ type: 'CNAME', name: qname, ttl: first.ttl, target: fqdn(first.host) }]
        : [];
    return { records, extra: [], nx: false };
  }

  /** upstream.Lookup: the server asks itself, so a name outside the zone is forwarded */
  private lookupSelf(name: string, qtype: string): DnsAnswer {
    const answer = this.serve(name, qtype);
    if (answer.forwarded) this.forwarded = true;
    return answer;
  }

  /** the whole server: loadbalance, cache's TTL cap on forwarded answers, kubernetes, forward */
  serve(qnameRaw: string, qtype: string): DnsAnswer {
    const qname = fqdn(qnameRaw);
    const zone = matchZone(qname.toLowerCase(), ZONES);
    if (!zone) return capTtl(forward(this.cluster, qname, qtype));
    let result: Resolved;
    switch (qtype) {
      case 'A':
      case 'AAAA':
        result = this.address(qname, zone, qtype, []);
        break;
      case 'SRV':
        result = this.srv(qname, zone);
        break;
      case 'PTR':
        result = this.ptr(qname, zone);
        break;
      case 'TXT':
        result = this.txt(qname, zone);
        break;
      case 'CNAME':
        result = this.cname(qname, zone);
        break;
      case 'SOA':
        result = { records: [this.soa(qname, zone)], extra: [], nx: false };
        break;
      default:
        if (qtype === 'NS' && qname.toLowerCase() === zone) {
          const ns = `ns.dns.${zone}`;
          result = {
            records: [{ type: 'NS', name: qname, ttl: CLUSTER_TTL, target: ns }],
            extra: this.kubeDnsIPs().map((ip): DnsRecord => ({ type: 'A', name: ns, ttl: CLUSTER_TTL, ip })),
            nx: false,
          };
          break;
        }
        // any other type (and NS below the apex): a pretend A lookup only tells NODATA from NXDOMAIN
        result = { ...this.address(qname, zone, 'A', []), records: [] };
    }
    if (result.nx) {
      if (FALLTHROUGH.includes(zone)) return capTtl(forward(this.cluster, qname, qtype));
      return this.reply('NXDOMAIN', [], [this.soa(qname, zone)], []);
    }
    if (result.records.length === 0) return this.reply('NOERROR', [], [this.soa(qname, zone)], []);
    return this.reply('NOERROR', result.records, [], result.extra);
  }

  private reply(rcode: DnsRcode, answer: DnsRecord[], authority: DnsRecord[], additional: DnsRecord[]): DnsAnswer {
    const out: DnsAnswer = {
      rcode,
      answer,
      authority,
      additional,
      authoritative: true,
      recursionAvailable: false,
      forwarded: this.forwarded,
    };
    return rcode === 'NOERROR' ? this.loadbalance(out) : out;
  }

  /** the loadbalance plugin: address records in a random order, CNAMEs kept first */
  loadbalance(reply: DnsAnswer): DnsAnswer {
    return {
      ...reply,
      answer: roundRobin(reply.answer, this.cluster),
      authority: roundRobin(reply.authority, this.cluster),
      additional: roundRobin(reply.additional, this.cluster),
    };
  }
}

function roundRobin(records: DnsRecord[], cluster: Cluster): DnsRecord[] {
  const cname = records.filter((r) => r.type === 'CNAME');
  const address = records.filter((r) => r.type === 'A' || r.type === 'AAAA');
  const rest = records.filter((r) => r.type !== 'CNAME' && r.type !== 'A' && r.type !== 'AAAA');
  const l = address.length;
  if (l === 2) {
    if (dnsRandom(cluster).int(2) === 0) address.reverse();
  } else if (l > 2) {
    for (let j = 0; j < l; j++) {
      const p = j + dnsRandom(cluster).int(l - j);
      if (p !== j) [address[j], address[p]] = [address[p]!, address[j]!];
    }
  }
  return [...cname, ...rest, ...address];
}

/** forwarded answers pass the cache plugin, which caps every TTL */
function capTtl(answer: DnsAnswer): DnsAnswer {
  const cap = (rs: DnsRecord[]) => rs.map((r) => ({ ...r, ttl: Math.min(r.ttl, CACHE_CAP) }));
  return { ...answer, answer: cap(answer.answer), authority: cap(answer.authority), additional: cap(answer.additional) };
}

function forward(cluster: Cluster, qname: string, qtype: string): DnsAnswer {
  return { ...queryUpstream(qname, qtype, cluster.clock.now()), forwarded: true };
}

// ---- the resolver outside the cluster ----

/** the root zone's SOA, as a public resolver returns it with a name that does not exist */
function rootSoa(now: number): DnsRecord {
  const d = new Date(now);
  const serial = Number(
    `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}00`,
  );
  return {
    type: 'SOA',
    name: '.',
    ttl: 86400,
    mname: 'a.root-servers.net.',
    rname: 'nstld.verisign-grs.com.',
    serial,
    refresh: 1800,
    retry: 900,
    expire: 604800,
    minimum: 86400,
  };
}

/**
 * the recursive resolver the nodes use (and CoreDNS forwards to): it knows the simulated
 * internet's names and nothing else
 */
export function queryUpstream(qnameRaw: string, qtype: string, now: number): DnsAnswer {
  const qname = fqdn(qnameRaw);
  const host = EXTERNAL_HOSTS.find((h) => lower(h.name) === qname.toLowerCase());
  const base = { additional: [], authoritative: false, recursionAvailable: true, forwarded: false };
  if (qname === '.') {
    // the root: its thirteen servers, and nothing else at the apex
    if (qtype !== 'NS') return { ...base, rcode: 'NOERROR', answer: [], authority: [rootSoa(now)] };
    const answer = 'abcdefghijklm'
      .split('')
      .map((l): DnsRecord => ({ type: 'NS', name: '.', ttl: 518400, target: `${l}.root-servers.net.` }));
    return { ...base, rcode: 'NOERROR', answer, authority: [] };
  }
  if (!host) return { ...base, rcode: 'NXDOMAIN', answer: [], authority: [rootSoa(now)] };
  if (qtype === 'A' || qtype === 'ANY')
    return { ...base, rcode: 'NOERROR', answer: [{ type: 'A', name: qname, ttl: UPSTREAM_TTL, ip: host.ip }], authority: [] };
  // the name exists without this type: NODATA with the domain's SOA
  const zone = `${host.name.split('.').slice(-2).join('.')}.`;
  const soa: DnsRecord = {
    type: 'SOA',
    name: zone,
    ttl: UPSTREAM_TTL,
    mname: `ns1.${zone}`,
    rname: `hostmaster.${zone}`,
    serial: 2026010101,
    refresh: 7200,
    retry: 3600,
    expire: 1209600,
    minimum: UPSTREAM_TTL,
  };
  return { ...base, rcode: 'NOERROR', answer: [], authority: [soa] };
}

/** CoreDNS's answer to one question, exactly as a client of the kube-dns Service receives it */
export function queryCoreDns(cluster: Cluster, qname: string, qtype: DnsQType): DnsAnswer {
  return new CoreDns(cluster, indexOf(cluster)).serve(qname, qtype);
}

// ---- who answers at an address ----

/** where a query comes from: a pod or a node reach ClusterIPs; the learner's machine does not */
export type DnsClient = 'pod' | 'node' | 'outside';

export interface DnsServer {
  kind: 'coredns' | 'upstream';
  query(qname: string, qtype: DnsQType): DnsAnswer;
}

function podReady(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    !pod.metadata.deletionTimestamp &&
    (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** does the kube-dns Service have a ready CoreDNS behind it? (its slices, or its selector's pods) */
function corednsServing(cluster: Cluster, svc: Service): boolean {
  const ns = svc.metadata.namespace!;
  const sets = indexOf(cluster).endpoints(ns, svc.metadata.name!);
  if (sets.length > 0) return sets.some((s) => s.addresses.length > 0);
  const selector = svc.spec.selector ?? {};
  if (Object.keys(selector).length === 0) return false;
  return cluster.api
    .list<Pod>('Pod', ns)
    .some((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v) && podReady(p));
}

/** the DNS server answering at `ip` for a client at `from`, or null when nothing answers there (a timeout) */
export function dnsServerAt(cluster: Cluster, ip: string, from: DnsClient = 'pod'): DnsServer | null {
  if (ip === UPSTREAM_DNS_IP) return { kind: 'upstream', query: (name, type) => queryUpstream(name, type, cluster.clock.now()) };
  if (from === 'outside') return null;
  const coredns: DnsServer = { kind: 'coredns', query: (name, type) => queryCoreDns(cluster, name, type) };
  const kubeDns = cluster.api.get<Service>('Service', 'kube-system', 'kube-dns');
  if (kubeDns && clusterIPsOf(kubeDns).includes(ip)) return corednsServing(cluster, kubeDns) ? coredns : null;
  // a CoreDNS pod asked directly
  const pod = cluster.api
    .list<Pod>('Pod', 'kube-system')
    .find((p) => p.status?.podIP === ip && p.metadata.labels?.['k8s-app'] === 'kube-dns');
  return pod && pod.status?.phase === 'Running' ? coredns : null;
}
