// the small printers every describer shares: RFC 1123 times, multi-line labels, annotations,
// taints and tolerations with their continuation lines, True/False, `<none>` and controllers

import { controllerOf } from '../../api/meta.ts';
import type { KubeObject, Taint, Toleration } from '../../api/types.ts';
import { compareStrings, utf8Bytes } from '../printers/go-fmt.ts';
import { LEVEL_0, type PrefixWriter } from './prefix-writer.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Go's zero time.Time, which an unset metav1.Time formats as */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`); the simulated machine's clock runs in UTC */
export function rfc1123z(value: string | number | null | undefined): string {
  const ms = typeof value === 'number' ? value : value ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return ZERO_TIME_RFC1123Z;
  const d = new Date(ms);
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;
}

export const printBool = (value: boolean | undefined): string => (value ? 'True' : 'False');

export const stringOrNone = (s: string | undefined): string => (s ? s : '<none>');

/** intstr.IntOrString's String(); a nil pointer prints `<nil>` */
export const intOrString = (v: number | string | undefined): string => (v === undefined ? '<nil>' : String(v));

/** printController: `Kind/name` of the controlling owner, '' when there is none */
export function controlledBy(obj: KubeObject): string {
  const ref = controllerOf(obj);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** printLabelsMultilineWithIndent: one `k=v` per line, sorted, the rest aligned under the first */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
/** never shown: kubectl apply's bookkeeping */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const byteLength = (s: string): number => utf8Bytes(s).length;
const shorten = (s: string, max: number): string => (byteLength(s) > max ? s.slice(0, max) + '...' : s);

/** printAnnotationsMultiline: long or multi-line values go on their own indented lines */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString: `key=value:effect`, dropping the parts that are empty */
export function taintString(t: Taint): string {
  const head = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${head}:${t.effect}` : head;
}

/** printNodeTaintsMultiline: sorted by effect then key */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...taints].sort((a, b) => compareStrings(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key; `op=Exists` alone tolerates everything */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => compareStrings(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, text + '\n');
  });
}
