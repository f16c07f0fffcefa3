// the clock a learner's terminal waits on. in the browser it follows the wall clock and, each
// time a wait ends, brings cluster time up to it, so a command that polls sees the cluster as it
// is at that instant. while a journal replays it is virtual: a wait moves cluster time at once,
// and the journal may cut it short where the learner pressed Ctrl-C. either way it is not the
// cluster's own clock, so commands behave as in a terminal (`kubectl get -w` runs until Ctrl-C).
import type { Clock, Interrupt } from './clock.ts';
import type { Cluster } from './cluster.ts';

/**
 * decides how a virtual wait from now to `target` goes: it moves the cluster (to `target`, or
 * to where the learner interrupted) and answers false when the wait was interrupted
 */
export type ReplayTimeline = (target: number, interrupt: Interrupt | undefined) => boolean;

/** in virtual time without a journal, the longest one command may wait: nothing may hang */
export const MAX_VIRTUAL_WAIT_MS = 3600_000;

export class TerminalClock implements Clock {
  private wall: Clock | null = null;
  /** per command (its Interrupt), when it first waited in virtual time without a journal */
  private waitingSince = new WeakMap<Interrupt, number>();
  /** how virtual waits go while a journal replays; without one they simply pass */
  timeline: ReplayTimeline | null = null;

  constructor(private readonly cluster: Cluster) {}

  /** true while time is virtual (a replay), false once it follows the wall clock */
  get virtual(): boolean {
    return this.wall === null;
  }

  now(): number {
    return this.wall ? this.wall.now() : this.cluster.clock.now();
  }

  async sleep(ms: number, interrupt?: Interrupt): Promise<boolean> {
    if (interrupt?.interrupted) return false;
    if (this.wall) {
      const finished = await this.wall.sleep(ms, interrupt);
      this.catchUp();
      return finished;
    }
    const now = this.cluster.clock.now();
    const target = now + Math.max(0, ms);
    if (this.timeline) return this.timeline(target, interrupt);
    if (interrupt) {
      // a watch (or anything else that runs until Ctrl-C) after a replay, with no learner to press it
      const since = this.waitingSince.get(interrupt) ?? now;
      this.waitingSince.set(interrupt, since);
      if (target - since > MAX_VIRTUAL_WAIT_MS) {
        this.advanceTo(since + MAX_VIRTUAL_WAIT_MS);
        interrupt.fire();
        return false;
      }
    }
    this.advanceTo(target);
    return true;
  }

  /** moves cluster time forward to `time` (never back) */
  advanceTo(time: number): void {
    const ms = time - this.cluster.clock.now();
    if (ms > 0) this.cluster.advance(ms);
  }

  /** in real time: brings cluster time up to the wall clock; nothing while virtual */
  catchUp(): void {
    if (this.wall) this.cluster.advance(Math.max(0, this.wall.now() - this.cluster.clock.now()));
  }

  /**
   * from now on follows `wall`: cluster time catches up at once (however long the learner was
   * away), then every `tickMs`. returns what stops the ticking
   */
  followWall(wall: Clock, tickMs = 100): () => void {
    this.wall = wall;
    this.timeline = null;
    this.catchUp();
    const timer = setInterval(() => this.catchUp(), tickMs);
    return () => clearInterval(timer);
  }
}
