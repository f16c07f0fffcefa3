// bash's builtin printf: a format with backslash escapes and %-conversions, reused while
// arguments remain; -v assigns to a variable instead of printing. messages and exit statuses
// follow bash (builtins/printf.def): a bad number is reported and printed as what parsed of it.
import type { CommandContext, ShellCommand } from '../command.ts';
import { ECHO_ESCAPES } from './echo.ts';

const USAGE = 'printf: usage: printf [-v var] format [arguments]\n';
const INTMAX = 2n ** 63n - 1n;
const INTMIN = -(2n ** 63n);
const UINTMAX = 2n ** 64n - 1n;

/** the escapes bash's printf understands in its format (and %b in its arguments) */
const ESCAPES: Record<string, string> = { ...ECHO_ESCAPES, '"': '"', "'": "'", '?': '?' };

/**
 * one backslash escape at text[i] (a backslash): what it stands for and how many characters it
 * took. in the format an octal escape has up to three digits; in a %b argument it starts with 0
 */
function escapeAt(text: string, i: number, inArgument: boolean): { value: string; length: number } | 'stop' {
  const n = text[i + 1];
  if (n === undefined) return { value: '\\', length: 1 };
  if (inArgument && n === 'c') return 'stop';
  if (n in ESCAPES) return { value: ESCAPES[n]!, length: 2 };
  const octal = inArgument ? /^0([0-7]{0,3})/.exec(text.slice(i + 1)) : /^[0-7]{1,3}/.exec(text.slice(i + 1));
  if (octal) {
    const digits = inArgument ? octal[1]! : octal[0];
    return { value: String.fromCharCode(parseInt(digits || '0', 8) & 0xff), length: 1 + octal[0].length };
  }
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1));
  if (hex) return { value: String.fromCharCode(parseInt(hex[1]!, 16)), length: 1 + hex[0].length };
  const unicode = /^(?:u([0-9a-fA-F]{1,4})|U([0-9a-fA-F]{1,8}))/.exec(text.slice(i + 1));
  if (unicode) {
    const code = parseInt(unicode[1] ?? unicode[2]!, 16);
    return { value: code <= 0x10ffff ? String.fromCodePoint(code) : '', length: 1 + unicode[0].length };
  }
  return { value: '\\' + n, length: 2 };
}

/** %b: the argument with its escapes expanded; `\c` ends all output */
function expandArgument(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') {
      out += text[i];
      continue;
    }
    const escape = escapeAt(text, i, true);
    if (escape === 'stop') return { text: out, stop: true };
    out += escape.value;
    i += escape.length - 1;
  }
  return { text: out, stop: false };
}

/** %q: the argument quoted so the shell reads it back as the same word */
function shellQuote(text: string): string {
  if (text === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(text)) {
    const named: Record<string, string> = {
      '\x07': 'a',
      '\b': 'b',
      '\x1b': 'E',
      '\f': 'f',
      '\n': 'n',
      '\r': 'r',
      '\t': 't',
      '\v': 'v',
    };
    const body = [...text]
      .map((c) => {
        if (c === "'" || c === '\\') return '\\' + c;
        if (named[c]) return '\\' + named[c];
        if (/[\x00-\x1f\x7f]/.test(c)) return '\\' + c.charCodeAt(0).toString(8).padStart(3, '0');
        return c;
      })
      .join('');
    return `$'${body}'`;
  }
  return text.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => '\\' + c);
}

export interface Spec {
  flags: string;
  width: number | null;
  precision: number | null;
  conversion: string;
}

/**
 * a conversion's flags, width and precision from a match of `%([flags])(width|*)(.precision|.*)`:
 * a `*` takes its number from the next argument (through `starArgument`), a negative width
 * left-justifies, and a negative precision counts as none
 */
export function conversionSpec(match: RegExpExecArray, conversion: string, starArgument: () => number): Spec {
  const read = (given: string | undefined): number | null =>
    given === undefined ? null : given === '*' ? starArgument() : given === '' ? 0 : Number(given);
  let flags = match[1] ?? '';
  let width = read(match[2]);
  if (width !== null && width < 0) {
    flags += '-';
    width = -width;
  }
  const precision = read(match[3]);
  return { flags, width, precision: precision !== null && precision < 0 ? null : precision, conversion };
}

/** pads a converted value to the spec's width: left with `-`, with zeros when `0` applies to numbers */
export function pad(text: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (text.length >= width) return text;
  if (spec.flags.includes('-')) return text.padEnd(width);
  if (numeric && spec.flags.includes('0') && (spec.precision === null || 'eEfFgG'.includes(spec.conversion))) {
    const sign = /^[+\- ]|^0[xX]/.exec(text)?.[0] ?? '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** bash's reading of a numeric argument: decimal, 0x hex, 0 octal, or 'c for a character's code */
function parseNumber(text: string): { value: bigint; valid: boolean } {
  if (/^['"]/.test(text)) return { value: BigInt(text.length > 1 ? text.codePointAt(1)! : 0), valid: true };
  const match = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!match) return { value: 0n, valid: text.trim() === '' && text === '' };
  const [, sign, digits] = match as unknown as [string, string, string];
  let value = /^0[xX]/.test(digits)
    ? BigInt(digits)
    : digits.startsWith('0')
      ? BigInt('0o' + (digits.slice(1) || '0'))
      : BigInt(digits);
  if (sign === '-') value = -value;
  return { value, valid: match[0].length === text.length };
}

function parseFloatArg(text: string): { value: number; valid: boolean } {
  if (/^['"]/.test(text)) return { value: text.length > 1 ? text.codePointAt(1)! : 0, valid: true };
  const match = /^\s*[+-]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(text);
  if (!match) return { value: 0, valid: text === '' };
  const body = match[0].trim();
  const value = /^[+-]?0[xX]/.test(body)
    ? Number(body.replace(/^([+-]?)/, '')) * (body.startsWith('-') ? -1 : 1)
    : Number(body.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
  return { value, valid: match[0].length === text.length };
}

export function integer(value: bigint, spec: Spec): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  let digits: string;
  switch (spec.conversion) {
    case 'o':
      digits = (negative ? BigInt.asUintN(64, value) : magnitude).toString(8);
      if (spec.flags.includes('#') && !digits.startsWith('0')) digits = '0' + digits;
      break;
    case 'x':
    case 'X':
      digits = (negative ? BigInt.asUintN(64, value) : magnitude).toString(16);
      if (spec.conversion === 'X') digits = digits.toUpperCase();
      break;
    case 'u':
      digits = (negative ? BigInt.asUintN(64, value) : magnitude).toString();
      break;
    default:
      digits = magnitude.toString();
  }
  if (spec.precision !== null) digits = spec.precision === 0 && value === 0n ? '' : digits.padStart(spec.precision, '0');
  let prefix = '';
  if (spec.conversion === 'd' || spec.conversion === 'i') {
    if (negative) prefix = '-';
    else if (spec.flags.includes('+')) prefix = '+';
    else if (spec.flags.includes(' ')) prefix = ' ';
  } else if (spec.flags.includes('#') && value !== 0n && (spec.conversion === 'x' || spec.conversion === 'X')) {
    prefix = spec.conversion === 'x' ? '0x' : '0X';
  }
  return pad(prefix + digits, spec, true);
}

/** C's %g: the shorter of %e and %f for the precision, trailing zeros dropped unless # */
function general(value: number, precision: number, keepZeros: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(value.toExponential(p - 1)))));
  let text = exponent < -4 || exponent >= p ? exponential(value, p - 1) : fixed(value, Math.max(0, p - 1 - exponent));
  if (!keepZeros) {
    text = text.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
  }
  return text;
}

/** the double as an exact fraction: mantissa × 2^exponent */
function exactParts(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/**
 * C's %.Nf. toFixed is exact except on a tie, where it rounds away from zero and C rounds to the
 * even digit (printf '%.0f' 2.5 is 2)
 */
function fixed(value: number, digits: number): string {
  const { mantissa, exponent } = exactParts(value);
  if (exponent < 0) {
    const scaled = mantissa * 10n ** BigInt(digits);
    const denominator = 1n << BigInt(-exponent);
    const quotient = scaled / denominator;
    if ((scaled % denominator) * 2n === denominator && quotient % 2n === 0n) {
      const text = quotient.toString().padStart(digits + 1, '0');
      const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
      return value < 0 ? '-' + body : body;
    }
  }
  return value.toFixed(digits);
}

/** C's %e: at least two exponent digits */
function exponential(value: number, precision: number): string {
  return value.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
}

export function floating(value: number, spec: Spec): string {
  const precision = spec.precision ?? 6;
  let text: string;
  if (!Number.isFinite(value)) text = Number.isNaN(value) ? 'nan' : value < 0 ? '-inf' : 'inf';
  else if (spec.conversion === 'e' || spec.conversion === 'E') text = exponential(value, precision);
  else if (spec.conversion === 'g' || spec.conversion === 'G') text = general(value, precision, spec.flags.includes('#'));
  else text = fixed(value, precision);
  if ('EFG'.includes(spec.conversion)) text = text.toUpperCase();
  if (!text.startsWith('-')) {
    if (spec.flags.includes('+')) text = '+' + text;
    else if (spec.flags.includes(' ')) text = ' ' + text;
  }
  return pad(text, spec, Number.isFinite(value));
}

export const printf: ShellCommand = {
  name: 'printf',
  summary: 'print arguments through a format',
  run(ctx: CommandContext) {
    const { out } = ctx;
    const args = [...ctx.args];
    let variable: string | null = null;
    while (args.length > 0 && args[0]!.startsWith('-') && args[0] !== '-') {
      const option = args.shift()!;
      if (option === '--') break;
      if (option === '-v' && args.length > 0) {
        variable = args.shift()!;
        if (!/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?$/.test(variable)) {
          out.stderr(`bash: printf: \`${variable}': not a valid identifier\n`);
          return 2;
        }
        continue;
      }
      if (option === '-v') {
        out.stderr('bash: printf: -v: option requires an argument\n');
      } else {
        out.stderr(`bash: printf: ${option.slice(0, 2)}: invalid option\n`);
      }
      out.stderr(USAGE);
      return 2;
    }
    const format = args.shift();
    if (format === undefined) {
      out.stderr(USAGE);
      return 2;
    }
    let status = 0;
    let output = '';
    let next = 0;
    const take = (): string | undefined => (next < args.length ? args[next++] : undefined);
    const badNumber = (text: string) => {
      out.stderr(`bash: printf: ${text}: invalid number\n`);
      status = 1;
    };
    // the format runs once, then again for as long as it consumes arguments that remain
    for (;;) {
      const before = next;
      for (let i = 0; i < format.length; i++) {
        const c = format[i]!;
        if (c === '\\') {
          const escape = escapeAt(format, i, false);
          if (escape === 'stop') break;
          output += escape.value;
          i += escape.length - 1;
          continue;
        }
        if (c !== '%') {
          output += c;
          continue;
        }
        const match = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([sbqdiouxXcfFeEgG%])?/.exec(format.slice(i))!;
        const conversion = match[4];
        if (conversion === undefined) {
          const bad = format[i + match[0].length];
          out.stderr(
            bad === undefined
              ? "bash: printf: `%': missing format character\n"
              : `bash: printf: \`${bad}': invalid format character\n`,
          );
          ctx.out.stdout(output);
          return 1;
        }
        i += match[0].length - 1;
        if (conversion === '%') {
          output += '%';
          continue;
        }
        const spec = conversionSpec(match, conversion, () => Number(parseNumber(take() ?? '').value));
        const arg = take();
        switch (conversion) {
          case 's':
            output += pad((arg ?? '').slice(0, spec.precision ?? undefined), spec, false);
            break;
          case 'q':
            output += pad(shellQuote(arg ?? ''), spec, false);
            break;
          case 'b': {
            const expanded = expandArgument(arg ?? '');
            output += pad(expanded.text.slice(0, spec.precision ?? undefined), spec, false);
            if (expanded.stop) {
              ctx.out.stdout(output);
              return status;
            }
            break;
          }
          case 'c':
            output += pad((arg ?? '').slice(0, 1), spec, false);
            break;
          case 'd':
          case 'i':
          case 'o':
          case 'u':
          case 'x':
          case 'X': {
            const parsed = parseNumber(arg ?? '');
            if (!parsed.valid) badNumber(arg ?? '');
            // bash reads %d with strtoimax and %u %o %x with strtoumax: what does not fit 64 bits is
            // clamped, with a warning
            let value = parsed.value;
            const signed = conversion === 'd' || conversion === 'i';
            if (signed ? value > INTMAX || value < INTMIN : value > UINTMAX || value < -UINTMAX) {
              out.stderr(`bash: printf: warning: ${arg}: Numerical result out of range\n`);
              value = !signed ? UINTMAX : value > INTMAX ? INTMAX : INTMIN;
            }
            output += integer(value, spec);
            break;
          }
          default: {
            const parsed = parseFloatArg(arg ?? '');
            if (!parsed.valid) badNumber(arg ?? '');
            output += floating(parsed.value, spec);
          }
        }
      }
      if (next >= args.length || next === before) break;
    }
    if (variable !== null) ctx.shell.setVar(variable, output);
    else out.stdout(output);
    return status;
  },
};
