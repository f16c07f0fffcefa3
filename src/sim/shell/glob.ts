// pathname expansion, as bash does it with its default options: `*`, `?` and `[…]` in an
// unquoted word match file names (not a leading dot unless the pattern has one), the matches
// come sorted, and a pattern that matches nothing stays as it was typed.
import type { VirtualFs } from './vfs.ts';

/** a literal's characters, escaped so that a pattern built around them reads them as themselves */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => '\\' + c);
}

/** the pattern's characters with their escapes removed */
function unescape(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

/** true when the pattern has a `*`, `?` or `[` that no backslash escapes */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** one path component's pattern as a RegExp over a whole name (null if it cannot be one: it then matches nothing) */
function componentRegex(pattern: string): RegExp | null {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      source += escapeRegex(pattern[++i]!);
    } else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      // a bracket expression runs to the next `]` (one right after `[`, `[!` or `[^` is literal)
      let j = i + 1;
      let negate = false;
      if (pattern[j] === '!' || pattern[j] === '^') {
        negate = true;
        j++;
      }
      let body = '';
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      while (j < pattern.length && pattern[j] !== ']') {
        const b = pattern[j]!;
        if (b === '\\' && j + 1 < pattern.length) {
          body += escapeRegex(pattern[++j]!);
        } else if (b === '-' && body !== '' && pattern[j + 1] !== ']') body += '-';
        else body += b === '^' || b === '-' ? '\\' + b : escapeRegex(b);
        j++;
      }
      if (j >= pattern.length) {
        source += '\\[';
        continue;
      }
      source += `[${negate ? '^' : ''}${body}]`;
      i = j;
    } else source += escapeRegex(c);
  }
  try {
    return new RegExp(`^${source}$`, 'su');
  } catch {
    return null;
  }
}

/** true when the whole of `text` matches the pattern, as `${x#pattern}` and `case` compare (a `*` matches `/` too) */
export function matchesPattern(pattern: string, text: string): boolean {
  return componentRegex(pattern)?.test(text) ?? false;
}

/** a character as a literal in a unicode-mode RegExp, which refuses escapes of non-syntax characters */
function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

/** the paths the pattern matches, sorted as `ls` sorts; [] when none does */
export function globPaths(fs: VirtualFs, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let paths = [absolute ? '/' : ''];
  if (absolute) components.shift();
  components.forEach((component, index) => {
    const last = index === components.length - 1;
    const next: string[] = [];
    for (const base of paths) {
      const join = (name: string) => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (!hasGlob(component)) {
        const path = join(unescape(component));
        const stat = fs.stat(path);
        if (stat && (last || stat.kind === 'dir')) next.push(path);
        continue;
      }
      const listed = fs.list(base === '' ? '.' : base);
      if (!Array.isArray(listed)) continue;
      const regex = componentRegex(component);
      if (!regex) continue;
      const dotOk = component.startsWith('.') || component.startsWith('\\.');
      for (const name of listed) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!regex.test(name)) continue;
        const path = join(name);
        if (last || fs.stat(path)?.kind === 'dir') next.push(path);
      }
    }
    paths = next;
  });
  return paths.filter((p) => p !== '' && p !== '/').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
