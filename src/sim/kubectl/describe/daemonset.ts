// describeDaemonSet: selector, node selector, how many nodes run an up-to-date and available
// pod, the phases of the pods it owns, the pod template and events

import { labelSelectorAsSelector, requirementsToString } from '../../api/validation/selectors.ts';
import type { DaemonSet, KubeEvent } from '../../api/types.ts';
import { formatLabels } from '../printers/row-helpers.ts';
import { describeEvents, type DescribeCluster } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { describePodTemplate, podStatusForController, podsStatusText } from './pod-template.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';

export function describeDaemonSet(ds: DaemonSet, cluster: DescribeCluster, events: KubeEvent[] | null, now: number): string {
  const parsed = labelSelectorAsSelector(ds.spec.selector);
  // upstream gives up on a selector it cannot parse; the apiserver never stores one
  const selector = 'error' in parsed ? [] : parsed.selector;
  const counts = podStatusForController(cluster, ds.metadata.namespace, selector, ds.metadata.uid);
  const status = ds.status;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${requirementsToString(selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(counts)}\n`);
    describePodTemplate(w, ds.spec.template);
    if (events) describeEvents(w, events, now);
  });
}
