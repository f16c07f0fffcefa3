// tilde expansion, as bash does it before parameters: an unquoted `~` that starts a word (or, in
// an assignment's value, follows its `=` or a `:`) takes the characters up to the next `/` as a
// tilde-prefix. `~` is $HOME, `~+` $PWD, `~-` $OLDPWD, `~name` that user's home; a prefix naming
// nothing known, or running into quoted text or an expansion, is left as it was. what a tilde
// becomes is not split or globbed.

import type { Word, WordPart } from './syntax.ts';

export interface TildeContext {
  /** a shell variable's value, undefined when unset */
  variable(name: string): string | undefined;
  /** the home directory when $HOME is unset, as bash takes it from the password file */
  home: string;
  /** a user's home directory, undefined for a user the machine does not know */
  userHome(user: string): string | undefined;
  /** bash (outside POSIX mode) also expands after the `=` of an argument like `a=~`; dash and ash do not */
  assignmentWords: boolean;
}

const ASSIGNMENT_LIKE = /^[A-Za-z_][A-Za-z0-9_]*=/;

function tildeValue(name: string, ctx: TildeContext): string | undefined {
  if (name === '') return ctx.variable('HOME') ?? ctx.home;
  if (name === '+') return ctx.variable('PWD');
  if (name === '-') return ctx.variable('OLDPWD');
  return ctx.userHome(name);
}

/**
 * the word with its tilde-prefixes expanded. `value` is for an assignment's value (`X=~/a:~/b`);
 * with `assignmentWords`, a word that looks like an assignment (`echo a=~`) is expanded after its
 * first `=` and its `:`s too
 */
export function expandTilde(word: Word, ctx: TildeContext, value = false): Word {
  const first = word.parts[0];
  if (!first || first.kind !== 'text' || first.quoted) return word;
  if (!word.parts.some((p) => p.kind === 'text' && !p.quoted && p.text.includes('~'))) return word;
  // in an assignment-like word, the first `=` ends the name: a tilde may follow it
  const nameEnd = value || !ctx.assignmentWords ? -1 : (ASSIGNMENT_LIKE.exec(first.text)?.[0].length ?? 0) - 1;
  const inValue = value || nameEnd >= 0;
  const parts: WordPart[] = [];
  // a tilde may start a prefix at the word's start and, in a value, after the `=` and each `:`
  let eligible = true;
  let changed = false;
  word.parts.forEach((part, index) => {
    if (part.kind !== 'text' || part.quoted) {
      parts.push(part);
      eligible = false;
      return;
    }
    const text = part.text;
    let literal = '';
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '~' && eligible) {
        let end = i + 1;
        while (end < text.length && text[end] !== '/' && !(inValue && text[end] === ':')) end++;
        // a prefix that runs into the next part (quotes, `$x`) is not a tilde-prefix
        const open = end === text.length && index < word.parts.length - 1;
        const replacement = open ? undefined : tildeValue(text.slice(i + 1, end), ctx);
        if (replacement !== undefined) {
          if (literal) parts.push({ kind: 'text', text: literal, quoted: false });
          parts.push({ kind: 'text', text: replacement, quoted: true });
          literal = '';
          changed = true;
          i = end;
          eligible = false;
          continue;
        }
      }
      eligible = inValue && (ch === ':' || (index === 0 && i === nameEnd));
      literal += ch;
      i++;
    }
    if (literal) parts.push({ kind: 'text', text: literal, quoted: false });
  });
  return changed ? { parts } : word;
}
