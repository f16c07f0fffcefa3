// the learner's files: an in-memory tree the terminal and the editor share. in the CLI a
// read-only lower layer shows the real disk, while writes stay in memory (a script never
// changes an instructor's files).

/** every machine's /dev/null: reads as empty, swallows what is written */
const DEV_NULL = '/dev/null';

export type FsError = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY';

export interface LowerLayer {
  readFile(path: string): string | null;
  /** entry names, or null when `path` is not a directory */
  readDir(path: string): string[] | null;
}

/** a failed file operation */
export interface FsFailure {
  error: FsError;
}

export type Stat = { kind: 'file'; size: number } | { kind: 'dir' };

/** what the file system reads modification times from; a `Clock` fits */
export interface TimeSource {
  now(): number;
}

export class VirtualFs {
  private files = new Map<string, string>();
  private dirs = new Set<string>(['/']);
  /** paths removed here that the lower layer still has */
  private deleted = new Set<string>();
  /** modification times in ms, only for paths changed while a clock was attached */
  private mtimes = new Map<string, number>();
  cwd: string;

  constructor(
    readonly home = '/home/learner',
    private readonly lower: LowerLayer | null = null,
    /** without a clock no times are kept, and `mtime` answers null (callers use "now") */
    public clock: TimeSource | null = null,
  ) {
    this.mkdirs(home);
    this.cwd = home;
  }

  /** an absolute, normalised path (a `~` is the shell's to expand: here it is a name like any other) */
  resolve(path: string): string {
    let p = path;
    if (!p.startsWith('/')) p = `${this.cwd}/${p}`;
    const out: string[] = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return '/' + out.join('/');
  }

  stat(path: string): Stat | null {
    const p = this.resolve(path);
    if (p === DEV_NULL) return { kind: 'file', size: 0 };
    if (this.deleted.has(p)) return null;
    if (this.dirs.has(p)) return { kind: 'dir' };
    const content = this.files.get(p);
    if (content !== undefined) return { kind: 'file', size: content.length };
    if (this.lower) {
      if (this.lower.readDir(p) !== null) return { kind: 'dir' };
      const lowerContent = this.lower.readFile(p);
      if (lowerContent !== null) return { kind: 'file', size: lowerContent.length };
    }
    return null;
  }

  readFile(path: string): string | FsFailure {
    const p = this.resolve(path);
    const st = this.stat(p);
    if (!st) return { error: 'ENOENT' };
    if (st.kind === 'dir') return { error: 'EISDIR' };
    if (p === DEV_NULL) return '';
    return this.files.get(p) ?? this.lower?.readFile(p) ?? { error: 'ENOENT' };
  }

  writeFile(path: string, content: string, append = false): FsError | null {
    if (this.resolve(path) === DEV_NULL) return null;
    const p = this.resolve(path);
    const parent = parentOf(p);
    const parentStat = this.stat(parent);
    if (!parentStat) return 'ENOENT';
    if (parentStat.kind !== 'dir') return 'ENOTDIR';
    const st = this.stat(p);
    if (st?.kind === 'dir') return 'EISDIR';
    const before = append && st ? this.readFile(p) : '';
    this.deleted.delete(p);
    this.dirs.add(parent);
    this.files.set(p, (typeof before === 'string' ? before : '') + content);
    this.touched(p);
    if (!st) this.touched(parent);
    return null;
  }

  mkdir(path: string, parents = false): FsError | null {
    const p = this.resolve(path);
    const st = this.stat(p);
    if (st) return parents && st.kind === 'dir' ? null : 'EEXIST';
    const parent = this.stat(parentOf(p));
    if (!parent) {
      if (!parents) return 'ENOENT';
      const err = this.mkdir(parentOf(p), true);
      if (err) return err;
    } else if (parent.kind !== 'dir') return 'ENOTDIR';
    this.deleted.delete(p);
    this.dirs.add(p);
    this.touched(p);
    this.touched(parentOf(p));
    return null;
  }

  private mkdirs(p: string): void {
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.dirs.add('/' + parts.slice(0, i).join('/'));
  }

  /** entry names in a directory, sorted */
  list(path: string): string[] | FsFailure {
    const p = this.resolve(path);
    const st = this.stat(p);
    if (!st) return { error: 'ENOENT' };
    if (st.kind !== 'dir') return { error: 'ENOTDIR' };
    const prefix = p === '/' ? '/' : p + '/';
    const names = new Set<string>();
    for (const key of [...this.files.keys(), ...this.dirs]) {
      if (key.startsWith(prefix) && key !== p) {
        const rest = key.slice(prefix.length);
        if (rest && !rest.includes('/')) names.add(rest);
      }
    }
    for (const name of this.lower?.readDir(p) ?? []) names.add(name);
    return [...names].filter((n) => !this.deleted.has(prefix + n)).sort();
  }

  remove(path: string, recursive = false): FsError | null {
    const p = this.resolve(path);
    const st = this.stat(p);
    if (!st) return 'ENOENT';
    if (st.kind === 'dir') {
      const entries = this.list(p);
      if (Array.isArray(entries) && entries.length > 0) {
        if (!recursive) return 'ENOTEMPTY';
        for (const entry of entries) this.remove(`${p}/${entry}`, true);
      }
      this.dirs.delete(p);
    } else {
      this.files.delete(p);
    }
    if (this.lower) this.deleted.add(p);
    this.mtimes.delete(p);
    this.touched(parentOf(p));
    return null;
  }

  /** when `path` last changed, or null when no clock saw it change */
  mtime(path: string): number | null {
    const p = this.resolve(path);
    return this.stat(p) ? (this.mtimes.get(p) ?? null) : null;
  }

  /** sets a modification time explicitly, as `touch` does; false when `path` does not exist */
  setMtime(path: string, ms: number): boolean {
    const p = this.resolve(path);
    if (!this.stat(p)) return false;
    this.mtimes.set(p, ms);
    return true;
  }

  // an unknown time is forgotten rather than kept stale, so readers fall back to "now"
  private touched(p: string): void {
    if (this.clock) this.mtimes.set(p, this.clock.now());
    else this.mtimes.delete(p);
  }

  /** every file in memory, for saving a workspace: path → content */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.files].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** the text coreutils prints for an errno */
export function describeFsError(err: FsError): string {
  switch (err) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EEXIST':
      return 'File exists';
    case 'ENOTEMPTY':
      return 'Directory not empty';
  }
}
