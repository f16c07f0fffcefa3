// what every command module implements, and what it is handed when it runs
import type { Clock, Interrupt } from '../clock.ts';
import type { Random } from '../random.ts';
import type { VirtualFs } from './vfs.ts';
import type { World } from '../world.ts';
import type { Shell } from './shell.ts';

/** where a command's output goes; the terminal shows both streams in call order */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** terminal controls that are not text, e.g. `clear` */
  control?: ((event: 'clear') => void) | undefined;
}

/** what the host (browser page or CLI) offers commands beyond text: an editor for `kubectl edit`, `vi`, `nano` */
export interface HostServices {
  /**
   * opens a file in the editor and resolves with its saved text, or null when the edit is abandoned;
   * `title` says what is being edited (`kubectl edit deployment/web`)
   */
  edit?(path: string, text: string, title?: string): Promise<string | null>;
  /** shows a file (an absolute path) in the page's editor, as `vi FILE` does; returns at once */
  openFile?(path: string): void | Promise<void>;
  /** the session's: hands the prompt to a shell inside a container until it exits (kubectl exec -it); resolves with its exit status */
  openShell?(shell: NestedShell): Promise<number>;
  /** true when typed input comes from a terminal (the web page, the CLI on a TTY); false for a piped script */
  stdinIsTerminal?: boolean;
  /** the terminal's width in columns, when there is one */
  terminalColumns?: number;
}

/** a shell a command opens in the session's place: it reads the lines typed until it exits */
export interface NestedShell {
  readonly shell: Shell;
  /** PS1, or PS2 inside an unfinished command, as this shell shows it; '' when it shows none */
  prompt(continuation: boolean): string;
  /** input ended at an empty prompt (Ctrl-D): bash says `exit`, ash ends the line */
  eof(out: Output): void;
  /** sees each complete input before it runs, and may hand back where its output goes (an attached session's log records both) */
  input?(source: string, out: Output): Output | void;
}

export interface CommandContext {
  /** the name it was called by */
  name: string;
  args: string[];
  stdin: string;
  out: Output;
  env: ReadonlyMap<string, string>;
  fs: VirtualFs;
  clock: Clock;
  random: Random;
  interrupt: Interrupt;
  /** the shell's own state for builtins such as `history` and `help` */
  shell: ShellState;
  /** the cluster this machine's kubectl talks to; null on a machine without one */
  world: World | null;
  host: HostServices;
}

export interface ShellState {
  history: string[];
  commands: ReadonlyMap<string, ShellCommand>;
  setVar(name: string, value: string): void;
  unsetVar(name: string): void;
}

/** what a command is told when Tab is pressed among its arguments */
export interface CompletionContext {
  /** the word being completed, up to the cursor ('' at the start of a new word) */
  partial: string;
  fs: VirtualFs;
  /** the cluster this machine's kubectl talks to; null on a machine without one */
  world: World | null;
}

/** the words a command offers for the one being completed, each starting with the partial */
export interface Completions {
  words: string[];
  /** the words are paths: listed by their last part, as bash lists file names */
  filenames?: boolean;
}

export interface ShellCommand {
  name: string;
  /** one line for `help` */
  summary: string;
  /** exit status; failures are written to stderr, never thrown */
  run(ctx: CommandContext): Promise<number> | number;
  /** Tab among the arguments (`args`: the words before the partial one); without it, file names complete */
  complete?(args: string[], ctx: CompletionContext): Completions;
}
