// which fields and values a manifest may have at a given place, read from the same schema
// `kubectl explain` walks (one source of truth): the editor completes field names and enum values
// from here. paths are keys and list indexes from the object's root: ['spec', 'containers', 0].

import { typeGuess } from './explain/render.ts';
import { EXPLAIN_KINDS, TYPES } from './explain/schema.ts';
import type { FieldDef, FieldType } from './explain/schema-types.ts';

export type FieldPath = readonly (string | number)[];

export interface FieldCandidate {
  name: string;
  /** the type as explain prints it: string, []Container, map[string]string, ObjectMeta */
  type: string;
  description: string;
  required: boolean;
  /** how its value is written: on the key's line, or as a block below it */
  shape: 'scalar' | 'object' | 'list' | 'map';
}

/** the kinds a learner writes manifests for, with the apiVersion each is served at */
export const MANIFEST_KINDS: readonly { kind: string; apiVersion: string }[] = EXPLAIN_KINDS.filter((k) => k.kind !== 'Node').map(
  (k) => ({ kind: k.kind, apiVersion: k.group ? `${k.group}/${k.version}` : k.version }),
);

/** fields the server writes: a manifest that sets them has them ignored or refused */
const SERVER_OWNED: Readonly<Record<string, readonly string[]>> = {
  '': ['status'],
  ObjectMeta: [
    'creationTimestamp',
    'deletionGracePeriodSeconds',
    'deletionTimestamp',
    'generation',
    'managedFields',
    'resourceVersion',
    'selfLink',
    'uid',
  ],
};

/** enums the schema leaves to prose, keyed by `Type.field` */
const EXTRA_ENUMS: Readonly<Record<string, readonly string[]>> = {
  'LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
};

/** a named schema's name, when `type` is one with fields */
function refName(type: FieldType): string | null {
  return type.kind === 'ref' && TYPES[type.name]?.fields ? type.name : null;
}

/** the type found at `path` below `type`, and the schema the last key was a field of */
function typeAt(type: FieldType, path: FieldPath): { type: FieldType; owner: string | null; field: FieldDef | null } | null {
  let current = type;
  let owner: string | null = null;
  let field: FieldDef | null = null;
  for (const step of path) {
    if (typeof step === 'number') {
      if (current.kind !== 'array') return null;
      current = current.items;
      owner = null;
      field = null;
      continue;
    }
    if (current.kind === 'map') {
      current = current.values;
      owner = null;
      field = null;
      continue;
    }
    const name = refName(current);
    const def = name ? TYPES[name]?.fields?.[step] : undefined;
    if (!name || !def) return null;
    owner = name;
    field = def;
    current = def.type;
  }
  return { type: current, owner, field };
}

function shapeOf(type: FieldType): FieldCandidate['shape'] {
  if (type.kind === 'array') return 'list';
  if (type.kind === 'map') return 'map';
  return refName(type) ? 'object' : 'scalar';
}

function rootType(kind: string | null): FieldType | null {
  return kind && MANIFEST_KINDS.some((k) => k.kind === kind) ? { kind: 'ref', name: kind } : null;
}

/** the fields a mapping at `path` may hold; at the root of an unknown kind, what every kind has */
export function fieldsAt(kind: string | null, path: FieldPath): FieldCandidate[] {
  const root = rootType(kind);
  let typeName: string | null;
  if (root) {
    const found = typeAt(root, path);
    typeName = found ? refName(found.type) : null;
  } else if (path.length === 0) {
    return ['apiVersion', 'kind', 'metadata'].map((name) => candidate(name, TYPES['Pod']!.fields![name]!));
  } else {
    const found = path[0] === 'metadata' ? typeAt({ kind: 'ref', name: 'ObjectMeta' }, path.slice(1)) : null;
    typeName = found ? refName(found.type) : null;
  }
  const fields = typeName ? TYPES[typeName]?.fields : null;
  if (!fields) return [];
  const hidden = SERVER_OWNED[path.length === 0 ? '' : typeName!] ?? [];
  return Object.keys(fields)
    .sort()
    .filter((name) => !hidden.includes(name))
    .map((name) => candidate(name, fields[name]!));
}

function candidate(name: string, def: FieldDef): FieldCandidate {
  return { name, type: typeGuess(def.type), description: def.description, required: def.required, shape: shapeOf(def.type) };
}

/** the values a scalar field at `path` (ending in its key) may take: enums, kinds, apiVersions, booleans */
export function valuesAt(kind: string | null, path: FieldPath): string[] {
  if (path.length === 1 && path[0] === 'kind') return MANIFEST_KINDS.map((k) => k.kind);
  if (path.length === 1 && path[0] === 'apiVersion') {
    const own = MANIFEST_KINDS.find((k) => k.kind === kind)?.apiVersion;
    if (own) return [own];
    return [...new Set(MANIFEST_KINDS.map((k) => k.apiVersion))];
  }
  const root = rootType(kind);
  const found = root ? typeAt(root, path) : null;
  if (!found?.field) return [];
  const key = path[path.length - 1];
  const extra = found.owner ? EXTRA_ENUMS[`${found.owner}.${String(key)}`] : undefined;
  if (found.field.enum) return [...found.field.enum];
  if (extra) return [...extra];
  if (found.type.kind === 'primitive' && found.type.name === 'boolean') return ['true', 'false'];
  return [];
}
