// what the apiserver does with a patched object before it stores it: decode it into the kind's Go
// struct. A value of the wrong type stops the patch (with the unstructured converter's wording);
// fields the struct does not have are dropped and, under the default fieldValidation=Warn,
// reported as `unknown field "spec.x"` warnings; nulls, empty lists and empty maps are not kept.
// It walks the schema `kubectl explain` uses, like strict-decoding.ts.

import { EXPLAIN_KINDS, TYPES } from './explain/schema.ts';
import type { FieldType, TypeDef } from './explain/schema-types.ts';
import { goKindOf, isJsonObject, setMember, type Json, type JsonObject } from './json-patch.ts';

/** integer fields that are int64 in Go; the others the schema describes are int32 */
export const INT64_FIELDS = new Set([
  'activeDeadlineSeconds',
  'deletionGracePeriodSeconds',
  'generation',
  'observedGeneration',
  'terminationGracePeriodSeconds',
  'tolerationSeconds',
]);

export interface DecodeTypeError {
  /** where, as the strict decoder names fields (`spec.replicas`) */
  path: string;
  /** the converter's error, e.g. `unrecognized type: int32` */
  message: string;
  /** true when the field is a named Go string type (an enum), whose name the message would carry */
  namedType: boolean;
}

export interface Decoded {
  object: JsonObject;
  /** fields the kind's struct does not have, in the order found */
  unknown: string[];
  typeError: DecodeTypeError | null;
}

class Stop {
  constructor(readonly error: DecodeTypeError) {}
}

/** Time, Quantity, IntOrString: named schemas without properties */
export const isScalar = (def: TypeDef): boolean =>
  def.primitive !== null || (def.fields !== null && Object.keys(def.fields).length === 0);

/** the zero value a null list item decodes to */
function zero(type: FieldType): Json | undefined {
  if (type.kind === 'ref') {
    const def = TYPES[type.name];
    return def && isScalar(def) ? undefined : {};
  }
  if (type.kind === 'primitive')
    return type.name === 'string' ? '' : type.name === 'boolean' ? false : type.name === 'integer' ? 0 : undefined;
  return undefined;
}

/** nulls dropped from a value the schema does not look into */
function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) setMember(out, k, withoutNulls(v));
  return out;
}

function walk(value: Json, type: FieldType, path: string, name: string, unknown: string[], named: boolean): Json {
  const fail = (message: string, namedType = false): never => {
    throw new Stop({ path, message, namedType });
  };
  const kind = goKindOf(value);
  switch (type.kind) {
    case 'primitive': {
      if (type.name === 'string') {
        if (typeof value === 'string') return value;
        if (kind === 'int64') fail('cannot convert int64 to string', named);
        return fail('unrecognized type: string');
      }
      if (type.name === 'integer') {
        const goType = INT64_FIELDS.has(name) ? 'int64' : 'int32';
        if (kind === 'int64') return value;
        if (kind === 'float64') fail(`cannot convert float64 to ${goType}`);
        return fail(`unrecognized type: ${goType}`);
      }
      if (type.name === 'boolean') {
        if (typeof value === 'boolean') return value;
        return fail('unrecognized type: bool');
      }
      return value;
    }
    case 'array': {
      if (!Array.isArray(value)) return fail(`cannot restore slice from ${kind}`);
      const out: Json[] = [];
      value.forEach((item, i) => {
        if (item === null) {
          const z = zero(type.items);
          if (z !== undefined) out.push(z);
          return;
        }
        out.push(walk(item, type.items, `${path}[${i}]`, name, unknown, named));
      });
      return out;
    }
    case 'map': {
      if (!isJsonObject(value)) return fail(`cannot restore map from ${kind}`);
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === null) {
          const z = zero(type.values);
          if (z !== undefined) setMember(out, k, z);
          continue;
        }
        setMember(out, k, walk(v, type.values, `${path}.${k}`, name, unknown, named));
      }
      return out;
    }
    case 'ref': {
      const def = TYPES[type.name];
      // scalars with their own JSON form (Time, Quantity, IntOrString) are taken as they come
      if (!def || isScalar(def)) return value;
      if (!isJsonObject(value)) return fail(`cannot restore struct from: ${kind}`);
      if (!def.fields) return withoutNulls(value);
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        const field = def.fields[k];
        const childPath = path ? `${path}.${k}` : k;
        if (!field) {
          if (def.omitted.includes(k)) {
            if (v !== null) setMember(out, k, withoutNulls(v));
          } else unknown.push(childPath);
          continue;
        }
        if (v === null) continue;
        const decoded = walk(v, field.type, childPath, k, unknown, field.enum !== null);
        // omitempty: empty lists and maps are not written back out
        const empty = Array.isArray(decoded)
          ? decoded.length === 0
          : field.type.kind === 'map' && isJsonObject(decoded) && Object.keys(decoded).length === 0;
        if (!empty) setMember(out, k, decoded);
      }
      return out;
    }
  }
}

/** decodes `obj` as the struct of `kind` would; kinds without a schema come back as they are */
export function decodeForServer(obj: JsonObject, kind: string): Decoded {
  if (!EXPLAIN_KINDS.some((k) => k.kind === kind)) return { object: obj, unknown: [], typeError: null };
  const unknown: string[] = [];
  try {
    const object = walk(obj, { kind: 'ref', name: kind }, '', '', unknown, false) as JsonObject;
    return { object, unknown, typeError: null };
  } catch (e) {
    if (e instanceof Stop) return { object: obj, unknown: [], typeError: e.error };
    throw e;
  }
}
