// DescribePodTemplate and getPodStatusForController: the `Pod Template:` block shared by the
// workload describers, and the `Pods Status:` counts of the pods a controller owns

import { controllerOf } from '../../api/meta.ts';
import { matchesRequirements, type Selector } from '../../api/validation/selectors.ts';
import type { Pod, PodTemplateSpec } from '../../api/types.ts';
import { describeContainers } from './containers.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';
import { describeVolumes } from './volumes.ts';
import type { DescribeCluster } from './events.ts';

export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec;
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers, undefined, null, '  ');
  }
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, null, '  ');
  describeVolumes(w, spec.volumes, '  ');
  const priorityClassName = (spec as { priorityClassName?: string }).priorityClassName;
  if (priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** getPodStatusForController: pods the selector matches that this controller (by uid) owns */
export function podStatusForController(
  cluster: DescribeCluster,
  namespace: string | undefined,
  selector: Selector,
  uid: string | undefined,
): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of cluster.api.list<Pod>('Pod', namespace ?? 'default')) {
    if (!matchesRequirements(selector, pod.metadata.labels)) continue;
    if (controllerOf(pod)?.uid !== uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

export const podsStatusText = (c: PodCounts): string =>
  `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
