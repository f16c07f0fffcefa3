// coreutils tee: standard input to standard output and to each file (-a appends). a file it
// cannot write is reported and skipped, and tee then exits 1.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { parseOptions, quoteIfNeeded, usageError } from './cli-support.ts';

export const tee: ShellCommand = {
  name: 'tee',
  summary: 'copy standard input to standard output and to files (-a appends)',
  run(ctx) {
    const { out } = ctx;
    const parsed = parseOptions(ctx.args, { short: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } });
    if ('error' in parsed) return usageError(out, 'tee', parsed.error);
    const append = parsed.options.some((o) => o.key === 'a');
    let status = 0;
    for (const file of parsed.operands) {
      const error = ctx.fs.writeFile(file, ctx.stdin, append);
      if (error) {
        out.stderr(`tee: ${quoteIfNeeded(file)}: ${describeFsError(error)}\n`);
        status = 1;
      }
    }
    out.stdout(ctx.stdin);
    return status;
  },
};
