// coreutils tr: translates, deletes (-d) or squeezes (-s) characters of standard input. sets
// take ranges (a-z), classes ([:upper:]), repeats ([x*], [x*3]) and backslash escapes. GNU tr
// works on bytes; this one works on characters, which only differs beyond ASCII. classes, as in
// the C locale, hold ASCII characters only.
import type { ShellCommand } from '../command.ts';
import { parseOptions, quoteLocale, usageError } from './cli-support.ts';

const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
const CLASSES: Record<string, RegExp> = {
  alnum: /[A-Za-z0-9]/,
  alpha: /[A-Za-z]/,
  blank: /[ \t]/,
  cntrl: /[\x00-\x1f\x7f]/,
  digit: /[0-9]/,
  graph: /[!-~]/,
  lower: /[a-z]/,
  print: /[ -~]/,
  punct: /[!-/:-@[-`{-~]/,
  space: /[ \t\n\v\f\r]/,
  upper: /[A-Z]/,
  xdigit: /[0-9A-Fa-f]/,
};
const ESC: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

interface Expanded {
  chars: string[];
  /** where a `[x*]` fill sits, for set2 */
  fill: { at: number; char: string } | null;
}

function expand(set: string): Expanded | string {
  // escapes first: each element is a character plus whether it was written escaped
  const els: { c: string; esc: boolean }[] = [];
  for (let i = 0; i < set.length; i++) {
    const c = set[i]!;
    if (c !== '\\' || i + 1 >= set.length) {
      els.push({ c, esc: false });
      continue;
    }
    const oct = /^[0-7]{1,3}/.exec(set.slice(i + 1))?.[0];
    if (oct) {
      els.push({ c: String.fromCharCode(parseInt(oct, 8) & 0xff), esc: true });
      i += oct.length;
    } else {
      els.push({ c: ESC[set[i + 1]!] ?? set[i + 1]!, esc: true });
      i++;
    }
  }
  const plain = (i: number, c: string) => els[i] && !els[i].esc && els[i].c === c;
  const chars: string[] = [];
  let fill: Expanded['fill'] = null;
  for (let i = 0; i < els.length; i++) {
    const rest = els
      .slice(i)
      .map((e) => (e.esc ? '\0' : e.c))
      .join('');
    const cls = /^\[:([a-z]*):\]/.exec(rest);
    if (cls) {
      const re = CLASSES[cls[1]!];
      if (!re) return cls[1] ? `invalid character class ${quoteLocale(cls[1])}` : "missing character class name '[::]'";
      chars.push(...ASCII.filter((c) => re.test(c)));
      i += cls[0].length - 1;
      continue;
    }
    const rep = plain(i, '[') && els[i + 1] && plain(i + 2, '*') ? /^\[.\*(\d*)\]/s.exec(rest) : null;
    if (rep) {
      const ch = els[i + 1]!.c;
      const n = rep[1] ? parseInt(rep[1], rep[1].startsWith('0') ? 8 : 10) : 0;
      if (n === 0) fill = { at: chars.length, char: ch };
      else chars.push(...Array<string>(n).fill(ch));
      i += rep[0].length - 1;
      continue;
    }
    if (plain(i + 1, '-') && els[i + 2]) {
      const lo = els[i]!.c.codePointAt(0)!;
      const hi = els[i + 2]!.c.codePointAt(0)!;
      if (hi < lo) return `range-endpoints of '${els[i]!.c}-${els[i + 2]!.c}' are in reverse collating sequence order`;
      for (let c = lo; c <= hi; c++) chars.push(String.fromCodePoint(c));
      i += 2;
      continue;
    }
    chars.push(els[i]!.c);
  }
  return { chars, fill };
}

export const tr: ShellCommand = {
  name: 'tr',
  summary: 'translate, delete (-d) or squeeze (-s) characters from standard input',
  run({ args, stdin, out }) {
    const parsed = parseOptions(args, {
      short: 'cCdst',
      long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' },
      inOrder: true,
    });
    if ('error' in parsed) return usageError(out, 'tr', parsed.error);
    const f = new Set(parsed.options.map((o) => (o.key === 'C' ? 'c' : o.key)));
    const [del, squeeze, ops] = [f.has('d'), f.has('s'), parsed.operands];
    const min = del === squeeze ? 2 : 1;
    const max = del && !squeeze ? 1 : 2;
    if (ops.length < min) {
      if (ops.length === 0) return usageError(out, 'tr', 'missing operand');
      const why = squeeze ? 'both deleting and squeezing repeats' : 'translating';
      return usageError(out, 'tr', `missing operand after ${quoteLocale(ops.at(-1)!)}\nTwo strings must be given when ${why}.`);
    }
    if (ops.length > max) {
      const note = ops.length === 2 ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
      return usageError(out, 'tr', `extra operand ${quoteLocale(ops[max]!)}${note}`);
    }
    const sets = ops.map(expand);
    const bad = sets.find((s) => typeof s === 'string');
    if (typeof bad === 'string') {
      out.stderr(`tr: ${bad}\n`);
      return 1;
    }
    const [s1, s2] = sets as Expanded[];
    const in1 = new Set(s1!.chars);
    const inSet1 = (c: string) => in1.has(c) !== f.has('c');

    let text = stdin;
    if (del) text = [...text].filter((c) => !inSet1(c)).join('');
    else if (s2) {
      const from = f.has('c')
        ? ASCII.concat(ASCII.map((_, i) => String.fromCharCode(128 + i))).filter((c) => !in1.has(c))
        : s1!.chars;
      const to = [...s2.chars];
      if (to.length === 0 && !s2.fill) {
        out.stderr('tr: when not truncating set1, string2 must be non-empty\n');
        return 1;
      }
      // a [x*] fill, or else the last character, pads set2 to set1's length (unless -t)
      const padChar = s2.fill?.char ?? to.at(-1)!;
      const pad = Math.max(0, from.length - to.length);
      to.splice(s2.fill?.at ?? to.length, 0, ...Array<string>(pad).fill(padChar));
      const map = new Map<string, string>();
      from.forEach((c, i) => (f.has('t') && i >= s2.chars.length ? null : map.set(c, to[i]!)));
      const beyond = f.has('c') ? to.at(-1)! : null;
      text = [...text].map((c) => map.get(c) ?? (beyond !== null && c.codePointAt(0)! > 255 ? beyond : c)).join('');
    }
    if (squeeze) {
      const target = s2 && ops.length === 2 ? new Set(s2.chars) : null;
      const squeezable = (c: string) => (target ? target.has(c) : inSet1(c));
      let result = '';
      for (const c of text) if (!(result.endsWith(c) && squeezable(c))) result += c;
      text = result;
    }
    out.stdout(text);
    return 0;
  },
};
