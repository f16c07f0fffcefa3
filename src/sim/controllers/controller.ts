// what every controller shares: watch events in, dirty keys out, one reconcile per key

import type { WatchEvent } from '../api/store.ts';

export interface Controller {
  name: string;
  /** looks at an event and marks the keys (`namespace/name`) that need a sync */
  handle(event: WatchEvent): void;
  /** true while keys wait for a sync */
  hasWork(): boolean;
  /** reconciles every dirty key once */
  syncAll(): void;
}

/** a set of keys in insertion order, each queued at most once */
export class WorkQueue {
  private keys = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  get size(): number {
    return this.keys.size;
  }

  drain(): string[] {
    const keys = [...this.keys];
    this.keys.clear();
    return keys;
  }
}

export function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
