// test helper for journals: a learner at the real terminal (TerminalSession on a real-time
// machine, as in the page) with vitest's fake timers standing in for the wall clock, recorded
// into a journal. the caller turns fake timers on before and off after.
import { vi } from 'vitest';
import { TerminalSession } from '../terminal/terminal-session.ts';
import { JournalRecorder, recordSession, type Journal } from './journal.ts';
import { createLearnerMachine, type LearnerMachine } from './machine.ts';
import type { Output } from './shell/command.ts';

export interface RecordedTerminal {
  machine: LearnerMachine;
  recorder: JournalRecorder;
  /** what each line (or Ctrl-D) printed, in the order the session ran them */
  outputs: string[];
  /** types `text` and Enter, then lets wall time pass until the prompt is back */
  type(text: string): Promise<void>;
  /** types `text` and Enter, and presses Ctrl-C `afterMs` later */
  typeAndInterrupt(text: string, afterMs: number): Promise<void>;
  /** Ctrl-C or Ctrl-D at the prompt */
  press(key: 'ctrl-c' | 'ctrl-d'): Promise<void>;
  /** the learner reads for a while: wall time passes */
  idle(ms: number): Promise<void>;
  /** the editor saves a file */
  saveFile(path: string, content: string | null): void;
  /** answers for the editor `kubectl edit` opens: each turns the text shown into the text saved, after `ms` */
  edits: { ms: number; change: (text: string) => string | null }[];
}

export const WALL_START = Date.UTC(2026, 2, 2, 9, 0, 0);

export function useWallClock(): void {
  vi.useFakeTimers({ now: WALL_START, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}

/** a learner at a fresh machine, or at one a reload resumed (recording on into its journal) */
export function recordTerminal(from: number | { machine: LearnerMachine; journal: Journal }): RecordedTerminal {
  const machine = typeof from === 'number' ? createLearnerMachine({ seed: from, mode: 'realtime' }) : from.machine;
  const recorder = JournalRecorder.forMachine(machine, typeof from === 'number' ? undefined : from.journal);
  const terminal = new TerminalSession({ write: () => {}, cols: 80 }, machine.session, { color: false });
  recordSession(machine.session, recorder);
  const outputs: string[] = [];
  // the output of whatever ran last, as a terminal would show it after that line
  const { session } = machine;
  const tee = (out: Output): Output => ({
    stdout: (t) => ((outputs[outputs.length - 1] += t), out.stdout(t)),
    stderr: (t) => ((outputs[outputs.length - 1] += t), out.stderr(t)),
    control: out.control,
  });
  const { feedLine, eof } = session;
  session.feedLine = (line, out, interrupt) => (outputs.push(''), feedLine.call(session, line, tee(out), interrupt));
  session.eof = (out) => (outputs.push(''), eof.call(session, tee(out)));
  const edits: RecordedTerminal['edits'] = [];
  machine.session.shell.host = {
    edit: recorder.recordingEditor((_path, text) => {
      const next = edits.shift();
      if (!next) return Promise.resolve(null);
      return new Promise((resolve) => setTimeout(() => resolve(next.change(text)), next.ms));
    }),
  };
  const settle = async () => {
    await vi.advanceTimersByTimeAsync(0);
    while (terminal.busy) await vi.advanceTimersByTimeAsync(10);
  };
  terminal.start();
  return {
    machine,
    recorder,
    outputs,
    edits,
    async type(text) {
      terminal.input(text + '\r');
      await settle();
    },
    async typeAndInterrupt(text, afterMs) {
      terminal.input(text + '\r');
      await vi.advanceTimersByTimeAsync(afterMs);
      terminal.input('\x03');
      await settle();
    },
    async press(key) {
      terminal.input(key === 'ctrl-c' ? '\x03' : '\x04');
      await settle();
    },
    async idle(ms) {
      await vi.advanceTimersByTimeAsync(ms);
    },
    saveFile(path, content) {
      const fs = machine.session.shell.fs;
      if (content === null) fs.remove(path);
      else fs.writeFile(path, content);
      recorder.file(path, content);
    },
  };
}

/** runs `lines` on a machine in virtual time and returns what they printed */
export async function outputOf(machine: LearnerMachine, lines: string[]): Promise<string> {
  let text = '';
  const out: Output = { stdout: (t) => (text += t), stderr: (t) => (text += t) };
  for (const line of lines) {
    text += `$ ${line}\n`;
    await machine.session.feedLine(line, out);
  }
  return text;
}
