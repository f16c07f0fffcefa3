// writes a journal as the learner works. the terminal and the editor report what happened;
// each entry is stamped with cluster time, caught up to the wall clock first so that a line
// typed right after a command ends is never stamped before the end of that command.
import type { Interrupt } from './clock.ts';
import { JOURNAL_VERSION, type Journal, type JournalEntry } from './journal-schema.ts';
import type { LearnerMachine } from './machine.ts';
import type { Output } from './shell/command.ts';
import type { FeedResult, ShellSession } from './shell/session.ts';

export interface RecorderSetup {
  seed: number;
  preset: string;
  /** the cluster clock at hand-over, in ms since the epoch */
  startedAt: number;
  /** cluster time now, in ms since the epoch */
  now: () => number;
  /** entries recorded before (a replayed journal that goes on) */
  entries?: readonly JournalEntry[];
  /** called after each entry, e.g. to save the journal */
  onEntry?: (entry: JournalEntry) => void;
}

export class JournalRecorder {
  private readonly entries: JournalEntry[];

  constructor(private readonly setup: RecorderSetup) {
    this.entries = [...(setup.entries ?? [])];
  }

  /** records for `machine`; `journal` (the one it was replayed from) goes on */
  static forMachine(machine: LearnerMachine, journal?: Journal, onEntry?: (entry: JournalEntry) => void): JournalRecorder {
    if (
      journal &&
      (journal.seed !== machine.seed || journal.preset !== machine.preset || journal.startedAt !== machine.startedAt)
    ) {
      throw new Error('JournalRecorder.forMachine: the journal is not the one this machine was replayed from');
    }
    return new JournalRecorder({
      seed: machine.seed,
      preset: machine.preset,
      startedAt: machine.startedAt,
      now: () => {
        machine.catchUp();
        return machine.world.cluster.clock.now();
      },
      ...(journal ? { entries: journal.entries } : {}),
      ...(onEntry ? { onEntry } : {}),
    });
  }

  /** a line handed to the session (when the terminal submits it, not when it is typed ahead) */
  line(text: string): void {
    this.push({ at: this.at(), kind: 'line', text });
  }

  /** Ctrl-D at an empty prompt inside a nested shell */
  eof(): void {
    this.push({ at: this.at(), kind: 'eof' });
  }

  /** Ctrl-C, while a command runs or at a prompt */
  interrupt(): void {
    this.push({ at: this.at(), kind: 'interrupt' });
  }

  /** the editor wrote `path` (null: deleted it) */
  file(path: string, content: string | null): void {
    this.push({ at: this.at(), kind: 'file', path, content });
  }

  /** the learner saved (or, with null, cancelled) the editor `kubectl edit` opened */
  edit(text: string | null): void {
    this.push({ at: this.at(), kind: 'edit', text });
  }

  /** `edit` for a host's editor that records what it returns */
  recordingEditor(
    edit: (path: string, text: string, title?: string) => Promise<string | null>,
  ): (path: string, text: string, title?: string) => Promise<string | null> {
    return async (path, text, title) => {
      const result = await edit(path, text, title);
      this.edit(result);
      return result;
    };
  }

  toJSON(): Journal {
    const { seed, preset, startedAt } = this.setup;
    return { version: JOURNAL_VERSION, seed, preset, startedAt, entries: [...this.entries] };
  }

  private at(): number {
    return Math.max(0, this.setup.now() - this.setup.startedAt);
  }

  private push(entry: JournalEntry): void {
    this.entries.push(entry);
    this.setup.onEntry?.(entry);
  }
}

/**
 * records what a terminal does to `session`: lines, Ctrl-D in nested shells, and Ctrl-C (a
 * command's Interrupt firing, or `cancel` at a prompt). returns what stops recording.
 */
export function recordSession(session: ShellSession, recorder: JournalRecorder): () => void {
  const { feedLine, eof, cancel } = session;
  let recording = true;
  session.feedLine = (line: string, out: Output, interrupt?: Interrupt): Promise<FeedResult> => {
    if (recording) {
      recorder.line(line);
      interrupt?.onInterrupt(() => {
        if (recording) recorder.interrupt();
      });
    }
    return feedLine.call(session, line, out, interrupt);
  };
  session.eof = (out: Output): Promise<FeedResult> => {
    if (recording && session.depth > 0) recorder.eof();
    return eof.call(session, out);
  };
  session.cancel = (): void => {
    if (recording) recorder.interrupt();
    cancel.call(session);
  };
  return () => {
    recording = false;
  };
}
