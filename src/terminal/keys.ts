// raw terminal input → key events. editing logic never looks at escape sequences.

export type Key = { kind: 'text'; text: string } | { kind: NamedKey };

export type NamedKey =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  | 'kill-to-end'
  | 'kill-to-start'
  | 'kill-word-back'
  | 'clear-screen'
  | 'interrupt'
  | 'eof'
  | 'tab';

const SEQUENCES: Record<string, NamedKey> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[7~': 'home',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;5C': 'word-right',
  '\x1bb': 'word-left',
  '\x1bf': 'word-right',
  '\x1b\x7f': 'kill-word-back',
};

const CONTROLS: Record<string, NamedKey> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x0b': 'kill-to-end',
  '\x15': 'kill-to-start',
  '\x17': 'kill-word-back',
  '\x0c': 'clear-screen',
  '\x03': 'interrupt',
  '\x04': 'eof',
};

/** Splits terminal input into keys; printable runs become one text key. Unknown sequences are dropped. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length;) {
    const c = data[i]!;
    if (c === '\x1b') {
      flush();
      const seq = Object.keys(SEQUENCES)
        .filter((s) => data.startsWith(s, i))
        .sort((a, b) => b.length - a.length)[0];
      if (seq) {
        keys.push({ kind: SEQUENCES[seq]! });
        i += seq.length;
      } else {
        // skip an unknown CSI/SS3 sequence whole, or a lone escape
        const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/.exec(data.slice(i))!;
        i += Math.max(1, m[0].length);
      }
      continue;
    }
    if (c === '\r' && data[i + 1] === '\n') {
      flush();
      keys.push({ kind: 'enter' });
      i += 2;
      continue;
    }
    const control = CONTROLS[c];
    if (control) {
      flush();
      keys.push({ kind: control });
    } else if (c >= ' ' && !(c >= '\x80' && c <= '\x9f')) {
      // C1 controls (U+0080–U+009F, e.g. a one-byte CSI) are dropped like the C0 ones
      text += c;
    }
    i++;
  }
  flush();
  return keys;
}
