// coreutils rm: removes files, and directories with -r/-R. -f ignores missing operands and
// never complains about them; -d removes empty directories. there is no prompting (-i) here:
// the learner's files are in memory, and a fresh page brings the course's files back.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { missingReason, parseOptions, quoteAlways, usageError } from './cli-support.ts';

export const rm: ShellCommand = {
  name: 'rm',
  summary: 'remove files (-r for directories, -f to ignore missing ones)',
  run(ctx) {
    const { out, fs } = ctx;
    const parsed = parseOptions(ctx.args, {
      short: 'dfrR',
      long: { force: 'f', recursive: 'r', dir: 'd' },
    });
    if ('error' in parsed) return usageError(out, 'rm', parsed.error);
    const flags = new Set(parsed.options.map((o) => (o.key === 'R' ? 'r' : o.key)));
    const force = flags.has('f');
    if (parsed.operands.length === 0) return force ? 0 : usageError(out, 'rm', 'missing operand');
    let status = 0;
    const fail = (message: string) => {
      out.stderr(`rm: ${message}\n`);
      status = 1;
    };
    for (const path of parsed.operands) {
      const st = fs.stat(path);
      if (!st) {
        if (!force) fail(`cannot remove ${quoteAlways(path)}: ${missingReason(fs, path)}`);
        continue;
      }
      if (st.kind === 'dir') {
        // the same safety checks GNU makes before it walks a tree
        if (flags.has('r') && /(^|\/)\.\.?\/*$/.test(path)) {
          fail(`refusing to remove '.' or '..' directory: skipping ${quoteAlways(path)}`);
          continue;
        }
        if (flags.has('r') && fs.resolve(path) === '/') {
          fail("it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe");
          continue;
        }
        if (!flags.has('r') && !flags.has('d')) {
          fail(`cannot remove ${quoteAlways(path)}: Is a directory`);
          continue;
        }
      }
      const err = fs.remove(path, flags.has('r'));
      if (err) fail(`cannot remove ${quoteAlways(path)}: ${describeFsError(err)}`);
    }
    return status;
  },
};
