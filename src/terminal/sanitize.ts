// what commands print is data, never terminal control: escape sequences in a learner's file
// must not reprogram the terminal. control bytes are shown in caret notation, as `cat -v` does.

export function sanitizeOutput(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += '\r\n';
    else if (ch === '\t') out += ch;
    else if (code < 0x20) out += '^' + String.fromCharCode(code + 64);
    else if (code === 0x7f) out += '^?';
    else if (code >= 0x80 && code < 0xa0) out += 'M-^' + String.fromCharCode(code - 0x80 + 64);
    else out += ch;
  }
  return out;
}

/** the printed width of text written by us: escape sequences take no columns */
export function visibleWidth(text: string): number {
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
