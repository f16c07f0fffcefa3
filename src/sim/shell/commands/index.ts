// every command the learner's machine has, in one list
import type { ShellCommand } from '../command.ts';
import { clear, exportCommand, falseCommand, help, trueCommand, unset } from './basics.ts';
import { awk } from './awk.ts';
import { cat } from './cat.ts';
import { cut } from './cut.ts';
import { echo } from './echo.ts';
import { nano, vi, vim } from './editors.ts';
import { grep } from './grep.ts';
import { head } from './head.ts';
import { history } from './history.ts';
import { ls } from './ls.ts';
import { mkdir } from './mkdir.ts';
import { printf } from './printf.ts';
import { rm } from './rm.ts';
import { sed } from './sed.ts';
import { seq } from './seq.ts';
import { sleep } from './sleep.ts';
import { sort } from './sort.ts';
import { tail } from './tail.ts';
import { tee } from './tee.ts';
import { touch } from './touch.ts';
import { tr } from './tr.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { xargs } from './xargs.ts';
import { cd, pwd } from './working-directory.ts';

export const builtinCommands: ShellCommand[] = [
  echo,
  printf,
  cat,
  sleep,
  help,
  clear,
  history,
  trueCommand,
  falseCommand,
  exportCommand,
  unset,
  cd,
  pwd,
  ls,
  mkdir,
  touch,
  rm,
  grep,
  head,
  tail,
  wc,
  sort,
  uniq,
  cut,
  tr,
  awk,
  sed,
  tee,
  xargs,
  seq,
  vi,
  vim,
  nano,
];
