// a shell as a terminal drives it: lines arrive one at a time, a command runs once it is
// complete (an open quote, a heredoc or a trailing | asks for more), and it is kept in history.
// a command may open a shell of its own in the session's place (kubectl exec -it): the session
// keeps a stack of shells, typed lines go to the innermost, and when it exits the command that
// opened it carries on.
import { Interrupt } from '../clock.ts';
import type { NestedShell, Output } from './command.ts';
import { parse } from './parser.ts';
import type { Shell } from './shell.ts';

/** `entered`: a command opened a shell that now waits for input (see `prompt`) */
export type FeedResult = { kind: 'more' } | { kind: 'ran'; status: number } | { kind: 'entered' };

export interface PromptParts {
  user: string;
  host: string;
  dir: string;
  continuation: boolean;
  /** inside a nested shell: its prompt as it prints it ('' when it prints none) */
  inner?: string;
}

type Outcome = { status: number } | { error: unknown };

interface Frame {
  shell: Shell;
  nested: NestedShell | null;
  pending: string;
  /** the input this shell is running, until it finishes (never rejects: a thrown bug is its outcome) */
  running: Promise<Outcome> | null;
  /** settles the `openShell` of the command that opened this frame */
  close: ((status: number) => void) | null;
}

export class ShellSession {
  private readonly frames: Frame[];
  /** woken when a command opens a nested shell */
  private openedWaiters = new Set<() => void>();
  /** true when a terminal types the lines (the web terminal, the CLI on a TTY) */
  tty = false;
  /** the terminal's width, kept current by the terminal */
  columns = 80;

  constructor(readonly shell: Shell) {
    this.frames = [{ shell, nested: null, pending: '', running: null, close: null }];
    this.serve(shell);
  }

  /** the shell that reads the next line: the innermost nested one, or the machine's own */
  get current(): Shell {
    return this.top.shell;
  }

  /** how many nested shells are open */
  get depth(): number {
    return this.frames.length - 1;
  }

  /** true while earlier lines wait for the rest of a command */
  get continuing(): boolean {
    return this.top.pending !== '';
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  /** the prompt for the next line: PS1, or PS2 (`> `) inside an unfinished command */
  prompt(): PromptParts {
    const top = this.top;
    if (top.nested) {
      return { user: '', host: '', dir: '', continuation: this.continuing, inner: top.nested.prompt(this.continuing) };
    }
    const fs = this.shell.fs;
    const dir = fs.cwd === fs.home ? '~' : fs.cwd.startsWith(fs.home + '/') ? '~' + fs.cwd.slice(fs.home.length) : fs.cwd;
    return { user: 'learner', host: 'laptop', dir, continuation: this.continuing };
  }

  /** the prompt as plain text, for places without colour */
  promptText(): string {
    const p = this.prompt();
    if (p.inner !== undefined) return p.inner;
    return p.continuation ? '> ' : `${p.user}@${p.host}:${p.dir}$ `;
  }

  async feedLine(line: string, out: Output, interrupt = new Interrupt()): Promise<FeedResult> {
    const frame = this.top;
    const source = frame.pending + line + '\n';
    const parsed = parse(source);
    if (parsed.kind === 'incomplete') {
      frame.pending = source;
      return { kind: 'more' };
    }
    frame.pending = '';
    frame.running = this.execute(frame, source, out, interrupt);
    return this.settle();
  }

  /**
   * input ended at an empty prompt inside a nested shell (Ctrl-D): it says so as that shell
   * does and exits with its last status; what opened it carries on
   */
  async eof(out: Output): Promise<FeedResult> {
    const frame = this.top;
    if (!frame.nested) return { kind: 'ran', status: this.shell.lastStatus };
    frame.pending = '';
    frame.nested.eof(out);
    this.close(frame, frame.shell.lastStatus);
    return this.settle();
  }

  /** end of input: whatever is pending runs (or fails) as bash would at end of file, nested shells end too */
  async finish(out: Output): Promise<number | null> {
    let last: number | null = null;
    for (;;) {
      const frame = this.top;
      let result: FeedResult;
      if (frame.pending) {
        const source = frame.pending;
        frame.pending = '';
        frame.running = this.execute(frame, source, out, new Interrupt());
        result = await this.settle();
      } else if (frame.nested) {
        frame.nested.eof(out);
        this.close(frame, frame.shell.lastStatus);
        result = await this.settle();
      } else {
        return last;
      }
      if (result.kind === 'ran') last = result.status;
    }
  }

  /** drops an unfinished command, as Ctrl-C at a `>` prompt does */
  cancel(): void {
    this.top.pending = '';
  }

  private execute(frame: Frame, source: string, out: Output, interrupt: Interrupt): Promise<Outcome> {
    const entry = source.replace(/\n$/, '');
    if (entry.trim() !== '' && !/^\s/.test(entry)) frame.shell.history.push(entry);
    const sink = frame.nested?.input?.(source, out) ?? out;
    frame.shell.lineNumber += source.split('\n').length - 1;
    return frame.shell.run(source, sink, interrupt).then(
      (status) => ({ status }),
      (error: unknown) => ({ error }),
    );
  }

  /** waits until the session is idle at a prompt: the innermost shell's input has run, or opened another shell */
  private async settle(): Promise<FeedResult> {
    for (;;) {
      const frame = this.top;
      const running = frame.running;
      if (!running) return { kind: 'entered' };
      let wake = (): void => {};
      const opened = new Promise<null>((resolve) => {
        wake = () => resolve(null);
        this.openedWaiters.add(wake);
      });
      const outcome = await Promise.race([running, opened]);
      this.openedWaiters.delete(wake);
      if (outcome === null) continue;
      frame.running = null;
      // a bug in a command: the shell is at its prompt again, and the caller reports it
      if ('error' in outcome) throw outcome.error;
      if (frame.nested && frame.shell.exitStatus !== null) {
        this.close(frame, frame.shell.exitStatus);
        continue;
      }
      return { kind: 'ran', status: outcome.status };
    }
  }

  private open(nested: NestedShell): Promise<number> {
    return new Promise((resolve) => {
      this.serve(nested.shell);
      this.frames.push({ shell: nested.shell, nested, pending: '', running: null, close: resolve });
      for (const wake of [...this.openedWaiters]) wake();
    });
  }

  private close(frame: Frame, status: number): void {
    const index = this.frames.indexOf(frame);
    if (index <= 0) return;
    this.frames.splice(index);
    frame.close?.(status);
  }

  /** lets the shell's commands open nested shells and ask whether input is a terminal */
  private serve(shell: Shell): void {
    const tty = () => this.tty;
    const columns = () => this.columns;
    shell.terminal = {
      openShell: (nested) => this.open(nested),
      get stdinIsTerminal() {
        return tty();
      },
      get terminalColumns() {
        return columns();
      },
    };
  }
}
