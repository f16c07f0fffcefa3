// binds a ShellSession to any terminal that can write text and report its width:
// prompt, line editing, history, completion, typeahead while a command runs, Ctrl-C.
import { Interrupt } from '../sim/clock.ts';
import type { Completions, Output } from '../sim/shell/command.ts';
import { completePaths } from '../sim/shell/path-completion.ts';
import type { ShellSession } from '../sim/shell/session.ts';
import { STATUS_INTERRUPTED } from '../sim/shell/shell.ts';
import { commandLineWords, complete, escapeForShell, listingRows } from './completion.ts';
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
  /** calls back after the width changes, for terminals that leave the line being edited to the shell (xterm does) */
  onResize?(listener: () => void): unknown;
}

export interface TerminalSessionOptions {
  color: boolean;
  /** Ctrl-D on an empty line at the top-level prompt (inside a pod shell it leaves that shell) */
  onEof?: () => void;
  /** called after each command finishes (history and files may have changed) */
  onCommandDone?: () => void;
  /** a line is handed to the shell (`endOfInput`: Ctrl-D left a shell inside a container): the journal records it */
  onSubmit?: (line: string, endOfInput: boolean) => void;
  /** Ctrl-C: `running` when it interrupts a command, otherwise it drops the line being typed */
  onInterrupt?: (running: boolean) => void;
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
  /** the width the line being edited was laid out for */
  private drawnCols: number;

  constructor(
    private readonly term: TerminalLike,
    readonly session: ShellSession,
    private readonly options: TerminalSessionOptions,
  ) {
    this.history = new HistoryCursor(session.current.history);
    // a person types here: `kubectl exec -it` gets its TTY
    session.tty = true;
    session.columns = term.cols;
    this.drawnCols = Math.max(1, term.cols);
    term.onResize?.(() => this.resize());
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** writes the first prompt; `replacing` clears a placeholder prompt written before the shell existed */
  start(replacing = false): void {
    if (replacing) this.term.write('\r\x1b[2K');
    this.showPrompt();
  }

  /** raw input from the terminal */
  input(data: string): void {
    if (this.running) {
      if (data.includes('\x03')) {
        this.options.onInterrupt?.(true);
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

  /**
   * the terminal's width changed. xterm reflows what is above but leaves the rows the cursor is
   * in as they were (cut off when narrower), so, as readline does on SIGWINCH, the prompt and
   * the line are drawn again from the row the prompt starts on
   */
  resize(): void {
    const cols = Math.max(1, this.term.cols);
    this.session.columns = cols;
    if (cols === this.drawnCols) return;
    const row = Math.floor(this.cursorCell / this.drawnCols);
    this.drawnCols = cols;
    if (!this.promptShown) return;
    this.term.write((row > 0 ? `\x1b[${row}A` : '') + '\r\x1b[J' + this.prompt());
    this.cursorCell = visibleWidth(this.prompt());
    this.setLine(this.line, true);
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
        this.options.onInterrupt?.(false);
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

  /** Tab: the command under the cursor offers words (kubectl knows the cluster), otherwise file names */
  private completeWord(): void {
    const parsed = commandLineWords(this.line.text.slice(0, this.line.cursor));
    if (!parsed) return;
    const { words, partial, redirect } = parsed;
    const shell = this.session.current;
    let found: Completions = { words: completePaths(shell.fs, partial), filenames: true };
    if (words.length === 0 && !redirect) {
      if (!partial.includes('/')) found = { words: [...shell.commands.keys()] };
    } else {
      const command = redirect ? undefined : shell.commands.get(words[0]!);
      try {
        if (command?.complete) found = command.complete(words.slice(1), { partial, fs: shell.fs, world: shell.world });
      } catch {
        // a bug in a completer must not take the terminal down: Tab offers nothing
        found = { words: [] };
      }
    }
    const result = complete(partial, found.words, escapeForShell);
    if (result.insert) this.setLine(edit.insert(this.line, result.insert));
    if (result.listing.length === 0) return;
    // a word after `--flag=` lists its values only, and a path its last part, as bash does
    const shownFrom = partial.lastIndexOf('=') + 1;
    const shown = result.listing.map((word) => {
      const rest = word.slice(shownFrom);
      const last = found.filenames ? rest.slice(rest.lastIndexOf('/', rest.length - 2) + 1) : rest;
      // a file name is learner content: control characters show in caret notation, on one line
      return sanitizeOutput(last).replace(/\r\n/g, '^J');
    });
    this.moveToEnd();
    this.term.write('\r\n' + listingRows(shown, Math.max(1, this.term.cols)).join('\r\n') + '\r\n');
    this.term.write(this.prompt());
    this.cursorCell = visibleWidth(this.prompt());
    this.setLine(this.line, true);
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
    this.options.onSubmit?.(text, endOfInput);
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
