// what kube-proxy knows: every Service's virtual addresses (ClusterIP, nodePorts, load-balancer
// IPs, externalIPs) and its endpoints, read from EndpointSlices as the real kube-proxy reads
// them. the table is rebuilt only after a Service or a slice changed, so a connection costs the
// same with ten Services or ten thousand.

import type { Cluster } from '../cluster.ts';
import type { KubeObject, Service, ServicePort } from '../api/types.ts';
import { ipToInt } from './ip.ts';

/** the parts of a discovery.k8s.io/v1 EndpointSlice that kube-proxy reads */
export interface SliceView extends KubeObject {
  addressType?: string;
  endpoints?: {
    addresses: string[];
    conditions?: { ready?: boolean | null; serving?: boolean | null; terminating?: boolean | null };
    nodeName?: string;
    targetRef?: { kind?: string; name?: string; namespace?: string; uid?: string };
  }[];
  ports?: { name?: string; port?: number; protocol?: string }[] | null;
}

export interface ServiceEndpoint {
  ip: string;
  port: number;
  nodeName: string | null;
  /** the pod behind it, if the slice names one */
  pod: { namespace: string; name: string } | null;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface ServiceEntry {
  service: Service;
  key: string;
}

/** one (Service, port) pair as kube-proxy programs it: "servicePortName" upstream */
export interface ServicePortView {
  service: Service;
  port: ServicePort;
  /** `namespace/name:portName` as kube-proxy's rule comments say it */
  id: string;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export class ServiceTable {
  private version = -1;
  private seen = 0;
  private byClusterIP = new Map<string, ServiceEntry>();
  private byNodePort = new Map<number, ServiceEntry>();
  private byExternalIP = new Map<string, ServiceEntry[]>();
  private slices = new Map<string, SliceView[]>();

  constructor(private readonly cluster: Cluster) {
    cluster.store.watch((event) => {
      if (event.resource === 'services' || event.resource === 'endpointslices') this.seen += 1;
    });
  }

  private refresh(): void {
    if (this.version === this.seen) return;
    this.version = this.seen;
    this.byClusterIP.clear();
    this.byNodePort.clear();
    this.byExternalIP.clear();
    this.slices.clear();
    for (const obj of this.cluster.store.list('services')) {
      const service = obj as Service;
      const entry = { service, key: `${service.metadata.namespace}/${service.metadata.name}` };
      const type = service.spec.type ?? 'ClusterIP';
      if (type === 'ExternalName') continue;
      for (const ip of service.spec.clusterIPs ?? (service.spec.clusterIP ? [service.spec.clusterIP] : [])) {
        if (ip && ip !== 'None') this.byClusterIP.set(ip, entry);
      }
      if (type === 'NodePort' || type === 'LoadBalancer') {
        for (const p of service.spec.ports ?? []) if (p.nodePort) this.byNodePort.set(p.nodePort, entry);
      }
      const external = [...(service.spec.externalIPs ?? [])];
      external.push(...loadBalancerVIPs(service));
      for (const ip of external) {
        const list = this.byExternalIP.get(ip) ?? [];
        list.push(entry);
        this.byExternalIP.set(ip, list);
      }
    }
    for (const obj of this.cluster.store.list('endpointslices')) {
      const slice = obj as SliceView;
      const name = slice.metadata.labels?.[SERVICE_NAME_LABEL];
      if (!name || (slice.addressType ?? 'IPv4') !== 'IPv4') continue;
      const key = `${slice.metadata.namespace}/${name}`;
      const list = this.slices.get(key) ?? [];
      list.push(slice);
      this.slices.set(key, list);
    }
  }

  serviceByClusterIP(ip: string): Service | undefined {
    this.refresh();
    return this.byClusterIP.get(ip)?.service;
  }

  serviceByNodePort(port: number): Service | undefined {
    this.refresh();
    return this.byNodePort.get(port)?.service;
  }

  /** Services answering on an external address (a load-balancer ingress IP or spec.externalIPs) at `port` */
  serviceByExternalIP(ip: string, port: number): Service | undefined {
    this.refresh();
    return this.byExternalIP.get(ip)?.find((e) => (e.service.spec.ports ?? []).some((p) => p.port === port))?.service;
  }

  isExternalIP(ip: string): boolean {
    this.refresh();
    return this.byExternalIP.has(ip);
  }

  isClusterIP(ip: string): boolean {
    this.refresh();
    return this.byClusterIP.has(ip);
  }

  /** every Service kube-proxy programs, for the rule views */
  services(): Service[] {
    this.refresh();
    const out = new Map<string, Service>();
    for (const e of this.byClusterIP.values()) out.set(e.key, e.service);
    return [...out.values()].sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
    );
  }

  /** the endpoints of one Service port, as the slices list them (all conditions; callers filter) */
  endpoints(service: Service, port: ServicePort): ServiceEndpoint[] {
    this.refresh();
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const out: ServiceEndpoint[] = [];
    const seen = new Set<string>();
    for (const slice of this.slices.get(key) ?? []) {
      const sp = (slice.ports ?? []).find(
        (p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'),
      );
      if (!sp || sp.port === undefined) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses[0];
        if (!ip || seen.has(`${ip}:${sp.port}`)) continue;
        seen.add(`${ip}:${sp.port}`);
        const ready = ep.conditions?.ready ?? true;
        out.push({
          ip,
          port: sp.port,
          nodeName: ep.nodeName ?? null,
          pod:
            ep.targetRef?.kind === 'Pod' && ep.targetRef.name
              ? { namespace: ep.targetRef.namespace ?? service.metadata.namespace!, name: ep.targetRef.name }
              : null,
          ready,
          serving: ep.conditions?.serving ?? ready,
          terminating: ep.conditions?.terminating ?? false,
        });
      }
    }
    return out.sort((a, b) => compareIp(a.ip, b.ip) || a.port - b.port);
  }

  portView(service: Service, port: ServicePort): ServicePortView {
    return { service, port, id: `${service.metadata.namespace}/${service.metadata.name}${port.name ? `:${port.name}` : ''}` };
  }
}

/** numeric order of dotted IPv4 addresses */
export function compareIp(a: string, b: string): number {
  return ipToInt(a) - ipToInt(b);
}

/** a LoadBalancer Service's ingress IPs that kube-proxy captures itself (ipMode VIP, the default) */
export function loadBalancerVIPs(service: Service): string[] {
  if ((service.spec.type ?? 'ClusterIP') !== 'LoadBalancer') return [];
  return (service.status?.loadBalancer?.ingress ?? []).filter((i) => i.ip && (i.ipMode ?? 'VIP') === 'VIP').map((i) => i.ip!);
}
