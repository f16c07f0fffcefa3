// where the cursor stands in a manifest being typed: which document (and its kind), the path of
// keys and list items above it, and whether a key or a value is being written. it reads lines and
// their indentation rather than parsing, because a manifest half typed is rarely valid YAML.

export type CursorPath = (string | number)[];

export interface CursorContext {
  mode: 'key' | 'value';
  /** the document's `kind:`, when it has one */
  kind: string | null;
  /** keys and list indexes from the root to the mapping being written (key), or to the key (value) */
  path: CursorPath;
  /** the offset where the word being completed starts */
  from: number;
  /** the column keys are written at here */
  column: number;
  /** keys the same mapping has already (key mode) */
  siblings: string[];
}

interface Line {
  text: string;
  /** column of the first non-space character; -1 for a blank or comment line */
  indent: number;
  /** columns of `- ` sequence markers at the line's start */
  dashes: number[];
  key: string | null;
  keyColumn: number;
  /** something follows the key's colon on its line (a scalar, a flow collection, a block scalar's |) */
  hasValue: boolean;
  documentStart: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)\s*:(?:\s+(.*))?$/;

function analyse(text: string): Line {
  const line: Line = { text, indent: -1, dashes: [], key: null, keyColumn: -1, hasValue: false, documentStart: false };
  if (/^(---|\.\.\.)(\s|$)/.test(text)) return { ...line, documentStart: true };
  let i = 0;
  while (text[i] === ' ') i++;
  if (i === text.length || text[i] === '#') return line;
  line.indent = i;
  while (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === text.length)) {
    line.dashes.push(i);
    i++;
    while (text[i] === ' ') i++;
  }
  const m = KEY.exec(text.slice(i).replace(/\s+#.*$/, ''));
  if (m) {
    line.key = m[1]!.replace(/^["']|["']$/g, '');
    line.keyColumn = i;
    line.hasValue = (m[2] ?? '').trim() !== '';
  }
  return line;
}

/** the path of the collection that holds what stands at `column` on line `at` (a key, or a `-`) */
function containerOf(lines: Line[], at: number, column: number, entity: 'key' | 'dash'): CursorPath | null {
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.documentStart) return entity === 'key' && column === 0 ? [] : null;
    if (line.indent < 0) continue;
    if (entity === 'key') {
      if (line.key !== null && line.keyColumn === column) {
        // a sibling key; when it opens a list item, the mapping is that item
        if (line.dashes.length > 0) return itemPath(lines, i, line);
        continue;
      }
      if (line.indent > column) continue;
      // a compact list at this column belongs to a sibling key
      if (line.dashes[0] === column) continue;
    } else {
      if (line.dashes[0] === column || line.indent > column) continue;
    }
    const opens = line.key !== null && !line.hasValue && line.keyColumn <= column;
    if (opens && (entity === 'dash' || line.keyColumn < column)) return valuePath(lines, i, line);
    return null;
  }
  return entity === 'key' && column === 0 ? [] : null;
}

/** the path of the list item a line's dashes open */
function itemPath(lines: Line[], at: number, line: Line): CursorPath | null {
  const list = containerOf(lines, at, line.dashes[0]!, 'dash');
  return list && [...list, ...line.dashes.map(() => 0)];
}

/** the path of a key's value */
function valuePath(lines: Line[], at: number, line: Line): CursorPath | null {
  const holder = line.dashes.length > 0 ? itemPath(lines, at, line) : containerOf(lines, at, line.keyColumn, 'key');
  return holder && [...holder, line.key!];
}

/** the keys written at `column` in the same mapping as line `at` */
function siblingsOf(lines: Line[], at: number, column: number, startsItem: boolean): string[] {
  const keys: string[] = [];
  const belongs = (line: Line) => line.indent > column || line.dashes[0] === column;
  if (!startsItem) {
    for (let i = at - 1; i >= 0; i--) {
      const line = lines[i]!;
      if (line.documentStart) break;
      if (line.indent < 0) continue;
      if (line.key !== null && line.keyColumn === column) {
        keys.push(line.key);
        if (line.dashes.length > 0) break;
        continue;
      }
      if (!belongs(line)) break;
    }
  }
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.documentStart) break;
    if (line.indent < 0) continue;
    if (line.key !== null && line.keyColumn === column && line.dashes.length === 0) keys.push(line.key);
    else if (!belongs(line)) break;
  }
  return keys;
}

/** the `kind:` at the top level of the document around line `at` */
function kindOf(lines: Line[], at: number): string | null {
  let start = at;
  while (start > 0 && !lines[start]!.documentStart) start--;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > at && line.documentStart) break;
    if (line.key === 'kind' && line.keyColumn === 0 && line.dashes.length === 0) {
      const value = /:\s*(.*)$/.exec(line.text.replace(/\s+#.*$/, ''))?.[1]?.trim() ?? '';
      return value.replace(/^["']|["']$/g, '') || null;
    }
  }
  return null;
}

/** what is being typed at `offset` in `text`; null where nothing can be completed (a comment, a block scalar) */
export function cursorContext(text: string, offset: number): CursorContext | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const before = text.slice(lineStart, offset);
  const all = text.split('\n');
  const at = text.slice(0, lineStart).split('\n').length - 1;
  const lines = all.map((l, i) =>
    i === at ? analyse(text.slice(lineStart, lineEndAt < 0 ? undefined : lineEndAt)) : analyse(l),
  );
  // the line as typed so far stands for the cursor's line when looking around
  const value = /^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)\s*:\s+([^\s#]*)$/.exec(before);
  if (value) {
    const column = value[1]!.length + value[2]!.length;
    const line = { ...analyse(before), key: value[3]!.replace(/^["']|["']$/g, ''), keyColumn: column, hasValue: true };
    const path = valuePath(lines, at, line);
    if (!path) return null;
    return { mode: 'value', kind: kindOf(lines, at), path, from: offset - value[4]!.length, column, siblings: [] };
  }
  const key = /^( *)((?:- +)*)([\w./-]*)$/.exec(before);
  if (!key) return null;
  const column = key[1]!.length + key[2]!.length;
  const dashes = [...key[2]!.matchAll(/- +/g)].map((m) => key[1]!.length + m.index);
  const startsItem = dashes.length > 0;
  const path = startsItem ? itemPath(lines, at, { ...lines[at]!, dashes }) : containerOf(lines, at, column, 'key');
  if (!path) return null;
  return {
    mode: 'key',
    kind: kindOf(lines, at),
    path,
    from: offset - key[3]!.length,
    column,
    siblings: siblingsOf(lines, at, column, startsItem),
  };
}
