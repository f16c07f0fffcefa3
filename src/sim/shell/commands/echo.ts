// bash's builtin echo: -n, -e and -E, parsed the way bash does (only leading option words)
import type { ShellCommand } from '../command.ts';

/** the backslash escapes bash's echo -e (and, with a few more, printf) understands */
export const ECHO_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** interprets backslash escapes; `\c` ends all output */
function unescape(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[i + 1]!;
    if (n === 'c') return { text: out, stop: true };
    if (n in ECHO_ESCAPES) {
      out += ECHO_ESCAPES[n];
      i++;
    } else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(text.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += 1 + m.length;
    } else if (n === 'x' && /^[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += 1 + m.length;
    } else {
      out += c;
    }
  }
  return { text: out, stop: false };
}

export const echo: ShellCommand = {
  name: 'echo',
  summary: 'print its arguments',
  run({ args, out }) {
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < args.length; i++) {
      const arg = args[i]!;
      if (!/^-[neE]+$/.test(arg)) break;
      for (const flag of arg.slice(1)) {
        if (flag === 'n') newline = false;
        else escapes = flag === 'e';
      }
    }
    let text = args.slice(i).join(' ');
    if (escapes) {
      const result = unescape(text);
      text = result.text;
      if (result.stop) newline = false;
    }
    out.stdout(newline ? text + '\n' : text);
    return 0;
  },
};
