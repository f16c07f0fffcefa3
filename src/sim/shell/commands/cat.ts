// coreutils cat: files in order, `-` or no operand for stdin
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { quoteIfNeeded } from './cli-support.ts';

export const cat: ShellCommand = {
  name: 'cat',
  summary: 'print files (or standard input) one after another',
  run({ args, stdin, out, fs }) {
    const operands = args.filter((a) => a !== '--');
    const unknown = operands.find((a) => a.startsWith('-') && a !== '-');
    if (unknown) {
      const flag = unknown.startsWith('--') ? `unrecognized option '${unknown}'` : `invalid option -- '${unknown[1]}'`;
      out.stderr(`cat: ${flag}\nTry 'cat --help' for more information.\n`);
      return 1;
    }
    if (operands.length === 0) operands.push('-');
    let status = 0;
    for (const path of operands) {
      if (path === '-') {
        out.stdout(stdin);
        continue;
      }
      const content = fs.readFile(path);
      if (typeof content === 'string') out.stdout(content);
      else {
        out.stderr(`cat: ${quoteIfNeeded(path)}: ${describeFsError(content.error)}\n`);
        status = 1;
      }
    }
    return status;
  },
};
