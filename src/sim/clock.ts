// time for the simulation: virtual in scripts and tests (sleep advances it at once),
// real in the browser. every wait takes an Interrupt so nothing can hang.

/** Ctrl-C for a running command: a flag plus listeners, DOM-free. */
export class Interrupt {
  private fired = false;
  private listeners = new Set<() => void>();

  get interrupted(): boolean {
    return this.fired;
  }

  fire(): void {
    if (this.fired) return;
    this.fired = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }

  /** calls `listener` once on interrupt; returns a function that removes it */
  onInterrupt(listener: () => void): () => void {
    if (this.fired) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** what `date` prints in a container at `ms`: the C locale's format, in UTC (no TZ set) */
export function dateOutput(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${time} UTC ${d.getUTCFullYear()}`;
}

export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  /** waits `ms`; resolves false when interrupted first */
  sleep(ms: number, interrupt?: Interrupt): Promise<boolean>;
}

type Timer = { at: number; seq: number; fire: () => void };

/** A clock that only moves when told to; sleeping moves it. Timers fire in time order. */
export class VirtualClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private seq = 0;
  /** called after all timers due at one instant have fired (the cluster settles here) */
  onTick: (() => void) | null = null;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** runs `fire` when the clock reaches now + ms */
  schedule(ms: number, fire: () => void): void {
    this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, fire });
  }

  /** true while something is scheduled (the cluster still has work coming) */
  hasTimers(): boolean {
    return this.timers.length > 0;
  }

  advance(ms: number): void {
    const target = this.time + Math.max(0, ms);
    for (;;) {
      let next: Timer | undefined;
      for (const timer of this.timers) {
        if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))) {
          next = timer;
        }
      }
      if (!next) break;
      const at = next.at;
      this.time = Math.max(this.time, at);
      // fire every timer due at this instant, including ones they schedule for it
      for (;;) {
        const due = this.timers.filter((t) => t.at <= at).sort((a, b) => a.seq - b.seq);
        if (due.length === 0) break;
        this.timers = this.timers.filter((t) => t.at > at);
        for (const timer of due) timer.fire();
      }
      this.onTick?.();
    }
    this.time = target;
  }

  sleep(ms: number, interrupt?: Interrupt): Promise<boolean> {
    if (interrupt?.interrupted) return Promise.resolve(false);
    this.advance(ms);
    return Promise.resolve(true);
  }
}

/** Wall-clock time, for the browser and the interactive CLI. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number, interrupt?: Interrupt): Promise<boolean> {
    return new Promise((resolve) => {
      if (interrupt?.interrupted) return resolve(false);
      const timer = setTimeout(() => {
        remove?.();
        resolve(true);
      }, ms);
      const remove = interrupt?.onInterrupt(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
  }
}
