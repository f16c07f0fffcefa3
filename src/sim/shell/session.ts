// a shell as a terminal drives it: lines arrive one at a time, a command runs once it is
// complete (an open quote, a heredoc or a trailing | asks for more), and it is kept in history
import { Interrupt } from '../clock.ts';
import type { Output } from './command.ts';
import { parse } from './parser.ts';
import type { Shell } from './shell.ts';

export type FeedResult = { kind: 'more' } | { kind: 'ran'; status: number };

export class ShellSession {
  private pending = '';

  constructor(readonly shell: Shell) {}

  /** true while earlier lines wait for the rest of a command */
  get continuing(): boolean {
    return this.pending !== '';
  }

  /** the prompt for the next line: PS1, or PS2 (`> `) inside an unfinished command */
  prompt(): { user: string; host: string; dir: string; continuation: boolean } {
    const fs = this.shell.fs;
    const dir = fs.cwd === fs.home ? '~' : fs.cwd.startsWith(fs.home + '/') ? '~' + fs.cwd.slice(fs.home.length) : fs.cwd;
    return { user: 'learner', host: 'laptop', dir, continuation: this.continuing };
  }

  /** the prompt as plain text, for places without colour */
  promptText(): string {
    const p = this.prompt();
    return p.continuation ? '> ' : `${p.user}@${p.host}:${p.dir}$ `;
  }

  async feedLine(line: string, out: Output, interrupt = new Interrupt()): Promise<FeedResult> {
    const source = this.pending + line + '\n';
    const parsed = parse(source);
    if (parsed.kind === 'incomplete') {
      this.pending = source;
      return { kind: 'more' };
    }
    this.pending = '';
    return { kind: 'ran', status: await this.execute(source, out, interrupt) };
  }

  /** end of input: whatever is pending runs (or fails) as bash would at end of file */
  async finish(out: Output): Promise<number | null> {
    if (!this.pending) return null;
    const source = this.pending;
    this.pending = '';
    return this.execute(source, out, new Interrupt());
  }

  /** drops an unfinished command, as Ctrl-C at a `>` prompt does */
  cancel(): void {
    this.pending = '';
  }

  private async execute(source: string, out: Output, interrupt: Interrupt): Promise<number> {
    const entry = source.replace(/\n$/, '');
    if (entry.trim() !== '' && !/^\s/.test(entry)) this.shell.history.push(entry);
    return this.shell.run(source, out, interrupt);
  }
}
