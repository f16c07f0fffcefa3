// tab completion: none → nothing; one → complete it; several → the common prefix, and list them

export interface Completion {
  /** text to insert at the cursor */
  insert: string;
  /** candidates to list when more than one remains */
  listing: string[];
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words) {
    while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * completes `partial` from `candidates`; a single match gets a trailing space unless it ends in
 * `/`. `quote` turns the inserted text into what has to be typed for it (escaped spaces).
 */
export function complete(partial: string, candidates: Iterable<string>, quote = (text: string) => text): Completion {
  const matches = [...new Set([...candidates].filter((c) => c.startsWith(partial)))].sort();
  if (matches.length === 0) return { insert: '', listing: [] };
  if (matches.length === 1) {
    const only = matches[0]!;
    return { insert: quote(only.slice(partial.length)) + (only.endsWith('/') ? '' : ' '), listing: [] };
  }
  return { insert: quote(commonPrefix(matches).slice(partial.length)), listing: matches };
}

/** the simple command under the cursor: its words so far and the word being typed */
export interface CommandLineWords {
  /** complete words of the command the cursor is in, quotes removed ([] when typing its name) */
  words: string[];
  /** the word up to the cursor, quotes removed */
  partial: string;
  /** the word follows `>` or `<`: it names a file */
  redirect: boolean;
}

/** splits the text before the cursor as the shell would, far enough for Tab; null inside an open quote */
export function commandLineWords(before: string): CommandLineWords | null {
  let words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: string | null = null;
  let redirect = false;
  const endWord = () => {
    if (inWord && redirect) redirect = false;
    else if (inWord) words.push(current);
    current = '';
    inWord = false;
  };
  for (let i = 0; i < before.length; i++) {
    const ch = before[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '\\' && i + 1 < before.length) {
      current += before[++i];
      inWord = true;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      endWord();
    } else if ('|;&()'.includes(ch)) {
      endWord();
      words = [];
      redirect = false;
    } else if (ch === '>' || ch === '<') {
      // `2>` names a descriptor, not a word
      if (/^\d+$/.test(current)) inWord = false;
      endWord();
      redirect = true;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) return null;
  return { words, partial: current, redirect };
}

/** `\ ` and friends, so an inserted file name stays one word */
export function escapeForShell(text: string): string {
  return text.replace(/([\s'"\\$`&|;<>()*?[\]])/g, '\\$1');
}

/**
 * lays a listing out as readline does: columns as wide as the longest item plus two, filled
 * top to bottom, as many as fit in the terminal's width
 */
export function listingRows(items: string[], columns: number): string[] {
  if (items.length === 0) return [];
  const width = Math.max(...items.map((i) => i.length)) + 2;
  let perRow = Math.floor(columns / width);
  if (perRow !== 1 && perRow * width === columns) perRow--;
  perRow = Math.max(1, perRow);
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[r + c * rows];
      if (item === undefined) break;
      line += item.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
