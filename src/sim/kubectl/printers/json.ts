// `-o json`: kubectl marshals unstructured content with encoding/json, so map keys come out in
// byte order, <, > and & are escaped for HTML, and json.MarshalIndent indents by four spaces.
// A Map stands for a Go struct: its entries keep their order (typed-json.ts builds them in the
// order the Go types declare their fields). Also the `kind: List` wrapper kubectl builds when a
// get returns several objects.

import { compareStrings } from './go-fmt.ts';

/** the List `kubectl get` prints for zero or several objects in json, yaml and jsonpath output */
export function listWrapper(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/** JSON round trip semantics: undefined members vanish, undefined array slots become null */
export function toUnstructured(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => toUnstructured(v));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toUnstructured(v);
    return out;
  }
  return value;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** encoding/json's string encoder with HTML escaping on, as unstructured encoding uses it */
export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&') out += '\\u' + hex4(cp);
    else if (cp === 0x2028 || cp === 0x2029) out += '\\u' + hex4(cp);
    // a lone surrogate is not valid UTF-8; Go writes the replacement character
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function encode(value: unknown, indent: string | null, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'boolean') return String(value);
  // Go switches to exponents below 1e-6 and from 1e21 and trims e-07 to e-7, as JavaScript does
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  const open = (inner: string[], l: string, r: string): string => {
    if (inner.length === 0) return l + r;
    if (indent === null) return l + inner.join(',') + r;
    const pad = '\n' + indent.repeat(depth + 1);
    return l + pad + inner.join(',' + pad) + '\n' + indent.repeat(depth) + r;
  };
  if (Array.isArray(value))
    return open(
      value.map((v) => encode(v, indent, depth + 1)),
      '[',
      ']',
    );
  // a struct keeps its field order; a map's keys come out sorted, as encoding/json sorts them
  const entries =
    value instanceof Map
      ? [...(value as Map<string, unknown>)]
      : Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b));
  const sep = indent === null ? ':' : ': ';
  return open(
    entries.filter(([, v]) => v !== undefined).map(([k, v]) => jsonString(k) + sep + encode(v, indent, depth + 1)),
    '{',
    '}',
  );
}

/** json.Marshal: compact, sorted keys (what jsonpath prints for maps and lists) */
export function marshalCompact(value: unknown): string {
  return encode(value, null, 0);
}

/** `kubectl get -o json`: json.MarshalIndent with four spaces and a final newline */
export function toJson(obj: unknown): string {
  return encode(obj, '    ', 0) + '\n';
}
