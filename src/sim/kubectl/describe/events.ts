// DescribeEvents: the `Events:` table at the end of most describers, oldest first, with ages as
// `5m` or `10s (x3 over 50s)` for folded repeats, and the reporting component in the From column

import type { Cluster } from '../../cluster.ts';
import type { KubeEvent, KubeObject } from '../../api/types.ts';
import { age, parseTime } from '../printers/duration.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';

/** what describers read of the cluster: the apiserver, the store's owner index and the events */
export type DescribeCluster = Pick<Cluster, 'api' | 'store' | 'events'>;

/** the events describe searches for: same namespace, same involved object uid */
export function eventsAbout(cluster: DescribeCluster, obj: KubeObject): KubeEvent[] {
  return cluster.events.eventsFor(obj);
}

/** a node's events: the controllers name it by uid, the kubelet by its name */
export function nodeEvents(cluster: DescribeCluster, node: KubeObject): KubeEvent[] {
  const name = node.metadata.name;
  return cluster.api
    .list<KubeEvent>('Event')
    .filter(
      (e) =>
        e.involvedObject.kind === 'Node' &&
        e.involvedObject.name === name &&
        (e.involvedObject.uid === node.metadata.uid || e.involvedObject.uid === name),
    );
}

/** event.SortableEvents: by lastTimestamp; the sort is stable for the short lists describe sees */
const byLastTimestamp = (a: KubeEvent, b: KubeEvent): number =>
  (parseTime(a.lastTimestamp) ?? 0) - (parseTime(b.lastTimestamp) ?? 0);

export function describeEvents(w: PrefixWriter, events: readonly KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // the table lines up on its own, apart from the fields above it
  w.flush();
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of [...events].sort(byLastTimestamp)) {
    const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source.component || e.reportingComponent;
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}
