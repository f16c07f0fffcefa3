// coreutils head: the first lines (-n N, -N) or bytes (-c N) of each file; a negative count
// (-n -N) prints all but the last N. several files get `==> name <==` headers, as GNU does.
import type { ShellCommand } from '../command.ts';
import { eachInput, fromBytes, parseOptions, quoteLocale, toBytes, usageError } from './cli-support.ts';

const SUFFIXES: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, kB: 1000, KB: 1000, M: 1 << 20, MB: 1e6 };

/** a count as head and tail take it (digits and an optional multiplier), or null */
export function parseCount(text: string): number | null {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(text);
  const mult = m ? SUFFIXES[m[2]!] : undefined;
  return m && mult !== undefined ? Number(m[1]) * mult : null;
}

/** the first `n` lines, or all but the last `n` when `elide` */
function headLines(text: string, n: number, elide: boolean): string {
  const parts = text.split(/(?<=\n)/);
  if (parts.at(-1) === '') parts.pop();
  return (elide ? parts.slice(0, Math.max(0, parts.length - n)) : parts.slice(0, n)).join('');
}

export const head: ShellCommand = {
  name: 'head',
  summary: 'print the first lines of files (-n N, -N, -c N)',
  run(ctx) {
    const { out } = ctx;
    let args = ctx.args;
    let count = 10;
    let bytes = false;
    let elide = false;
    let headers: boolean | null = null;
    // the old `-5` form, only as the first argument, exactly as GNU head reads it
    const old = /^-(\d+)([cblqv]*)$/.exec(args[0] ?? '');
    if (old) {
      count = Number(old[1]);
      bytes = /[cb]/.test(old[2]!);
      if (old[2]!.includes('q')) headers = false;
      if (old[2]!.includes('v')) headers = true;
      args = args.slice(1);
    }
    const parsed = parseOptions(args, {
      short: 'n:c:qv',
      long: { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q', verbose: 'v' },
    });
    if ('error' in parsed) return usageError(out, 'head', parsed.error);
    for (const { key, value } of parsed.options) {
      if (key === 'q' || key === 'v') {
        headers = key === 'v';
        continue;
      }
      bytes = key === 'c';
      elide = value.startsWith('-');
      const n = parseCount(elide ? value.slice(1) : value);
      if (n === null) {
        const what = bytes ? 'bytes' : 'lines';
        out.stderr(`head: invalid number of ${what}: ${quoteLocale(elide ? value.slice(1) : value)}\n`);
        return 1;
      }
      count = n;
    }
    const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
    headers ??= files.length > 1;
    return eachInput(ctx, 'head', files, headers, (text) => {
      if (!bytes) out.stdout(headLines(text, count, elide));
      else {
        const all = toBytes(text);
        out.stdout(fromBytes(elide ? all.slice(0, Math.max(0, all.length - count)) : all.slice(0, count)));
      }
    });
  },
};
