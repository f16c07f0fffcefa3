// the Service registry's allocators: cluster IPs from the service CIDR and node ports from the
// node port range, handed out before validation as the registry's BeginCreate/BeginUpdate do
// (pkg/registry/core/service/storage/alloc.go over ipallocator and portallocator).
//
// what is taken is read back from the stored Services themselves, the way the IPAddress-based
// allocator reads its IPAddress objects: an address or port is in use exactly while a stored
// Service holds it. so a refused write gives nothing back because it never kept anything, a
// deleted Service frees its addresses the moment it leaves the store, and an update that drops
// a node port frees it once the new version is stored (upstream's deferred release).

import { Random } from '../../random.ts';
import type { AdmissionBegin, AdmissionPlugin, ApiServer } from '../apiserver.ts';
import { field, type FieldError } from '../field-errors.ts';
import { internalError, invalid, type StatusError } from '../status-errors.ts';
import type { KubeObject, Service, ServiceSpec } from '../types.ts';
import { prepareServiceUpdate } from '../validation/index.ts';
import {
  IP_ALREADY_ALLOCATED,
  NODE_PORT_ALLOCATED,
  clusterIPError,
  ipNotInRange,
  isHeadless,
  needsHealthCheck,
  needsNodePort,
  nodePortError,
  nodePortNotInRange,
  validateClusterIPs,
} from '../validation/service.ts';

/** kube-apiserver --service-cluster-ip-range, as kind and kubeadm set it */
export const SERVICE_CIDR = '10.96.0.0/12';
/** kube-apiserver --service-node-port-range (the default) */
export const NODE_PORT_BASE = 30000;
export const NODE_PORT_SIZE = 2768;
export const NODE_PORT_RANGE = `${NODE_PORT_BASE}-${NODE_PORT_BASE + NODE_PORT_SIZE - 1}`;

/** ipallocator.ErrMismatchedNetwork: what the ServiceCIDR allocators say of an address outside every CIDR */
export const IP_MISMATCHED_NETWORK = 'the provided network does not match the current range';
const RANGE_FULL = 'range is full';

/** a dotted quad as a uint32, or null (net.ParseIPSloppy allows leading zeros) */
export function parseIPv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return null;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

export function formatIPv4(n: number): string {
  return [Math.floor(n / 2 ** 24) % 256, Math.floor(n / 2 ** 16) % 256, Math.floor(n / 256) % 256, n % 256].join('.');
}

/**
 * KEP-3070/3668: a lower band kept for addresses and ports clients ask for by number;
 * min(max(min, size/step), max), or nothing for tiny ranges
 */
function rangeOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/** an IPv4 service CIDR: .0 and the broadcast address are never handed out */
class IPRange {
  readonly network: number;
  readonly total: number;
  readonly first: number;
  readonly last: number;
  /** where the dynamic band starts, counted from `first` */
  readonly offset: number;

  constructor(readonly cidr: string) {
    const [ip, bits] = cidr.split('/');
    this.total = 2 ** (32 - Number(bits));
    this.network = parseIPv4(ip!)!;
    this.first = this.network + 1;
    this.last = this.network + this.total - 2;
    this.offset = rangeOffset(this.total, 16, 256, 16);
  }

  inCIDR(n: number): boolean {
    return n >= this.network && n < this.network + this.total;
  }
}

const RANGE = new IPRange(SERVICE_CIDR);
const PORT_OFFSET = rangeOffset(NODE_PORT_SIZE, 16, 128, 32);

/** what one stored Service holds: its cluster IPs, node ports and health check node port */
function holdings(svc: Service): { ips: number[]; ports: number[] } {
  const spec = svc.spec;
  const ips: number[] = [];
  const ports: number[] = [];
  if (!spec) return { ips, ports };
  if (spec.type !== 'ExternalName' && !isHeadless(spec)) {
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) {
      const n = parseIPv4(ip);
      if (n !== null) ips.push(n);
    }
  }
  for (const p of spec.ports ?? []) if (p.nodePort) ports.push(p.nodePort);
  if (spec.healthCheckNodePort) ports.push(spec.healthCheckNodePort);
  return { ips, ports };
}

interface InUse {
  ips: Map<number, number>;
  ports: Map<number, number>;
}

function count(map: Map<number, number>, key: number, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

const tallies = new WeakMap<ApiServer, InUse>();

/**
 * the addresses and ports stored Services hold, counted once from the store and then kept up to
 * date from its watch (each Service change adjusts only its own entries), so a create costs the
 * same with ten Services or ten thousand
 */
function inUse(api: ApiServer): InUse {
  let tally = tallies.get(api);
  if (tally) return tally;
  const t: InUse = { ips: new Map(), ports: new Map() };
  const apply = (svc: Service | undefined, by: number) => {
    if (!svc) return;
    const held = holdings(svc);
    for (const ip of held.ips) count(t.ips, ip, by);
    for (const port of held.ports) count(t.ports, port, by);
  };
  for (const svc of api.list<Service>('Service')) apply(svc, 1);
  api.store.watch((event) => {
    if (event.resource !== 'services') return;
    if (event.type !== 'ADDED') apply(event.old as Service | undefined, -1);
    if (event.type !== 'DELETED') apply(event.object as Service, 1);
  });
  tallies.set(api, (tally = t));
  return tally;
}

/**
 * one create or update's allocations (upstream's transaction and PortAllocationOperation). a
 * dry run checks what it can and takes nothing, answering with upstream's dummy values.
 */
class Operation {
  private readonly ips = new Set<number>();
  private readonly ports = new Set<number>();
  private readonly used: InUse;

  constructor(
    api: ApiServer,
    private readonly random: Random,
    readonly dryRun: boolean,
  ) {
    this.used = inUse(api);
  }

  private ipFree(n: number): boolean {
    return !this.used.ips.has(n) && !this.ips.has(n);
  }

  private portFree(port: number): boolean {
    return !this.used.ports.has(port) && !this.ports.has(port);
  }

  /** Allocate(ip): the reason it cannot be had, or null */
  allocateIP(text: string): string | null {
    const n = parseIPv4(text)!;
    const outside = n < RANGE.first || n > RANGE.last;
    // the dry-run allocator only checks the range of the CIDR's own allocator
    if (this.dryRun) return outside ? ipNotInRange(formatIPv4(n), RANGE.cidr) : null;
    if (!RANGE.inCIDR(n)) return IP_MISMATCHED_NETWORK;
    if (outside) return ipNotInRange(formatIPv4(n), RANGE.cidr);
    if (!this.ipFree(n)) return IP_ALREADY_ALLOCATED;
    this.ips.add(n);
    return null;
  }

  /** AllocateNext: a random free address from the dynamic band, else from the static one */
  nextIP(): string | null {
    // the dry-run allocator does not look for a free address; it answers with the CIDR's base
    if (this.dryRun) return formatIPv4(RANGE.network);
    const size = RANGE.last - RANGE.first + 1;
    const bands: [number, number][] = [
      [RANGE.first + RANGE.offset, size - RANGE.offset],
      [RANGE.first, RANGE.offset],
    ];
    for (const [start, count] of bands) {
      if (count <= 0) continue;
      const from = this.random.int(count);
      for (let i = 0; i < count; i++) {
        const n = start + ((from + i) % count);
        if (this.ipFree(n)) {
          this.ips.add(n);
          return formatIPv4(n);
        }
      }
    }
    return null;
  }

  /** Allocate(port): the reason it cannot be had, or null */
  allocatePort(port: number): string | null {
    // the dry-run operation checks only that nobody holds the port, not the range
    if (!this.dryRun && (port < NODE_PORT_BASE || port >= NODE_PORT_BASE + NODE_PORT_SIZE))
      return nodePortNotInRange(NODE_PORT_RANGE);
    if (!this.portFree(port)) return NODE_PORT_ALLOCATED;
    this.ports.add(port);
    return null;
  }

  /** AllocateNext: randomScanStrategyWithOffset, the band above the static one first */
  nextPort(): number | null {
    if (this.dryRun) {
      // upstream's dummy values: one past the highest port this operation took, from 32769
      const last = this.ports.size === 0 ? 32768 : Math.max(...this.ports);
      this.ports.add(last + 1);
      return last + 1;
    }
    const bands: [number, number][] = [
      [PORT_OFFSET, NODE_PORT_SIZE - PORT_OFFSET],
      [0, PORT_OFFSET],
    ];
    for (const [start, count] of bands) {
      if (count <= 0) continue;
      const from = this.random.int(count);
      for (let i = 0; i < count; i++) {
        const port = NODE_PORT_BASE + start + ((from + i) % count);
        if (this.portFree(port)) {
          this.ports.add(port);
          return port;
        }
      }
    }
    return null;
  }
}

const isV6 = (ip: string) => ip.includes(':');

/**
 * initIPFamilyFields on a single-stack IPv4 cluster, after defaulting has filled ipFamilies
 * and ipFamilyPolicy: the related fields must validate, and nothing may ask for IPv6
 */
function ipFamilyErrors(spec: ServiceSpec): FieldError[] {
  const related = validateClusterIPs(spec);
  if (related.length > 0) return related;
  const errs: FieldError[] = [];
  const policy = spec.ipFamilyPolicy;
  const ips = spec.clusterIPs ?? [];
  const families = spec.ipFamilies ?? [];
  if (policy === 'SingleStack') {
    const why = (what: string) => `must be 'RequireDualStack' or 'PreferDualStack' when multiple ${what} are specified`;
    if (ips.length === 2) errs.push(field.invalid('spec.ipFamilyPolicy', policy, why('cluster IPs')));
    if (families.length === 2) errs.push(field.invalid('spec.ipFamilyPolicy', policy, why('IP families')));
  }
  for (const [i, ip] of ips.entries()) {
    if (ip === 'None') break;
    if (isV6(ip)) errs.push(field.invalid(`spec.clusterIPs[${i}]`, ips, 'IPv6 is not configured on this cluster'));
  }
  if (errs.length > 0) return errs;
  // headless without a selector may name both families on any cluster
  if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) return [];
  if (policy === 'RequireDualStack') {
    errs.push(field.invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'));
  }
  families.forEach((family, i) => {
    if (family !== 'IPv4') errs.push(field.invalid(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  return errs;
}

const refuse = (error: StatusError): AdmissionBegin => ({ ok: false, error });
/** nothing to give back on either outcome: see the note at the top */
const BEGUN: AdmissionBegin = { ok: true, finish: () => undefined };

/** allocClusterIPs: a requested address is claimed, a missing one chosen; headless and ExternalName get none */
function allocClusterIPs(svc: Service, op: Operation): StatusError | null {
  const spec = svc.spec;
  if (spec.type === 'ExternalName' || isHeadless(spec)) return null;
  const requested = spec.clusterIPs?.[0] ?? '';
  if (requested === '') {
    const ip = op.nextIP();
    if (ip === null) return internalError(`failed to allocate a serviceIP: ${RANGE_FULL}`);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    return null;
  }
  const reason = op.allocateIP(requested);
  if (reason) return invalid('Service', svc.metadata.name ?? '', [clusterIPError(svc, requested, reason)]);
  return null;
}

/** shouldAllocateNodePorts: LoadBalancers may opt out with allocateLoadBalancerNodePorts: false */
function shouldAllocateNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

/** initNodePorts on create: ports sharing a port number (TCP and UDP) share one node port */
function initNodePorts(svc: Service, op: Operation): StatusError | null {
  const ports = svc.spec.ports ?? [];
  const byServicePort = new Map<number, number>();
  const refused = (i: number, port: number, reason: string) =>
    invalid('Service', svc.metadata.name ?? '', [nodePortError(i, port, reason)]);
  for (const [i, sp] of ports.entries()) {
    if (!sp.nodePort && !shouldAllocateNodePorts(svc.spec)) continue;
    const taken = byServicePort.get(sp.port) ?? 0;
    if (taken === 0) {
      const requested = ports.find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
      if (requested !== 0) {
        const reason = op.allocatePort(requested);
        if (reason) return refused(i, requested, reason);
        sp.nodePort = requested;
      } else {
        const port = op.nextPort();
        if (port === null) return internalError(`failed to allocate a nodePort: ${RANGE_FULL}`);
        sp.nodePort = port;
      }
      byServicePort.set(sp.port, sp.nodePort);
    } else if (sp.nodePort !== taken) {
      if (!sp.nodePort) sp.nodePort = taken;
      else {
        const reason = op.allocatePort(sp.nodePort);
        if (reason) return refused(i, sp.nodePort, reason);
      }
    }
  }
  return null;
}

/** updateNodePorts: keep the old ones, claim new requests, choose missing ones */
function updateNodePorts(svc: Service, old: Service, op: Operation): StatusError | null {
  const held = new Set((old.spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
  const claimed = new Set<number>();
  for (const [i, sp] of (svc.spec.ports ?? []).entries()) {
    if (!sp.nodePort && !shouldAllocateNodePorts(svc.spec)) continue;
    if (sp.nodePort) {
      if (!held.has(sp.nodePort) && !claimed.has(sp.nodePort)) {
        const reason = op.allocatePort(sp.nodePort);
        if (reason) return invalid('Service', svc.metadata.name ?? '', [nodePortError(i, sp.nodePort, reason)]);
        claimed.add(sp.nodePort);
      }
    } else {
      const port = op.nextPort();
      if (port === null) return internalError(`failed to allocate a nodePort: ${RANGE_FULL}`);
      sp.nodePort = port;
    }
  }
  return null;
}

/** allocHealthCheckNodePort for LoadBalancers with externalTrafficPolicy: Local */
function allocHealthCheckNodePort(spec: ServiceSpec, op: Operation): StatusError | null {
  const requested = spec.healthCheckNodePort ?? 0;
  if (requested !== 0) {
    const reason = op.allocatePort(requested);
    return reason ? internalError(`failed to allocate requested HealthCheck NodePort ${requested}: ${reason}`) : null;
  }
  const port = op.nextPort();
  // upstream prints the port variable of the failed attempt, which is 0
  if (port === null) return internalError(`failed to allocate a HealthCheck NodePort 0: ${RANGE_FULL}`);
  spec.healthCheckNodePort = port;
  return null;
}

export class ServiceAllocation implements AdmissionPlugin {
  readonly name = 'ServiceAllocation';
  /**
   * a stream of its own, seeded from the cluster's seed: the same seed gives the same addresses,
   * and creating a Service does not shift the random names of everything created after it
   */
  private readonly random: Random;

  constructor(clusterRandom: Random) {
    this.random = new Random((clusterRandom.seed ^ 0x5e7c1ce5) >>> 0);
  }

  admit(): StatusError | null {
    return null;
  }

  begin(obj: KubeObject, old: KubeObject | undefined, api: ApiServer, dryRun: boolean): AdmissionBegin {
    if (obj.kind !== 'Service') return BEGUN;
    const svc = obj as Service;
    if (!svc.spec) return BEGUN;
    // the strategy's PrepareForCreate: a new Service starts with an empty status
    if (!old) svc.status = { loadBalancer: {} };
    const error = old ? this.allocateUpdate(svc, old as Service, api) : this.allocateCreate(svc, api, dryRun);
    return error ? refuse(error) : BEGUN;
  }

  private familyCheck(svc: Service): StatusError | null {
    if (svc.spec.type === 'ExternalName') return null;
    const errs = ipFamilyErrors(svc.spec);
    return errs.length > 0 ? invalid('Service', svc.metadata.name ?? '', errs) : null;
  }

  /** allocateCreate */
  private allocateCreate(svc: Service, api: ApiServer, dryRun: boolean): StatusError | null {
    const refused = this.familyCheck(svc);
    if (refused) return refused;
    const op = new Operation(api, this.random, dryRun);
    const spec = svc.spec;
    return (
      allocClusterIPs(svc, op) ??
      (needsNodePort(spec) ? initNodePorts(svc, op) : null) ??
      (needsHealthCheck(spec) ? allocHealthCheckNodePort(spec, op) : null)
    );
  }

  /** beginUpdate: keep what the client left out, then allocateUpdate for the type it moves to */
  private allocateUpdate(svc: Service, old: Service, api: ApiServer): StatusError | null {
    if (!old.spec) return null;
    prepareServiceUpdate(svc, old);
    const refused = this.familyCheck(svc);
    if (refused) return refused;
    const op = new Operation(api, this.random, false);
    const [spec, before] = [svc.spec, old.spec];
    // ExternalName to a type with a cluster IP: allocate as on create. the other way round, the
    // old address is freed once the ExternalName version is stored
    if (before.type === 'ExternalName' && spec.type !== 'ExternalName') {
      const error = allocClusterIPs(svc, op);
      if (error) return error;
    }
    if (needsNodePort(spec)) {
      const error = updateNodePorts(svc, old, op);
      if (error) return error;
    }
    if (!needsHealthCheck(before) && needsHealthCheck(spec)) return allocHealthCheckNodePort(spec, op);
    return null;
  }
}
