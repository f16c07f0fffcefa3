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

/** completes `partial` from `candidates`; a single match gets a trailing space unless it ends in `/` */
export function complete(partial: string, candidates: Iterable<string>): Completion {
  const matches = [...new Set([...candidates].filter((c) => c.startsWith(partial)))].sort();
  if (matches.length === 0) return { insert: '', listing: [] };
  if (matches.length === 1) {
    const only = matches[0]!;
    return { insert: only.slice(partial.length) + (only.endsWith('/') ? '' : ' '), listing: [] };
  }
  return { insert: commonPrefix(matches).slice(partial.length), listing: matches };
}
