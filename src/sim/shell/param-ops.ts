// the string work of bash's parameter expansion, apart from how a shell finds its values: the
// learner's shell (shell.ts) and a container's own command (images/process.ts) both use it.
// patterns are glob patterns with what was quoted already escaped (escapeGlob).

import { matchesPattern } from './glob.ts';

/** `${x#p}` `${x##p}` remove the shortest or longest prefix matching p; `${x%p}` `${x%%p}` the suffix */
export function removeAffix(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const chars = [...value];
  const cuts = chars.map((_, i) => i).concat(chars.length);
  const prefix = op === '#' || op === '##';
  const longest = op === '##' || op === '%%';
  // prefixes from the shortest, suffixes from the shortest; longest reverses the order
  const order = prefix ? cuts : [...cuts].reverse();
  for (const cut of longest ? [...order].reverse() : order) {
    const piece = prefix ? chars.slice(0, cut).join('') : chars.slice(cut).join('');
    if (matchesPattern(pattern, piece)) return prefix ? chars.slice(cut).join('') : chars.slice(0, cut).join('');
  }
  return value;
}

/**
 * `${x/p/r}` replaces the first longest match of p, `${x//p/r}` every one, `${x/#p/r}` one at the
 * start and `${x/%p/r}` one at the end; an empty pattern changes nothing
 */
export function replacePattern(value: string, pattern: string, replacement: string, op: '/' | '//' | '/#' | '/%'): string {
  if (pattern === '') return value;
  const chars = [...value];
  const text = (from: number, to: number) => chars.slice(from, to).join('');
  if (op === '/#' || op === '/%') {
    // the longest match anchored at the start (or the end)
    for (let k = chars.length; k >= 0; k--) {
      const [from, to] = op === '/#' ? [0, k] : [chars.length - k, chars.length];
      if (matchesPattern(pattern, text(from, to))) return text(0, from) + replacement + text(to, chars.length);
    }
    return value;
  }
  // the longest match at the earliest place; `//` goes on after it
  let result = '';
  let i = 0;
  let replaced = false;
  while (i < chars.length) {
    let end = -1;
    if (op === '//' || !replaced) {
      for (let j = chars.length; j > i; j--) {
        if (matchesPattern(pattern, text(i, j))) {
          end = j;
          break;
        }
      }
    }
    if (end < 0) {
      result += chars[i];
      i++;
      continue;
    }
    result += replacement;
    replaced = true;
    i = end;
  }
  return result;
}

/**
 * `${x:offset}` and `${x:offset:length}`: a negative offset counts from the end, a negative length
 * leaves that many off the end; null when that end falls before the start (bash's "substring
 * expression < 0")
 */
export function substring(value: string, offset: number, length?: number): string | null {
  const chars = [...value];
  const start = offset < 0 ? Math.max(0, chars.length + offset) : offset;
  if (length === undefined) return chars.slice(start).join('');
  const end = length < 0 ? chars.length + length : start + length;
  return end < start ? null : chars.slice(start, end).join('');
}
