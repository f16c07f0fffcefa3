// coreutils tail: the last lines (-n N, -N) or bytes (-c N) of each file, or everything from
// line/byte N on with a `+N` count. following a file (-f) needs a live file, so it is refused.
import type { ShellCommand } from '../command.ts';
import { eachInput, fromBytes, parseOptions, quoteLocale, toBytes, usageError } from './cli-support.ts';
import { parseCount } from './head.ts';

const NOT_SIMULATED = "kubesim: 'tail -f' is not simulated\n";

/** the last `n` items, or every item from the `n`th (1-based; 0 counts as 1) when `fromStart` */
function pick<T extends { slice(a: number, b?: number): T; length: number }>(items: T, n: number, fromStart: boolean): T {
  if (fromStart) return items.slice(Math.max(0, n - 1));
  return items.slice(Math.max(0, items.length - n));
}

export const tail: ShellCommand = {
  name: 'tail',
  summary: 'print the last lines of files (-n N, -N, -n +N, -c N)',
  run(ctx) {
    const { out } = ctx;
    let args = ctx.args;
    let count = 10;
    let bytes = false;
    let fromStart = false;
    let headers: boolean | null = null;
    // the obsolescent `-5`, `-5c` or `-5f` form, recognised only as the first argument
    const old = /^-(\d*)([cbl]?)(f?)$/.exec(args[0] ?? '');
    if (old && (old[1] !== '' || old[2] === 'l')) {
      if (old[3]) {
        out.stderr(NOT_SIMULATED);
        return 1;
      }
      count = old[1] === '' ? 10 : Number(old[1]);
      bytes = old[2] === 'c' || old[2] === 'b';
      args = args.slice(1);
    }
    const parsed = parseOptions(args, {
      short: 'n:c:fFqvs:',
      long: {
        lines: 'n',
        bytes: 'c',
        follow: 'f',
        quiet: 'q',
        silent: 'q',
        verbose: 'v',
        retry: 'retry',
        'sleep-interval': 's',
        pid: 'pid:',
      },
    });
    if ('error' in parsed) return usageError(out, 'tail', parsed.error);
    for (const { key, value } of parsed.options) {
      if (key === 'f' || key === 'F') {
        out.stderr(NOT_SIMULATED);
        return 1;
      }
      if (key === 'q' || key === 'v') headers = key === 'v';
      if (key !== 'n' && key !== 'c') continue;
      bytes = key === 'c';
      fromStart = value.startsWith('+');
      const n = parseCount(/^[+-]/.test(value) ? value.slice(1) : value);
      if (n === null) {
        const shown = value.startsWith('-') ? value.slice(1) : value;
        out.stderr(`tail: invalid number of ${bytes ? 'bytes' : 'lines'}: ${quoteLocale(shown)}\n`);
        return 1;
      }
      count = n;
    }
    const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
    headers ??= files.length > 1;
    return eachInput(ctx, 'tail', files, headers, (text) => {
      if (bytes) out.stdout(fromBytes(pick(toBytes(text), count, fromStart)));
      else {
        const lines = text.split(/(?<=\n)/);
        if (lines.at(-1) === '') lines.pop();
        out.stdout(pick(lines, count, fromStart).join(''));
      }
    });
  },
};
