// the only file that imports xterm: it turns an xterm Terminal into the TerminalLike the
// session needs, and exposes the screen's text for tests and assistive reading
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { TerminalLike } from '../../terminal/terminal-session.ts';

export interface MountedTerminal extends TerminalLike {
  onData(listener: (data: string) => void): void;
  /** the visible buffer as text, one string per line, trailing blanks trimmed */
  screenLines(): string[];
  focus(): void;
  fit(): void;
}

export function mountTerminal(host: HTMLElement): MountedTerminal {
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, monospace",
    fontSize: 14,
    scrollback: 5000,
    screenReaderMode: false,
    theme: { background: '#0f172a', foreground: '#e2e8f0', cursor: '#e2e8f0' },
  });
  const fitAddon = new FitAddon();
  term.loadAddon(fitAddon);
  term.open(host);
  fitAddon.fit();
  new ResizeObserver(() => fitAddon.fit()).observe(host);
  return {
    write: (data) => term.write(data),
    get cols() {
      return term.cols;
    },
    clear: () => {
      term.clear();
      term.write('\x1b[H\x1b[2J');
    },
    onData: (listener) => void term.onData(listener),
    screenLines: () => {
      const buffer = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
      while (lines.length > 0 && lines.at(-1) === '') lines.pop();
      return lines;
    },
    focus: () => term.focus(),
    fit: () => fitAddon.fit(),
  };
}
