// endpointsliceutil's TriggerTimeTracker: the value of the
// endpoints.kubernetes.io/last-change-trigger-time annotation — the earliest change (a pod's Ready
// transition, the Service's creation) seen since the previous sync of the same Service

import { parseTimestamp } from '../api/meta.ts';
import type { Pod, Service } from '../api/types.ts';

interface State {
  service: number;
  pods: Map<string, number>;
}

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

function podTriggerTime(pod: Pod): number {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return parseTimestamp(ready?.lastTransitionTime) ?? 0;
}

export class TriggerTimeTracker {
  private states = new Map<string, State>();

  /** the trigger time to publish for this sync (0 for none); remembers what it saw */
  compute(key: string, service: Service, pods: readonly Pod[]): number {
    const state = this.states.get(key);
    let min = 0;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (t === 0) continue;
      podTimes.set(pod.metadata.name!, t);
      if (t > (state?.pods.get(pod.metadata.name!) ?? 0) && (min === 0 || t < min)) min = t;
    }
    const created = parseTimestamp(service.metadata.creationTimestamp) ?? 0;
    if (created > (state?.service ?? 0) && (min === 0 || created < min)) min = created;
    this.states.set(key, { service: created, pods: podTimes });
    // a Service seen for the first time reports its own creation
    return state ? min : created;
  }

  delete(key: string): void {
    this.states.delete(key);
  }
}
