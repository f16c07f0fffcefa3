// the workspace's "Cluster" tab: a live picture of the simulated cluster (nodes and their pods,
// Services and their endpoints, workloads, the last request's path). it redraws on the
// workspace's change signal, and only the parts whose picture changed; a polite live region
// says the few changes a learner waits for.
import './cluster-panel.css';
import type { Cluster } from '../../sim/cluster.ts';
import { networkOf } from '../../sim/network/net.ts';
import { clusterChanges } from '../../workspace/cluster-changes.ts';
import { clusterView, type ClusterView, type NamespaceScope } from '../../workspace/cluster-view.ts';
import { requestPath } from '../../workspace/request-path.ts';
import { t } from '../../i18n/index.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { el, nodeGroup, requestView, serviceGroup, unscheduledGroup, workloadList } from './render.ts';

/** announcements that arrive together are said together, after this long */
const ANNOUNCE_DELAY_MS = 600;

interface Keyed {
  json: string;
  element: HTMLElement;
}

/** puts one element per item in `box`, rebuilding only the items whose data changed */
function syncKeyed<T>(
  box: HTMLElement,
  items: T[],
  key: (item: T) => string,
  build: (item: T) => HTMLElement,
  cache: Map<string, Keyed>,
): void {
  const next = new Map<string, Keyed>();
  for (const item of items) {
    const json = JSON.stringify(item);
    const known = cache.get(key(item));
    next.set(key(item), known && known.json === json ? known : { json, element: build(item) });
  }
  cache.clear();
  for (const [k, v] of next) cache.set(k, v);
  const elements = [...next.values()].map((k) => k.element);
  if (elements.length !== box.children.length || elements.some((e, i) => box.children[i] !== e)) box.replaceChildren(...elements);
}

function section(id: string, title: string): { section: HTMLElement; body: HTMLElement } {
  const box = el('section', 'cp-section');
  const heading = el('h2', 'cp-heading', title);
  heading.id = id;
  box.setAttribute('aria-labelledby', id);
  const body = el('div', 'cp-body');
  box.append(heading, body);
  return { section: box, body };
}

let panels = 0;

/** draws the panel into `host` once the simulator runs; returns what stops it */
export function mountClusterPanel(host: HTMLElement, workspace: Workspace): () => void {
  const prefix = `cp${++panels}`;
  const root = el('div', 'cluster-panel');
  const toolbar = el('div', 'cp-toolbar');
  const label = el('label', 'cp-toggle');
  const toggle = el('input');
  toggle.type = 'checkbox';
  label.append(toggle, ' ', t('cluster.showSystem'));
  toolbar.append(label);
  const live = el('div', 'cp-sr-only');
  live.setAttribute('role', 'status');
  const nodes = section(`${prefix}-nodes`, t('cluster.nodes'));
  const nodeGrid = el('div', 'cp-grid');
  const unscheduled = el('div', 'cp-grid');
  nodes.body.append(nodeGrid, unscheduled);
  const services = section(`${prefix}-services`, t('cluster.services'));
  const workloads = section(`${prefix}-workloads`, t('cluster.workloads'));
  const request = section(`${prefix}-request`, t('cluster.lastRequest'));
  root.append(toolbar, live, nodes.section, services.section, workloads.section, request.section);
  host.replaceChildren(root);

  let scope: NamespaceScope = 'mine';
  let shown: ClusterView | null = null;
  let shownJson = '';
  let workloadsJson = '';
  const nodeCache = new Map<string, Keyed>();
  const serviceCache = new Map<string, Keyed>();
  // what was last said aloud: changes are measured from it, so a burst of frames makes one sentence
  let spoken: ClusterView | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const announceSoon = (): void => {
    announceTimer ??= setTimeout(() => {
      announceTimer = undefined;
      const messages = spoken && shown ? clusterChanges(spoken, shown) : [];
      spoken = shown;
      // a fresh node each time: screen readers announce an addition even when the words repeat
      if (messages.length > 0) live.replaceChildren(el('span', '', messages.join('. ')));
    }, ANNOUNCE_DELAY_MS);
  };

  /** `speak`: say what changed; otherwise (first draw, another scope) the picture is the new baseline */
  const render = (cluster: Cluster, speak: boolean): void => {
    const view = clusterView(cluster, { namespaces: scope });
    const json = JSON.stringify(view);
    if (json === shownJson) return;
    shown = view;
    if (!speak) {
      spoken = view;
      clearTimeout(announceTimer);
      announceTimer = undefined;
    } else announceSoon();
    shownJson = json;
    syncKeyed(
      nodeGrid,
      view.nodes,
      (n) => n.name,
      (n) => nodeGroup(n, prefix),
      nodeCache,
    );
    unscheduled.replaceChildren(...(view.unscheduled.length > 0 ? [unscheduledGroup(view.unscheduled, prefix)] : []));
    syncKeyed(
      services.body,
      view.services,
      (s) => `${s.namespace}/${s.name}`,
      (s) => serviceGroup(s, prefix),
      serviceCache,
    );
    if (view.services.length === 0) services.body.replaceChildren(el('p', 'cp-empty', t('cluster.noServices')));
    const nextWorkloads = JSON.stringify(view.workloads);
    if (nextWorkloads !== workloadsJson) {
      workloadsJson = nextWorkloads;
      workloads.body.replaceChildren(workloadList(view.workloads));
    }
  };

  const stops: (() => void)[] = [];
  let frame = 0;
  const start = (cluster: Cluster): void => {
    const network = networkOf(cluster);
    const drawRequest = (): void => {
      frame = 0;
      const last = network.traces.at(-1);
      request.body.replaceChildren(...requestView(last ? requestPath(last) : null));
    };
    render(cluster, false);
    drawRequest();
    stops.push(workspace.onChange(() => render(cluster, true)));
    // a loop of curls makes many traces per frame: draw the last one once
    stops.push(network.onTrace(() => void (frame ||= requestAnimationFrame(drawRequest))));
    toggle.addEventListener('change', () => {
      scope = toggle.checked ? 'all' : 'mine';
      render(cluster, false);
    });
  };
  let stopped = false;
  void workspace.ready().then((current) => {
    if (!stopped) start(current.machine.world.cluster);
  });
  return () => {
    stopped = true;
    for (const stop of stops) stop();
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(announceTimer);
  };
}
