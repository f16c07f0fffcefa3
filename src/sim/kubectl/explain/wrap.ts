// the two text helpers of kubectl explain's plaintext template: `wrap` (mitchellh/go-wordwrap's
// WrapString behind kubectl's word-wrap writer) and `indent`

/**
 * kubectl's `wrap` func: since kubectl 1.32 it first deletes every line break, then wraps at
 * spaces so no line exceeds `limit` characters. a word longer than the limit is never split and
 * overflows its line; spaces where a line is broken are dropped.
 */
export function wrap(limit: number, text: string): string {
  let out = '';
  let current = 0;
  let word = '';
  let spaces = '';
  for (const ch of text.replaceAll('\n', '')) {
    if (/\s/.test(ch) && ch !== '\u00a0') {
      if (spaces.length === 0 || word.length > 0) {
        current += spaces.length + word.length;
        out += spaces + word;
        spaces = '';
        word = '';
      }
      spaces += ch;
    } else {
      word += ch;
      if (current + spaces.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        spaces = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + spaces.length <= limit) out += spaces;
  } else {
    out += spaces + word;
  }
  return out;
}

/** the template's `indent`: pads the first line and every line after a break */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', `\n${pad}`);
}
