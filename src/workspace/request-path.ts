// the cluster panel's "Last request": a network trace as a few short steps, client first. the
// terminal's `kubesim trace` prints every detail; the panel keeps only what a glance needs.

import type { Hop, Trace } from '../sim/network/net.ts';
import { t } from '../i18n/index.ts';

export interface RequestPath {
  /** `pod default/client → web:80` */
  summary: string;
  outcome: string;
  /** did the request reach something that answered */
  connected: boolean;
  /** the client, then one line per hop */
  steps: string[];
}

function hopStep(hop: Hop): string {
  switch (hop.step) {
    case 'dns':
      if (hop.addresses.length === 0) return t('cluster.hop.dnsFailed', { name: hop.name });
      return t('cluster.hop.dns', { name: [hop.name, ...hop.cnames].join(' → '), addresses: hop.addresses.join(', ') });
    case 'service':
      return hop.via === 'ClusterIP'
        ? t('cluster.hop.service', { service: hop.service, ip: hop.ip, port: hop.port })
        : t('cluster.hop.serviceVia', { service: hop.service, via: hop.via, ip: hop.ip, port: hop.port });
    case 'load-balancer':
      return t('cluster.hop.loadBalancer', { ip: hop.ip, node: hop.node, nodePort: hop.nodePort });
    case 'rule':
      return hop.chosen
        ? t('cluster.hop.rule', { node: hop.node, chosen: hop.chosen, n: hop.candidates.length })
        : t('cluster.hop.ruleNone', { node: hop.node });
    case 'forward':
      return t('cluster.hop.forward', { to: hop.to });
    case 'snat':
      return t('cluster.hop.snat', { from: hop.from, to: hop.to });
    case 'deliver':
      return t('cluster.hop.deliver', { pod: hop.pod, ip: hop.ip, port: hop.port });
    case 'external':
      return t('cluster.hop.external', { host: hop.host, ip: hop.ip, port: hop.port });
    case 'drop':
      return t('cluster.hop.drop', { reason: hop.reason });
  }
}

export function requestPath(trace: Trace): RequestPath {
  return {
    summary: `${trace.from} → ${trace.to}`,
    outcome: t(`cluster.outcome.${trace.outcome}`),
    connected: trace.outcome === 'connected',
    steps: [trace.from, ...trace.hops.map(hopStep)],
  };
}
