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

/** client-go's key of an event: source, object (by uid, kept outside), fieldPath, type, reason, message */
interface EventKey {
  component: string;
  host: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
}

/** one remembered event: its key and its name (a class, so every record has one compact shape) */
class Remembered {
  readonly component: string;
  readonly host: string;
  readonly fieldPath: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;

  constructor(
    key: EventKey,
    readonly name: string,
  ) {
    this.component = key.component;
    this.host = key.host;
    this.fieldPath = key.fieldPath;
    this.type = key.type;
    this.reason = key.reason;
    this.message = key.message;
  }

  is(k: EventKey): boolean {
    return (
      this.message === k.message &&
      this.reason === k.reason &&
      this.type === k.type &&
      this.component === k.component &&
      this.host === k.host &&
      this.fieldPath === k.fieldPath
    );
  }
}

/** an object's remembered events stay a short list, searched in order, up to this many; then they go by message */
const SHORT_LIST = 8;

/** the remembered events of one generation, by the object they are about */
class Generation {
  /** most objects have a few events (a pod's five or six); a workload's SuccessfulCreate can run to thousands */
  private readonly byObject = new Map<string, Remembered[] | Map<string, Remembered[]>>();
  size = 0;

  find(uid: string, k: EventKey): Remembered | undefined {
    // maps on strings the caller already has: no long key is built and hashed per event
    const entries = this.byObject.get(uid);
    const list = entries instanceof Map ? entries.get(k.message) : entries;
    if (!list) return undefined;
    for (let i = 0; i < list.length; i++) if (list[i]!.is(k)) return list[i];
    return undefined;
  }

  add(uid: string, r: Remembered): void {
    this.size += 1;
    const entries = this.byObject.get(uid);
    if (!entries) {
      this.byObject.set(uid, [r]);
    } else if (entries instanceof Map) {
      addByMessage(entries, r);
    } else if (entries.length < SHORT_LIST) {
      entries.push(r);
    } else {
      const byMessage = new Map<string, Remembered[]>();
      for (const e of entries) addByMessage(byMessage, e);
      addByMessage(byMessage, r);
      this.byObject.set(uid, byMessage);
    }
  }
}

function addByMessage(byMessage: Map<string, Remembered[]>, r: Remembered): void {
  const list = byMessage.get(r.message);
  if (list) list.push(r);
  else byMessage.set(r.message, [r]);
}

export class EventRecorder {
  private seq = 0;
  private folded = new Generation();
  private olderFolded = new Generation();
  /** component → host → the source object events share (an event's fields are only read once stored) */
  private sources = new Map<string, Map<string, KubeEvent['source']>>();
  /** the second an event name's time part was last worked out for, and that part */
  private nameSecond = NaN;
  private nameSecondHex = '';

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
    const ms = this.api.clock.now();
    const now = timestamp(ms);
    const uid = obj.metadata.uid!;
    const key: EventKey = {
      component: source.component,
      host: source.host ?? '',
      fieldPath: fieldPath ?? '',
      type,
      reason,
      message,
    };
    const known = this.folded.find(uid, key) ?? this.olderFolded.find(uid, key);
    const existing = known ? this.api.get<KubeEvent>('Event', namespace, known.name) : undefined;
    if (existing) {
      this.remember(uid, key, existing.metadata.name!);
      this.api.writeStatus({ ...existing, metadata: { ...existing.metadata }, count: existing.count + 1, lastTimestamp: now });
      return;
    }
    this.seq += 1;
    // events skip validation and admission: components write them, and there are many
    const ns = this.api.store.get('namespaces', undefined, namespace) as { status?: { phase?: string } } | undefined;
    if (!ns || ns.status?.phase === 'Terminating') return;
    const name = `${obj.metadata.name}.${this.secondHex(Math.floor(ms / 1000))}${this.seq.toString(16).padStart(8, '0')}`;
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      // every field the stored event will have, in its order (the store fills in resourceVersion):
      // fields added one by one would spill out of the object, and there are many events
      metadata: { name, namespace, uid: randomUid(this.api.random), creationTimestamp: now, resourceVersion: '' },
      involvedObject: referenceTo(obj, fieldPath),
      reason,
      message,
      source: this.sourceOf(source),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.api.store.put('events', event);
    this.remember(uid, key, name);
  }

  private sourceOf({ component, host = '' }: EventSource): KubeEvent['source'] {
    let byHost = this.sources.get(component);
    if (!byHost) this.sources.set(component, (byHost = new Map()));
    let source = byHost.get(host);
    if (!source) byHost.set(host, (source = host ? { component, host } : { component }));
    return source;
  }

  /** like upstream's `<name>.<hex of the creation time in ns>`: the time's 8 hex digits, worked out once a second */
  private secondHex(seconds: number): string {
    if (seconds !== this.nameSecond) {
      this.nameSecond = seconds;
      this.nameSecondHex = (0x180000000 + seconds).toString(16).slice(-8);
    }
    return this.nameSecondHex;
  }

  private remember(uid: string, key: EventKey, name: string): void {
    if (this.folded.find(uid, key)) return;
    if (this.folded.size >= MAX_REMEMBERED) {
      this.olderFolded = this.folded;
      this.folded = new Generation();
    }
    this.folded.add(uid, new Remembered(key, name));
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

/** the event's involvedObject; one literal per shape, as fields added one by one would spill out of the object */
function referenceTo(obj: KubeObject, fieldPath: string | undefined): KubeEvent['involvedObject'] {
  const { apiVersion, kind } = obj;
  const name = obj.metadata.name!;
  const uid = obj.metadata.uid!;
  const resourceVersion = obj.metadata.resourceVersion!;
  const namespace = obj.metadata.namespace;
  if (namespace && fieldPath) return { apiVersion, kind, name, uid, resourceVersion, namespace, fieldPath };
  if (namespace) return { apiVersion, kind, name, uid, resourceVersion, namespace };
  if (fieldPath) return { apiVersion, kind, name, uid, resourceVersion, fieldPath };
  return { apiVersion, kind, name, uid, resourceVersion };
}
