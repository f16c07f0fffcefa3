// the only file that imports xterm: it turns an xterm Terminal into the TerminalLike the
// session needs, exposes the screen's text for tests and assistive reading, and gives the
// terminal the clipboard keys people expect from VS Code's terminal
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { TerminalLike } from '../../terminal/terminal-session.ts';
import { clipboardKey } from './clipboard-keys.ts';

export interface MountedTerminal extends TerminalLike {
  onData(listener: (data: string) => void): { dispose(): void };
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
  // clipboard keys are ours (or the browser's), not the shell's
  term.attachCustomKeyEventHandler((event) => !clipboardKey(term, event, navigator.clipboard));
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
    onData: (listener) => term.onData(listener),
    onResize: (listener) => term.onResize(() => listener()),
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
