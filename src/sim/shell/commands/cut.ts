// coreutils cut: selects fields (-f with -d, tab by default) or characters (-c, -b) from each
// line. selections print in input order, once each, whatever order the list names them in.
// -c and -b both count characters here; GNU counts bytes for both, which differs only beyond ASCII.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { inputReader, parseOptions, quoteIfNeeded, quoteLocale, splitLines, usageError } from './cli-support.ts';

type Range = [lo: number, hi: number];

/** a LIST such as `1,3-5,7-`, merged and sorted, or GNU's complaint about it */
function parseList(list: string, positions: boolean): Range[] | string {
  const noun = positions ? 'byte/character positions' : 'fields';
  const ranges: Range[] = [];
  for (const item of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m) {
      const bad = list.slice(list.indexOf(item) + (/^[\d-]*/.exec(item)?.[0].length ?? 0));
      return positions ? `invalid byte/character position ${quoteLocale(bad)}` : `invalid field value ${quoteLocale(bad)}`;
    }
    const [, a = '', dash, b = ''] = m;
    if (!dash) {
      if (a === '' || Number(a) === 0) return `${noun} are numbered from 1`;
      ranges.push([Number(a), Number(a)]);
      continue;
    }
    if (a === '' && b === '') return 'invalid range with no endpoint: -';
    if (a !== '' && Number(a) === 0) return `${noun} are numbered from 1`;
    const lo = a === '' ? 1 : Number(a);
    const hi = b === '' ? Infinity : Number(b);
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  return ranges;
}

export const cut: ShellCommand = {
  name: 'cut',
  summary: 'print selected fields (-d X -f LIST) or characters (-c LIST) of each line',
  run(ctx) {
    const { out } = ctx;
    const parsed = parseOptions(ctx.args, {
      short: 'b:c:d:f:ns',
      long: {
        bytes: 'b',
        characters: 'c',
        fields: 'f',
        delimiter: 'd',
        'only-delimited': 's',
        'output-delimiter': 'output-delimiter:',
        complement: 'complement',
      },
    });
    if ('error' in parsed) return usageError(out, 'cut', parsed.error);
    let mode: 'chars' | 'fields' | null = null;
    let list = '';
    let delim: string | null = null;
    let outDelim: string | null = null;
    const flags = new Set<string>();
    for (const { key, value } of parsed.options) {
      if (key === 'b' || key === 'c' || key === 'f') {
        if (mode) return usageError(out, 'cut', 'only one list may be specified');
        mode = key === 'f' ? 'fields' : 'chars';
        list = value;
      } else if (key === 'd') {
        if ([...value].length > 1) return usageError(out, 'cut', 'the delimiter must be a single character');
        delim = value === '' ? '\0' : value;
      } else if (key === 'output-delimiter') outDelim = value;
      else flags.add(key);
    }
    if (!mode) return usageError(out, 'cut', 'you must specify a list of bytes, characters, or fields');
    if (mode === 'chars' && delim !== null) {
      return usageError(out, 'cut', 'an input delimiter may be specified only when operating on fields');
    }
    if (mode === 'chars' && flags.has('s')) {
      return usageError(out, 'cut', 'suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    }
    const ranges = parseList(list, mode === 'chars');
    if (typeof ranges === 'string') return usageError(out, 'cut', ranges);
    const complement = flags.has('complement');
    const picked = (n: number) => ranges.some(([lo, hi]) => n >= lo && n <= hi) !== complement;
    const sep = delim ?? '\t';

    const cutLine = (line: string): string | null => {
      if (mode === 'chars') {
        // with --output-delimiter, it goes between runs of selected characters
        let text = '';
        let prev = false;
        [...line].forEach((ch, i) => {
          const on = picked(i + 1);
          if (on && !prev && text !== '' && outDelim !== null) text += outDelim;
          if (on) text += ch;
          prev = on;
        });
        return text;
      }
      if (!line.includes(sep)) return flags.has('s') ? null : line;
      return line
        .split(sep)
        .filter((_, i) => picked(i + 1))
        .join(outDelim ?? sep);
    };

    const read = inputReader(ctx);
    let status = 0;
    for (const file of parsed.operands.length > 0 ? parsed.operands : ['-']) {
      const text = read(file);
      if (typeof text !== 'string') {
        out.stderr(`cut: ${quoteIfNeeded(file)}: ${describeFsError(text.error)}\n`);
        status = 1;
        continue;
      }
      let result = '';
      for (const line of splitLines(text)) {
        const cutText = cutLine(line);
        if (cutText !== null) result += cutText + '\n';
      }
      out.stdout(result);
    }
    return status;
  },
};
