// every command the learner's machine has, in one list
import type { ShellCommand } from '../command.ts';
import { clear, exportCommand, falseCommand, help, trueCommand, unset } from './basics.ts';
import { cat } from './cat.ts';
import { echo } from './echo.ts';
import { history } from './history.ts';
import { sleep } from './sleep.ts';

export const builtinCommands: ShellCommand[] = [
  echo,
  cat,
  sleep,
  help,
  clear,
  history,
  trueCommand,
  falseCommand,
  exportCommand,
  unset,
];
