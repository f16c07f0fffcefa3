// coreutils seq: seq LAST, seq FIRST LAST, seq FIRST INCREMENT LAST, with -s SEP and -w.
// numbers are stepped as scaled integers, so `seq 0 0.1 1` never drifts the way floating point
// would; like GNU, the output shows as many decimals as FIRST or INCREMENT has.
import type { ShellCommand } from '../command.ts';
import { parseOptions, quoteLocale, usageError } from './cli-support.ts';

/** the most numbers one seq prints here */
const SEQ_MAX = 1_000_000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

const decimals = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

export const seq: ShellCommand = {
  name: 'seq',
  summary: 'print a sequence of numbers (seq LAST, seq FIRST [INCREMENT] LAST)',
  run({ args, out }) {
    // a negative number ends the options, as GNU seq checks before calling getopt
    const firstNumber = args.findIndex((a) => /^-[\d.]/.test(a));
    const optionWords = firstNumber < 0 ? args : args.slice(0, firstNumber);
    const parsed = parseOptions(optionWords, {
      short: 's:w',
      long: { separator: 's', 'equal-width': 'w' },
    });
    if ('error' in parsed) return usageError(out, 'seq', parsed.error);
    const operands = [...parsed.operands, ...(firstNumber < 0 ? [] : args.slice(firstNumber))];
    let sep = '\n';
    let equalWidth = false;
    for (const { key, value } of parsed.options) {
      if (key === 's') sep = value;
      else equalWidth = true;
    }
    if (operands.length === 0) return usageError(out, 'seq', 'missing operand');
    if (operands.length > 3) return usageError(out, 'seq', `extra operand ${quoteLocale(operands[3]!)}`);
    const bad = operands.find((o) => !NUMBER.test(o));
    if (bad !== undefined) return usageError(out, 'seq', `invalid floating point argument: ${quoteLocale(bad)}`);

    const [firstText, stepText, lastText] =
      operands.length === 1 ? ['1', '1', operands[0]!] : operands.length === 2 ? [operands[0]!, '1', operands[1]!] : operands;
    // shown precision comes from FIRST and INCREMENT; exact stepping also needs LAST's
    const shown = Math.max(decimals(firstText!), decimals(stepText!));
    const scale = 10 ** Math.max(shown, decimals(lastText!));
    const toScaled = (s: string) => Math.round(Number(s) * scale);
    const [first, step, last] = [toScaled(firstText!), toScaled(stepText!), toScaled(lastText!)];
    if (step === 0) return usageError(out, 'seq', `invalid Zero increment value: ${quoteLocale(stepText!)}`);

    const format = (n: number) => (n / scale).toFixed(shown);
    const width = equalWidth ? Math.max(format(first).length, format(last).length) : 0;
    const pad = (s: string) => (s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0'));
    const items: string[] = [];
    let stopped = false;
    for (let i = 0; ; i++) {
      const n = first + i * step;
      if (step > 0 ? n > last : n < last) break;
      // a runaway range would only freeze the page; GNU would print for hours
      if (items.length === SEQ_MAX) {
        stopped = true;
        break;
      }
      items.push(pad(format(n)));
    }
    if (items.length > 0) out.stdout(items.join(sep) + '\n');
    if (stopped) {
      out.stderr(`kubesim: seq stopped after ${SEQ_MAX.toLocaleString('en')} numbers; a longer run would freeze the page\n`);
      return 1;
    }
    return 0;
  },
};
