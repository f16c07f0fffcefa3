// bash's history builtin: numbered lines, `history N` for the last N, `history -c` to clear
import type { ShellCommand } from '../command.ts';

export const history: ShellCommand = {
  name: 'history',
  summary: 'list the commands typed so far (history N: the last N; history -c: forget them)',
  run({ args, out, shell }) {
    const entries = shell.history;
    if (args[0] === '-c') {
      entries.length = 0;
      return 0;
    }
    let count = entries.length;
    if (args.length > 0) {
      const arg = args[0]!;
      if (arg.startsWith('-') && arg !== '-') {
        out.stderr(`bash: history: ${arg}: invalid option\nhistory: usage: history [-c] [n]\n`);
        return 2;
      }
      if (!/^\d+$/.test(arg)) {
        out.stderr(`bash: history: ${arg}: numeric argument required\n`);
        return 1;
      }
      if (args.length > 1) {
        out.stderr('bash: history: too many arguments\n');
        return 1;
      }
      count = Math.min(Number(arg), entries.length);
    }
    let text = '';
    for (let i = entries.length - count; i < entries.length; i++) {
      text += `${String(i + 1).padStart(5)}  ${entries[i]}\n`;
    }
    out.stdout(text);
    return 0;
  },
};
