// describeService and describeEndpoints: a Service's type, IPs and ports with the ready
// endpoints behind each port (formatEndpointSlices: at most three, then `+ N more...`), and an
// Endpoints object's subsets

import { selectorFromSet, matchesRequirements } from '../../api/validation/selectors.ts';
import type { EndpointSlice, Endpoints, KubeEvent, Pod, Service } from '../../api/types.ts';
import { formatLabels } from '../printers/row-helpers.ts';
import { describeEvents, type DescribeCluster } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.ts';

/** the parts of a discovery/v1 EndpointSlice that describe reads */
export interface SliceView {
  ports: { name: string; port: number }[];
  endpoints: { address: string; ready: boolean }[];
}

/**
 * a Service's slices, found by their kubernetes.io/service-name label as describe lists them. a
 * store that never held an EndpointSlice (the describe tests' hand-filled clusters) stands in for a
 * cluster without the discovery API: there they come from the Endpoints object, or from the pods
 * as the EndpointSlice controller would cut them
 */
export function endpointSlicesFor(cluster: DescribeCluster, svc: Service): SliceView[] {
  if (cluster.store.resources().includes('endpointslices')) {
    return cluster.api
      .list<EndpointSlice>('EndpointSlice', svc.metadata.namespace)
      .filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
      .map((slice) => ({
        ports: (slice.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port ?? 0 })),
        // a nil ready condition counts as ready
        endpoints: (slice.endpoints ?? []).map((e) => ({ address: e.addresses[0] ?? '', ready: e.conditions?.ready !== false })),
      }));
  }
  const ep = cluster.api.get<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name ?? '');
  if (ep) {
    return (ep.subsets ?? []).map((s) => ({
      ports: (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port })),
      endpoints: [
        ...(s.addresses ?? []).map((a) => ({ address: a.ip, ready: true })),
        ...(s.notReadyAddresses ?? []).map((a) => ({ address: a.ip, ready: false })),
      ],
    }));
  }
  if (Object.keys(svc.spec.selector ?? {}).length === 0) return [];
  const selector = selectorFromSet(svc.spec.selector);
  // the controller keeps a placeholder slice while there are no endpoints: describe prints an empty list
  const slices = new Map<string, SliceView>([['', { ports: [], endpoints: [] }]]);
  for (const pod of cluster.api.list<Pod>('Pod', svc.metadata.namespace)) {
    const ip = pod.status?.podIP;
    if (!ip || !matchesRequirements(selector, pod.metadata.labels)) continue;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const ports = (svc.spec.ports ?? []).flatMap((sp) => {
      const port = resolveTargetPort(pod, sp.targetPort ?? sp.port);
      return port === undefined ? [] : [{ name: sp.name ?? '', port }];
    });
    const key = JSON.stringify(ports);
    const slice = slices.get(key) ?? { ports, endpoints: [] };
    slices.set(key, slice);
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
    slice.endpoints.push({
      address: ip,
      ready: (ready && !pod.metadata.deletionTimestamp) || svc.spec.publishNotReadyAddresses === true,
    });
  }
  if (slices.size > 1) slices.delete('');
  return [...slices.values()];
}

/** podutil.FindPort: a number as it is, a name looked up among the containers' ports */
function resolveTargetPort(pod: Pod, target: number | string): number | undefined {
  if (typeof target === 'number') return target;
  for (const c of pod.spec.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target);
    if (found) return found.containerPort;
  }
  return undefined;
}

const joinHostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpointSlices for one port name; quirks kept: `more` is decided before readiness */
export function formatEndpointSlices(slices: readonly SliceView[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const targets = slice.ports.length === 0 ? [undefined] : slice.ports.filter((p) => p.name === portName);
    for (const port of targets) {
      for (const endpoint of slice.endpoints) {
        if (list.length === max) more = true;
        if (!endpoint.ready) continue;
        if (!more) list.push(port ? joinHostPort(endpoint.address, port.port) : endpoint.address);
        count++;
      }
    }
  }
  return more ? `${list.join(',')} + ${count - max} more...` : list.join(',');
}

export function describeService(svc: Service, cluster: DescribeCluster, events: KubeEvent[] | null, now: number): string {
  const slices = endpointSlicesFor(cluster, svc);
  return tabbedString((w) => {
    const spec = svc.spec;
    w.write(LEVEL_0, `Name:\t${svc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')));
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list.join(', ')}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      const protocol = sp.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${protocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    }
    const trafficDistribution = (spec as { trafficDistribution?: string }).trafficDistribution;
    if (trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${trafficDistribution}\n`);
    if (events) describeEvents(w, events, now);
  });
}

export function describeEndpoints(ep: Endpoints, events: KubeEvent[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      if (subset.ports && subset.ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of subset.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(w, events, now);
  });
}
