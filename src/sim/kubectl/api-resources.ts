// `kubectl api-resources`: the table kubectl builds from discovery (pkg/cmd/apiresources), written
// through the same text/tabwriter settings kubectl's printers use (minwidth 6, padding 3, spaces)

import { API_RESOURCES, groupOf, type ApiResource } from './api-resources-data.ts';

export interface ApiResourcesArgs {
  /** `-o wide`: adds VERBS and CATEGORIES */
  wide: boolean;
  /** `-o name`: `pods`, `deployments.apps`, no header */
  output: 'name' | null;
  /** `--namespaced=true|false`; null when the flag was not given (kubectl then lists both) */
  namespaced: boolean | null;
  /** `--api-group=`; null when not given, '' selects the core group */
  apiGroup: string | null;
  sortBy: 'name' | 'kind' | null;
  noHeaders: boolean;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** kubectl's sortableResource: by group unless told otherwise, ties broken by name, stable */
function sortKey(res: ApiResource, sortBy: ApiResourcesArgs['sortBy']): string {
  if (sortBy === 'name') return res.name;
  if (sortBy === 'kind') return res.kind;
  return groupOf(res.apiVersion);
}

export function apiResources(args: ApiResourcesArgs): string {
  const selected = API_RESOURCES.filter(
    (res) =>
      (args.apiGroup === null || args.apiGroup === groupOf(res.apiVersion)) &&
      (args.namespaced === null || args.namespaced === res.namespaced),
  );
  // Array.prototype.sort is stable, as Go's sort.Stable is, so ties keep discovery order
  const sorted = [...selected].sort(
    (a, b) => compare(sortKey(a, args.sortBy), sortKey(b, args.sortBy)) || compare(a.name, b.name),
  );

  const lines: string[] = [];
  if (args.output === 'name') {
    for (const res of sorted) {
      const group = groupOf(res.apiVersion);
      lines.push(group ? `${res.name}.${group}` : res.name);
    }
    return tabwrite(lines);
  }
  if (!args.noHeaders) {
    lines.push(
      ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(args.wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t'),
    );
  }
  for (const res of sorted) {
    const cells = [res.name, res.shortNames.join(','), res.apiVersion, String(res.namespaced), res.kind];
    if (args.wide) cells.push(res.verbs.join(','), res.categories.join(','));
    lines.push(cells.join('\t'));
  }
  return tabwrite(lines);
}

/**
 * Go's text/tabwriter as kubectl configures it (minwidth 6, padding 3, pad with spaces, no flags):
 * tab-terminated cells are padded to their column block's widest cell plus padding; the text after
 * a line's last tab is never padded. a column block is a run of consecutive lines that all have
 * that column, which is why this follows the writer's recursive format(). every line ends in \n.
 */
export function tabwrite(lines: readonly string[], minwidth = 6, padding = 3): string {
  const rows = lines.map((line) => line.split('\t'));
  const widths: number[] = [];
  let out = '';

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = rows[i] ?? [];
      cells.forEach((cell, j) => {
        const width = widths[j];
        out += width === undefined ? cell : cell + ' '.repeat(Math.max(0, width - cell.length));
      });
      out += '\n';
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let row = line0; row < line1; row++) {
      if (column >= (rows[row]?.length ?? 0) - 1) continue;
      writeLines(start, row);
      start = row;
      let width = minwidth;
      for (; row < line1; row++) {
        const cells = rows[row] ?? [];
        if (column >= cells.length - 1) break;
        width = Math.max(width, (cells[column] ?? '').length + padding);
      }
      widths.push(width);
      format(start, row);
      widths.pop();
      start = row;
      // the outer loop's row++ must not skip the line that ended the block
      row--;
    }
    writeLines(start, line1);
  };

  format(0, rows.length);
  return out;
}
