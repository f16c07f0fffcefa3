// coreutils ls for the learner's files: -l, -a, -A and -1. the terminal counts as a TTY, where
// GNU ls fills columns across the screen; here names share one line, two spaces apart, and -1
// puts one per line. -l shows what a fresh Debian user would see: learner:learner, 0644 files,
// 0755 directories of 4096 bytes, and 4 KiB blocks in the `total` line. times are UTC.
import type { ShellCommand } from '../command.ts';
import type { VirtualFs } from '../vfs.ts';
import { missingReason, parseOptions, quoteAlways, quoteIfNeeded, toBytes, usageError } from './cli-support.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** GNU shows the year instead of the time for files older than half a Gregorian year */
const HALF_YEAR_MS = (31556952 / 2) * 1000;

interface Entry {
  name: string;
  path: string;
  dir: boolean;
}

const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function sizeOf(fs: VirtualFs, e: Entry): number {
  if (e.dir) return 4096;
  const text = fs.readFile(e.path);
  return typeof text === 'string' ? toBytes(text).length : 0;
}

/** a directory's link count: its own name, its `.`, and each subdirectory's `..` */
function links(fs: VirtualFs, e: Entry): number {
  if (!e.dir) return 1;
  const names = fs.list(e.path);
  if (!Array.isArray(names)) return 2;
  return 2 + names.filter((n) => fs.stat(`${e.path}/${n}`)?.kind === 'dir').length;
}

function when(ms: number, now: number): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  if (ms > now - HALF_YEAR_MS && ms <= now) {
    return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  }
  return `${day}  ${d.getUTCFullYear()}`;
}

export const ls: ShellCommand = {
  name: 'ls',
  summary: 'list directory contents (-l long, -a all, -1 one per line)',
  run(ctx) {
    const { out, fs, clock } = ctx;
    const parsed = parseOptions(ctx.args, { short: 'aAl1', long: { all: 'a', 'almost-all': 'A' } });
    if ('error' in parsed) return usageError(out, 'ls', parsed.error, 2);
    const flags = new Set(parsed.options.map((o) => o.key));
    const long = flags.has('l');
    const now = clock.now();

    // quoted names push the others one column right, so names line up as GNU aligns them
    const render = (entries: Entry[]): string => {
      const shown = entries.map((e) => quoteIfNeeded(e.name));
      const align = !flags.has('1') || long ? shown.some((s) => /^['"]/.test(s)) : false;
      const names = shown.map((s) => (align && !/^['"]/.test(s) ? ` ${s}` : s));
      if (!long) {
        if (names.length === 0) return '';
        return flags.has('1') ? names.map((n) => n + '\n').join('') : names.join('  ') + '\n';
      }
      const sizes = entries.map((e) => String(sizeOf(fs, e)));
      const nlinks = entries.map((e) => String(links(fs, e)));
      const sizeWidth = Math.max(0, ...sizes.map((s) => s.length));
      const linkWidth = Math.max(0, ...nlinks.map((s) => s.length));
      return entries
        .map((e, i) => {
          const mode = e.dir ? 'drwxr-xr-x' : '-rw-r--r--';
          const time = when(fs.mtime(e.path) ?? now, now);
          return `${mode} ${nlinks[i]!.padStart(linkWidth)} learner learner ${sizes[i]!.padStart(sizeWidth)} ${time} ${names[i]}\n`;
        })
        .join('');
    };

    const listDir = (dir: Entry): string => {
      const names = fs.list(dir.path);
      if (!Array.isArray(names)) return '';
      const all = flags.has('a') ? ['.', '..', ...names] : names;
      const entries = all
        .filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'))
        .map((n) => {
          const path = n === '.' ? dir.path : n === '..' ? `${dir.path}/..` : `${dir.path}/${n}`;
          return { name: n, path, dir: fs.stat(path)?.kind === 'dir' };
        })
        .sort(byName);
      if (!long) return render(entries);
      const blocks = entries.reduce((sum, e) => sum + (e.dir ? 4 : Math.ceil(sizeOf(fs, e) / 4096) * 4), 0);
      return `total ${blocks}\n${render(entries)}`;
    };

    const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    let status = 0;
    for (const op of operands) {
      const st = fs.stat(op);
      if (!st) {
        out.stderr(`ls: cannot access ${quoteAlways(op)}: ${missingReason(fs, op)}\n`);
        status = 2;
        continue;
      }
      (st.kind === 'dir' ? dirs : files).push({ name: op, path: fs.resolve(op), dir: st.kind === 'dir' });
    }
    let text = render(files.sort(byName));
    let printed = files.length > 0;
    for (const dir of dirs.sort(byName)) {
      if (operands.length > 1) text += `${printed ? '\n' : ''}${quoteIfNeeded(dir.name)}:\n`;
      text += listDir(dir);
      printed = true;
    }
    out.stdout(text);
    return status;
  },
};
