// a ready-to-use shell for the learner's machine
import type { Clock } from '../clock.ts';
import { builtinCommands } from './commands/index.ts';
import { Shell } from './shell.ts';
import { ShellSession } from './session.ts';
import type { VirtualFs } from './vfs.ts';
import type { ShellCommand } from './command.ts';
import type { World } from '../world.ts';

export interface MachineOptions {
  clock: Clock;
  seed: number;
  fs?: VirtualFs;
  /** the cluster kubectl talks to; without one there is no kubectl on this machine */
  world?: World | null;
  /** extra commands (kubectl) registered by the caller */
  commands?: ShellCommand[];
}

export function createSession(options: MachineOptions): ShellSession {
  return new ShellSession(new Shell({ ...options, commands: [...builtinCommands, ...(options.commands ?? [])] }));
}

export { Shell } from './shell.ts';
export { ShellSession } from './session.ts';
export type { Output } from './command.ts';
