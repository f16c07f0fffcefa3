// a ready-to-use shell for the learner's machine
import type { Clock } from '../clock.ts';
import { builtinCommands } from './commands/index.ts';
import { Shell } from './shell.ts';
import { ShellSession } from './session.ts';
import type { VirtualFs } from './vfs.ts';

export interface MachineOptions {
  clock: Clock;
  seed: number;
  fs?: VirtualFs;
}

export function createSession(options: MachineOptions): ShellSession {
  return new ShellSession(new Shell({ ...options, commands: builtinCommands }));
}

export { Shell } from './shell.ts';
export { ShellSession } from './session.ts';
export type { Output } from './command.ts';
