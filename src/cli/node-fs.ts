// the real disk as a read-only layer under the CLI's virtual file system
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { LowerLayer } from '../sim/shell/vfs.ts';

export const realDisk: LowerLayer = {
  readFile(path) {
    try {
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
    } catch {
      return null;
    }
  },
  readDir(path) {
    try {
      return statSync(path).isDirectory() ? readdirSync(path) : null;
    } catch {
      return null;
    }
  },
};
