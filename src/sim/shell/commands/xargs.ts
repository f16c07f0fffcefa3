// GNU xargs (findutils 4.9): builds command lines from standard input and runs them. items are
// split on blanks and newlines with quotes and backslashes honoured (or on -0/-d), -n and -L cap
// each run, -I puts each line into the command, -r skips a run for empty input, -t echoes each
// command. statuses: 123 if a run failed, 124 if one exited 255, 127 for a missing command.
import type { CommandContext, ShellCommand } from '../command.ts';
import { parseOptions } from './cli-support.ts';

const TRY = "Try 'xargs --help' for more information.\n";

type Items = { items: string[]; error: string | null };

/** xargs' default reading of its input: blanks separate, quotes group, a backslash escapes */
function quotedItems(text: string): Items {
  const items: string[] = [];
  let current = '';
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      started = true;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const newline = text.indexOf('\n', i + 1);
      if (end < 0 || (newline >= 0 && newline < end)) {
        if (started) items.push(current);
        const which = c === '"' ? 'double' : 'single';
        return {
          items,
          error: `unmatched ${which} quote; by default quotes are special to xargs unless you use the -0 option`,
        };
      }
      current += text.slice(i + 1, end);
      started = true;
      i = end;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (started) items.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (started) items.push(current);
  return { items, error: null };
}

/** the input's lines (for -L and -I), each with its leading blanks dropped, blank lines skipped */
function lines(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => quotedItems(line).items);
}

export const xargs: ShellCommand = {
  name: 'xargs',
  summary: 'build and run commands from standard input (-n N, -I {}, -L N, -0, -d X, -r, -t)',
  async run(ctx: CommandContext) {
    const { out } = ctx;
    const parsed = parseOptions(ctx.args, {
      short: 'n:I:L:0d:rtP:',
      long: {
        'max-args': 'n',
        'max-lines': 'L',
        null: '0',
        delimiter: 'd',
        'no-run-if-empty': 'r',
        verbose: 't',
        'max-procs': 'P',
      },
      inOrder: true,
    });
    if ('error' in parsed) {
      out.stderr(`xargs: ${parsed.error}\n${TRY}`);
      return 1;
    }
    let perRun: number | null = null;
    let perLines: number | null = null;
    let replace: string | null = null;
    let delimiter: string | null = null;
    let skipEmpty = false;
    let verbose = false;
    for (const { key, value } of parsed.options) {
      if (key === 'n' || key === 'L') {
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!(n >= 1)) {
          out.stderr(`xargs: value ${value} for -${key} option should be >= 1\n${TRY}`);
          return 1;
        }
        if (key === 'n') perRun = n;
        else perLines = n;
      } else if (key === 'I') replace = value;
      else if (key === '0') delimiter = '\0';
      else if (key === 'd') delimiter = value.replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
      else if (key === 'r') skipEmpty = true;
      else if (key === 't') verbose = true;
    }
    const command = parsed.operands.length > 0 ? parsed.operands : ['echo'];

    // the runs: each is the command's own words plus some items
    let runs: string[][];
    let inputError: string | null = null;
    if (replace !== null) {
      runs = ctx.stdin
        .split(delimiter ?? '\n')
        .map((line) => (delimiter === null ? line.replace(/^[ \t]+/, '') : line))
        .filter((line) => line !== '')
        .map((line) => command.map((word) => word.split(replace).join(line)));
    } else {
      let groups: string[][];
      if (delimiter !== null) {
        const items = ctx.stdin.split(delimiter);
        if (items.at(-1) === '') items.pop();
        groups = chunk(items, perRun);
      } else if (perLines !== null) {
        const byLine = lines(ctx.stdin);
        groups = [];
        for (let i = 0; i < byLine.length; i += perLines) groups.push(byLine.slice(i, i + perLines).flat());
      } else {
        const read = quotedItems(ctx.stdin);
        inputError = read.error;
        groups = chunk(read.items, perRun);
      }
      if (groups.length === 0 && !skipEmpty && inputError === null) groups = [[]];
      runs = groups.map((items) => [...command, ...items]);
    }

    let status = 0;
    for (const argv of runs) {
      if (verbose) out.stderr(argv.join(' ') + '\n');
      const [name, ...args] = argv as [string, ...string[]];
      const found = ctx.shell.commands.get(name);
      if (!found) {
        out.stderr(`xargs: ${name}: No such file or directory\n`);
        return 127;
      }
      const code = await found.run({ ...ctx, name, args, stdin: '' });
      if (code === 255) {
        out.stderr(`xargs: ${name}: exited with status 255; aborting\n`);
        return 124;
      }
      if (code !== 0) status = 123;
    }
    if (inputError !== null) {
      out.stderr(`xargs: ${inputError}\n`);
      return 1;
    }
    return status;
  },
};

function chunk(items: string[], size: number | null): string[][] {
  if (items.length === 0) return [];
  if (size === null) return [items];
  const out: string[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
