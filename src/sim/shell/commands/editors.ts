// vi, vim and nano: the page's editor stands in for them. the file opens above the terminal
// (created empty when missing, as the editors create it) and the prompt returns at once. where no
// host offers an editor (the CLI, scripts) they say so and fail.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';

/** operands are what is left after options (-R, --) and vim's +N / +/pattern commands */
function fileOperands(args: string[]): string[] {
  const dash = args.indexOf('--');
  const options = dash < 0 ? args : args.slice(0, dash);
  const rest = dash < 0 ? [] : args.slice(dash + 1);
  return [...options.filter((a) => !a.startsWith('-') && !a.startsWith('+')), ...rest];
}

function textEditor(name: string): ShellCommand {
  return {
    name,
    summary: 'open a file in the editor above the terminal',
    run({ args, out, fs, host }) {
      if (!host.openFile) {
        out.stderr(`kubesim: ${name} is not simulated in scripts; edit the file on disk\n`);
        return 1;
      }
      const file = fileOperands(args)[0];
      if (file === undefined) {
        out.stderr(`kubesim: ${name} without a file name is not simulated; try ${name} web.yaml\n`);
        return 1;
      }
      const stat = fs.stat(file);
      if (stat?.kind === 'dir') {
        out.stderr(`kubesim: ${file} is a directory; ${name} here opens files\n`);
        return 1;
      }
      if (!stat) {
        const error = fs.writeFile(file, '');
        if (error) {
          out.stderr(`kubesim: ${name} cannot create ${file}: ${describeFsError(error)}\n`);
          return 1;
        }
      }
      // the editor opens beside the prompt; nothing waits for it to close
      void host.openFile(fs.resolve(file));
      return 0;
    },
  };
}

export const vi = textEditor('vi');
export const vim = textEditor('vim');
export const nano = textEditor('nano');
