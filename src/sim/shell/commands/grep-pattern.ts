// translates grep's POSIX patterns (basic, extended or fixed) into one JavaScript RegExp.
// the rules follow GNU grep: in a BRE `\( \) \| \{ \} \+ \?` are operators and bare `+?|(){}`
// are literal; `*` is literal first, after `\(`, `\|` or an anchoring `^`; `^` and `$` anchor
// only at the edges. errors carry glibc regcomp's wording, which grep prints as they are.

export type PatternMode = 'basic' | 'extended' | 'fixed';

export type PatternOptions = { mode: PatternMode; ignoreCase: boolean; word: boolean; line: boolean };

// a UTF-8 locale's word constituents; JS's own \w and \b only know ASCII
const W = '[\\p{L}\\p{N}_]';
const ESCAPES: Record<string, string> = {
  '<': `(?<!${W})(?=${W})`,
  '>': `(?<=${W})(?!${W})`,
  b: `(?:(?<!${W})(?=${W})|(?<=${W})(?!${W}))`,
  B: `(?:(?<=${W})(?=${W})|(?<!${W})(?!${W}))`,
  w: W,
  W: '[^\\p{L}\\p{N}_]',
  s: '\\s',
  S: '\\S',
  '`': '^',
  "'": '$',
};
const CLASSES: Record<string, string> = {
  alpha: '\\p{L}',
  digit: '0-9',
  alnum: '\\p{L}0-9',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: '\\P{C}',
  graph: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}',
  cntrl: '\\p{Cc}',
  xdigit: '0-9A-Fa-f',
};

const literal = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const inClass = (c: string) => c.replace(/[\\\]^[-]/g, '\\$&');

/** a bracket expression starting at `p[i] === '['`: its JS form and the index after it */
function bracket(p: string, start: number): { source: string; end: number } | { error: string } {
  let i = start + 1;
  let out = '[';
  if (p[i] === '^') {
    out += '^';
    i++;
  }
  const first = i;
  while (i < p.length && (p[i] !== ']' || i === first)) {
    const m = /^\[([:.=])(.*?)\1\]/.exec(p.slice(i));
    let item: string;
    if (m?.[1] === ':') {
      const cls = CLASSES[m[2]!];
      if (cls === undefined) return { error: 'Invalid character class name' };
      out += cls;
      i += m[0].length;
      continue;
    } else if (m) {
      item = m[2]!;
      i += m[0].length;
    } else item = p[i++]!;
    if (p[i] === '-' && p[i + 1] !== undefined && p[i + 1] !== ']') {
      const hi = p[i + 1]!;
      if (hi.codePointAt(0)! < item.codePointAt(0)!) return { error: 'Invalid range end' };
      out += `${inClass(item)}-${inClass(hi)}`;
      i += 2;
    } else out += inClass(item);
  }
  if (i >= p.length) return { error: 'Unmatched [, [^, [:, [., or [=' };
  return { source: out + ']', end: i + 1 };
}

/** one pattern's JS source; `groups` numbers capture groups across several -e patterns */
function translate(p: string, mode: PatternMode, groups: { n: number }): string | { error: string } {
  if (mode === 'fixed') return [...p].map(literal).join('');
  const ere = mode === 'extended';
  const base = groups.n;
  const open: number[] = [];
  let out = '';
  let atStart = true; // nothing to repeat yet
  let lastWasQuantifier = false;
  const emit = (s: string, quantifier = false) => {
    // `a**` is `a*` in POSIX but a syntax error in JS, so a second quantifier is dropped
    if (quantifier && lastWasQuantifier) return;
    out += s;
    lastWasQuantifier = quantifier;
    atStart = false;
  };
  // groups, alternatives and assertions leave nothing a following `*` could repeat
  const boundary = (s: string) => {
    out += s;
    atStart = true;
    lastWasQuantifier = false;
  };
  for (let i = 0; i < p.length; i++) {
    let c = p[i]!;
    let op: boolean; // true when c is an operator, whichever way the dialect spells it
    if (c === '\\') {
      if (i + 1 >= p.length) return { error: 'Trailing backslash' };
      c = p[++i]!;
      op = !ere && '(){}|+?'.includes(c);
      if (!op) {
        if (/[1-9]/.test(c)) {
          if (Number(c) > groups.n - base) return { error: 'Invalid back reference' };
          emit(`\\${Number(c) + base}`);
        } else if (c === 'w' || c === 'W' || c === 's' || c === 'S') emit(ESCAPES[c]!);
        else if (c in ESCAPES) boundary(ESCAPES[c]!);
        else emit(literal(c));
        continue;
      }
    } else op = (ere ? '(){}|+?*^$[.' : '*^$[.').includes(c);
    if (!op) emit(literal(c));
    else if (c === '[') {
      const b = bracket(p, i);
      if ('error' in b) return b;
      const text = p.slice(i, b.end);
      if (/^\[:.*:\]$/.test(text)) return { error: `character class syntax is [[:space:]], not ${text}` };
      emit(b.source);
      i = b.end - 1;
    } else if (c === '.') emit('.');
    else if (c === '(') {
      open.push(++groups.n);
      boundary('(');
    } else if (c === ')') {
      if (open.pop() === undefined) {
        if (!ere) return { error: 'Unmatched ) or \\)' };
        emit('\\)');
      } else emit(')');
    } else if (c === '|') boundary('|');
    else if (c === '^') {
      if (ere || atStart) boundary('^');
      else emit('\\^');
    } else if (c === '$') {
      const rest = p.slice(i + 1);
      if (ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) boundary('$');
      else emit('\\$');
    } else if (c === '}') emit('\\}');
    else if (c === '{') {
      const close = ere ? '\\}' : '\\\\\\}';
      const m = new RegExp(`^(\\d*)(,(\\d*))?${close}`).exec(p.slice(i + 1));
      if (!m || atStart) {
        // GNU's ERE takes a `{` that cannot start an interval literally; a BRE rejects it
        if (!ere) return { error: m ? 'Invalid preceding regular expression' : 'Unmatched \\{' };
        emit('\\{');
        continue;
      }
      const lo = Number(m[1]); // `{,n}` is GNU's `{0,n}`
      if (m[3] && Number(m[3]) < lo) return { error: 'Invalid content of \\{\\}' };
      emit(m[2] === undefined ? `{${lo}}` : `{${lo},${m[3]}}`, true);
      i += m[0].length;
    } else if (atStart) {
      // a leading `*` is literal in a BRE; GNU's ERE quietly drops a leading `* + ?`
      if (!ere) emit(literal(c));
    } else emit(c, true);
  }
  if (open.length > 0) return { error: 'Unmatched ( or \\(' };
  return out;
}

/** every pattern (grep ORs them) as one RegExp, or the message grep would print */
export function compilePatterns(patterns: string[], o: PatternOptions): RegExp | { error: string } {
  const groups = { n: 0 };
  const parts: string[] = [];
  for (const p of patterns) {
    const src = translate(p, o.mode, groups);
    if (typeof src !== 'string') return src;
    parts.push(`(?:${src})`);
  }
  let source = parts.join('|');
  if (o.line) source = `^(?:${source})$`;
  else if (o.word) source = `(?<!${W})(?:${source})(?!${W})`;
  try {
    return new RegExp(source, o.ignoreCase ? 'giu' : 'gu');
  } catch {
    // only reachable through a translation gap; glibc's generic wording is the honest answer
    return { error: 'Invalid regular expression' };
  }
}
