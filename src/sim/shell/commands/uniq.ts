// coreutils uniq: collapses runs of equal adjacent lines (-c counts them, -d keeps only
// repeated ones, -u only unrepeated ones, -i ignores case). uniq never sorts: runs must touch,
// which is why it usually follows sort in a pipe. an OUTPUT operand writes a file instead.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { inputReader, parseOptions, quoteIfNeeded, quoteLocale, splitLines, usageError } from './cli-support.ts';

export const uniq: ShellCommand = {
  name: 'uniq',
  summary: 'drop repeated adjacent lines (-c counts, -d, -u, -i)',
  run(ctx) {
    const { out, fs } = ctx;
    const parsed = parseOptions(ctx.args, {
      short: 'cdui',
      long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' },
    });
    if ('error' in parsed) return usageError(out, 'uniq', parsed.error);
    const flags = new Set(parsed.options.map((o) => o.key));
    const [input = '-', output, extra] = parsed.operands;
    if (extra !== undefined) return usageError(out, 'uniq', `extra operand ${quoteLocale(extra)}`);

    const text = inputReader(ctx)(input);
    if (typeof text !== 'string') {
      out.stderr(`uniq: ${quoteIfNeeded(input)}: ${describeFsError(text.error)}\n`);
      return 1;
    }
    const same = flags.has('i')
      ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
      : (a: string, b: string) => a === b;
    const lines = splitLines(text);
    let result = '';
    for (let i = 0; i < lines.length;) {
      let j = i + 1;
      while (j < lines.length && same(lines[i]!, lines[j]!)) j++;
      const n = j - i;
      const wanted = flags.has('d') ? n > 1 : true;
      const alone = flags.has('u') ? n === 1 : true;
      // GNU's count column is printf's "%7d " (wider counts simply push the line right)
      if (wanted && alone) result += (flags.has('c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
      i = j;
    }
    if (output === undefined || output === '-') {
      out.stdout(result);
      return 0;
    }
    const err = fs.writeFile(output, result);
    if (err) {
      out.stderr(`uniq: ${quoteIfNeeded(output)}: ${describeFsError(err)}\n`);
      return 1;
    }
    return 0;
  },
};
