// the genericDescriber kubectl falls back to for kinds without a describer of their own (here:
// Events): name, namespace, labels and annotations, then every other field, sorted, with
// camel-case names turned into words (`involvedObject` → `Involved Object`, `uid` → `UID`)

import type { KubeEvent, KubeObject } from '../../api/types.ts';
import { compareStrings, goSprint } from '../printers/go-fmt.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer.ts';

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

const charClass = (ch: string): number => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\d/.test(ch) ? 3 : 4);

/** fatih/camelcase Split: runs of one character class, an upper run's last letter joining a lower run */
function splitCamel(text: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of text) {
    const cls = charClass(ch);
    if (cls === last) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const [cur, next] = [runs[i]!, runs[i + 1]!];
    if (charClass(cur[0]!) === 2 && charClass(next[0]!) === 1) {
      next.unshift(cur.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: words, acronyms upper-cased; names with other characters stay as they are */
export function smartLabel(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field;
  return splitCamel(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** printUnstructuredContent: maps become headings, lists their items, scalars `%v` values */
function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path) || value === undefined) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const item of value) {
        if (isMap(item)) printContent(w, level + 1, item, path);
        else w.write(level + 1, `${goSprint(item)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goSprint(value)}\n`);
    }
  }
}

export function describeGeneric(obj: KubeObject, events: KubeEvent[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
    if (events) describeEvents(w, events, now);
  });
}
