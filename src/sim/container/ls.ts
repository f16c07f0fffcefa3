// ls inside a container, as GNU coreutils (Debian images) or busybox prints it: one name per
// line when output is not a terminal, columns across the terminal when it is (GNU fits as many
// columns as it can and pads with tabs, busybox uses one width for all), and -l's long format
import type { ShellCommand } from '../shell/command.ts';
import { parseOptions, toBytes } from '../shell/commands/cli-support.ts';
import type { VirtualFs } from '../shell/vfs.ts';
import type { Userland } from './image-profiles.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HALF_YEAR_MS = (31556952 / 2) * 1000;

interface Entry {
  name: string;
  path: string;
  dir: boolean;
}

export interface LsContext {
  userland: Userland;
  tty: boolean;
  columns: number;
  /** who owns a path: the image user under its home, root elsewhere */
  owner(path: string): { user: string; group: string };
}

function when(ms: number, now: number): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  if (ms > now - HALF_YEAR_MS && ms <= now + 60_000) {
    return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  }
  return `${day}  ${d.getUTCFullYear()}`;
}

function sizeOf(fs: VirtualFs, e: Entry): number {
  if (e.dir) return 4096;
  const text = fs.readFile(e.path);
  return typeof text === 'string' ? toBytes(text).length : 0;
}

function links(fs: VirtualFs, e: Entry): number {
  if (!e.dir) return 1;
  const names = fs.list(e.path);
  if (!Array.isArray(names)) return 2;
  return 2 + names.filter((n) => fs.stat(`${e.path}/${n}`)?.kind === 'dir').length;
}

/** GNU ls: the most columns whose widths (longest name + 2, the last column bare) stay under the line */
function gnuColumns(names: string[], width: number): string {
  let best = { cols: 1, widths: [Math.max(0, ...names.map((n) => n.length))] };
  for (let cols = 2; cols <= names.length; cols++) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths: number[] = [];
    for (let i = 0; i < names.length; i++) {
      const col = Math.floor(i / rows);
      const w = names[i]!.length + (col === cols - 1 ? 0 : 2);
      widths[col] = Math.max(widths[col] ?? 0, w);
    }
    if (widths.reduce((a, b) => a + b, 0) < width) best = { cols, widths };
  }
  const rows = Math.ceil(names.length / best.cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    let pos = 0;
    let target = 0;
    for (let c = 0; c < best.cols; c++) {
      const i = c * rows + r;
      if (i >= names.length) break;
      // pad from the previous name's end to this column with tabs, as GNU's default tab size of 8 does
      while (pos < target) {
        if (Math.floor(target / 8) > Math.floor((pos + 1) / 8)) {
          line += '\t';
          pos += 8 - (pos % 8);
        } else {
          line += ' ';
          pos++;
        }
      }
      line += names[i];
      pos += names[i]!.length;
      target += best.widths[c]!;
    }
    out += line + '\n';
  }
  return out;
}

/** busybox ls: one column width (longest name + 2), as many columns as fit, filled top to bottom */
function busyboxColumns(names: string[], width: number): string {
  const columnWidth = Math.max(0, ...names.map((n) => n.length)) + 2;
  let cols = Math.max(1, Math.floor(width / columnWidth));
  let rows = names.length;
  if (cols > 1) {
    rows = Math.ceil(names.length / cols);
  } else cols = 1;
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r;
      if (i >= names.length) continue;
      if (line) line = line.padEnd(c * columnWidth);
      line += names[i];
    }
    out += line + '\n';
  }
  return out;
}

export function containerLs(context: () => LsContext): ShellCommand {
  return {
    name: 'ls',
    summary: 'list directory contents',
    run(ctx) {
      const { out, fs, clock } = ctx;
      const c = context();
      const busybox = c.userland === 'busybox';
      const parsed = parseOptions(ctx.args, { short: 'aAl1C', long: { all: 'a', 'almost-all': 'A' } });
      if ('error' in parsed) {
        out.stderr(busybox ? `ls: ${parsed.error}\n` : `ls: ${parsed.error}\nTry 'ls --help' for more information.\n`);
        return 2;
      }
      const flags = new Set(parsed.options.map((o) => o.key));
      const long = flags.has('l');
      const columns = !long && !flags.has('1') && (c.tty || flags.has('C'));
      const now = clock.now();

      const render = (entries: Entry[]): string => {
        if (entries.length === 0) return '';
        if (!long) {
          const names = entries.map((e) => e.name);
          if (!columns) return names.map((n) => n + '\n').join('');
          return busybox ? busyboxColumns(names, c.columns) : gnuColumns(names, c.columns);
        }
        const rows = entries.map((e) => {
          const owner = c.owner(e.path);
          return {
            mode: e.dir ? 'drwxr-xr-x' : '-rw-r--r--',
            links: String(links(fs, e)),
            user: owner.user,
            group: owner.group,
            size: String(sizeOf(fs, e)),
            time: when(fs.mtime(e.path) ?? now, now),
            name: e.name,
          };
        });
        if (busybox) {
          return rows
            .map(
              (r) =>
                `${r.mode} ${r.links.padStart(4)} ${r.user.slice(0, 8).padEnd(8)} ${r.group.slice(0, 8).padEnd(8)} ${r.size.padStart(9)} ${r.time} ${r.name}\n`,
            )
            .join('');
        }
        const w = (key: 'links' | 'user' | 'group' | 'size') => Math.max(...rows.map((r) => r[key].length));
        return rows
          .map(
            (r) =>
              `${r.mode} ${r.links.padStart(w('links'))} ${r.user.padEnd(w('user'))} ${r.group.padEnd(w('group'))} ${r.size.padStart(w('size'))} ${r.time} ${r.name}\n`,
          )
          .join('');
      };

      const listDir = (dir: Entry): string => {
        const names = fs.list(dir.path);
        if (!Array.isArray(names)) return '';
        const all = flags.has('a') ? ['.', '..', ...names] : names;
        const entries = all
          .filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'))
          .map((n) => {
            const path =
              n === '.' ? dir.path : n === '..' ? fs.resolve(`${dir.path}/..`) : `${dir.path === '/' ? '' : dir.path}/${n}`;
            return { name: n, path, dir: fs.stat(path)?.kind === 'dir' };
          });
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
          out.stderr(
            busybox ? `ls: ${op}: No such file or directory\n` : `ls: cannot access '${op}': No such file or directory\n`,
          );
          status = busybox ? 1 : 2;
          continue;
        }
        (st.kind === 'dir' ? dirs : files).push({ name: op, path: fs.resolve(op), dir: st.kind === 'dir' });
      }
      let text = render(files);
      let printed = files.length > 0;
      for (const dir of dirs) {
        if (operands.length > 1) text += `${printed ? '\n' : ''}${dir.name}:\n`;
        text += listDir(dir);
        printed = true;
      }
      out.stdout(text);
      return status;
    },
  };
}
