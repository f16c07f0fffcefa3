// the explain schema: a small stand-in for the OpenAPI v3 documents kubectl explain reads. it keeps
// only what the plaintext template looks at (a field's type, description, required-ness and enum)
// so the renderer can reproduce kubectl's output without shipping upstream's schema text.

export type Primitive = 'string' | 'integer' | 'boolean' | 'number';

export type FieldType =
  | { readonly kind: 'primitive'; readonly name: Primitive }
  /** a named schema, like `#/components/schemas/io.k8s.api.core.v1.PodSpec` upstream */
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'array'; readonly items: FieldType }
  | { readonly kind: 'map'; readonly values: FieldType };

export interface FieldDef {
  readonly type: FieldType;
  readonly description: string;
  readonly required: boolean;
  readonly enum: readonly string[] | null;
}

export interface TypeDef {
  readonly description: string;
  /** set for named schemas that are not objects (Time is a string), which typeGuess prints by type */
  readonly primitive: Primitive | null;
  /** null: a real object type whose fields this course does not model */
  readonly fields: Readonly<Record<string, FieldDef>> | null;
  /** real fields left out of `fields`, so naming one is reported as not simulated rather than missing */
  readonly omitted: readonly string[];
}

export const t = {
  string: { kind: 'primitive', name: 'string' } as FieldType,
  integer: { kind: 'primitive', name: 'integer' } as FieldType,
  boolean: { kind: 'primitive', name: 'boolean' } as FieldType,
  ref: (name: string): FieldType => ({ kind: 'ref', name }),
  array: (items: FieldType): FieldType => ({ kind: 'array', items }),
  map: (values: FieldType): FieldType => ({ kind: 'map', values }),
};

interface FieldOptions {
  required?: boolean;
  enum?: readonly string[];
}

export function field(type: FieldType, description: string, options: FieldOptions = {}): FieldDef {
  return { type, description, required: options.required ?? false, enum: options.enum ?? null };
}

export const str = (description: string, options?: FieldOptions): FieldDef => field(t.string, description, options);
export const int = (description: string, options?: FieldOptions): FieldDef => field(t.integer, description, options);
export const bool = (description: string, options?: FieldOptions): FieldDef => field(t.boolean, description, options);
export const ref = (name: string, description: string, options?: FieldOptions): FieldDef =>
  field(t.ref(name), description, options);
export const list = (items: FieldType, description: string, options?: FieldOptions): FieldDef =>
  field(t.array(items), description, options);
export const mapOf = (values: FieldType, description: string): FieldDef => field(t.map(values), description);
export const labels = (description: string): FieldDef => mapOf(t.string, description);
/** timestamps are refs to meta/v1 Time, whose schema is a string */
export const time = (description: string): FieldDef => ref('Time', description);

export function object(description: string, fields: Record<string, FieldDef>, omitted: readonly string[] = []): TypeDef {
  return { description, primitive: null, fields, omitted };
}

/** a real object type the course does not open up: explain shows its description only */
export function opaque(description: string): TypeDef {
  return { description, primitive: null, fields: null, omitted: [] };
}

/** a named schema with no properties, like Time, IntOrString or Quantity */
export function scalar(description: string, primitive: Primitive | null): TypeDef {
  return { description, primitive, fields: {}, omitted: [] };
}

/** the apiVersion, kind and metadata every top-level kind carries */
export function kindHeader(): Record<string, FieldDef> {
  return {
    apiVersion: str(
      'The version of the API schema this object is written against, such as v1 or apps/v1. The API server uses it to decode the object and may convert it to the version it stores.',
    ),
    kind: str(
      'The type of this object in CamelCase, such as Pod or Service. It names the REST resource the object belongs to and cannot be changed once the object exists.',
    ),
    metadata: ref(
      'ObjectMeta',
      'Identifying information for the object: its name, namespace, labels and annotations, plus bookkeeping fields the API server fills in.',
    ),
  };
}
