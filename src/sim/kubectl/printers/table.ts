// the human-readable table of `kubectl get`: cli-runtime's decorateTable (NAMESPACE first, kind/
// prefixes, -L and --show-labels columns last) and printTable (wide filtering, upper-cased headers,
// cell truncation) written through kubectl's tabwriter.

import type { KubeObject } from '../../api/types.ts';
import { printerFor } from './columns.ts';
import { formatLabels } from './row-helpers.ts';
import { kindPrefix } from './name.ts';
import { TabWriter } from './tabwriter.ts';
import { utf8Bytes } from './go-fmt.ts';

export interface TableOptions {
  /** the simulated clock, epoch ms */
  now: number;
  /** -o wide: show the Priority 1 columns */
  wide: boolean;
  noHeaders: boolean;
  /** --show-labels: a LABELS column with every label */
  showLabels: boolean;
  /** -L key,...: one column per key, headed by the key's last path segment */
  labelColumns: string[];
  /** -A: a NAMESPACE column first */
  withNamespace: boolean;
  /** several resource types requested: names print as `pod/web`, `deployment.apps/web` */
  withKind: boolean;
}

interface TableColumn {
  name: string;
  wide: boolean;
  isName: boolean;
}

/** tableprinter flushes its tabwriter this often; remembered widths keep chunks aligned */
const FLUSH_INTERVAL = 100;

/** tableprinter measures its pre-scan in bytes (len() of a Go string), not runes */
const utf8Length = (s: string): number => utf8Bytes(s).length;

/** appendCellValue: a cell ends at its first line break (shown as `...`); ESC and CR are escaped */
function cellText(value: string): string {
  const brk = value.search(/[\f\n\r]/);
  const text = brk < 0 ? value : value.slice(0, brk);
  const escaped = text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
  return brk < 0 ? escaped : escaped + '...';
}

export function printTable(objects: KubeObject[], options: TableOptions): string {
  // with no rows kubectl prints nothing at all, not even headers
  if (objects.length === 0) return '';
  const printer = printerFor(objects[0]!.kind);
  let columns: TableColumn[] = printer.columns.map((c) => ({ name: c.name, wide: c.wide, isName: c.isName === true }));
  let rows = objects.map((obj) => printer.row(obj, { now: options.now }));

  // decorateTable
  const nameColumn = options.withKind ? columns.findIndex((c) => c.isName) : -1;
  if (nameColumn >= 0) {
    rows = rows.map((cells, i) => cells.map((cell, j) => (j === nameColumn ? `${kindPrefix(objects[i]!)}/${cell}` : cell)));
  }
  if (options.withNamespace) {
    columns = [{ name: 'Namespace', wide: false, isName: false }, ...columns];
    rows = rows.map((cells, i) => [objects[i]!.metadata.namespace ?? '', ...cells]);
  }
  for (const key of options.labelColumns) {
    const segments = key.split('/');
    columns.push({ name: segments[segments.length - 1]!.toUpperCase(), wide: false, isName: false });
  }
  if (options.showLabels) columns.push({ name: 'Labels', wide: false, isName: false });
  if (options.labelColumns.length > 0 || options.showLabels) {
    rows = rows.map((cells, i) => {
      const labels = objects[i]!.metadata.labels ?? {};
      const extra = options.labelColumns.map((key) => labels[key] ?? '');
      if (options.showLabels) extra.push(formatLabels(labels));
      return [...cells, ...extra];
    });
  }

  // printTable
  const visible = columns.map((c, i) => ({ column: c, index: i })).filter(({ column }) => options.wide || !column.wide);
  const lastVisible = visible[visible.length - 1]?.index ?? -1;
  // the widest raw cell per column, so the first chunk written already has the final widths
  const maxWidths = columns.map((_, i) => Math.max(0, ...rows.map((cells) => utf8Length(cells[i] ?? ''))));
  const pad = (text: string, i: number): string =>
    i === lastVisible ? text : text + ' '.repeat(Math.max(0, maxWidths[i]! - utf8Length(text)));

  const writer = new TabWriter();
  let out = '';
  if (!options.noHeaders) {
    writer.write(visible.map(({ column, index }) => pad(column.name.toUpperCase(), index)).join('\t') + '\n');
  }
  rows.forEach((cells, r) => {
    const padFirst = options.noHeaders && r === 0;
    const line = visible.map(({ index }) => {
      const raw = cells[index] ?? '';
      const text = cellText(raw);
      return padFirst && index !== lastVisible ? text + ' '.repeat(Math.max(0, maxWidths[index]! - utf8Length(raw))) : text;
    });
    writer.write(line.join('\t') + '\n');
    if ((r + 1) % FLUSH_INTERVAL === 0) out += writer.flush();
  });
  return out + writer.flush();
}
