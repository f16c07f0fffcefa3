// printService, printEndpoints and printEndpointSlice: cluster and external IPs,
// `port:nodePort/protocol` lists and the first three endpoint addresses followed by `+ N more...`.

import type { EndpointSlice, Endpoints, Service } from '../../api/types.ts';
import { age } from './duration.ts';
import { formatLabels, type RowContext } from './row-helpers.ts';
import { compareStrings } from './go-fmt.ts';

const LOAD_BALANCER_WIDTH = 16;

/** the apiserver defaults type to ClusterIP and port protocols to TCP */
const serviceType = (svc: Service): string => svc.spec.type ?? 'ClusterIP';

/** loadBalancerStatusStringer: ingress IPs (or hostnames) as a sorted set; clipped unless wide */
function loadBalancerIngress(svc: Service, wide: boolean): string {
  const seen = new Set<string>();
  for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) seen.add(ingress.ip);
    else if (ingress.hostname) seen.add(ingress.hostname);
  }
  let text = [...seen].sort(compareStrings).join(',');
  if (!wide && text.length > LOAD_BALANCER_WIDTH) text = text.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return text;
}

/** getServiceExternalIP */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec.externalIPs ?? [];
  switch (serviceType(svc)) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString */
function portString(svc: Service): string {
  return (svc.spec.ports ?? [])
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}

export function serviceRow(svc: Service, ctx: RowContext): string[] {
  return [
    svc.metadata.name ?? '',
    serviceType(svc),
    svc.spec.clusterIPs?.[0] || svc.spec.clusterIP || '<none>',
    // tables are generated on the server with Wide set, so the ingress list is never clipped
    serviceExternalIP(svc, true),
    portString(svc) || '<none>',
    age(svc.metadata.creationTimestamp, ctx.now),
    formatLabels(svc.spec.selector),
  ];
}

/** net.JoinHostPort: IPv6 addresses get brackets */
const joinHostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpoints with every port: ready addresses only, at most three, then `+ N more...` */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    // headless services may have no ports: bare IPs then
    const perPort: ((ip: string) => string)[] =
      ports.length === 0 ? [(ip) => ip] : ports.map((port) => (ip: string) => joinHostPort(ip, port.port));
    for (const format of perPort) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(format(address.ip));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const endpointsRow = (ep: Endpoints, ctx: RowContext): string[] => [
  ep.metadata.name ?? '',
  formatEndpoints(ep),
  age(ep.metadata.creationTimestamp, ctx.now),
];

/** listWithMoreString: three items at most, then `+ N more...`; nothing at all is `<unset>` */
function listWithMore(items: string[]): string {
  const max = 3;
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length > 0 ? items.join(',') : '<unset>';
}

/** formatDiscoveryPorts: port numbers, a port's name when it has no number, `*` for neither */
const slicePorts = (slice: EndpointSlice): string =>
  listWithMore((slice.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))));

/** formatDiscoveryEndpoints: every address of every endpoint, ready or not */
const sliceEndpoints = (slice: EndpointSlice): string => listWithMore((slice.endpoints ?? []).flatMap((e) => e.addresses ?? []));

export const endpointSliceRow = (slice: EndpointSlice, ctx: RowContext): string[] => [
  slice.metadata.name ?? '',
  slice.addressType ?? '',
  slicePorts(slice),
  sliceEndpoints(slice),
  age(slice.metadata.creationTimestamp, ctx.now),
];
