// what the cluster panel says aloud: between two pictures of the cluster, only the changes a
// learner waits for — a pod reaching Running, Completed or a failure, and a Service's ready
// endpoints changing. the steps in between (Pending, ContainerCreating) stay silent, so does a
// failure turning into another (ErrImagePull ↔ ImagePullBackOff, over and over), and pods that
// arrive together are counted rather than listed.

import type { ClusterView, PodView } from './cluster-view.ts';
import { t } from '../i18n/index.ts';

const podsOf = (view: ClusterView): PodView[] => [...view.nodes.flatMap((n) => n.pods), ...view.unscheduled];

const keyOf = (obj: { namespace: string; name: string }): string => `${obj.namespace}/${obj.name}`;

/** short sentences for a polite live region; empty when nothing worth saying happened */
export function clusterChanges(before: ClusterView, after: ClusterView): string[] {
  const previous = new Map(podsOf(before).map((p) => [keyOf(p), p.health]));
  // status → the pods that reached it, in the order they are listed
  const reached = new Map<string, string[]>();
  for (const pod of podsOf(after)) {
    if (pod.health === 'progress' || previous.get(keyOf(pod)) === pod.health) continue;
    const names = reached.get(pod.status) ?? [];
    names.push(pod.name);
    reached.set(pod.status, names);
  }
  const messages: string[] = [];
  for (const [status, names] of reached) {
    messages.push(
      names.length === 1
        ? t('cluster.announce.pod', { name: names[0]!, status })
        : t('cluster.announce.pods', { n: names.length, status }),
    );
  }
  const endpoints = new Map(before.services.map((s) => [keyOf(s), s.readyEndpoints]));
  for (const service of after.services) {
    if (service.type === 'ExternalName' || endpoints.get(keyOf(service)) === service.readyEndpoints) continue;
    const n = service.readyEndpoints;
    messages.push(
      n === 1
        ? t('cluster.announce.endpoint', { name: service.name })
        : t('cluster.announce.endpoints', { name: service.name, n }),
    );
  }
  return messages;
}
