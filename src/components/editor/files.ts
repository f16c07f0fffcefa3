// the editor's view of the learner's files: which ones the picker lists, what a new file may be
// called, and how the terminal names a file (for the Apply command it types)
import { parentOf, type VirtualFs } from '../../sim/shell/vfs.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** how deep the picker looks below the home directory, and how many files it lists at most */
const MAX_DEPTH = 4;
const MAX_FILES = 200;

/** the files under the home directory (hidden ones left out), as absolute paths in name order */
export function listFiles(fs: VirtualFs): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    const names = fs.list(dir);
    if (!Array.isArray(names)) return;
    for (const name of names) {
      if (name.startsWith('.') || out.length >= MAX_FILES) continue;
      const path = `${dir === '/' ? '' : dir}/${name}`;
      const stat = fs.stat(path);
      if (stat?.kind === 'file') out.push(path);
      else if (stat?.kind === 'dir' && depth < MAX_DEPTH) walk(path, depth + 1);
    }
  };
  walk(fs.home, 1);
  return out.sort();
}

/** how the picker shows a path: relative to home when inside it */
export function displayName(path: string, home: string): string {
  return path.startsWith(home + '/') ? path.slice(home.length + 1) : path;
}

/** files the editor checks as Kubernetes manifests */
export function isManifestPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

export type NameCheck = { ok: true; path: string } | { ok: false; message: MessageKey; params?: Record<string, string> };

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** a new file's name, relative to the home directory: safe characters, an existing folder, not taken */
export function checkNewFileName(input: string, fs: VirtualFs): NameCheck {
  const name = input.trim();
  if (name === '') return { ok: false, message: 'editor.nameRequired' };
  const segments = name.split('/');
  if (!segments.every((s) => SEGMENT.test(s))) return { ok: false, message: 'editor.nameInvalid' };
  const path = fs.resolve(`${fs.home}/${name}`);
  const dir = parentOf(path);
  if (fs.stat(dir)?.kind !== 'dir') return { ok: false, message: 'editor.noFolder', params: { dir: displayName(dir, fs.home) } };
  if (fs.stat(path)) return { ok: false, message: 'editor.nameExists', params: { name } };
  return { ok: true, path };
}

/** `path` as the learner would type it at a prompt in `cwd`: relative there, `~/…` under home, else absolute */
export function shellPath(path: string, cwd: string, home: string): string {
  const relative = cwd === '/' ? path.slice(1) : path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : null;
  const plain = (s: string) => /^[A-Za-z0-9._/+-]+$/.test(s);
  if (relative !== null && plain(relative)) return relative;
  if (path.startsWith(home + '/') && plain(path.slice(home.length + 1))) return `~/${path.slice(home.length + 1)}`;
  if (relative !== null) return quote(relative);
  return plain(path) ? path : quote(path);
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
