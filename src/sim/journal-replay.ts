// replays a journal into a fresh cluster with the journal's seed. cluster time jumps from entry
// to entry (a learner away for a day costs one jump); a command's waits pass in virtual time and
// stop where the learner pressed Ctrl-C, so a watch ends at the same cluster time as it did.
import { Interrupt, RealClock, type Clock } from './clock.ts';
import { TerminalClock } from './journal-clock.ts';
import { parseJournal, type Journal, type JournalEntry } from './journal-schema.ts';
import { createLearnerMachine, type LearnerMachine } from './machine.ts';
import type { Output } from './shell/command.ts';
import { STATUS_INTERRUPTED } from './shell/shell.ts';
import { describeFsError, parentOf, type VirtualFs } from './shell/vfs.ts';
import { PRESETS } from './world.ts';

/**
 * a command still waiting this long after the time of the next thing the learner typed has gone
 * another way than it did for the learner (it had ended by then): it is interrupted there
 */
const DIVERGENCE_GRACE_MS = 1000;

export interface ReplayOptions {
  /** the files the learner started with (a lesson's starter files), unless the journal writes them itself */
  fs?: VirtualFs;
  /**
   * ms after `startedAt` until which a command still running when the journal ends may go on
   * (the page passes "now": a `sleep` typed before a reload completes); by default the last entry's time
   */
  until?: number;
  /** the terminal's width in columns (80) */
  columns?: number;
}

/** what one typed line (or Ctrl-D) printed, stdout and stderr in the order a terminal shows them */
export interface ReplayStep {
  entry: JournalEntry;
  output: string;
}

export type ReplayResult =
  | {
      ok: true;
      /** the machine in virtual time, where the journal left it; `resumeRealtime` lets it follow the wall clock */
      machine: LearnerMachine;
      journal: Journal;
      steps: ReplayStep[];
      /** the whole session as a terminal without colour shows it: prompts, lines, output, ^C */
      transcript: string;
      /** where the replay went another way than the recording (a command outlived the learner's next line, an edit with no editor open) */
      warnings: string[];
    }
  | { ok: false; error: string };

export async function replayJournal(input: unknown, options: ReplayOptions = {}): Promise<ReplayResult> {
  const parsed = parseJournal(input);
  if (!parsed.ok) return parsed;
  const journal = parsed.journal;
  if (!Object.hasOwn(PRESETS, journal.preset)) {
    return {
      ok: false,
      error: `not a kubesim journal: unknown preset "${journal.preset}" (known: ${Object.keys(PRESETS).join(', ')})`,
    };
  }
  const machine = createLearnerMachine({
    seed: journal.seed,
    preset: journal.preset,
    mode: 'replay',
    startAt: journal.startedAt,
    ...(options.fs ? { fs: options.fs } : {}),
  });
  const player = new Player(journal, machine, options);
  await player.play();
  return { ok: true, machine, journal, steps: player.steps, transcript: player.transcript, warnings: player.warnings };
}

/** lets a replayed machine follow the wall clock: cluster time catches up at once, then ticks along */
export function resumeRealtime(machine: LearnerMachine, options: { tickMs?: number; wall?: Clock } = {}): LearnerMachine {
  const clock = machine.clock;
  if (!(clock instanceof TerminalClock) || !clock.virtual) throw new Error('resumeRealtime: the machine is not a replay');
  const stop = clock.followWall(options.wall ?? new RealClock(), options.tickMs);
  return { ...machine, catchUp: () => clock.catchUp(), stop };
}

class Player {
  readonly steps: ReplayStep[] = [];
  readonly warnings: string[] = [];
  transcript = '';
  private cursor = 0;
  private step: ReplayStep | null = null;
  /** per shell depth, the Interrupt of the line that shell runs */
  private interrupts: Interrupt[] = [];
  /** the line that runs now, for warnings */
  private runningLine = '';
  private readonly clock: TerminalClock;
  private readonly until: number;
  private readonly out: Output = {
    stdout: (text) => this.write(text),
    stderr: (text) => this.write(text),
  };

  constructor(
    private readonly journal: Journal,
    private readonly machine: LearnerMachine,
    options: ReplayOptions,
  ) {
    if (!(machine.clock instanceof TerminalClock)) throw new Error('a replay runs on a terminal clock');
    this.clock = machine.clock;
    const lastAt = journal.entries.reduce((max, e) => Math.max(max, e.at), 0);
    this.until = journal.startedAt + Math.max(lastAt, options.until ?? lastAt);
    machine.session.tty = true;
    machine.session.columns = options.columns ?? 80;
  }

  async play(): Promise<void> {
    const shell = this.machine.session.shell;
    const host = shell.host;
    // vi and nano behave as in the page (the file created, no output), without opening anything
    shell.host = { ...host, edit: () => Promise.resolve(this.edit()), openFile: () => {} };
    this.clock.timeline = (target, interrupt) => this.wait(target, interrupt);
    try {
      const entries = this.journal.entries;
      while (this.cursor < entries.length) {
        const entry = entries[this.cursor++]!;
        this.clock.advanceTo(this.time(entry));
        await this.apply(entry);
      }
    } finally {
      this.clock.timeline = null;
      shell.host = host;
    }
  }

  private async apply(entry: JournalEntry): Promise<void> {
    const session = this.machine.session;
    switch (entry.kind) {
      case 'line': {
        this.transcript += session.promptText() + entry.text + '\n';
        const interrupt = new Interrupt();
        this.interrupts.length = session.depth;
        this.interrupts.push(interrupt);
        this.runningLine = entry.text;
        await this.run(entry, () => session.feedLine(entry.text, this.out, interrupt));
        if (interrupt.interrupted) this.transcript += '\n';
        return;
      }
      case 'eof':
        this.transcript += session.promptText();
        return this.run(entry, () => session.eof(this.out));
      case 'interrupt':
        // Ctrl-C at a prompt, as the terminal handles it
        this.transcript += session.promptText() + '^C\n';
        session.cancel();
        session.current.lastStatus = STATUS_INTERRUPTED;
        return;
      case 'file':
        return this.writeFile(entry);
      case 'edit':
        this.warnings.push(`${this.describe(entry)}: an editor save with no kubectl edit waiting for it; skipped`);
    }
  }

  private async run(entry: JournalEntry, feed: () => Promise<unknown>): Promise<void> {
    this.step = { entry, output: '' };
    this.steps.push(this.step);
    try {
      await feed();
    } catch (error) {
      // a bug in a command: the terminal reports it and carries on, and so does the replay
      this.write(`kubesim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    this.step = null;
  }

  /** a command waits until `target`: what the learner did meanwhile happens, Ctrl-C ends the wait */
  private wait(target: number, interrupt: Interrupt | undefined): boolean {
    for (;;) {
      const next = this.journal.entries[this.cursor];
      if (next && (next.kind === 'file' || next.kind === 'interrupt') && this.time(next) <= target) {
        this.cursor++;
        this.clock.advanceTo(this.time(next));
        if (next.kind === 'file') {
          this.writeFile(next);
          continue;
        }
        this.interruptRunning();
        return false;
      }
      const limit = next ? this.time(next) + DIVERGENCE_GRACE_MS : this.until;
      if (target > limit) {
        // the learner typed on (or left) while this still ran: it ends here
        if (next) this.warnings.push(`${this.describe(next)}: "${this.runningLine}" was still running; interrupted it there`);
        this.clock.advanceTo(next ? this.time(next) : this.until);
        this.interruptRunning();
        return false;
      }
      this.clock.advanceTo(target);
      return !interrupt?.interrupted;
    }
  }

  /** kubectl edit opened the editor: the learner's next save (or cancel) answers it */
  private edit(): string | null {
    for (;;) {
      const next = this.journal.entries[this.cursor];
      if (!next || next.kind === 'line' || next.kind === 'eof') {
        if (next) this.warnings.push(`${this.describe(next)}: kubectl edit was waiting for the editor; cancelled it`);
        return null;
      }
      this.cursor++;
      this.clock.advanceTo(this.time(next));
      if (next.kind === 'file') this.writeFile(next);
      // Ctrl-C while the editor is open reaches kubectl edit only once the editor closes
      else if (next.kind === 'interrupt') this.interruptRunning();
      else return next.text;
    }
  }

  private interruptRunning(): void {
    const interrupt = this.interrupts[this.machine.session.depth];
    if (!interrupt || interrupt.interrupted) return;
    this.transcript += '^C';
    interrupt.fire();
  }

  private writeFile(entry: Extract<JournalEntry, { kind: 'file' }>): void {
    const fs = this.machine.session.shell.fs;
    // the editor names files from the home directory, whatever directory the shell is in
    const path = entry.path.startsWith('/') ? fs.resolve(entry.path) : fs.resolve(`${fs.home}/${entry.path}`);
    let error;
    if (entry.content === null) {
      error = fs.remove(path, true);
      if (error === 'ENOENT') error = null;
    } else {
      fs.mkdir(parentOf(path), true);
      error = fs.writeFile(path, entry.content);
    }
    if (error) this.warnings.push(`${this.describe(entry)}: cannot write ${path}: ${describeFsError(error)}`);
  }

  private write(text: string): void {
    this.transcript += text;
    if (this.step) this.step.output += text;
  }

  private time(entry: JournalEntry): number {
    return this.journal.startedAt + entry.at;
  }

  private describe(entry: JournalEntry): string {
    return `entry ${this.journal.entries.indexOf(entry) + 1} (${entry.kind} at ${entry.at} ms)`;
  }
}
