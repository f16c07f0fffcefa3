// coreutils mkdir: creates directories; -p creates missing parents too and accepts ones that
// already exist, -v reports each directory made. note GNU quotes the failing name with curly
// quotes here (‘x’), unlike rm and ls, because mkdir's message goes through quote().
import type { ShellCommand } from '../command.ts';
import { describeFsError, parentOf } from '../vfs.ts';
import { missingReason, parseOptions, quoteAlways, quoteLocale, usageError } from './cli-support.ts';

export const mkdir: ShellCommand = {
  name: 'mkdir',
  summary: 'create directories (-p for parents as needed)',
  run(ctx) {
    const { out, fs } = ctx;
    // -m MODE is accepted and has no effect: permissions are not simulated (ls -l shows 0755)
    const parsed = parseOptions(ctx.args, { short: 'pvm:', long: { parents: 'p', verbose: 'v', mode: 'm' } });
    if ('error' in parsed) return usageError(out, 'mkdir', parsed.error);
    const parents = parsed.options.some((o) => o.key === 'p');
    const verbose = parsed.options.some((o) => o.key === 'v');
    if (parsed.operands.length === 0) return usageError(out, 'mkdir', 'missing operand');
    let status = 0;
    for (const dir of parsed.operands) {
      // with -p, the ancestors that do not exist yet, outermost first, as the names to report
      const made: string[] = [];
      if (parents) {
        const chain: string[] = [];
        for (let p = fs.resolve(dir); !fs.stat(p) && p !== '/'; p = parentOf(p)) chain.unshift(p);
        const given = dir.replace(/\/+$/, '');
        for (const p of chain) made.push(given.slice(0, given.length - (fs.resolve(dir).length - p.length)));
      } else made.push(dir);
      let err = fs.mkdir(dir, parents);
      if (err === 'ENOENT') err = missingReason(fs, dir) === 'Not a directory' ? 'ENOTDIR' : 'ENOENT';
      if (err) {
        out.stderr(`mkdir: cannot create directory ${quoteLocale(dir)}: ${describeFsError(err)}\n`);
        status = 1;
        continue;
      }
      if (verbose) for (const name of made) out.stdout(`mkdir: created directory ${quoteAlways(name)}\n`);
    }
    return status;
  },
};
