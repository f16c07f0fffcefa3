// Go's text/tabwriter (as forked by liggitt/tabwriter, which kubectl uses) with kubectl's settings.
// cells are tab-terminated; text after the last tab of a line is a cell that belongs to no column,
// so it is never padded. a column is a run of contiguous lines that all have a cell at that index;
// its width is the widest cell plus padding, at least minwidth. RememberWidths keeps widths across
// flushes so a table streamed in chunks stays aligned.

export interface TabwriterSettings {
  minwidth: number;
  padding: number;
  padchar: string;
  rememberWidths: boolean;
}

/** printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, pad with ' ', RememberWidths */
export const KUBECTL_TABWRITER: TabwriterSettings = { minwidth: 6, padding: 3, padchar: ' ', rememberWidths: true };

interface Cell {
  text: string;
  /** width in runes (code points), as tabwriter counts with utf8.RuneCount */
  width: number;
  /** terminated by '\t' rather than '\v' or a line end */
  htab: boolean;
}

export const runeCount = (s: string): number => Array.from(s).length;

export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out = '';

  constructor(private readonly settings: TabwriterSettings = KUBECTL_TABWRITER) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // a one-cell line cannot influence later columns, so Go flushes right there
        if (ch === '\f' || ncells === 1) this.flushLines();
      }
    }
    this.cell += text.slice(start);
  }

  /** formats everything buffered and returns all output produced since the last call */
  flush(): string {
    if (this.cell.length > 0) this.terminateCell(false);
    this.flushLines();
    const out = this.out;
    this.out = '';
    return out;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private flushLines(): void {
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let th = line0; th < line1; th++) {
      if (column >= this.lines[th]!.length - 1) continue;
      // this line opens a block of cells in `column`: print what precedes it first
      this.writeLines(line0, th);
      line0 = th;
      let width = this.settings.minwidth;
      for (; th < line1; th++) {
        const line = this.lines[th]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + this.settings.padding);
      }
      width = this.remember(width);
      this.widths.push(width);
      this.format(line0, th);
      this.widths.pop();
      line0 = th;
    }
    this.writeLines(line0, line1);
  }

  /** RememberWidths: a column never gets narrower than it was at an earlier flush */
  private remember(width: number): number {
    if (!this.settings.rememberWidths) return width;
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) {
      this.maxwidths.push(width);
      return width;
    }
    const max = this.maxwidths[col]!;
    if (max > width) return max;
    this.maxwidths[col] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += this.settings.padchar.repeat(this.widths[j]! - c.width);
      });
      // the last buffered line is the unterminated remainder: no newline of its own
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }
}

/** lays out whole text (cells separated by '\t', lines by '\n') in one go */
export function tabwrite(text: string, settings: TabwriterSettings = KUBECTL_TABWRITER): string {
  const w = new TabWriter(settings);
  w.write(text);
  return w.flush();
}

/** rows of cells joined with tabs, one line each, laid out as kubectl would */
export function layoutRows(rows: readonly (readonly string[])[], settings: TabwriterSettings = KUBECTL_TABWRITER): string {
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), settings);
}
