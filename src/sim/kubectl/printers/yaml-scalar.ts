// how go-yaml v2 picks a style for a string scalar: the encoder asks for plain unless the text
// would read back as another type (number, bool, null, timestamp) or holds a newline (literal),
// then the emitter's analysis downgrades plain to single-quoted and single to double-quoted when
// indicators, leading or trailing spaces or unprintable characters make the first choice unsafe.

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const RESOLVE_MAP = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
]);

const INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function validDate(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

/** parseTimestamp: the layouts go-yaml tries with time.Parse, range checks included */
function isTimestamp(s: string): boolean {
  const date = DATE.exec(s);
  if (date) return validDate(date[1]!, date[2]!, date[3]!);
  const dt = DATE_TIME.exec(s);
  if (!dt) return false;
  // the space-separated layout has no zone; the T layouts require one
  if ((dt[4] === ' ') === (dt[8] !== undefined)) return false;
  return validDate(dt[1]!, dt[2]!, dt[3]!) && Number(dt[5]) < 24 && Number(dt[6]) < 60 && Number(dt[7]) < 60;
}

/** resolve("", s) != !!str: would this text, unquoted, read back as something other than a string? */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const first = s[0] ?? '';
  if (first === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s.replace(/(?<=[0-9])_(?=[0-9])/g, ''));
  if (!/[-+0-9]/.test(first)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  return INT.test(plain) || YAML_FLOAT.test(plain);
}

/** the encoder's request: literal for multi-line text, plain when safe to read back, else double */
export function requestedStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  const isBase60 = /^[-+0-9]/.test(s) && s.includes(':') && BASE60_FLOAT.test(s);
  return resolvesToNonString(s) || isBase60 ? 'double' : 'plain';
}

/** libyaml's is_printable, by code point: tab, CR, C1 controls, BOM and astral planes are not */
export const isPrintable = (cp: number): boolean =>
  cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);

export const isBreak = (ch: string): boolean =>
  ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar (block context only: we never emit non-empty flow collections) */
function analyze(s: string): Analysis {
  if (s === '') return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = Array.from(s);
  let indicators = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) indicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) indicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      indicators = true;
    }
    if (!isPrintable(ch.codePointAt(0)!)) special = true;
    const last = i === chars.length - 1;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch) || ch === '\0';
  });
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special);
  if (lineBreaks || indicators) plain = false;
  return {
    multiline: lineBreaks,
    blockPlainAllowed: plain,
    singleQuotedAllowed: !(breakSpace || spaceBreak || special),
    blockAllowed: !(trailingSpace || spaceBreak || special),
  };
}

/** yaml_emitter_select_scalar_style for a string, as a mapping key or as a value */
export function selectStyle(s: string, simpleKey: boolean): ScalarStyle {
  const analysis = analyze(s);
  let style = requestedStyle(s);
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain' && (!analysis.blockPlainAllowed || (s === '' && simpleKey))) style = 'single';
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}

const DOUBLE_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

/** an escape sequence inside a double-quoted scalar, as the emitter writes it */
export function escapeChar(cp: number): string {
  const named = DOUBLE_ESCAPES[cp];
  if (named !== undefined) return '\\' + named;
  const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${letter}${cp.toString(16).toUpperCase().padStart(width, '0')}`;
}
