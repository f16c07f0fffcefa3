// the cluster panel's pieces as DOM: a node with its pods, a Service with its endpoints, the
// workloads, the last request. every text from the cluster goes in through textContent (via
// `el`), so a pod or label named like markup stays text.

import type {
  ClusterView,
  EndpointView,
  Health,
  NodeView,
  PodView,
  ServiceView,
  UnscheduledPodView,
} from '../../workspace/cluster-view.ts';
import type { RequestPath } from '../../workspace/request-path.ts';
import { t } from '../../i18n/index.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** a shape beside the colour, so status never rests on colour alone */
const GLYPHS: Record<Health, string> = { ok: '●', progress: '◌', failed: '✕', done: '✓' };

export function statusBadge(text: string, health: Health): HTMLElement {
  const badge = el('span', `cp-status cp-${health}`);
  const glyph = el('span', 'cp-glyph', GLYPHS[health]);
  glyph.setAttribute('aria-hidden', 'true');
  badge.append(glyph, text);
  return badge;
}

/** a titled group: role=group named by its h3 */
function group(id: string, title: (string | Node)[], className: string): HTMLElement {
  const box = el('div', `cp-group ${className}`);
  box.setAttribute('role', 'group');
  const heading = el('h3', 'cp-title');
  heading.id = id;
  heading.append(...title);
  box.setAttribute('aria-labelledby', id);
  box.append(heading);
  return box;
}

const details = (parts: (string | null | false)[]): HTMLElement =>
  el('p', 'cp-meta', parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · '));

function podItem(pod: PodView, reason: string | null = null): HTMLElement {
  const item = el('li', 'cp-pod');
  item.dataset['pod'] = `${pod.namespace}/${pod.name}`;
  item.dataset['status'] = pod.status;
  const line = el('div', 'cp-line');
  line.append(el('span', 'cp-name', pod.name), statusBadge(pod.status, pod.health));
  item.append(
    line,
    details([
      pod.namespace,
      t('cluster.podReady', { ready: pod.ready }),
      t('cluster.podRestarts', { n: pod.restarts }),
      pod.ip ?? t('cluster.noIp'),
      pod.owner,
    ]),
  );
  if (reason) item.append(el('p', 'cp-note', reason));
  return item;
}

function podList(pods: PodView[], label: string, reasons?: (string | null)[]): HTMLElement {
  if (pods.length === 0) return el('p', 'cp-empty', t('cluster.noPods'));
  const list = el('ul', 'cp-pods');
  list.setAttribute('aria-label', label);
  list.append(...pods.map((pod, i) => podItem(pod, reasons?.[i] ?? null)));
  return list;
}

export function nodeGroup(node: NodeView, idPrefix: string): HTMLElement {
  const box = group(
    `${idPrefix}-node-${node.name}`,
    [el('span', 'cp-name', node.name), statusBadge(node.status, node.ready ? 'ok' : 'failed')],
    'cp-node',
  );
  box.dataset['node'] = node.name;
  box.append(
    details([node.roles.join(', '), node.internalIP, ...node.taints.map((taint) => t('cluster.taint', { taint }))]),
    podList(node.pods, t('cluster.podsOn', { name: node.name })),
  );
  return box;
}

export function unscheduledGroup(pods: UnscheduledPodView[], idPrefix: string): HTMLElement {
  const box = group(`${idPrefix}-unscheduled`, [t('cluster.unscheduled')], 'cp-node cp-unscheduled');
  box.append(
    podList(
      pods,
      t('cluster.unscheduled'),
      pods.map((p) => p.reason),
    ),
  );
  return box;
}

function endpointItem(endpoint: EndpointView): HTMLElement {
  const item = el('li', 'cp-endpoint');
  item.dataset['endpoint'] = endpoint.ip;
  if (endpoint.ready) item.dataset['ready'] = '';
  const address = endpoint.ports.length === 0 ? endpoint.ip : endpoint.ports.map((p) => `${endpoint.ip}:${p}`).join(', ');
  item.append(el('span', 'cp-address', address));
  if (endpoint.pod)
    item.append(
      ' ',
      el('span', '', endpoint.node ? t('cluster.endpointOn', { pod: endpoint.pod, node: endpoint.node }) : endpoint.pod),
    );
  if (!endpoint.ready) item.append(' ', statusBadge(t('cluster.notReady'), 'progress'));
  return item;
}

export function serviceGroup(service: ServiceView, idPrefix: string): HTMLElement {
  const box = group(`${idPrefix}-svc-${service.namespace}-${service.name}`, [el('span', 'cp-name', service.name)], 'cp-service');
  box.dataset['service'] = `${service.namespace}/${service.name}`;
  box.append(
    details([
      service.namespace,
      service.type,
      service.clusterIP,
      service.ports,
      service.selector && t('cluster.selector', { selector: service.selector }),
      service.type !== 'ExternalName' && service.externalIP !== '<none>' && t('cluster.externalIp', { ip: service.externalIP }),
    ]),
  );
  if (service.note) box.append(el('p', 'cp-note', service.note));
  if (service.endpoints.length > 0) {
    const list = el('ul', 'cp-endpoints');
    list.setAttribute('aria-label', t('cluster.endpointsOf', { name: service.name }));
    list.append(...service.endpoints.map(endpointItem));
    box.append(list);
  }
  return box;
}

export function workloadList(workloads: ClusterView['workloads']): HTMLElement {
  const items: HTMLElement[] = [];
  const item = (title: string, parts: (string | null)[]) => {
    const li = el('li', 'cp-workload');
    li.append(el('span', 'cp-name', title), ' ', el('span', 'cp-meta-inline', parts.filter(Boolean).join(' · ')));
    items.push(li);
  };
  for (const d of workloads.deployments) {
    item(t('cluster.deployment', { name: d.name }), [
      d.namespace,
      t('cluster.readyOf', { ready: d.ready }),
      d.replicaSet && t('cluster.currentReplicaSet', { name: d.replicaSet }),
    ]);
  }
  for (const rs of workloads.replicaSets) {
    item(t(rs.kind === 'ReplicaSet' ? 'cluster.replicaSet' : 'cluster.replicationController', { name: rs.name }), [
      rs.namespace,
      t('cluster.readyOf', { ready: `${rs.ready}/${rs.desired}` }),
      rs.owner && t('cluster.ownedBy', { owner: rs.owner }),
    ]);
  }
  for (const ds of workloads.daemonSets) {
    item(t('cluster.daemonSet', { name: ds.name }), [ds.namespace, t('cluster.readyOf', { ready: `${ds.ready}/${ds.desired}` })]);
  }
  if (items.length === 0) return el('p', 'cp-empty', t('cluster.noWorkloads'));
  const list = el('ul', 'cp-workloads');
  list.append(...items);
  return list;
}

export function requestView(path: RequestPath | null): HTMLElement[] {
  if (!path) return [el('p', 'cp-empty', t('cluster.noRequest'))];
  const summary = el('p', 'cp-line');
  summary.append(el('span', 'cp-name', path.summary), statusBadge(path.outcome, path.connected ? 'ok' : 'failed'));
  const steps = el('ol', 'cp-steps');
  steps.append(...path.steps.map((step) => el('li', '', step)));
  return [summary, steps];
}
