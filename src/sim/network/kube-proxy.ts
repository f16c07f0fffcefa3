// kube-proxy's decisions on one node: which endpoint a packet to a Service address goes to, in
// iptables mode (a uniformly random endpoint, by the statistic module's probabilities) or IPVS
// mode (the configured scheduler: rr, lc, dh, sh, sed, nq), with ClientIP session affinity. the
// mode is read from the kube-proxy ConfigMap when a node's kube-proxy pod starts, as the real
// daemon reads its config file once: editing the ConfigMap takes effect after a restart.

import { parse as parseYaml } from 'yaml';
import type { Cluster } from '../cluster.ts';
import type { ConfigMap, Pod, Service, ServicePort } from '../api/types.ts';
import type { ServiceEndpoint } from './service-table.ts';

export type ProxyMode = 'iptables' | 'ipvs';
export const IPVS_SCHEDULERS = ['rr', 'lc', 'dh', 'sh', 'sed', 'nq', 'wrr', 'wlc', 'lblc', 'lblcr', 'mh'] as const;

export interface ProxyConfig {
  mode: ProxyMode;
  scheduler: string;
  /** what the ConfigMap asked for when it is not something this simulator models */
  unsupported?: string;
}

/** ipvs keeps a finished TCP connection (TIME_WAIT) as an inactive one for this long */
const IPVS_INACTIVE_MS = 120_000;
const DEFAULT_AFFINITY_SECONDS = 10800;

/** reads KubeProxyConfiguration from the kube-proxy ConfigMap; an empty mode means iptables on Linux */
export function readProxyConfig(cluster: Cluster): ProxyConfig {
  const cm = cluster.api.get<ConfigMap>('ConfigMap', 'kube-system', 'kube-proxy');
  const text = cm?.data?.['config.conf'];
  if (!text) return { mode: 'iptables', scheduler: 'rr' };
  // every kube-proxy pod reads the same text: parse it once
  if (text === lastText && lastConfig) return lastConfig;
  lastConfig = parseProxyConfig(text);
  lastText = text;
  return lastConfig;
}

let lastText: string | null = null;
let lastConfig: ProxyConfig | null = null;

function parseProxyConfig(text: string): ProxyConfig {
  let doc: { mode?: unknown; ipvs?: { scheduler?: unknown } } = {};
  try {
    doc = (parseYaml(text) ?? {}) as typeof doc;
  } catch {
    return { mode: 'iptables', scheduler: 'rr', unsupported: 'an unreadable config.conf' };
  }
  const mode = typeof doc.mode === 'string' ? doc.mode : '';
  const scheduler = typeof doc.ipvs?.scheduler === 'string' && doc.ipvs.scheduler ? doc.ipvs.scheduler : 'rr';
  if (mode === 'ipvs') return { mode: 'ipvs', scheduler };
  if (mode === '' || mode === 'iptables') return { mode: 'iptables', scheduler };
  return { mode: 'iptables', scheduler, unsupported: `mode "${mode}"` };
}

export class KubeProxy {
  /** kube-proxy pod uid → the configuration it started with */
  private started = new Map<string, ProxyConfig>();
  private roundRobin = new Map<string, number>();
  /** `node|service port|client ip` → endpoint and when the affinity lapses */
  private affinity = new Map<string, { ep: string; until: number }>();
  /** `node|endpoint` → times its recent connections end being counted as inactive */
  private inactive = new Map<string, number[]>();

  constructor(private readonly cluster: Cluster) {
    // a kube-proxy pod reads the ConfigMap once, when it starts running
    cluster.store.watch((event) => {
      if (event.resource !== 'pods' || event.type === 'DELETED') return;
      const pod = event.object as Pod;
      if (pod.metadata.namespace !== 'kube-system' || pod.metadata.labels?.['k8s-app'] !== 'kube-proxy') return;
      if (pod.status?.phase === 'Running' && !this.started.has(pod.metadata.uid!)) {
        this.started.set(pod.metadata.uid!, readProxyConfig(cluster));
      }
    });
  }

  /** the configuration the kube-proxy running on `node` started with */
  configFor(node: string): ProxyConfig {
    const pod = this.proxyPod(node);
    if (!pod) return readProxyConfig(this.cluster);
    let config = this.started.get(pod.metadata.uid!);
    if (!config) {
      config = readProxyConfig(this.cluster);
      this.started.set(pod.metadata.uid!, config);
    }
    return config;
  }

  private proxyPod(node: string): Pod | undefined {
    let newest: Pod | undefined;
    for (const obj of this.cluster.store.list('pods', 'kube-system')) {
      const pod = obj as Pod;
      if (pod.metadata.labels?.['k8s-app'] !== 'kube-proxy' || pod.spec.nodeName !== node) continue;
      if (pod.metadata.deletionTimestamp) continue;
      if (!newest || (pod.metadata.creationTimestamp ?? '') >= (newest.metadata.creationTimestamp ?? '')) newest = pod;
    }
    return newest;
  }

  /**
   * picks the endpoint for a new connection from `clientIp` on `node`, or null when none is usable.
   * `candidates` are already filtered by traffic policy and readiness.
   */
  choose(
    node: string,
    service: Service,
    port: ServicePort,
    candidates: ServiceEndpoint[],
    clientIp: string,
  ): ServiceEndpoint | null {
    if (candidates.length === 0) return null;
    const now = this.cluster.clock.now();
    const id = `${service.metadata.namespace}/${service.metadata.name}:${port.name ?? ''}`;
    const key = (ep: ServiceEndpoint) => `${ep.ip}:${ep.port}`;
    if (service.spec.sessionAffinity === 'ClientIP') {
      const sticky = this.affinity.get(`${node}|${id}|${clientIp}`);
      const kept = sticky && sticky.until > now ? candidates.find((ep) => key(ep) === sticky.ep) : undefined;
      const chosen = kept ?? this.pick(node, id, candidates, clientIp, now);
      const seconds = service.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
      this.affinity.set(`${node}|${id}|${clientIp}`, { ep: key(chosen), until: now + seconds * 1000 });
      return chosen;
    }
    return this.pick(node, id, candidates, clientIp, now);
  }

  private pick(node: string, id: string, candidates: ServiceEndpoint[], clientIp: string, now: number): ServiceEndpoint {
    const config = this.configFor(node);
    if (config.mode === 'iptables') return candidates[this.cluster.random.int(candidates.length)]!;
    const inactive = (ep: ServiceEndpoint) => {
      const list = (this.inactive.get(`${node}|${ep.ip}:${ep.port}`) ?? []).filter((t) => t > now);
      this.inactive.set(`${node}|${ep.ip}:${ep.port}`, list);
      return list.length;
    };
    let chosen: ServiceEndpoint;
    switch (config.scheduler) {
      case 'sh':
        chosen = candidates[hash(clientIp) % candidates.length]!;
        break;
      case 'dh':
        chosen = candidates[hash(id) % candidates.length]!;
        break;
      case 'lc':
      case 'wlc': {
        // overhead = active × 256 + inactive; connections here are short, so only inactive ones count
        chosen = candidates.reduce((best, ep) => (inactive(ep) < inactive(best) ? ep : best));
        break;
      }
      case 'sed':
      case 'nq':
        // both look at active connections only: with none open, the first server wins
        chosen = candidates[0]!;
        break;
      default: {
        const at = this.roundRobin.get(`${node}|${id}`) ?? 0;
        chosen = candidates[at % candidates.length]!;
        this.roundRobin.set(`${node}|${id}`, at + 1);
      }
    }
    const list = this.inactive.get(`${node}|${chosen.ip}:${chosen.port}`) ?? [];
    list.push(now + IPVS_INACTIVE_MS);
    this.inactive.set(`${node}|${chosen.ip}:${chosen.port}`, list);
    return chosen;
  }
}

/** a small stable string hash (FNV-1a), standing in for the kernel's hash of an address */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
