// describePod: where the pod runs, its status and IPs, who controls it, every container with
// its state, the conditions, volumes, QoS class, node selectors, tolerations and events

import type { KubeEvent, Pod } from '../../api/types.ts';
import { age } from '../printers/duration.ts';
import { describeContainers, type EnvResolver } from './containers.ts';
import { describeEvents } from './events.ts';
import { controlledBy, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z } from './format.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.ts';
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from './quantity.ts';
import { describeVolumes } from './volumes.ts';

export function describePod(pod: Pod, events: KubeEvent[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = pod.spec;
    const status = pod.status ?? {};
    const meta = pod.metadata;
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    const priorityClassName = (spec as { priorityClassName?: string }).priorityClassName;
    if (priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${priorityClassName}\n`);
    const runtimeClassName = (spec as { runtimeClassName?: string }).runtimeClassName;
    if (runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${age(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = (spec.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)
      ?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    if (!status.podIPs || status.podIPs.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
    else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controller = controlledBy(pod);
    if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
    const nominated = (status as { nominatedNodeName?: string }).nominatedNodeName;
    if (nominated) w.write(LEVEL_0, `NominatedNodeName:\t${nominated}\n`);
    const resolve = envResolver(pod);
    if (spec.initContainers && spec.initContainers.length > 0) {
      describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, resolve, '');
    }
    describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, resolve, '');
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec.volumes, '');
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass ?? computeQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    if (events) describeEvents(w, events, now);
  });
}

/** EnvValueRetriever: the downward-API field paths a pod can resolve */
function envResolver(pod: Pod): EnvResolver {
  return (path) => {
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? '';
    const status = pod.status ?? {};
    const values: Record<string, string | undefined> = {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': pod.metadata.namespace,
      'metadata.uid': pod.metadata.uid,
      'spec.nodeName': pod.spec.nodeName,
      'spec.serviceAccountName': pod.spec.serviceAccountName,
      'status.hostIP': status.hostIP,
      'status.hostIPs': status.hostIPs?.map((x) => x.ip).join(','),
      'status.podIP': status.podIP,
      'status.podIPs': status.podIPs?.map((x) => x.ip).join(','),
    };
    return values[path] ?? '';
  };
}

/** qos.GetPodQOS when the status has no class yet: requests and limits of cpu and memory */
export function computeQOS(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const add = (into: Map<string, Quantity>, name: string, q: Quantity) => {
    const have = into.get(name);
    into.set(name, have ? addQuantity(q, have) : q);
  };
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    for (const [name, text] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseQuantity(text);
      if ((name === 'cpu' || name === 'memory') && q && q.n > 0n) add(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, text] of Object.entries(c.resources?.limits ?? {})) {
      const q = parseQuantity(text);
      if ((name === 'cpu' || name === 'memory') && q && q.n > 0n) {
        found.add(name);
        add(limits, name, q);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
