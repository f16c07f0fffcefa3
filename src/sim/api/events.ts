// the event recorder components use (scheduler, kubelet, controllers): core/v1 Events in the
// object's namespace, with repeats folded into one event whose count grows, as client-go's
// correlator (its eventLogger) does

import type { ApiServer } from './apiserver.ts';
import { randomUid, timestamp } from './meta.ts';
import type { KubeEvent, KubeObject } from './types.ts';

export interface EventSource {
  component: string;
  host?: string;
}

/** client-go's eventLogger remembers 4096 distinct events (an LRU) and folds only into those: here two
 *  generations of that size approximate it (a hit moves the key into the newer one) */
const MAX_REMEMBERED = 4096;

/** one remembered event: client-go's key (source, object, fieldPath, type, reason, message) and its name */
interface Remembered {
  component: string;
  host: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
  name: string;
}

/** the remembered events of one generation, by the object they are about, then by message */
class Generation {
  private readonly byObject = new Map<string, Map<string, Remembered[]>>();
  size = 0;

  find(uid: string, k: Omit<Remembered, 'name'>): Remembered | undefined {
    // nested maps on strings the caller already has: no long key is built and hashed per event
    return this.byObject
      .get(uid)
      ?.get(k.message)
      ?.find(
        (r) =>
          r.reason === k.reason &&
          r.type === k.type &&
          r.component === k.component &&
          r.host === k.host &&
          r.fieldPath === k.fieldPath,
      );
  }

  add(uid: string, r: Remembered): void {
    let byMessage = this.byObject.get(uid);
    if (!byMessage) this.byObject.set(uid, (byMessage = new Map()));
    const list = byMessage.get(r.message);
    if (list) list.push(r);
    else byMessage.set(r.message, [r]);
    this.size += 1;
  }
}

export class EventRecorder {
  private seq = 0;
  private folded = new Generation();
  private olderFolded = new Generation();

  constructor(private readonly api: ApiServer) {}

  record(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = obj.metadata.namespace ?? 'default';
    const now = timestamp(this.api.clock.now());
    const uid = obj.metadata.uid!;
    const key = { component: source.component, host: source.host ?? '', fieldPath: fieldPath ?? '', type, reason, message };
    const known = this.folded.find(uid, key) ?? this.olderFolded.find(uid, key);
    const existing = known ? this.api.get<KubeEvent>('Event', namespace, known.name) : undefined;
    if (existing) {
      this.remember(uid, { ...key, name: existing.metadata.name! });
      this.api.writeStatus({ ...existing, metadata: { ...existing.metadata }, count: existing.count + 1, lastTimestamp: now });
      return;
    }
    this.seq += 1;
    // like upstream's `<name>.<hex of the creation time in ns>`: 16 hex digits, unique per event
    const seconds = Math.floor(this.api.clock.now() / 1000);
    const name = `${obj.metadata.name}.${(0x180000000 + seconds).toString(16).slice(-8)}${this.seq.toString(16).padStart(8, '0')}`;
    const involvedObject: KubeEvent['involvedObject'] = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name!,
      uid: obj.metadata.uid!,
      resourceVersion: obj.metadata.resourceVersion!,
    };
    if (obj.metadata.namespace) involvedObject.namespace = obj.metadata.namespace;
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    // events skip validation and admission: components write them, and there are many
    const ns = this.api.store.get('namespaces', undefined, namespace) as { status?: { phase?: string } } | undefined;
    if (!ns || ns.status?.phase === 'Terminating') return;
    event.metadata.uid = randomUid(this.api.random);
    event.metadata.creationTimestamp = now;
    this.api.store.put('events', event);
    this.remember(uid, { ...key, name });
  }

  private remember(uid: string, entry: Remembered): void {
    if (this.folded.find(uid, entry)) return;
    if (this.folded.size >= MAX_REMEMBERED) {
      this.olderFolded = this.folded;
      this.folded = new Generation();
    }
    this.folded.add(uid, entry);
  }

  /** events about an object, oldest first, as describe shows them */
  eventsFor(obj: KubeObject): KubeEvent[] {
    const namespace = obj.metadata.namespace ?? 'default';
    return this.api
      .list<KubeEvent>('Event', namespace)
      .filter((e) => e.involvedObject.uid === obj.metadata.uid)
      .sort((a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp) || a.metadata.name!.localeCompare(b.metadata.name!));
  }
}
