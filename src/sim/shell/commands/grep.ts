// GNU grep without recursion or context: prints the lines of files (or stdin) that match.
// exit 0 when a line was selected, 1 when none was, 2 on any error (unless -q found one).
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
};

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

export const grep: ShellCommand = {
  name: 'grep',
  summary: 'print lines that match a pattern (-i -v -c -n -w -x -E -F -o -q -l)',
  run(ctx) {
    const { args, out } = ctx;
    const parsed = parseOptions(args, { short: 'EFGe:ivwxcnoqlLHhsy', long: LONG });
    if ('error' in parsed) {
      out.stderr(`grep: ${parsed.error}\n${USAGE}`);
      return 2;
    }
    let mode: PatternMode = 'basic';
    const patterns: string[] = [];
    let fromE = false;
    const flags = new Set<string>();
    let withName: boolean | null = null;
    for (const { key, value } of parsed.options) {
      if (key === 'E') mode = 'extended';
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
