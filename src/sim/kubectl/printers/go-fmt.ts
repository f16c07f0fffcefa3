// the bits of Go's fmt and strconv that leak into kubectl's output: %v and %#v of unstructured
// values (map[string]interface{}, []interface{}, int64, float64, ...), strconv.Quote and the
// shortest 'g' float format. values are plain JSON-shaped JS values; integral numbers stand for
// int64 and the rest for float64, as the unstructured JSON decoder produces them.

import { goQuote, isPrint } from '../../api/go-quote.ts';

export { goQuote };

/** a byte of a string, as reflect yields when indexing a string (jsonpath's `*` and `..`) */
export class GoByte {
  constructor(readonly value: number) {}
}

/** Go compares strings bytewise (UTF-8), which is code point order, not UTF-16 unit order */
export function compareStrings(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** the UTF-8 encoding of a string; a lone surrogate becomes U+FFFD as Go would store it */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

export const sortedKeys = (obj: object): string[] => Object.keys(obj).sort(compareStrings);

/** a float64 that holds an integral value (a jsonpath literal like 2.0), which JS cannot tell apart */
export class GoFloat {
  constructor(readonly value: number) {}
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoByte) && !(v instanceof GoFloat);

/** strconv.FormatFloat(f, 'g', -1, 64), also fmt's %v: shortest digits, exponent form below 1e-4 or from 1e6 */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  // shortest formatting decides with precision 6 (Go's eprec), not with the digit count
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** a number as Go prints an unstructured int64 or float64 with %v */
export const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : formatFloatG(n));

/** the %#U verb: `U+0021 '!'` */
export function formatRuneU(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrint(ch) ? `${code} '${ch}'` : code;
}

/** reflect's Type().String() for the concrete types unstructured content holds */
export function goTypeName(v: unknown): string {
  if (v instanceof GoByte) return 'uint8';
  if (v instanceof GoFloat) return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (isPlainObject(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return '<nil>';
}

/** fmt's %v: maps as map[k:v k2:v2] with sorted keys, slices as [a b], nil as <nil> */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoByte) return String(v.value);
  if (v instanceof GoFloat) return formatFloatG(v.value);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isPlainObject(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${goSprint(v[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** fmt's %#v of an interface{} holding unstructured content */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (v instanceof GoByte) return `0x${v.value.toString(16)}`;
  if (v instanceof GoFloat) return formatFloatG(v.value);
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  if (isPlainObject(v)) {
    return `map[string]interface {}{${sortedKeys(v)
      .map((k) => `${goQuote(k)}:${goSharpV(v[k])}`)
      .join(', ')}}`;
  }
  return String(v);
}
