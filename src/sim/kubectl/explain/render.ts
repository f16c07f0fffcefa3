// the body of kubectl explain's plaintext template (kubectl pkg/explain/v2/templates/plaintext.tmpl):
// follow the field path, then print FIELD/DESCRIPTION/FIELDS the way its "output", "fieldList",
// "fieldDetail", "typeGuess" and "extractEnum" sub-templates do

import { TYPES } from './schema.ts';
import type { FieldDef, FieldType, TypeDef } from './schema-types.ts';
import { indent, wrap } from './wrap.ts';

/** where a walk stands: the text the "description" sub-template would gather, and the schema type */
export interface Target {
  readonly description: string;
  readonly type: FieldType;
}

export type Walk =
  | { readonly kind: 'text'; readonly text: string }
  /** the path names a field that does not exist: kubectl's `field "x" does not exist` */
  | { readonly kind: 'missing' }
  /** the path leads into fields this course does not model */
  | { readonly kind: 'unmodelled'; readonly typeName: string; readonly partial: boolean };

/** the schema a field's type leads to once arrays and maps are looked through */
function resolve(type: FieldType): { name: string; def: TypeDef } | null {
  if (type.kind === 'array') return resolve(type.items);
  if (type.kind === 'map') return resolve(type.values);
  if (type.kind === 'primitive') return null;
  const def = TYPES[type.name];
  return def ? { name: type.name, def } : null;
}

/** typeGuess: `string`, `[]Container`, `map[string]string`, `ObjectMeta`; named scalars print their type */
export function typeGuess(type: FieldType): string {
  if (type.kind === 'primitive') return type.name;
  if (type.kind === 'array') return `[]${typeGuess(type.items)}`;
  if (type.kind === 'map') return `map[string]${typeGuess(type.values)}`;
  // a `@group` suffix only keeps two schemas of one name apart; kubectl shows the bare name
  return TYPES[type.name]?.primitive ?? type.name.split('@')[0]!;
}

/** the "description" sub-template for a field: its own text, then its referenced schema's, each ending a line */
export function targetOf(field: FieldDef): Target {
  const own = field.description ? `${field.description}\n` : '';
  const referenced = resolve(field.type)?.def.description;
  return { description: own + (referenced ? `${referenced}\n` : ''), type: field.type };
}

const enumList = (values: readonly string[]): string[] => values.map((v) => (v === '' ? '""' : v));

/** one entry of a FIELDS list; `short` is the one-line form --recursive uses */
function fieldDetail(name: string, field: FieldDef, level: number, short: boolean): string {
  const pad = ' '.repeat(level * 2);
  let out = `${pad}${name}\t<${typeGuess(field.type)}>`;
  if (field.required) out += ' -required-';
  if (field.enum && field.enum.length > 0) {
    const shown = enumList(field.enum.slice(0, 4)).join(', ');
    out += `\n${pad}enum: ${shown}${field.enum.length > 4 ? ', ....' : ''}`;
  }
  out += '\n';
  if (!short) {
    out += `${indent(level * 2 + 2, wrap(78 - level * 2, field.description || '<no description>'))}\n\n`;
  }
  return out;
}

/** the "fieldList" sub-template: fields in key order, and with --recursive their fields below them */
export function fieldList(type: FieldType, level: number, recursive: boolean, seen: ReadonlySet<string> = new Set()): string {
  const schema = resolve(type);
  // a schema already on the path would recurse forever; the template stops there too
  if (!schema?.def.fields || seen.has(schema.name)) return '';
  const fields = schema.def.fields;
  const path = new Set(seen).add(schema.name);
  let out = '';
  for (const name of Object.keys(fields).sort()) {
    const field = fields[name];
    if (!field) continue;
    out += fieldDetail(name, field, level, recursive);
    if (recursive) out += fieldList(field.type, level + 1, true, path);
  }
  return out;
}

/** the "output" sub-template: walk the path, print FIELD for its last step, then describe where it ends */
export function walk(target: Target, path: readonly string[], recursive: boolean): Walk {
  const [first, ...rest] = path;
  if (first === undefined) {
    const description = indent(4, wrap(76, target.description || '<empty>'));
    const fields = fieldList(target.type, 1, recursive);
    return { kind: 'text', text: `DESCRIPTION:\n${description}\n${fields ? `FIELDS:\n${fields}` : ''}` };
  }
  const schema = resolve(target.type);
  if (!schema) return { kind: 'missing' };
  if (!schema.def.fields) return { kind: 'unmodelled', typeName: schema.name, partial: false };
  const field = schema.def.fields[first];
  if (!field) {
    return schema.def.omitted.includes(first)
      ? { kind: 'unmodelled', typeName: schema.name, partial: true }
      : { kind: 'missing' };
  }
  const below = walk(targetOf(field), rest, recursive);
  if (below.kind !== 'text' || rest.length > 0) return below;
  const longEnum = field.enum
    ? `ENUM:${enumList(field.enum)
        .map((v) => `\n    ${v}`)
        .join('')}`
    : '';
  return { kind: 'text', text: `FIELD: ${first} <${typeGuess(field.type)}>\n${longEnum}\n\n${below.text}` };
}
