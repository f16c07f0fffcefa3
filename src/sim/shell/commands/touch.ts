// coreutils touch: creates each missing file empty and stamps existing ones with the current
// time (-c skips missing files, -r REF copies REF's time). -a and -m are accepted; there is only
// one time per file here. dates written out (-d, -t) are not simulated: unknown options.
import type { ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { missingReason, parseOptions, quoteAlways, usageError } from './cli-support.ts';

export const touch: ShellCommand = {
  name: 'touch',
  summary: 'create empty files, or update their modification time',
  run(ctx) {
    const { out, fs, clock } = ctx;
    const parsed = parseOptions(ctx.args, { short: 'acmr:', long: { 'no-create': 'c', reference: 'r' } });
    if ('error' in parsed) return usageError(out, 'touch', parsed.error);
    const noCreate = parsed.options.some((o) => o.key === 'c');
    const ref = parsed.options.findLast((o) => o.key === 'r')?.value;
    let time = clock.now();
    if (ref !== undefined) {
      if (!fs.stat(ref)) {
        out.stderr(`touch: failed to get attributes of ${quoteAlways(ref)}: ${missingReason(fs, ref)}\n`);
        return 1;
      }
      time = fs.mtime(ref) ?? time;
    }
    if (parsed.operands.length === 0) return usageError(out, 'touch', 'missing file operand');
    let status = 0;
    for (const file of parsed.operands) {
      if (fs.stat(file)) {
        fs.setMtime(file, time);
        continue;
      }
      if (noCreate) continue;
      const err = fs.writeFile(file, '');
      if (err) {
        // a missing directory and a file standing in for one read differently, as with open(2)
        const reason = err === 'ENOENT' ? missingReason(fs, file) : describeFsError(err);
        out.stderr(`touch: cannot touch ${quoteAlways(file)}: ${reason}\n`);
        status = 1;
        continue;
      }
      fs.setMtime(file, time);
    }
    return status;
  },
};
