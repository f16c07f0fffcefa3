// file-name completion, as bash does it by default: the entries of the directory named so far,
// directories with a trailing `/` so completion can go on into them

import type { VirtualFs } from './vfs.ts';

/**
 * paths that start with `partial`; dot files only when the partial names one, as bash does. a
 * leading `~/` is looked up in the home directory and kept in what is offered
 */
export function completePaths(fs: VirtualFs, partial: string): string[] {
  const slash = partial.lastIndexOf('/');
  const dir = slash >= 0 ? partial.slice(0, slash + 1) : '';
  const base = partial.slice(dir.length);
  const real = (path: string) => (path.startsWith('~/') ? fs.home + path.slice(1) : path);
  const names = fs.list(real(dir) || '.');
  if (!Array.isArray(names)) return [];
  return names
    .filter((name) => name.startsWith(base) && (base.startsWith('.') || !name.startsWith('.')))
    .map((name) => dir + name + (fs.stat(real(dir + name))?.kind === 'dir' ? '/' : ''));
}
