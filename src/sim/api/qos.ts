// a pod's quality-of-service class (qos.GetPodQOS), which the API server records when the pod is
// created and the kubelet keeps in its status

import type { Pod } from './types.ts';

export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = pod.spec.containers;
  const any = containers.some((c) => c.resources?.limits || c.resources?.requests);
  if (!any) return 'BestEffort';
  const guaranteed = containers.every(
    (c) =>
      c.resources?.limits?.['cpu'] &&
      c.resources?.limits?.['memory'] &&
      (!c.resources.requests || JSON.stringify(c.resources.requests) === JSON.stringify(c.resources.limits)),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
