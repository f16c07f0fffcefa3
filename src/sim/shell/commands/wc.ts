// coreutils wc: newline, word, character and byte counts (-l -w -m -c, and -L for the longest
// line). columns share one width, computed as GNU does from the total size of the regular files
// named, at least 7 when standard input or a directory is among them, and 1 for a single count
// of a single input.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { inputReader, parseOptions, quoteIfNeeded, toBytes, usageError } from './cli-support.ts';

type Counts = [lines: number, words: number, chars: number, bytes: number, longest: number];
const ORDER = ['l', 'w', 'm', 'c', 'L'] as const;

function count(text: string): Counts {
  let lines = 0;
  let words = 0;
  let chars = 0;
  let longest = 0;
  let column = 0;
  let inWord = false;
  for (const ch of text) {
    chars++;
    if (ch === '\n' || ch === '\r' || ch === '\f') {
      if (ch === '\n') lines++;
      longest = Math.max(longest, column);
      column = 0;
    } else if (ch === '\t') column += 8 - (column % 8);
    else if (ch >= ' ') column++;
    const space = /\s/.test(ch);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return [lines, words, chars, toBytes(text).length, Math.max(longest, column)];
}

export const wc: ShellCommand = {
  name: 'wc',
  summary: 'count lines, words and bytes (-l -w -c -m)',
  run(ctx) {
    const { out, fs } = ctx;
    const parsed = parseOptions(ctx.args, {
      short: 'clLmw',
      long: { bytes: 'c', chars: 'm', lines: 'l', words: 'w', 'max-line-length': 'L' },
    });
    if ('error' in parsed) return usageError(out, 'wc', parsed.error);
    const wanted = new Set(parsed.options.map((o) => o.key));
    if (wanted.size === 0) ['l', 'w', 'c'].forEach((k) => wanted.add(k));
    const files = parsed.operands;
    const inputs = files.length > 0 ? files : ['-'];

    // the width: GNU skips stat (width 1) for one count of one input, and when the first fails
    let width = 1;
    const stats = inputs.map((f) => (f === '-' ? 'pipe' : fs.stat(f)));
    if (!(inputs.length === 1 && wanted.size === 1) && stats[0] !== null) {
      let regularTotal = 0;
      let minimum = 1;
      for (let i = 0; i < inputs.length; i++) {
        const st = stats[i];
        if (st === 'pipe' || st?.kind === 'dir') minimum = 7;
        else if (st) {
          const content = fs.readFile(inputs[i]!);
          regularTotal += typeof content === 'string' ? toBytes(content).length : 0;
        }
      }
      width = Math.max(minimum, String(regularTotal).length);
    }
    const line = (c: Counts, name: string | null) => {
      const cols = ORDER.flatMap((k, i) => (wanted.has(k) ? [String(c[i]).padStart(width)] : []));
      return cols.join(' ') + (name === null ? '' : ` ${name}`) + '\n';
    };

    const read = inputReader(ctx);
    const total: Counts = [0, 0, 0, 0, 0];
    let status = 0;
    for (const file of inputs) {
      const text = read(file);
      const name = files.length > 0 ? file : null;
      if (typeof text !== 'string' && text.error !== 'EISDIR') {
        out.stderr(`wc: ${quoteIfNeeded(file)}: ${describeFsError(text.error)}\n`);
        status = 1;
        continue;
      }
      // a directory opens but fails to read: GNU prints its zero counts, then the error
      const c = count(typeof text === 'string' ? text : '');
      out.stdout(line(c, name));
      if (typeof text !== 'string') {
        out.stderr(`wc: ${quoteIfNeeded(file)}: Is a directory\n`);
        status = 1;
      }
      c.forEach((n, i) => (total[i] = i === 4 ? Math.max(total[i]!, n) : total[i]! + n));
    }
    if (inputs.length > 1) out.stdout(line(total, 'total'));
    return status;
  },
};
