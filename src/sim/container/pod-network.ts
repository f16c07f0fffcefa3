// the network as a process inside a pod sees it. localhost, 127.0.0.1, the pod's IP and its
// hostname stay inside the pod's network namespace and reach whichever container of the pod
// listens on the port (this is how a sidecar talks to its neighbour); every other destination
// is resolved and routed through the simulated cluster network.

import type { ImageInfo } from '../images/catalogue.ts';
import type { HttpRequest } from '../images/http.ts';
import type { Connection, CurlTransport } from '../network/curl.ts';
import { networkConnection, servePod, type Resolver } from '../network/transport.ts';
import type { ContainerInstance } from './instances.ts';
import { podLookupResolver } from './pod-dns.ts';
import type { Cluster } from '../cluster.ts';
import type { NetSource } from '../network/net.ts';
import type { PingFlavour } from '../network/ping.ts';

/** curl's User-Agent in each image that ships curl */
function userAgentFor(image: ImageInfo): string {
  if (image.reference.includes('curlimages/curl')) return 'curl/8.17.0';
  if (image.reference.includes('rr-test')) return 'curl/7.58.0';
  return 'curl/8.14.1';
}

export function podLocalTransport(instance: ContainerInstance, resolve: Resolver): CurlTransport {
  const { cluster, pod } = instance;
  const podIp = pod.status?.podIP ?? null;
  const hostname = pod.metadata.name!;
  return {
    userAgent: userAgentFor(instance.image),
    connect(host: string, port: number): Connection {
      const lower = host.toLowerCase();
      const local =
        lower === 'localhost' || lower === hostname || /^127\.\d+\.\d+\.\d+$/.test(lower) || (podIp !== null && lower === podIp);
      // anything but the pod itself goes out through the pod's network interface
      if (!local) return networkConnection(cluster, { kind: 'pod', pod }, resolve, host, port);
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
          const response = servePod(cluster, pod, listener, full, hostname);
          if (response.log) cluster.kubelet.appendLog(pod, listener.container, [response.log]);
          return response;
        },
      };
    },
  };
}

export function podPingContext(instance: ContainerInstance): {
  cluster: Cluster;
  source: NetSource;
  resolve: Resolver;
  flavour: PingFlavour;
} {
  const busybox = instance.image.binaries.includes('busybox') || /busybox/.test(instance.image.reference);
  return {
    cluster: instance.cluster,
    source: { kind: 'pod', pod: instance.pod },
    resolve: podLookupResolver(instance),
    flavour: busybox ? 'busybox' : 'iputils',
  };
}
