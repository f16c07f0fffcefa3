// coreutils sort: -r -n -u -f -b -s, -t SEP and -k KEYDEF. ordering is plain code point order,
// as with LC_ALL=C (or C.UTF-8); en_US.UTF-8 would collate case and punctuation differently.
// like GNU, lines whose keys tie are compared whole as a last resort unless -s or -u is given.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { inputReader, parseOptions, quoteIfNeeded, quoteLocale, splitLines, usageError } from './cli-support.ts';

interface Ordering {
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

interface Key extends Ordering {
  startField: number;
  startChar: number;
  /** 0 = to the end of the line */
  endField: number;
  /** 0 = to the end of the end field */
  endChar: number;
}

const BLANK = /[ \t]/;

/** -k's FIELD[.CHAR][OPTS][,FIELD[.CHAR][OPTS]], or the message sort dies with */
function parseKey(spec: string): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bfnr]*)(?:,(\d+)(?:\.(\d+))?([bfnr]*))?$/.exec(spec);
  if (!m) {
    const count = (what: string, rest: string) => `invalid number ${what}: invalid count at start of ${quoteLocale(rest)}`;
    if (!/^\d/.test(spec)) return count('at field start', spec);
    const dot = /^\d+\.(?!\d)(.*)$/.exec(spec);
    if (dot) return count("after '.'", dot[1]!);
    const comma = /^\d+(?:\.\d+)?[bfnr]*,(?!\d)(.*)$/.exec(spec);
    if (comma) return count("after ','", comma[1]!);
    return `stray character in field spec: invalid field specification ${quoteLocale(spec)}`;
  }
  if (Number(m[1]) === 0) return `field number is zero: invalid field specification ${quoteLocale(spec)}`;
  if (m[2] === '0') return `character offset is zero: invalid field specification ${quoteLocale(spec)}`;
  const opts = (m[3] ?? '') + (m[6] ?? '');
  return {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 1),
    endField: Number(m[4] ?? 0),
    endChar: Number(m[5] ?? 0),
    numeric: opts.includes('n'),
    reverse: opts.includes('r'),
    fold: opts.includes('f'),
    blanks: opts.includes('b'),
  };
}

/** where field `n` (1-based) begins: without -t a field keeps the blanks before it */
function fieldStart(line: string, n: number, sep: string | null): number {
  let p = 0;
  for (let f = 1; f < n && p < line.length; f++) {
    if (sep !== null) {
      const next = line.indexOf(sep, p);
      p = next < 0 ? line.length : next + 1;
    } else {
      while (p < line.length && BLANK.test(line[p]!)) p++;
      while (p < line.length && !BLANK.test(line[p]!)) p++;
    }
  }
  return p;
}

function extract(line: string, k: Key, sep: string | null): string {
  let start = fieldStart(line, k.startField, sep);
  if (k.blanks) while (start < line.length && BLANK.test(line[start]!)) start++;
  start = Math.min(line.length, start + k.startChar - 1);
  let end = line.length;
  if (k.endField > 0) {
    end = fieldStart(line, k.endField, sep);
    if (k.endChar > 0) {
      if (k.blanks) while (end < line.length && BLANK.test(line[end]!)) end++;
      end = Math.min(line.length, end + k.endChar);
    } else if (sep !== null) {
      const next = line.indexOf(sep, end);
      end = next < 0 ? line.length : next;
    } else {
      while (end < line.length && BLANK.test(line[end]!)) end++;
      while (end < line.length && !BLANK.test(line[end]!)) end++;
    }
  }
  return line.slice(start, Math.max(start, end));
}

/** GNU -n: leading blanks, an optional '-', digits and a fraction; anything else is zero */
function numberOf(s: string): number {
  const m = /^[ \t]*(-?)(\d*)(\.\d*)?/.exec(s)!;
  const n = Number(`${m[2] || '0'}${m[3] && m[3] !== '.' ? m[3] : ''}`);
  return m[1] ? -n : n;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const sort: ShellCommand = {
  name: 'sort',
  summary: 'sort lines (-r -n -u -k N -t SEP), in plain C-locale order',
  run(ctx) {
    const { out } = ctx;
    const parsed = parseOptions(ctx.args, {
      short: 'bfnrsuk:t:',
      long: {
        'ignore-leading-blanks': 'b',
        'ignore-case': 'f',
        'numeric-sort': 'n',
        reverse: 'r',
        stable: 's',
        unique: 'u',
        key: 'k',
        'field-separator': 't',
      },
    });
    if ('error' in parsed) return usageError(out, 'sort', parsed.error, 2);
    const global: Ordering = { numeric: false, reverse: false, fold: false, blanks: false };
    const flags = new Set<string>();
    const keys: Key[] = [];
    let sep: string | null = null;
    for (const { key, value } of parsed.options) {
      if (key === 'k') {
        const k = parseKey(value);
        if (typeof k === 'string') {
          out.stderr(`sort: ${k}\n`);
          return 2;
        }
        keys.push(k);
      } else if (key === 't') {
        if ([...value].length !== 1) {
          out.stderr(value === '' ? 'sort: empty tab\n' : `sort: multi-character tab ${quoteLocale(value)}\n`);
          return 2;
        }
        sep = value;
      } else if (key === 'n') global.numeric = true;
      else if (key === 'r') global.reverse = true;
      else if (key === 'f') global.fold = true;
      else if (key === 'b') global.blanks = true;
      else flags.add(key);
    }
    // a key with no ordering options of its own takes the global ones, as in GNU
    for (const k of keys) if (!k.numeric && !k.reverse && !k.fold && !k.blanks) Object.assign(k, global);
    if (keys.length === 0) keys.push({ ...global, startField: 1, startChar: 1, endField: 0, endChar: 0 });

    const read = inputReader(ctx);
    const lines: string[] = [];
    for (const file of parsed.operands.length > 0 ? parsed.operands : ['-']) {
      const text = read(file);
      if (typeof text !== 'string') {
        const what = text.error === 'EISDIR' ? 'read failed' : 'cannot read';
        out.stderr(`sort: ${what}: ${quoteIfNeeded(file)}: ${describeFsError(text.error)}\n`);
        return 2;
      }
      lines.push(...splitLines(text));
    }
    const compareKeys = (a: string, b: string) => {
      for (const k of keys) {
        let x = extract(a, k, sep);
        let y = extract(b, k, sep);
        if (k.fold) [x, y] = [x.toUpperCase(), y.toUpperCase()];
        const d = k.numeric ? Math.sign(numberOf(x) - numberOf(y)) : compareText(x, y);
        if (d !== 0) return k.reverse ? -d : d;
      }
      return 0;
    };
    const unique = flags.has('u');
    const lastResort = !unique && !flags.has('s');
    lines.sort((a, b) => compareKeys(a, b) || (lastResort ? (global.reverse ? -1 : 1) * compareText(a, b) : 0));
    const kept = unique ? lines.filter((l, i) => i === 0 || compareKeys(lines[i - 1]!, l) !== 0) : lines;
    out.stdout(kept.map((l) => l + '\n').join(''));
    return 0;
  },
};
