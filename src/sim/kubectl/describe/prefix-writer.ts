// describe.go's PrefixWriter over the tabwriter tabbedString sets up: every Write indents its
// text by two spaces per level (once, at its start), cells end at tabs, and the whole output is
// laid out by Go's text/tabwriter with minwidth 0, padding 2 and no remembered widths. a Flush
// (DescribeEvents does one) closes the columns seen so far, so the events table aligns alone.

import { TabWriter, type TabwriterSettings } from '../printers/tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** tabwriter.Init(buf, 0, 8, 2, ' ', 0) in tabbedString */
const DESCRIBE_TABWRITER: TabwriterSettings = { minwidth: 0, padding: 2, padchar: ' ', rememberWidths: false };

export class PrefixWriter {
  private readonly tabs = new TabWriter(DESCRIBE_TABWRITER);
  private out = '';

  /** Write(level, format, ...): the prefix goes before the text only, not before each line in it */
  write(level: number, text: string): void {
    this.tabs.write('  '.repeat(level) + text);
  }

  /** WriteLine(a...): fmt.Sprintln, values joined by spaces, no indentation */
  writeLine(...parts: string[]): void {
    this.tabs.write(parts.join(' ') + '\n');
  }

  flush(): void {
    this.out += this.tabs.flush();
  }

  /** the final Flush of tabbedString and everything written */
  toString(): string {
    this.flush();
    return this.out;
  }
}

/** tabbedString: runs a describer body against a fresh writer and returns the laid-out text */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.toString();
}
