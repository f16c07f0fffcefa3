// a Service as the cluster panel shows it: the `kubectl get svc` cells, the addresses of its
// Endpoints object with the pod and node behind each, and a plain-English note worked out from
// the cluster: why no endpoint is ready, or where a selector-less Service's endpoints come from.

import type { Cluster } from '../sim/cluster.ts';
import type { Endpoints, Pod, Service } from '../sim/api/types.ts';
import { selectorOf } from '../sim/controllers/service-index.ts';
import { serviceRow } from '../sim/kubectl/printers/network-columns.ts';
import { formatLabels, type RowContext } from '../sim/kubectl/printers/row-helpers.ts';
import { compareIp } from '../sim/network/service-table.ts';
import { t } from '../i18n/index.ts';

export interface EndpointView {
  ip: string;
  ports: number[];
  /** the pod behind the address (`namespace/name` when in another namespace), null for hand-written addresses */
  pod: string | null;
  node: string | null;
  ready: boolean;
}

export interface ServiceView {
  namespace: string;
  name: string;
  type: string;
  clusterIP: string;
  /** the EXTERNAL-IP column: `<none>`, `<pending>`, an IP, or an ExternalName's target */
  externalIP: string;
  /** the PORT(S) column */
  ports: string;
  /** `app=web`, or null for a Service without a selector */
  selector: string | null;
  /** ready addresses first, then not-ready ones, each by IP */
  endpoints: EndpointView[];
  readyEndpoints: number;
  /** a plain-English reason when there is no ready endpoint, or where the endpoints come from */
  note: string | null;
}

/** the Endpoints object's addresses, one per IP (ports merged across subsets), ready ones first */
function endpointsOf(ep: Endpoints | undefined, namespace: string): EndpointView[] {
  const byKey = new Map<string, EndpointView>();
  for (const subset of ep?.subsets ?? []) {
    const ports = (subset.ports ?? []).map((p) => p.port);
    const add = (ready: boolean) => (address: NonNullable<typeof subset.addresses>[number]) => {
      const key = `${ready}|${address.ip}`;
      const known = byKey.get(key);
      if (known) {
        for (const port of ports) if (!known.ports.includes(port)) known.ports.push(port);
        return;
      }
      const ref = address.targetRef;
      const pod =
        ref?.kind === 'Pod' && ref.name
          ? ref.namespace && ref.namespace !== namespace
            ? `${ref.namespace}/${ref.name}`
            : ref.name
          : null;
      byKey.set(key, { ip: address.ip, ports: [...ports], pod, node: address.nodeName ?? null, ready });
    };
    (subset.addresses ?? []).forEach(add(true));
    (subset.notReadyAddresses ?? []).forEach(add(false));
  }
  for (const view of byKey.values()) view.ports.sort((a, b) => a - b);
  return [...byKey.values()].sort((a, b) => Number(b.ready) - Number(a.ready) || compareIp(a.ip, b.ip));
}

const matches = (selector: Record<string, string>, labels: Record<string, string> | undefined): boolean =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** why a Service has no ready endpoint, or where a selector-less Service's endpoints come from */
function serviceNote(cluster: Cluster, svc: Service, endpoints: Endpoints | undefined, ready: number): string | null {
  const namespace = svc.metadata.namespace ?? '';
  const name = svc.metadata.name ?? '';
  if (svc.spec.type === 'ExternalName') return t('cluster.reason.externalName', { name: svc.spec.externalName ?? '' });
  const selector = selectorOf(svc);
  if (!selector) {
    if (namespace === 'default' && name === 'kubernetes') return t('cluster.reason.apiserver');
    return endpoints ? t('cluster.reason.manual') : t('cluster.reason.manualMissing', { name });
  }
  if (ready > 0) return null;
  const text = formatLabels(selector);
  const matching = cluster.api.list<Pod>('Pod', namespace).some((pod) => matches(selector, pod.metadata.labels));
  return matching ? t('cluster.reason.noneReady', { selector: text }) : t('cluster.reason.noMatch', { selector: text });
}

export function serviceView(cluster: Cluster, svc: Service, ctx: RowContext): ServiceView {
  const [name = '', type = '', clusterIP = '', externalIP = '', ports = ''] = serviceRow(svc, ctx);
  const namespace = svc.metadata.namespace ?? '';
  const ep = type === 'ExternalName' ? undefined : cluster.api.get<Endpoints>('Endpoints', namespace, name);
  const endpoints = endpointsOf(ep, namespace);
  const readyEndpoints = endpoints.filter((e) => e.ready).length;
  const selector = selectorOf(svc);
  return {
    namespace,
    name,
    type,
    clusterIP,
    externalIP,
    ports,
    selector: selector ? formatLabels(selector) : null,
    endpoints,
    readyEndpoints,
    note: serviceNote(cluster, svc, ep, readyEndpoints),
  };
}
