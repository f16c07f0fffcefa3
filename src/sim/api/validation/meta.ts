// ObjectMeta validation on create and update (k8s.io/apimachinery/pkg/api/validation/objectmeta.go
// and the finalizer checks pkg/apis/core/validation adds), plus the shared helpers for labels,
// annotations and immutable fields.

import { field, type FieldError } from '../field-errors.ts';
import type { ObjectMeta } from '../types.ts';
import {
  byteLength,
  IS_NEGATIVE_ERROR,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  nameIsDNSLabel,
  type NameValidator,
} from './names.ts';

export const FIELD_IMMUTABLE = 'field is immutable';
const TOTAL_ANNOTATION_SIZE = 256 * 1024;
// helper.IsStandardFinalizerName: the unprefixed finalizers the api knows
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export interface MetaOptions {
  namespaced: boolean;
  nameFn: NameValidator;
}

export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => field.invalid(path, name, msg));
}

/** keys and values of a label map; every error carries the map's own path, as upstream */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(key, path));
    errs.push(...isValidLabelValue(value).map((msg) => field.invalid(path, value, msg)));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    // annotation keys are qualified names in any case
    errs.push(...isQualifiedName(key.toLowerCase()).map((msg) => field.invalid(path, key, msg)));
    size += byteLength(key) + byteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(field.tooLong(path, TOTAL_ANNOTATION_SIZE));
  return errs;
}

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const list = finalizers ?? [];
  const errs: FieldError[] = list.flatMap((f) => isQualifiedName(f).map((msg) => field.invalid(path, f, msg)));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(field.invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  list.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(field.invalid(`${path}[${i}]`, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

function validateOwnerReferences(meta: ObjectMeta, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let controller = '';
  for (const ref of meta.ownerReferences ?? []) {
    const version = ref.apiVersion.split('/').pop() ?? '';
    if (!version) errs.push(field.invalid(`${path}.apiVersion`, ref.apiVersion, 'version must not be empty'));
    if (!ref.kind) errs.push(field.invalid(`${path}.kind`, ref.kind, 'must not be empty'));
    if (!ref.name) errs.push(field.invalid(`${path}.name`, ref.name, 'must not be empty'));
    if (!ref.uid) errs.push(field.invalid(`${path}.uid`, ref.uid, 'must not be empty'));
    if (ref.controller === true) {
      const name = `${ref.kind}/${ref.name}`;
      if (controller) {
        const detail = `Only one reference can have Controller set to true. Found "true" in references for ${controller} and ${name}`;
        errs.push(field.invalid(path, meta.ownerReferences, detail));
      } else controller = name;
    }
  }
  return errs;
}

/** labels, annotations, owners and finalizers: checked the same on create and update */
function validateMetaCommon(meta: ObjectMeta, path: string): FieldError[] {
  return [
    ...validateLabels(meta.labels, `${path}.labels`),
    ...validateAnnotations(meta.annotations, `${path}.annotations`),
    ...validateOwnerReferences(meta, `${path}.ownerReferences`),
    ...validateFinalizers(meta.finalizers, `${path}.finalizers`),
  ];
}

/** ValidateObjectMeta: name generation has already happened, so `name` is what counts */
export function validateObjectMeta(meta: ObjectMeta, opts: MetaOptions, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    errs.push(
      ...opts.nameFn(meta.generateName, true).map((msg) => field.invalid(`${path}.generateName`, meta.generateName, msg)),
    );
  }
  if (!meta.name) errs.push(field.required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...opts.nameFn(meta.name, false).map((msg) => field.invalid(`${path}.name`, meta.name, msg)));
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(field.required(`${path}.namespace`));
    else
      errs.push(...nameIsDNSLabel(meta.namespace, false).map((msg) => field.invalid(`${path}.namespace`, meta.namespace, msg)));
  } else if (meta.namespace) {
    errs.push(field.forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  if ((meta.generation ?? 0) < 0)
    errs.push(field.invalid(`${path}.generation`, meta.generation, 'must be greater than or equal to 0'));
  return [...errs, ...validateMetaCommon(meta, path)];
}

/**
 * ValidateObjectMetaUpdate. the simulated server fills resourceVersion, generation, uid and the
 * timestamps itself (as upstream's BeforeUpdate does), so only what a client can get wrong is checked.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const added = [...new Set(meta.finalizers ?? [])].filter((f) => !(old.finalizers ?? []).includes(f)).sort();
    if (added.length > 0) {
      const list = `[]string{${added.map((f) => JSON.stringify(f)).join(', ')}}`;
      errs.push(
        field.forbidden(
          `${path}.finalizers`,
          `no new finalizers can be added if the object is being deleted, found new finalizers ${list}`,
        ),
      );
    }
  }
  errs.push(...validateImmutable(meta.name ?? '', old.name ?? '', `${path}.name`));
  errs.push(...validateImmutable(meta.namespace ?? '', old.namespace ?? '', `${path}.namespace`));
  if (meta.uid) errs.push(...validateImmutable(meta.uid, old.uid ?? '', `${path}.uid`));
  return [...errs, ...validateMetaCommon(meta, path)];
}

/** ValidateImmutableField: the new value is reported when it differs */
export function validateImmutable(value: unknown, old: unknown, path: string, shown: unknown = value): FieldError[] {
  return semanticEqual(value, old) ? [] : [field.invalid(path, shown, FIELD_IMMUTABLE)];
}

/** apiequality.Semantic.DeepEqual: like deep equality, but nil and empty slices or maps are equal */
export function semanticEqual(a: unknown, b: unknown): boolean {
  // an absent field decodes to go's zero value, so it equals an empty string, list or map
  const empty = (v: unknown) =>
    v === undefined ||
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (isPlainObject(v) && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => semanticEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    return [...keys].every((k) => semanticEqual(a[k], b[k]));
  }
  return a === b;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ValidateNonnegativeField */
export const nonNegative = (value: number | undefined | null, path: string): FieldError[] =>
  (value ?? 0) < 0 ? [field.invalid(path, value, IS_NEGATIVE_ERROR)] : [];

/** an enum field: Required when empty, Unsupported when not one of `supported` (listed as upstream lists them) */
export function oneOf(value: string | undefined, path: string, supported: readonly string[]): FieldError[] {
  if (!value) return [field.required(path)];
  return supported.includes(value) ? [] : [field.notSupported(path, value, supported)];
}

/** ValidatePortNumOrName: numbers are port numbers, strings are IANA_SVC_NAMEs */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((msg) => field.invalid(path, port, msg));
  return isValidPortNum(port ?? 0).map((msg) => field.invalid(path, port ?? 0, msg));
}
