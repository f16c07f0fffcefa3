// GNU grep without recursion: prints the lines of files (or stdin) that match, with -A/-B/-C
// context. exit 0 when a line was selected, 1 when none was, 2 on any error (unless -q found one).
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { inputReader, parseOptions, splitLines } from './cli-support.ts';
import { compilePatterns, type PatternMode } from './grep-pattern.ts';

const LONG: Record<string, string> = {
  'extended-regexp': 'E',
  'fixed-strings': 'F',
  'basic-regexp': 'G',
  regexp: 'e',
  'ignore-case': 'i',
  'invert-match': 'v',
  'word-regexp': 'w',
  'line-regexp': 'x',
  count: 'c',
  'line-number': 'n',
  'only-matching': 'o',
  quiet: 'q',
  silent: 'q',
  'files-with-matches': 'l',
  'files-without-match': 'L',
  'with-filename': 'H',
  'no-filename': 'h',
  'no-messages': 's',
  'after-context': 'A',
  'before-context': 'B',
  context: 'C',
};

/** a context length as GNU grep reads it: a non-negative decimal number */
function contextLength(value: string): number | null {
  return /^\d+$/.test(value) ? Number(value) : null;
}

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

export const grep: ShellCommand = {
  name: 'grep',
  summary: 'print lines that match a pattern (-i -v -c -n -w -x -E -F -o -q -l -A -B -C)',
  run(ctx) {
    const { out } = ctx;
    // -NUM is -C NUM
    const end = ctx.args.indexOf('--');
    const args = ctx.args.map((a, i) => ((end < 0 || i < end) && /^-\d+$/.test(a) ? `-C${a.slice(1)}` : a));
    const parsed = parseOptions(args, { short: 'EFGe:ivwxcnoqlLHhsyA:B:C:', long: LONG });
    if ('error' in parsed) {
      out.stderr(`grep: ${parsed.error}\n${USAGE}`);
      return 2;
    }
    let mode: PatternMode = 'basic';
    const patterns: string[] = [];
    let fromE = false;
    const flags = new Set<string>();
    let withName: boolean | null = null;
    let after = 0;
    let before = 0;
    for (const { key, value } of parsed.options) {
      if (key === 'A' || key === 'B' || key === 'C') {
        const length = contextLength(value);
        if (length === null) {
          out.stderr(`grep: ${value}: invalid context length argument\n`);
          return 2;
        }
        if (key !== 'B') after = length;
        if (key !== 'A') before = length;
      } else if (key === 'E') mode = 'extended';
      else if (key === 'F') mode = 'fixed';
      else if (key === 'G') mode = 'basic';
      else if (key === 'e') {
        patterns.push(...value.split('\n'));
        fromE = true;
      } else if (key === 'H' || key === 'h') withName = key === 'H';
      else flags.add(key === 'y' ? 'i' : key);
    }
    const operands = [...parsed.operands];
    if (!fromE) {
      const first = operands.shift();
      if (first === undefined) {
        out.stderr(USAGE);
        return 2;
      }
      patterns.push(...first.split('\n'));
    }
    const regex = compilePatterns(patterns, {
      mode,
      ignoreCase: flags.has('i'),
      word: flags.has('w'),
      line: flags.has('x'),
    });
    if ('error' in regex) {
      out.stderr(`grep: ${regex.error}\n`);
      return 2;
    }
    if (operands.length === 0) operands.push('-');
    withName ??= operands.length > 1;
    const invert = flags.has('v');
    const quiet = flags.has('q');
    // -l and -L only name files, so counting and printing lines stop mattering (as in GNU)
    const list = flags.has('l') ? 'l' : flags.has('L') ? 'L' : null;
    const read = inputReader(ctx);
    let selectedAny = false;
    let failed = false;
    // context only shapes printed lines: counts, lists and -o print none of it
    const context = (after > 0 || before > 0) && !quiet && !list && !flags.has('c') && !flags.has('o');
    let groupsShown = false;

    for (const operand of operands) {
      const name = operand === '-' ? '(standard input)' : operand;
      const text = read(operand);
      if (typeof text !== 'string') {
        if (!flags.has('s')) out.stderr(`grep: ${operand}: ${describeFsError(text.error)}\n`);
        failed = true;
        continue;
      }
      const prefix = withName ? `${name}:` : '';
      let count = 0;
      let shown = '';
      const lines = splitLines(text);
      if (context) {
        // selected lines read `name:n:line`, context lines `name-n-line`, and `--` parts groups
        const selected = lines.map((line) => {
          regex.lastIndex = 0;
          return regex.test(line) !== invert;
        });
        const lead = (n: number, sep: string) => (withName ? `${name}${sep}` : '') + (flags.has('n') ? `${n + 1}${sep}` : '');
        let last = -1;
        let afterLeft = 0;
        for (let n = 0; n < lines.length; n++) {
          if (selected[n]) {
            count++;
            const from = Math.max(last + 1, n - before);
            if (groupsShown && from > last + 1) shown += '--\n';
            for (let k = from; k < n; k++) shown += `${lead(k, '-')}${lines[k]}\n`;
            shown += `${lead(n, ':')}${lines[n]}\n`;
            last = n;
            afterLeft = after;
            groupsShown = true;
          } else if (afterLeft > 0) {
            shown += `${lead(n, '-')}${lines[n]}\n`;
            last = n;
            afterLeft--;
          }
        }
        out.stdout(shown);
        selectedAny ||= count > 0;
        continue;
      }
      for (let n = 0; n < lines.length; n++) {
        const line = lines[n]!;
        regex.lastIndex = 0;
        if (regex.test(line) === invert) continue;
        count++;
        if (quiet) return 0;
        if (list || flags.has('c')) {
          if (list) break;
          continue;
        }
        const lead = prefix + (flags.has('n') ? `${n + 1}:` : '');
        if (!flags.has('o')) {
          shown += `${lead}${line}\n`;
          continue;
        }
        if (invert) continue;
        regex.lastIndex = 0;
        for (const m of line.matchAll(regex)) if (m[0] !== '') shown += `${lead}${m[0]}\n`;
      }
      if (list === 'l' && count > 0) shown = `${name}\n`;
      else if (list === 'L' && count === 0) shown = `${name}\n`;
      else if (!list && flags.has('c')) shown = `${prefix}${count}\n`;
      out.stdout(shown);
      selectedAny ||= list === 'L' ? count === 0 : count > 0;
    }
    if (failed) return 2;
    return selectedAny ? 0 : 1;
  },
};
