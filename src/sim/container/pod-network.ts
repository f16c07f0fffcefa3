// the network as a process inside a pod sees it, for now: its own network namespace. localhost,
// 127.0.0.1, the pod's IP and its hostname reach whichever container of the pod listens on the
// port (this is how a sidecar talks to its neighbour). other destinations come with the
// Services chapters' network and are refused plainly as not simulated yet.

import type { ImageInfo } from '../images/catalogue.ts';
import {
  echoHostnameRespond,
  nginxRespond,
  nginxVersionFor,
  whoamiRespond,
  type HttpRequest,
  type HttpResponse,
} from '../images/http.ts';
import type { Connection, CurlTransport } from '../network/curl.ts';
import type { ContainerInstance } from './instances.ts';

/** curl's User-Agent in each image that ships curl */
function userAgentFor(image: ImageInfo): string {
  if (image.reference.includes('curlimages/curl')) return 'curl/8.17.0';
  if (image.reference.includes('rr-test')) return 'curl/7.58.0';
  return 'curl/8.14.1';
}

/** how a server image answers a request */
export function serve(image: ImageInfo, req: HttpRequest, hostname: string, ips: string[]): HttpResponse {
  if (image.reference.includes('traefik/whoami')) return whoamiRespond(req, { hostname, ips });
  if (image.reference.endsWith(':echo-hostname')) return echoHostnameRespond(req, { hostname, ips });
  return nginxRespond(req, undefined, nginxVersionFor(image.reference));
}

export function podLocalTransport(instance: ContainerInstance): CurlTransport {
  const { cluster, pod } = instance;
  const podIp = pod.status?.podIP ?? null;
  const hostname = pod.metadata.name!;
  return {
    userAgent: userAgentFor(instance.image),
    connect(host: string, port: number): Connection {
      const lower = host.toLowerCase();
      const local =
        lower === 'localhost' || lower === hostname || /^127\.\d+\.\d+\.\d+$/.test(lower) || (podIp !== null && lower === podIp);
      if (!local) {
        return {
          kind: 'not-simulated',
          message: `kubesim: reaching ${host} from inside a pod is not simulated yet; in this version a pod reaches only its own ports (localhost)`,
        };
      }
      const remoteIp = lower === podIp || lower === hostname ? podIp! : '127.0.0.1';
      const listener = cluster.kubelet.listeners(pod).find((l) => l.port === port);
      if (!listener) return { kind: 'refused', ip: remoteIp };
      return {
        kind: 'connected',
        remoteIp,
        respond: (req) => {
          const full: HttpRequest = {
            ...req,
            clientIp: remoteIp,
            clientPort: 40000 + cluster.random.int(20000),
            serverIp: remoteIp,
            serverPort: port,
            now: cluster.clock.now(),
          };
          const response = serve(listener.image, full, hostname, podIp ? [podIp] : []);
          if (response.log) cluster.kubelet.appendLog(pod, listener.container, [response.log]);
          return response;
        },
      };
    },
  };
}
