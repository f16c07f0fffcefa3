// GNU sed 4.9, the commands a course needs: addresses (N, $, /re/, \cREc, first~step, ranges,
// addr,+N, 0,/re/, !), { } blocks, s (g, p, N, i/I, & \1-\9 \n \L \U \l \u \E), y, p, P, d, D,
// n, N, q, Q, =, a, i, c, r, l, h, H, g, G, x, b, t, T and :labels; -n, -e, -f, -E/-r, -s and
// -i[SUFFIX]. messages and exit statuses are GNU's; R, w, W, e, F and z say they are not simulated.
import type { CommandContext, Output, ShellCommand } from '../command.ts';
import { describeFsError, type VirtualFs } from '../vfs.ts';
import { CONTROL_ESCAPES } from '../../api/go-quote.ts';
import { compilePatterns } from './grep-pattern.ts';

const HELP_BODY = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

/** --help adds the bug address; the usage printed after a mistake leaves it out */
const HELP = HELP_BODY + 'E-mail bug reports to: <bug-sed@gnu.org>.\n';

const VERSION = `sed (GNU sed) 4.9
Packaged by Debian
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Jay Fenlason, Tom Lord, Ken Pizzini,
Paolo Bonzini, Jim Meyering, and Assaf Gordon.

This sed program was built with SELinux support.
SELinux is disabled on this system.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
`;

type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  /** null: the last regex used */
  | { kind: 'regex'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  /** the end of `addr,+N` */
  | { kind: 'plus'; n: number }
  /** the end of `addr,~N` */
  | { kind: 'multiple'; n: number };

interface Instruction {
  a1: Address | null;
  a2: Address | null;
  negate: boolean;
  /** a range's state: the line it started on, or null while it is not active */
  rangeStart: number | null;
  rangeDone: boolean;
  op: string;
  text: string;
  label: string;
  /** for `{`: the index of its `}`; for b, t, T: the index to go to (-1: the end of the script) */
  jump: number;
  /** s */
  re: RegExp | null;
  replacement: Replacement;
  global: boolean;
  occurrence: number;
  print: boolean;
  /** y */
  from: string;
  to: string;
  code: number;
}

type Replacement = (
  { kind: 'text'; text: string } | { kind: 'group'; n: number } | { kind: 'case'; mode: 'L' | 'U' | 'l' | 'u' | 'E' }
)[];

class ScriptError extends Error {}

/** `-e expression #1, char N: message`, as GNU sed words a mistake in a script */
function scriptError(char: number, message: string): ScriptError {
  return new ScriptError(`-e expression #1, char ${char}: ${message}`);
}

interface CompileOptions {
  extended: boolean;
}

function compileRegex(source: string, flags: string, o: CompileOptions, at: number): RegExp | null {
  if (source === '') return null;
  const compiled = compilePatterns([source], {
    mode: o.extended ? 'extended' : 'basic',
    ignoreCase: flags.includes('I'),
    word: false,
    line: false,
  });
  if ('error' in compiled) throw scriptError(at, compiled.error);
  return new RegExp(compiled.source, compiled.flags + (flags.includes('M') ? 'm' : ''));
}

/** parses a script into a flat list of instructions; `{` and branches hold the index they go to */
function parse(script: string, o: CompileOptions): Instruction[] {
  const out: Instruction[] = [];
  const blocks: number[] = [];
  let i = 0;
  const peek = () => script[i];
  const skipSpace = () => {
    while (i < script.length && (script[i] === ' ' || script[i] === '\t')) i++;
  };
  /** reads up to an unescaped delimiter; `\delim` becomes the delimiter, other escapes stay */
  const delimited = (delim: string, what: string): string => {
    let text = '';
    for (;;) {
      if (i >= script.length) throw scriptError(i, `unterminated ${what}`);
      const c = script[i]!;
      if (c === '\\' && i + 1 < script.length) {
        const n = script[i + 1]!;
        if (n === delim && delim !== '\n') text += delim === '&' ? '\\&' : n;
        else if (n === 'n' && what !== "`y' command") text += '\\n';
        else text += c + n;
        i += 2;
        continue;
      }
      if (c === '\n' && what !== "`s' command") throw scriptError(i + 1, `unterminated ${what}`);
      if (c === delim) {
        i++;
        return text;
      }
      text += c;
      i++;
    }
  };
  const number = (): number => {
    const m = /^\d+/.exec(script.slice(i))!;
    i += m[0].length;
    return Number(m[0]);
  };
  const address = (): Address | null => {
    const c = peek();
    if (c === undefined) return null;
    if (/\d/.test(c)) {
      const n = number();
      if (peek() === '~') {
        i++;
        const step = /\d/.test(peek() ?? '') ? number() : 0;
        return { kind: 'step', first: n, step };
      }
      return { kind: 'line', n };
    }
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      let delim = '/';
      if (c === '\\') {
        delim = script[i + 1] ?? '';
        if (delim === '' || delim === '\n' || delim === '\\') throw scriptError(i + 1, "unexpected `,'");
        i += 2;
      } else i++;
      const source = delimited(delim, 'address regex');
      let flags = '';
      while (peek() === 'I' || peek() === 'M') flags += script[i++];
      return { kind: 'regex', re: compileRegex(regexSource(source), flags, o, i) };
    }
    return null;
  };
  const readLabel = (): string => {
    skipSpace();
    let label = '';
    while (i < script.length && script[i] !== '\n' && script[i] !== ';') label += script[i++];
    return label.trimEnd();
  };
  /** the text of a, i and c: `a text`, `a\` then lines, or GNU's `a\text` */
  const readText = (): string => {
    skipSpace();
    if (peek() === '\\') {
      i++;
      if (peek() === '\n') i++;
      else skipSpace();
    }
    let text = '';
    while (i < script.length) {
      const c = script[i]!;
      if (c === '\\' && i + 1 < script.length) {
        text += script[i + 1] === '\n' ? '\n' : script[i + 1];
        i += 2;
        continue;
      }
      if (c === '\n') break;
      text += c;
      i++;
    }
    return text;
  };
  const endOfCommand = () => {
    skipSpace();
    const c = peek();
    if (c === undefined || c === '\n' || c === ';') {
      if (c !== undefined) i++;
      return;
    }
    if (c === '}' || c === '#') return;
    throw scriptError(i + 1, `extra characters after command`);
  };

  for (;;) {
    while (i < script.length && /[\s;]/.test(script[i]!)) i++;
    if (i >= script.length) break;
    if (peek() === '#') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    const inst: Instruction = {
      a1: null,
      a2: null,
      negate: false,
      rangeStart: null,
      rangeDone: false,
      op: '',
      text: '',
      label: '',
      jump: -1,
      re: null,
      replacement: [],
      global: false,
      occurrence: 1,
      print: false,
      from: '',
      to: '',
      code: 0,
    };
    inst.a1 = address();
    if (inst.a1 && peek() === ',') {
      i++;
      skipSpace();
      if (peek() === '+' || peek() === '~') {
        const kind = script[i++] === '+' ? 'plus' : 'multiple';
        // GNU reads `addr,+` without digits as +0
        inst.a2 = { kind, n: /\d/.test(peek() ?? '') ? number() : 0 };
      } else {
        inst.a2 = address();
        if (!inst.a2) throw scriptError(i, "unexpected `,'");
      }
    }
    skipSpace();
    while (peek() === '!') {
      inst.negate = true;
      i++;
      skipSpace();
    }
    const op = script[i++];
    if (op === undefined) throw scriptError(script.length, 'missing command');
    if (inst.a1?.kind === 'line' && inst.a1.n === 0 && inst.a2?.kind !== 'regex') {
      throw scriptError(i, 'invalid usage of line address 0');
    }
    inst.op = op;
    const commandAt = i;
    switch (op) {
      case '{':
        blocks.push(out.length);
        out.push(inst);
        continue;
      case '}':
        if (blocks.length === 0) throw scriptError(i, "unexpected `}'");
        if (inst.a1) throw scriptError(i, "} doesn't want any addresses");
        out[blocks.pop()!]!.jump = out.length;
        endOfCommand();
        continue;
      case 's': {
        const delim = script[i++];
        if (delim === undefined || delim === '\n' || delim === '\\') throw scriptError(i, "unterminated `s' command");
        const source = delimited(delim, "`s' command");
        const replacement = delimited(delim, "`s' command");
        let flags = '';
        for (;;) {
          const c = peek();
          if (c === 'g') inst.global = true;
          else if (c === 'p') inst.print = true;
          else if (c === 'i' || c === 'I') flags += 'I';
          else if (c === 'm' || c === 'M') flags += 'M';
          else if (c !== undefined && /\d/.test(c)) {
            inst.occurrence = number();
            if (inst.occurrence === 0) throw scriptError(i, "number option to `s' command may not be zero");
            continue;
          } else if (c === 'w' || c === 'e') throw new ScriptError(`the s command's ${c} flag is not simulated`);
          else break;
          i++;
        }
        const c = peek();
        if (c !== undefined && c !== '\n' && c !== ';' && c !== '}' && c !== ' ' && c !== '#') {
          throw scriptError(i + 1, "unknown option to `s'");
        }
        // GNU compiles the regex once the whole command is read, and reports that position
        inst.re = compileRegex(regexSource(source), flags, o, i);
        if (inst.re === null && flags !== '') {
          // GNU refuses modifiers on the empty regex, which reuses the last one
          throw scriptError(i, 'no previous regular expression');
        }
        inst.replacement = parseReplacement(replacement);
        endOfCommand();
        break;
      }
      case 'y': {
        const delim = script[i++] ?? '';
        const from = unescapeY(delimited(delim, "`y' command"), delim);
        const to = unescapeY(delimited(delim, "`y' command"), delim);
        if ([...from].length !== [...to].length) throw scriptError(i, "strings for `y' command are different lengths");
        inst.from = from;
        inst.to = to;
        endOfCommand();
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        skipSpace();
        // the one-line form needs its text on the same line
        if (i >= script.length || peek() === '\n') throw scriptError(i, "expected \\ after `a', `c' or `i'");
        inst.text = readText();
        break;
      case ':':
        if (inst.a1) throw scriptError(i, ": doesn't want any addresses");
        inst.label = readLabel();
        if (inst.label === '') throw scriptError(i, '":" lacks a label');
        if (peek() === ';') i++;
        break;
      case 'b':
      case 't':
      case 'T':
        inst.label = readLabel();
        if (peek() === ';') i++;
        break;
      case 'q':
      case 'Q':
        skipSpace();
        if (/\d/.test(peek() ?? '')) inst.code = number();
        endOfCommand();
        break;
      case '=':
      case 'd':
      case 'D':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
      case 'n':
      case 'N':
      case 'p':
      case 'P':
        endOfCommand();
        break;
      case 'r':
        skipSpace();
        while (i < script.length && script[i] !== '\n') inst.text += script[i++];
        break;
      case 'l':
        endOfCommand();
        break;
      case 'R':
      case 'w':
      case 'W':
      case 'e':
      case 'F':
      case 'z':
        throw new ScriptError(`the ${op} command is not simulated`);
      default:
        throw scriptError(commandAt, `unknown command: \`${op}'`);
    }
    out.push(inst);
  }
  if (blocks.length > 0) throw scriptError(0, "unmatched `{'");
  // branches go to their labels (or the end)
  for (const inst of out) {
    if (inst.op !== 'b' && inst.op !== 't' && inst.op !== 'T') continue;
    if (inst.label === '') continue;
    const target = out.findIndex((x) => x.op === ':' && x.label === inst.label);
    if (target < 0) throw new ScriptError(`can't find label for jump to \`${inst.label}'`, { cause: 'panic' });
    inst.jump = target;
  }
  return out;
}

/** a regex as the pattern translator wants it: sed's `\n` is a newline */
function regexSource(source: string): string {
  return source.replace(/\\n/g, '\n');
}

function unescapeY(text: string, delim: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === '\\' ? '\\' : c === delim ? delim : '\\' + c));
}

function parseReplacement(text: string): Replacement {
  const parts: Replacement = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '&') {
      flush();
      parts.push({ kind: 'group', n: 0 });
      continue;
    }
    if (c !== '\\' || i + 1 >= text.length) {
      literal += c;
      continue;
    }
    const n = text[++i]!;
    if (/\d/.test(n)) {
      flush();
      parts.push({ kind: 'group', n: Number(n) });
    } else if ('LUluE'.includes(n)) {
      flush();
      parts.push({ kind: 'case', mode: n as 'L' | 'U' | 'l' | 'u' | 'E' });
    } else if (n === 'n') literal += '\n';
    else if (n === 't') literal += '\t';
    else literal += n;
  }
  flush();
  return parts;
}

/** the replacement for one match, with GNU's case conversions */
function substitute(parts: Replacement, match: RegExpExecArray): string {
  let out = '';
  let mode: 'L' | 'U' | null = null;
  let once: 'l' | 'u' | null = null;
  const add = (text: string) => {
    for (const ch of text) {
      let c = mode === 'L' ? ch.toLowerCase() : mode === 'U' ? ch.toUpperCase() : ch;
      if (once) {
        c = once === 'l' ? c.toLowerCase() : c.toUpperCase();
        once = null;
      }
      out += c;
    }
  };
  for (const part of parts) {
    if (part.kind === 'text') add(part.text);
    else if (part.kind === 'group') add(match[part.n] ?? '');
    else if (part.mode === 'E') {
      mode = null;
      once = null;
    } else if (part.mode === 'L' || part.mode === 'U') mode = part.mode;
    else once = part.mode;
  }
  return out;
}

/** what lasts from one input file to the next */
interface SedState {
  hold: string;
  lastRegex: RegExp | null;
  lineNumber: number;
  quitCode: number | null;
  /** the last thing written lacked its newline */
  missing: boolean;
}

/** l shows a backslash doubled and control characters the way C (and Go's strconv) write them */
const L_ESCAPES: Record<string, string> = { ...CONTROL_ESCAPES, '\\': '\\\\' };

/** l: the pattern space with escapes for what does not print, folded at 69 characters, then `$` */
function unambiguous(text: string): string {
  let line = '';
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    const shown = L_ESCAPES[c] ?? (byte >= 0x20 && byte < 0x7f ? c : '\\' + byte.toString(8).padStart(3, '0'));
    if (line.length + shown.length > 69) {
      out += line + '\\\n';
      line = '';
    }
    line += shown;
  }
  return out + line + '$';
}

interface Input {
  name: string;
  lines: string[];
  /** the last line ended without a newline */
  unterminated: boolean;
}

export const sed: ShellCommand = {
  name: 'sed',
  summary: 'edit text as it streams by (s/re/new/, p, d, -n, -i, -E, addresses and ranges)',
  run(ctx: CommandContext) {
    const { out } = ctx;
    const scripts: string[] = [];
    const operands: string[] = [];
    let quiet = false;
    let extended = false;
    let separate = false;
    let inPlace: string | null = null;
    const usage = (message: string) => {
      out.stderr(`sed: ${message}\n${HELP_BODY}`);
      return 1;
    };
    const args = ctx.args;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--') {
        operands.push(...args.slice(i + 1));
        break;
      }
      if (arg.startsWith('--')) {
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        const value = eq < 0 ? null : arg.slice(eq + 1);
        const longs = ['quiet', 'silent', 'expression', 'file', 'in-place', 'regexp-extended', 'separate', 'help', 'version'];
        const hits = longs.includes(name) ? [name] : longs.filter((l) => l.startsWith(name));
        if (hits.length !== 1) return usage(`unrecognized option '${arg}'`);
        const full = hits[0]!;
        if (full === 'help') {
          out.stdout(HELP);
          return 0;
        }
        if (full === 'version') {
          out.stdout(VERSION);
          return 0;
        }
        if (full === 'quiet' || full === 'silent') quiet = true;
        else if (full === 'regexp-extended') extended = true;
        else if (full === 'separate') separate = true;
        else if (full === 'in-place') inPlace = value ?? '';
        else {
          const v = value ?? args[++i];
          if (v === undefined) return usage(`option '--${full}' requires an argument`);
          const script = full === 'file' ? ctx.fs.readFile(v) : v;
          if (typeof script !== 'string') {
            out.stderr(`sed: couldn't open file ${v}: ${describeFsError(script.error)}\n`);
            return 1;
          }
          scripts.push(full === 'file' ? script.replace(/\n$/, '') : script);
        }
        continue;
      }
      if (!arg.startsWith('-') || arg === '-') {
        operands.push(arg);
        continue;
      }
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        if (letter === 'n') quiet = true;
        else if (letter === 'E' || letter === 'r') extended = true;
        else if (letter === 's') separate = true;
        else if (letter === 'i') {
          // the rest of the word is the backup suffix: -ie keeps a backup named FILEe
          inPlace = arg.slice(j + 1);
          break;
        } else if (letter === 'e' || letter === 'f') {
          const v = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (v === undefined) return usage(`option requires an argument -- '${letter}'`);
          const script = letter === 'f' ? ctx.fs.readFile(v) : v;
          if (typeof script !== 'string') {
            out.stderr(`sed: couldn't open file ${v}: ${describeFsError(script.error)}\n`);
            return 1;
          }
          scripts.push(letter === 'f' ? script.replace(/\n$/, '') : script);
          break;
        } else return usage(`invalid option -- '${letter}'`);
      }
    }
    if (scripts.length === 0) {
      const first = operands.shift();
      if (first === undefined) {
        out.stderr(HELP_BODY);
        return 1;
      }
      scripts.push(first);
    }
    let program: Instruction[];
    try {
      program = parse(scripts.join('\n'), { extended });
    } catch (error) {
      if (!(error instanceof ScriptError)) throw error;
      // a missing label is one of GNU sed's panics (status 4); other mistakes are usage errors
      const simulated = error.message.startsWith('-e') || error.cause === 'panic';
      out.stderr(simulated ? `sed: ${error.message}\n` : `kubesim: sed: ${error.message}\n`);
      return error.cause === 'panic' ? 4 : 1;
    }
    if (inPlace !== null && operands.length === 0) {
      out.stderr('sed: no input files\n');
      return 4;
    }
    if (operands.length === 0) operands.push('-');

    let status = 0;
    const inputs: Input[] = [];
    let stdinUsed = false;
    for (const operand of operands) {
      let text: string;
      if (operand === '-' && inPlace === null) {
        text = stdinUsed ? '' : ctx.stdin;
        stdinUsed = true;
      } else {
        const read = ctx.fs.readFile(operand);
        if (typeof read !== 'string') {
          out.stderr(
            read.error === 'EISDIR'
              ? `sed: couldn't edit ${operand}: not a regular file\n`
              : `sed: can't read ${operand}: ${describeFsError(read.error)}\n`,
          );
          status = 2;
          continue;
        }
        text = read;
      }
      const lines = text === '' ? [] : text.split('\n');
      const unterminated = text !== '' && !text.endsWith('\n');
      if (!unterminated && lines.length > 0) lines.pop();
      inputs.push({ name: operand, lines, unterminated });
    }

    // -i and -s treat each file as a stream of its own; otherwise the files are one stream
    const streams = inPlace !== null || separate ? inputs.map((input) => [input]) : [inputs];
    const state: SedState = { hold: '', lastRegex: null, lineNumber: 0, quitCode: null, missing: false };
    for (const stream of streams) {
      if (state.quitCode !== null) break;
      let written = '';
      const sink: Output = inPlace !== null ? { stdout: (t) => void (written += t), stderr: out.stderr } : out;
      if (inPlace !== null || separate) state.lineNumber = 0;
      // each file edited in place is an output of its own
      if (inPlace !== null) state.missing = false;
      try {
        runStream(program, stream, sink, quiet, state, ctx.fs);
      } catch (error) {
        if (!(error instanceof ScriptError)) throw error;
        out.stderr(`sed: -e expression #1, char 0: ${error.message}\n`);
        return 1;
      }
      if (inPlace !== null) {
        const file = stream[0]!;
        if (inPlace !== '') {
          const backup = inPlace.includes('*') ? inPlace.replace(/\*/g, file.name) : file.name + inPlace;
          const original = ctx.fs.readFile(file.name);
          if (typeof original === 'string') ctx.fs.writeFile(backup, original);
        }
        const error = ctx.fs.writeFile(file.name, written);
        if (error) {
          out.stderr(`sed: couldn't open temporary file ${file.name}: ${describeFsError(error)}\n`);
          return 4;
        }
      }
    }
    return state.quitCode ?? status;
  },
};

function runStream(program: Instruction[], inputs: Input[], out: Output, quiet: boolean, state: SedState, fs: VirtualFs): void {
  // the stream's lines in order, each knowing whether it is the last and whether it had a newline
  const lines: { text: string; newline: boolean }[] = [];
  for (const input of inputs) {
    input.lines.forEach((text, k) => lines.push({ text, newline: !(input.unterminated && k === input.lines.length - 1) }));
  }
  let index = 0;
  for (const inst of program) {
    inst.rangeStart = null;
    inst.rangeDone = false;
  }
  // whether the pattern space (and the hold space) ends in a newline when printed: a last line
  // without one prints without one, and h, H, g, G and x carry the flag with the text, as GNU does
  let newline = true;
  let holdNewline = true;
  // output that lacked its newline gets one as soon as anything else is written to the same place
  const emit = (text: string, nl = true) => {
    out.stdout((state.missing ? '\n' : '') + text + (nl ? '\n' : ''));
    state.missing = !nl;
  };
  const next = (): string | null => {
    const line = lines[index++];
    if (!line) return null;
    state.lineNumber++;
    newline = line.newline;
    return line.text;
  };
  const isLast = () => index >= lines.length;
  const test = (re: RegExp | null, text: string): boolean => {
    const regex = re ?? state.lastRegex;
    if (!regex) throw new ScriptError('no previous regular expression');
    state.lastRegex = regex;
    regex.lastIndex = 0;
    return regex.test(text);
  };
  const matches = (a: Address, ps: string): boolean => {
    switch (a.kind) {
      case 'line':
        return state.lineNumber === a.n;
      case 'last':
        return isLast();
      case 'regex':
        return test(a.re, ps);
      case 'step':
        return a.step <= 0
          ? state.lineNumber === a.first
          : state.lineNumber >= a.first && (state.lineNumber - a.first) % a.step === 0;
      default:
        return false;
    }
  };
  const selected = (inst: Instruction, ps: string): boolean => {
    if (!inst.a1) return true;
    if (!inst.a2) return matches(inst.a1, ps);
    const a2 = inst.a2;
    if (inst.rangeStart !== null) {
      // inside a range: does this line end it?
      const ends =
        a2.kind === 'line'
          ? state.lineNumber >= a2.n
          : a2.kind === 'plus'
            ? state.lineNumber >= inst.rangeStart + a2.n
            : a2.kind === 'multiple'
              ? a2.n <= 0 || state.lineNumber % a2.n === 0
              : matches(a2, ps);
      if (ends) inst.rangeStart = null;
      return true;
    }
    const starts = inst.a1.kind === 'line' && inst.a1.n === 0 ? !inst.rangeDone && state.lineNumber >= 1 : matches(inst.a1, ps);
    if (!starts) return false;
    inst.rangeDone = true;
    // a line-number end at or before the start makes a one-line range; 0,/re/ may end on line 1
    if (a2.kind === 'line' && a2.n <= state.lineNumber) return true;
    if (a2.kind === 'plus' && a2.n === 0) return true;
    if (a2.kind === 'multiple' && (a2.n <= 0 || state.lineNumber % a2.n === 0)) return true;
    if (inst.a1.kind === 'line' && inst.a1.n === 0 && a2.kind === 'regex' && matches(a2, ps)) return true;
    inst.rangeStart = state.lineNumber;
    return true;
  };

  let ps = next();
  let append: (string | { file: string })[] = [];
  // a's text, and r's file as it is (a missing file reads as nothing)
  const flushAppend = () => {
    for (const item of append) {
      if (typeof item === 'string') {
        // `a\` with nothing after it appends nothing, not an empty line
        if (item !== '') emit(item);
        continue;
      }
      const content = fs.readFile(item.file);
      out.stdout((state.missing ? '\n' : '') + (typeof content === 'string' ? content : ''));
      state.missing = false;
    }
    append = [];
  };
  while (ps !== null) {
    append = [];
    let deleted = false;
    let restart = false;
    let substituted = false;
    let pc = 0;
    cycle: while (pc < program.length) {
      const inst = program[pc]!;
      if (inst.op === ':' || inst.op === '}') {
        pc++;
        continue;
      }
      if (selected(inst, ps) === inst.negate) {
        pc = inst.op === '{' ? inst.jump : pc + 1;
        continue;
      }
      switch (inst.op) {
        case '{':
          break;
        case 's': {
          const regex = inst.re ?? state.lastRegex;
          if (!regex) throw new ScriptError('no previous regular expression');
          state.lastRegex = regex;
          regex.lastIndex = 0;
          let result = '';
          let last = 0;
          let count = 0;
          let previousEnd = -1;
          let replaced = false;
          for (let m = regex.exec(ps); m; m = regex.exec(ps)) {
            const empty = m[0] === '';
            if (empty) regex.lastIndex++;
            // as in glibc, an empty match right where the previous match ended does not count
            if (empty && m.index === previousEnd) continue;
            previousEnd = m.index + m[0].length;
            count++;
            if (count < inst.occurrence) continue;
            result += ps.slice(last, m.index) + substitute(inst.replacement, m);
            last = m.index + m[0].length;
            replaced = true;
            if (!inst.global) break;
          }
          if (replaced) {
            ps = result + ps.slice(last);
            substituted = true;
            if (inst.print) emit(ps, newline);
          }
          break;
        }
        case 'y': {
          const from = [...inst.from];
          const to = [...inst.to];
          ps = [...ps].map((c) => (from.includes(c) ? to[from.indexOf(c)]! : c)).join('');
          break;
        }
        case 'p':
          emit(ps, newline);
          break;
        case 'P':
          emit(ps.includes('\n') ? ps.slice(0, ps.indexOf('\n')) : ps, ps.includes('\n') || newline);
          break;
        case '=':
          emit(String(state.lineNumber));
          break;
        case 'a':
          append.push(inst.text);
          break;
        case 'r':
          append.push({ file: inst.text });
          break;
        case 'l':
          emit(unambiguous(ps));
          break;
        case 'i':
          // as with a: `i\` with nothing after it inserts nothing
          if (inst.text !== '') emit(inst.text);
          break;
        case 'c':
          // a range prints the text once, at its end
          if ((!inst.a2 || inst.rangeStart === null || inst.negate) && inst.text !== '') emit(inst.text);
          deleted = true;
          break cycle;
        case 'd':
          deleted = true;
          break cycle;
        case 'D': {
          const cut = ps.indexOf('\n');
          if (cut < 0) {
            deleted = true;
            break cycle;
          }
          ps = ps.slice(cut + 1);
          deleted = true;
          restart = true;
          break cycle;
        }
        case 'h':
          state.hold = ps;
          holdNewline = newline;
          break;
        case 'H':
          state.hold += '\n' + ps;
          holdNewline = newline;
          break;
        case 'g':
          ps = state.hold;
          newline = holdNewline;
          break;
        case 'G':
          ps += '\n' + state.hold;
          newline = holdNewline;
          break;
        case 'x':
          [ps, state.hold] = [state.hold, ps];
          [newline, holdNewline] = [holdNewline, newline];
          break;
        case 'n': {
          // with no next line GNU prints the pattern space and ends
          if (!quiet) emit(ps, newline);
          flushAppend();
          if (isLast()) return;
          ps = next()!;
          break;
        }
        case 'N': {
          if (isLast()) {
            if (!quiet) emit(ps, newline);
            flushAppend();
            return;
          }
          ps += '\n' + next()!;
          break;
        }
        case 'q':
          if (!quiet) emit(ps, newline);
          flushAppend();
          state.quitCode = inst.code;
          return;
        case 'Q':
          state.quitCode = inst.code;
          return;
        case 'b':
          pc = inst.jump < 0 ? program.length : inst.jump;
          continue;
        case 't':
        case 'T':
          if (substituted === (inst.op === 't')) {
            substituted = false;
            pc = inst.jump < 0 ? program.length : inst.jump;
            continue;
          }
          if (inst.op === 't') break;
          substituted = false;
          break;
      }
      pc++;
    }
    if (!deleted && !quiet) emit(ps, newline);
    flushAppend();
    if (restart) continue;
    ps = next();
  }
}
