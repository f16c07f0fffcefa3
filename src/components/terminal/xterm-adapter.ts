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
  /** columns and rows on screen now */
  size(): { cols: number; rows: number };
  /** columns and rows xterm opened with, before anything fitted them */
  readonly opened: { cols: number; rows: number };
  focus(): void;
  fit(): void;
}

const FONT_FAMILY = "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, monospace";
const FONT_SIZE = 14;
/** xterm's ViewportConstants.DEFAULT_SCROLL_BAR_WIDTH, which fit() leaves for the scroll bar */
const SCROLL_BAR_WIDTH = 14;

export function mountTerminal(host: HTMLElement): MountedTerminal {
  const term = new Terminal({
    ...initialSize(host),
    cursorBlink: true,
    fontFamily: FONT_FAMILY,
    fontSize: FONT_SIZE,
    scrollback: 5000,
    screenReaderMode: false,
    theme: { background: '#0f172a', foreground: '#e2e8f0', cursor: '#e2e8f0' },
  });
  const fitAddon = new FitAddon();
  term.loadAddon(fitAddon);
  const opened = { cols: term.cols, rows: term.rows };
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
    size: () => ({ cols: term.cols, rows: term.rows }),
    opened,
    focus: () => term.focus(),
    fit: () => fitAddon.fit(),
  };
}

/** the size fit() will choose, worked out before xterm opens so that it draws its rows once at
 * that size instead of at 80×24 and then again. it measures as xterm does (the width of W and the
 * font's line box on a canvas, the host's box less the scroll bar); fit() still has the last word */
function initialSize(host: HTMLElement): { cols: number; rows: number } | Record<string, never> {
  const context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return {};
  context.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
  const metrics = context.measureText('W');
  const dpr = window.devicePixelRatio || 1;
  const cellWidth = metrics.width;
  const cellHeight = Math.ceil((metrics.fontBoundingBoxAscent + metrics.fontBoundingBoxDescent) * dpr) / dpr;
  // fit() reads the box as whole pixels (parseInt of the computed width and height)
  const box = host.getBoundingClientRect();
  const cols = Math.floor((Math.floor(box.width) - SCROLL_BAR_WIDTH) / cellWidth);
  const rows = Math.floor(Math.floor(box.height) / cellHeight);
  return cellWidth > 0 && cellHeight > 0 && cols > 1 && rows > 0 ? { cols, rows } : {};
}
