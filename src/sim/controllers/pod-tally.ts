// what a ReplicaSet's status counts of its pods, kept up to date from watch events: a sync
// then reads the counts instead of visiting every pod it owns (a thousand-replica rollout
// syncs once per settle round, and most pods have not changed since the last one)

import type { Pod } from '../api/types.ts';

/** the pod matches the selector, is not being deleted and has not finished */
export const ACTIVE = 1;
/** active, and its Ready condition is True */
export const READY = 2;
/** active, and it carries every label of the template */
export const LABELED = 4;
/** matches the selector and is being deleted */
export const TERMINATING = 8;
/** no longer matches the selector and is not being deleted: the next sync releases it */
export const UNCLAIMED = 16;

/**
 * one workload's pods (those it is the controller of), each as the bits above, worked out against
 * one version of the workload's spec; a sync against another spec counts afresh
 */
export class PodTally {
  /** pod uid → its bits */
  private readonly bits = new Map<string, number>();
  active = 0;
  ready = 0;
  labeled = 0;
  terminating = 0;
  unclaimed = 0;

  constructor(
    /** the spec the bits were worked out against (selector, template labels) */
    readonly spec: object,
    /** a pod version's bits, against that spec */
    readonly bitsOf: (pod: Pod) => number,
  ) {}

  /** a pod's latest version: its bits replace whatever the pod counted for before */
  set(uid: string, bits: number): void {
    const before = this.bits.get(uid);
    if (before !== undefined) this.count(before, -1);
    // in place: a key deleted and added again would leave a hole in the map for every pod event
    this.bits.set(uid, bits);
    this.count(bits, 1);
  }

  /** the pod left the workload (deleted, released, or claimed by another) */
  remove(uid: string): void {
    const bits = this.bits.get(uid);
    if (bits === undefined) return;
    this.bits.delete(uid);
    this.count(bits, -1);
  }

  private count(bits: number, by: number): void {
    if (bits & ACTIVE) this.active += by;
    if (bits & READY) this.ready += by;
    if (bits & LABELED) this.labeled += by;
    if (bits & TERMINATING) this.terminating += by;
    if (bits & UNCLAIMED) this.unclaimed += by;
  }
}
