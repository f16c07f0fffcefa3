// `-o custom-columns=HEADER:path,...`: kubectl's CustomColumnsPrinter. paths are relaxed into
// `{.path}` templates, missing values print `<none>`, several values join with commas, and values
// print with Go's %v (so a map reads `map[app:web]`). output goes through kubectl's tabwriter.

import type { KubeObject } from '../../api/types.ts';
import { goSprint } from './go-fmt.ts';
import { toUnstructured } from './json.ts';
import { compileJsonPath, evaluateJsonPath } from './jsonpath.ts';
import type { JsonPathNode } from './jsonpath-parser.ts';
import { TabWriter } from './tabwriter.ts';

/** on failure, `text` is what kubectl had already written to stdout before the error */
export type CustomColumnsResult = { ok: true; text: string } | { ok: false; error: string; text: string };

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}` */
export function relaxedJsonPath(expression: string): { ok: true; template: string } | { ok: false; message: string } {
  if (expression === '') return { ok: true, template: '' };
  const match = RELAXED.exec(expression);
  if (!match) {
    return {
      ok: false,
      message: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { ok: true, template: `{.${match[1] || match[2]}}` };
}

const errorText = (message: string): string => `error: ${message}\n`;

/** printers.EscapeTerminal */
export const escapeTerminal = (s: string): string => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

export function printCustomColumns(
  spec: string,
  objects: readonly KubeObject[],
  options: { noHeaders: boolean },
): CustomColumnsResult {
  if (spec === '')
    return { ok: false, error: errorText('custom-columns format specified but no custom columns given'), text: '' };
  const columns: { header: string; template: string }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) {
      return {
        ok: false,
        error: errorText(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`),
        text: '',
      };
    }
    const relaxed = relaxedJsonPath(part.slice(colon + 1));
    if (!relaxed.ok) return { ok: false, error: errorText(relaxed.message), text: '' };
    columns.push({ header: part.slice(0, colon), template: relaxed.template });
  }

  const writer = new TabWriter();
  if (!options.noHeaders) writer.write(columns.map((c) => c.header).join('\t') + '\n');
  // templates are parsed after the header is written, so a bad one still leaves the header printed
  const parsed: JsonPathNode[][] = [];
  for (const column of columns) {
    const compiled = compileJsonPath(column.template);
    if (!compiled.ok) return { ok: false, error: errorText(compiled.message), text: writer.flush() };
    parsed.push(compiled.nodes);
  }

  for (const obj of objects) {
    const content = toUnstructured(obj);
    const cells: string[] = [];
    for (const nodes of parsed) {
      const run = evaluateJsonPath(nodes, content, true);
      if (!run.ok) return { ok: false, error: errorText(run.message), text: writer.flush() };
      const values: string[] = [];
      if (run.results.length === 0 || run.results[0]!.length === 0) values.push('<none>');
      for (const set of run.results) for (const value of set) values.push(escapeTerminal(goSprint(value)));
      cells.push(values.join(','));
    }
    writer.write(cells.join('\t') + '\n');
  }
  return { ok: true, text: writer.flush() };
}
