// what the coreutils-style commands share: getopt-like option parsing (GNU permutes options
// and operands, clusters short flags as in -in, and takes an option's argument from the rest
// of the word or the next word), the quoting styles GNU uses in messages, and input helpers.
import type { CommandContext, Output } from '../command.ts';
import { describeFsError, parentOf, type FsFailure, type VirtualFs } from '../vfs.ts';

export interface OptionSpec {
  /** short letters; a ':' after a letter means it takes an argument, as in getopt's optstring */
  short: string;
  /** long names mapped to a key: a short letter, or a long-only key ending in ':' if it takes an argument */
  long?: Record<string, string>;
  /** stop at the first operand, as getopt's '+' prefix does (tr parses this way) */
  inOrder?: boolean;
}

export interface ParsedOptions {
  /** in command-line order; `value` is '' for an option without an argument */
  options: { key: string; value: string }[];
  operands: string[];
}

/** parses `args`; on a usage error returns glibc getopt's message without the program name */
export function parseOptions(args: string[], spec: OptionSpec): ParsedOptions | { error: string } {
  const takesArg = (key: string) => key.endsWith(':') || spec.short.includes(key + ':');
  const result: ParsedOptions = { options: [], operands: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      result.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const longs = Object.keys(spec.long ?? {});
      // getopt_long accepts any unambiguous prefix of a long name
      const hits = longs.includes(name) ? [name] : longs.filter((l) => l.startsWith(name));
      if (hits.length !== 1) return { error: `unrecognized option '${arg}'` };
      const full = hits[0]!;
      const key = spec.long![full]!;
      let value = '';
      if (takesArg(key)) {
        if (eq >= 0) value = arg.slice(eq + 1);
        else if (i + 1 < args.length) value = args[++i]!;
        else return { error: `option '--${full}' requires an argument` };
      } else if (eq >= 0) return { error: `option '--${full}' doesn't allow an argument` };
      result.options.push({ key: key.replace(/:$/, ''), value });
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (spec.inOrder) {
        result.operands.push(...args.slice(i));
        break;
      }
      result.operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      if (letter === ':' || !spec.short.includes(letter)) return { error: `invalid option -- '${letter}'` };
      if (!takesArg(letter)) {
        result.options.push({ key: letter, value: '' });
        continue;
      }
      let value = arg.slice(j + 1);
      if (value === '') {
        if (i + 1 >= args.length) return { error: `option requires an argument -- '${letter}'` };
        value = args[++i]!;
      }
      result.options.push({ key: letter, value });
      break;
    }
  }
  return result;
}

/** prints `name: message` and the usual hint, and returns `status` */
export function usageError(out: Output, name: string, message: string, status = 1): number {
  out.stderr(`${name}: ${message}\nTry '${name} --help' for more information.\n`);
  return status;
}

/** true when a name must be quoted for the shell, following gnulib's shell-escape style */
function needsQuoting(s: string): boolean {
  if (s === '' || s === '{' || s === '}' || /^[#~]/.test(s)) return true;
  return /[\s!"$&'()*;<=>?[\\^`|]/.test(s);
}

function shellQuote(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  if (!/[\\"$`!]/.test(s)) return `"${s}"`;
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** gnulib's quotef: a name quoted only when the shell would need it (`wc: 'a b': ...`) */
export function quoteIfNeeded(s: string): string {
  return needsQuoting(s) ? shellQuote(s) : s;
}

/** gnulib's quoteaf: a name always quoted (`rm: cannot remove 'x': ...`) */
export function quoteAlways(s: string): string {
  return needsQuoting(s) ? shellQuote(s) : `'${s}'`;
}

/** gnulib's quote() in a UTF-8 locale: curly quotes (`invalid number of lines: ‘x’`) */
export function quoteLocale(s: string): string {
  return `‘${s}’`;
}

/** why a path that does not exist fails: a file where a directory should be, or nothing there */
export function missingReason(fs: VirtualFs, path: string): string {
  let p = parentOf(fs.resolve(path));
  while (p !== '/' && !fs.stat(p)) p = parentOf(p);
  return fs.stat(p)?.kind === 'file' ? 'Not a directory' : 'No such file or directory';
}

/** reads operands the way the tools do: `-` is standard input, which only the first read drains */
export function inputReader(ctx: CommandContext): (path: string) => string | FsFailure {
  let stdin: string | null = ctx.stdin;
  return (path) => {
    if (path !== '-') return ctx.fs.readFile(path);
    const text = stdin ?? '';
    stdin = null;
    return text;
  };
}

/** lines without their newlines; a final line without one still counts */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

const encoder = new TextEncoder();

/** text as the UTF-8 bytes a real file would hold */
export function toBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromBytes(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/**
 * head's and tail's walk over their inputs: each file (or stdin for `-`), under a
 * `==> name <==` header when there are several, with GNU's messages for files that cannot be
 * read. `emit` gets each readable text; the result is the exit status.
 */
export function eachInput(
  ctx: CommandContext,
  tool: string,
  files: string[],
  headers: boolean,
  emit: (text: string) => void,
): number {
  const read = inputReader(ctx);
  let status = 0;
  let first = true;
  for (const file of files) {
    const name = file === '-' ? 'standard input' : file;
    const text = read(file);
    const isDir = typeof text !== 'string' && text.error === 'EISDIR';
    if (typeof text !== 'string' && !isDir) {
      ctx.out.stderr(`${tool}: cannot open ${quoteAlways(file)} for reading: ${describeFsError(text.error)}\n`);
      status = 1;
      continue;
    }
    if (headers) ctx.out.stdout(`${first ? '' : '\n'}==> ${name} <==\n`);
    first = false;
    if (typeof text !== 'string') {
      // a directory opens fine and only fails on the first read, after the header
      ctx.out.stderr(`${tool}: error reading ${quoteAlways(file)}: Is a directory\n`);
      status = 1;
      continue;
    }
    emit(text);
  }
  return status;
}
