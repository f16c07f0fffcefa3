// the bridge between client tools (curl, wget) and the packet model: resolve a name, route the
// connection, record the path, and let the server at the far end answer the request

import type { Cluster } from '../cluster.ts';
import type { Pod } from '../api/types.ts';
import type { ImageInfo } from '../images/catalogue.ts';
import {
  echoHostnameRespond,
  nginxRespond,
  nginxVersionFor,
  whoamiRespond,
  type HttpRequest,
  type HttpResponse,
  type NginxFind,
} from '../images/http.ts';
import { nginxRootOf } from '../container/nginx-root.ts';
import type { Connection } from './curl.ts';
import { networkOf, type Hop, type NetSource, type Route } from './net.ts';
import { externalHostByIp, externalRespond } from './outside.ts';

/** what a name lookup gave: addresses in answer order and the CNAMEs followed on the way */
export type Lookup = { ok: true; addresses: string[]; cnames: string[] } | { ok: false };

export type Resolver = (host: string) => Lookup;

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text) && text.split('.').every((p) => Number(p) <= 255);
}

/** how a server image answers a request; `root`: what an nginx finds under its root (nginx-root.ts) */
function serve(
  image: ImageInfo,
  req: HttpRequest,
  hostname: string,
  ips: string[],
  root?: (path: string) => NginxFind,
): HttpResponse {
  if (image.reference.includes('traefik/whoami')) return whoamiRespond(req, { hostname, ips });
  if (image.reference.endsWith(':echo-hostname')) return echoHostnameRespond(req, { hostname, ips });
  return nginxRespond(req, root, nginxVersionFor(image.reference));
}

/** what the container listening for a pod serves: its server image, over that container's files */
export function servePod(
  cluster: Cluster,
  pod: Pod,
  listener: { image: ImageInfo; container: string },
  req: HttpRequest,
  hostname = pod.metadata.name!,
): HttpResponse {
  const root = nginxRootOf(cluster, pod, listener.container, listener.image);
  return serve(listener.image, req, hostname, pod.status?.podIP ? [pod.status.podIP] : [], root);
}

export interface Dialed {
  /** the address connected to (or tried) */
  ip: string | null;
  route: Route | null;
  hops: Hop[];
}

/** resolves and routes; records the trace under `to` */
export function dial(cluster: Cluster, source: NetSource, resolve: Resolver, host: string, port: number): Dialed {
  const network = networkOf(cluster);
  const hops: Hop[] = [];
  let ip = host;
  if (!isIpv4(host)) {
    const found = resolve(host);
    hops.push({ step: 'dns', name: host, addresses: found.ok ? found.addresses : [], cnames: found.ok ? found.cnames : [] });
    if (!found.ok || found.addresses.length === 0) {
      network.record(source, `${host}:${port}`, hops, 'timeout');
      return { ip: null, route: null, hops };
    }
    ip = found.addresses[0]!;
  }
  const route = network.connect(source, ip, port);
  hops.push(...route.hops);
  network.record(source, `${host}:${port}`, hops, route.outcome);
  return { ip, route, hops };
}

/** answers the request at the connection's far end, writing the server's log line where it goes */
export function respondAt(
  cluster: Cluster,
  route: Route,
  req: Omit<HttpRequest, 'clientIp' | 'clientPort' | 'serverIp' | 'serverPort' | 'now'>,
): HttpResponse {
  const destination = route.destination!;
  const full: HttpRequest = {
    ...req,
    clientIp: route.clientIp,
    clientPort: 32768 + cluster.random.int(28232),
    serverIp: destination.ip,
    serverPort: destination.port,
    now: cluster.clock.now(),
  };
  if (destination.kind === 'external') return externalRespond(externalHostByIp(destination.ip)!, full);
  const pod: Pod = destination.pod;
  const listener = cluster.kubelet.listeners(pod).find((l) => l.port === destination.port)!;
  const response = servePod(cluster, pod, listener, full);
  if (response.log) cluster.kubelet.appendLog(pod, listener.container, [response.log]);
  return response;
}

/** a curl transport over the simulated network */
export function networkConnection(
  cluster: Cluster,
  source: NetSource,
  resolve: Resolver,
  host: string,
  port: number,
): Connection {
  const dialed = dial(cluster, source, resolve, host, port);
  if (!dialed.route) return { kind: 'unresolved' };
  const route = dialed.route;
  if (route.outcome === 'refused') return { kind: 'refused', ip: dialed.ip! };
  if (route.outcome === 'timeout') return { kind: 'timeout', ip: dialed.ip! };
  return { kind: 'connected', remoteIp: dialed.ip!, respond: (req) => respondAt(cluster, route, req) };
}
