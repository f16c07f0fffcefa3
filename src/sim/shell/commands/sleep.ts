// coreutils sleep: the sum of its arguments, each a number with an optional s/m/h/d suffix.
// in scripts the clock is virtual and this returns at once; in the browser Ctrl-C ends it.
import type { ShellCommand } from '../command.ts';
import { STATUS_INTERRUPTED } from '../shell.ts';

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep: ShellCommand = {
  name: 'sleep',
  summary: 'wait for a number of seconds (suffixes s, m, h, d)',
  async run({ args, out, clock, interrupt }) {
    const usage = "Try 'sleep --help' for more information.\n";
    if (args.length === 0) {
      out.stderr(`sleep: missing operand\n${usage}`);
      return 1;
    }
    let seconds = 0;
    for (const arg of args) {
      const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(arg);
      if (!m) {
        out.stderr(`sleep: invalid time interval ‘${arg}’\n${usage}`);
        return 1;
      }
      seconds += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
    }
    const finished = await clock.sleep(seconds * 1000, interrupt);
    return finished ? 0 : STATUS_INTERRUPTED;
  },
};
