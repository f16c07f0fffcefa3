// binds a ShellSession to any terminal that can write text and report its width:
// prompt, line editing, history, completion, typeahead while a command runs, Ctrl-C.
import { Interrupt } from '../sim/clock.ts';
import type { Output } from '../sim/shell/command.ts';
import type { ShellSession } from '../sim/shell/session.ts';
import { STATUS_INTERRUPTED } from '../sim/shell/shell.ts';
import { complete } from './completion.ts';
import { HistoryCursor } from './history-cursor.ts';
import { parseKeys, type Key } from './keys.ts';
import * as edit from './line-buffer.ts';
import { sanitizeOutput, visibleWidth } from './sanitize.ts';

/** the five things the session needs from a terminal (xterm in the page, a TTY in the CLI) */
export interface TerminalLike {
  write(data: string): void;
  readonly cols: number;
  /** clears screen and scrollback; without it an escape sequence is written */
  clear?(): void;
}

export interface TerminalSessionOptions {
  color: boolean;
  /** Ctrl-D on an empty line at the top-level prompt (inside a pod shell it leaves that shell) */
  onEof?: () => void;
  /** called after each command finishes (history and files may have changed) */
  onCommandDone?: () => void;
}

const RED = '\x1b[31m';
const RESET = '\x1b[0m';

export class TerminalSession {
  private line: edit.LineBuffer = edit.emptyLine;
  private history: HistoryCursor;
  private running: Interrupt | null = null;
  private typeahead = '';
  /** the cursor's offset from the start of the prompt, in cells */
  private cursorCell = 0;
  private promptShown = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly term: TerminalLike,
    readonly session: ShellSession,
    private readonly options: TerminalSessionOptions,
  ) {
    this.history = new HistoryCursor(session.current.history);
    // a person types here: `kubectl exec -it` gets its TTY
    session.tty = true;
    session.columns = term.cols;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** writes the first prompt */
  start(): void {
    this.showPrompt();
  }

  /** raw input from the terminal */
  input(data: string): void {
    if (this.running) {
      if (data.includes('\x03')) {
        this.term.write('^C');
        this.running.fire();
        this.typeahead = '';
      } else {
        this.typeahead += data;
      }
      return;
    }
    const keys = parseKeys(data);
    for (let i = 0; i < keys.length; i++) {
      if (this.running) {
        // a command started mid-paste: the rest waits as typeahead
        this.typeahead += keysToText(keys.slice(i));
        return;
      }
      this.handleKey(keys[i]!);
    }
  }

  /** resolves when no command is running */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** types a command at the prompt and runs it, as a click-to-run block does */
  async type(command: string): Promise<void> {
    await this.whenIdle();
    this.line = edit.emptyLine;
    this.redraw();
    this.input(command.replace(/\n/g, '\r') + '\r');
    await this.whenIdle();
  }

  private prompt(): string {
    const p = this.session.prompt();
    // a shell inside a container prompts as it does there
    if (p.inner !== undefined) return p.inner;
    if (p.continuation) return '> ';
    if (!this.options.color) return this.session.promptText();
    return `\x1b[1;32m${p.user}@${p.host}${RESET}:\x1b[1;34m${p.dir}${RESET}$ `;
  }

  private showPrompt(): void {
    this.line = edit.emptyLine;
    this.history = new HistoryCursor(this.session.current.history);
    this.term.write(this.prompt());
    this.cursorCell = visibleWidth(this.prompt());
    this.promptShown = true;
  }

  private handleKey(key: Key): void {
    const line = this.line;
    switch (key.kind) {
      case 'text':
        return this.setLine(edit.insert(line, key.text));
      case 'backspace':
        return this.setLine(edit.backspace(line));
      case 'delete':
        return this.setLine(edit.deleteForward(line));
      case 'left':
        return this.setLine(edit.moveTo(line, line.cursor - 1));
      case 'right':
        return this.setLine(edit.moveTo(line, line.cursor + 1));
      case 'home':
        return this.setLine(edit.moveTo(line, 0));
      case 'end':
        return this.setLine(edit.moveTo(line, line.text.length));
      case 'word-left':
        return this.setLine(edit.moveTo(line, edit.wordStartBefore(line)));
      case 'word-right':
        return this.setLine(edit.moveTo(line, edit.wordEndAfter(line)));
      case 'kill-to-end':
        return this.setLine(edit.killToEnd(line));
      case 'kill-to-start':
        return this.setLine(edit.killToStart(line));
      case 'kill-word-back':
        return this.setLine(edit.killWordBack(line));
      case 'up': {
        const entry = this.history.up(line.text);
        if (entry !== null) this.setLine({ text: entry, cursor: entry.length });
        return;
      }
      case 'down': {
        const entry = this.history.down();
        if (entry !== null) this.setLine({ text: entry, cursor: entry.length });
        return;
      }
      case 'clear-screen':
        this.clearScreen();
        this.term.write(this.prompt());
        this.cursorCell = visibleWidth(this.prompt());
        return this.setLine(line, true);
      case 'interrupt':
        this.moveToEnd();
        this.term.write('^C\r\n');
        this.session.cancel();
        this.session.current.lastStatus = STATUS_INTERRUPTED;
        return this.showPrompt();
      case 'eof':
        if (line.text === '' && !this.session.continuing) {
          if (this.session.depth > 0) return void this.submit(true);
          this.options.onEof?.();
          return;
        }
        return this.setLine(edit.deleteForward(line));
      case 'tab':
        return this.completeWord();
      case 'enter':
        return void this.submit();
    }
  }

  private completeWord(): void {
    const before = this.line.text.slice(0, this.line.cursor);
    const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
    const partial = before.slice(start);
    const firstWord = before.slice(0, start).trim() === '' || /[|;&]\s*$/.test(before.slice(0, start));
    const candidates = firstWord ? [...this.session.current.commands.keys()] : this.fileCandidates(partial);
    const result = complete(partial, candidates);
    if (result.listing.length > 0 && result.insert === '') {
      this.moveToEnd();
      this.term.write('\r\n' + result.listing.map((c) => c.slice(c.lastIndexOf('/', c.length - 2) + 1)).join('  ') + '\r\n');
      this.term.write(this.prompt());
      this.cursorCell = visibleWidth(this.prompt());
      this.setLine(this.line, true);
      return;
    }
    if (result.insert) this.setLine(edit.insert(this.line, result.insert));
  }

  private fileCandidates(partial: string): string[] {
    const slash = partial.lastIndexOf('/');
    const dir = slash >= 0 ? partial.slice(0, slash + 1) : '';
    const fs = this.session.current.fs;
    const names = fs.list(dir || '.');
    if (!Array.isArray(names)) return [];
    return names.map((n) => dir + n + (fs.stat(dir + n)?.kind === 'dir' ? '/' : ''));
  }

  /** runs the line typed, or ends the input of the shell inside a container (Ctrl-D) */
  private async submit(endOfInput = false): Promise<void> {
    const text = this.line.text;
    this.moveToEnd();
    // at Ctrl-D the shell says `exit` (bash) or ends the line (ash) itself
    if (!endOfInput) this.term.write('\r\n');
    this.promptShown = false;
    this.session.columns = this.term.cols;
    const interrupt = new Interrupt();
    this.running = interrupt;
    const out: Output = {
      stdout: (t) => this.term.write(sanitizeOutput(t)),
      stderr: (t) => this.term.write(sanitizeOutput(t)),
      control: () => this.clearScreen(),
    };
    try {
      const result = endOfInput ? await this.session.eof(out) : await this.session.feedLine(text, out, interrupt);
      if (interrupt.interrupted) this.term.write('\r\n');
      void result;
    } catch (error) {
      // a bug in a command must never take the terminal down
      const message = error instanceof Error ? error.message : String(error);
      this.term.write(
        `${this.options.color ? RED : ''}kubesim: internal error: ${sanitizeOutput(message)}${this.options.color ? RESET : ''}\r\n`,
      );
    }
    this.running = null;
    this.options.onCommandDone?.();
    this.showPrompt();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    const pending = this.typeahead;
    this.typeahead = '';
    if (pending) this.input(pending);
  }

  private clearScreen(): void {
    if (this.term.clear) this.term.clear();
    else this.term.write('\x1b[H\x1b[2J\x1b[3J');
  }

  private moveToEnd(): void {
    const end = visibleWidth(this.prompt()) + this.line.text.length;
    this.moveCursor(end);
  }

  /** moves the terminal cursor to a cell offset from the prompt start */
  private moveCursor(target: number): void {
    const cols = Math.max(1, this.term.cols);
    const fromRow = Math.floor(this.cursorCell / cols);
    const toRow = Math.floor(target / cols);
    let seq = '';
    if (toRow < fromRow) seq += `\x1b[${fromRow - toRow}A`;
    if (toRow > fromRow) seq += `\x1b[${toRow - fromRow}B`;
    seq += '\r';
    if (target % cols > 0) seq += `\x1b[${target % cols}C`;
    this.term.write(seq);
    this.cursorCell = target;
  }

  /** shows `next` after the prompt, rewriting only from the prompt's start */
  private setLine(next: edit.LineBuffer, force = false): void {
    if (!force && next.text === this.line.text && next.cursor === this.line.cursor) return;
    this.line = next;
    this.redraw();
  }

  private redraw(): void {
    if (!this.promptShown) return;
    const promptWidth = visibleWidth(this.prompt());
    this.moveCursor(promptWidth);
    const cols = Math.max(1, this.term.cols);
    const end = promptWidth + this.line.text.length;
    // a line ending exactly at the edge leaves the cursor waiting to wrap; make the wrap happen
    const wrapFix = end > 0 && end % cols === 0 ? ' \b' : '';
    this.term.write('\x1b[J' + sanitizeOutput(this.line.text) + wrapFix);
    this.cursorCell = end;
    this.moveCursor(promptWidth + this.line.cursor);
  }
}

function keysToText(keys: Key[]): string {
  return keys.map((k) => (k.kind === 'text' ? k.text : k.kind === 'enter' ? '\r' : k.kind === 'tab' ? '\t' : '')).join('');
}
