// the line being edited: text and a cursor, changed only by pure functions

export interface LineBuffer {
  readonly text: string;
  /** index into text, 0..text.length */
  readonly cursor: number;
}

export const emptyLine: LineBuffer = { text: '', cursor: 0 };

export function insert(line: LineBuffer, text: string): LineBuffer {
  return { text: line.text.slice(0, line.cursor) + text + line.text.slice(line.cursor), cursor: line.cursor + text.length };
}

export function backspace(line: LineBuffer): LineBuffer {
  if (line.cursor === 0) return line;
  return { text: line.text.slice(0, line.cursor - 1) + line.text.slice(line.cursor), cursor: line.cursor - 1 };
}

export function deleteForward(line: LineBuffer): LineBuffer {
  if (line.cursor >= line.text.length) return line;
  return { text: line.text.slice(0, line.cursor) + line.text.slice(line.cursor + 1), cursor: line.cursor };
}

export function moveTo(line: LineBuffer, cursor: number): LineBuffer {
  return { text: line.text, cursor: Math.max(0, Math.min(line.text.length, cursor)) };
}

/** start of the word before the cursor, as readline's backward-word sees words */
export function wordStartBefore(line: LineBuffer): number {
  let i = line.cursor;
  while (i > 0 && !/[A-Za-z0-9]/.test(line.text[i - 1]!)) i--;
  while (i > 0 && /[A-Za-z0-9]/.test(line.text[i - 1]!)) i--;
  return i;
}

export function wordEndAfter(line: LineBuffer): number {
  let i = line.cursor;
  while (i < line.text.length && !/[A-Za-z0-9]/.test(line.text[i]!)) i++;
  while (i < line.text.length && /[A-Za-z0-9]/.test(line.text[i]!)) i++;
  return i;
}

export function killToEnd(line: LineBuffer): LineBuffer {
  return { text: line.text.slice(0, line.cursor), cursor: line.cursor };
}

export function killToStart(line: LineBuffer): LineBuffer {
  return { text: line.text.slice(line.cursor), cursor: 0 };
}

/** Ctrl-W: removes the whitespace-delimited word before the cursor (unix-word-rubout) */
export function killWordBack(line: LineBuffer): LineBuffer {
  let i = line.cursor;
  while (i > 0 && /\s/.test(line.text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(line.text[i - 1]!)) i--;
  return { text: line.text.slice(0, i) + line.text.slice(line.cursor), cursor: i };
}
