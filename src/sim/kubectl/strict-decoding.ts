// the apiserver's strict field validation (kubectl's default --validate=strict): fields the
// schema does not know are refused with `strict decoding error: unknown field "spec.x"`.
// it walks the same schema `kubectl explain` uses; fields the course does not describe but that
// exist upstream (listed as omitted) are accepted, and opaque types are not looked into.

import { badRequest, type StatusError } from '../api/status-errors.ts';
import type { KubeObject } from '../api/types.ts';
import { EXPLAIN_KINDS, TYPES } from './explain/schema.ts';
import type { FieldType } from './explain/schema-types.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(value: unknown, type: FieldType, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  switch (type.kind) {
    case 'primitive':
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, type.items, `${path}[${i}]`, out));
      return;
    case 'map':
      if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, type.values, `${path}.${k}`, out);
      return;
    case 'ref': {
      const def = TYPES[type.name];
      if (!def || !def.fields || !isObject(value)) return;
      for (const [key, child] of Object.entries(value)) {
        const field = def.fields[key];
        const childPath = path ? `${path}.${key}` : key;
        if (field) walk(child, field.type, childPath, out);
        else if (!def.omitted.includes(key)) out.push(childPath);
      }
    }
  }
}

/** the unknown fields of an object, as the server names them (`spec.containers[0].imagee`) */
export function unknownFields(obj: KubeObject): string[] {
  if (!EXPLAIN_KINDS.some((k) => k.kind === obj.kind)) return [];
  const out: string[] = [];
  walk(obj, { kind: 'ref', name: obj.kind }, '', out);
  return out;
}

/**
 * the BadRequest the apiserver returns for unknown fields, or null when there are none; `unknown`
 * narrows it to some of them (the editor shows each field's message on its own line)
 */
export function strictDecodingError(obj: KubeObject, unknown = unknownFields(obj)): StatusError | null {
  if (unknown.length === 0) return null;
  const version = obj.apiVersion;
  const list = unknown.map((f) => `unknown field "${f}"`).join(', ');
  return badRequest(
    `${obj.kind} in version "${version.split('/').pop()}" cannot be handled as a ${obj.kind}: strict decoding error: ${list}`,
  );
}
