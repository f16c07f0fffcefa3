// what every command module implements, and what it is handed when it runs
import type { Clock, Interrupt } from '../clock.ts';
import type { Random } from '../random.ts';
import type { VirtualFs } from './vfs.ts';

/** where a command's output goes; the terminal shows both streams in call order */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** terminal controls that are not text, e.g. `clear` */
  control?: ((event: 'clear') => void) | undefined;
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
}

export interface ShellState {
  history: string[];
  commands: ReadonlyMap<string, ShellCommand>;
  setVar(name: string, value: string): void;
  unsetVar(name: string): void;
}

export interface ShellCommand {
  name: string;
  /** one line for `help` */
  summary: string;
  /** exit status; failures are written to stderr, never thrown */
  run(ctx: CommandContext): Promise<number> | number;
}
