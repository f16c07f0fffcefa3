// client-side apply's three-way merge: the last-applied annotation says which fields the
// learner owns; fields they dropped from the manifest are removed, others come from it

import type { KubeObject } from '../api/types.ts';
import { lookup } from './strategic-merge.ts';
import { typedJson } from './typed-json.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** JSON with keys sorted at every level, as kubectl writes the annotation (plus a newline) */
export function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (isObject(v))
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort(v[k])]),
      );
    return v;
  };
  return JSON.stringify(sort(value)) + '\n';
}

/**
 * the annotation value for a manifest: the manifest itself, without the annotation. a manifest
 * read from a file is unstructured (every key sorted, an empty `annotations: {}` kept); one a
 * generator built is `typed` (Go's field order, and an empty map left out as omitempty does)
 */
export function lastAppliedFor(manifest: KubeObject, typed = false): string {
  const copy = structuredClone(manifest);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  if (!typed) return sortedJson(copy);
  if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  return typedJson(copy);
}

/**
 * util.CreateOrUpdateAnnotation: with `create` (--save-config) the annotation is written; without,
 * one the object already carries is brought up to date. `typed` as for lastAppliedFor
 */
export function createOrUpdateAnnotation(object: KubeObject, create: boolean, typed = false): void {
  if (!create && !object.metadata.annotations?.[LAST_APPLIED]) return;
  object.metadata.annotations = { ...(object.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedFor(object, typed) };
}

/**
 * merges `desired` into `current`, deleting what `previous` set but `desired` no longer does.
 * `type` names the Go type at this level (`Pod`, `PodSpec`, `Container` ...), so lists with a
 * merge key (containers by name, volumeMounts by mountPath ...) merge item by item as the
 * strategic merge patch kubectl sends does: what others added to such a list (the API access
 * volume and its mounts) stays unless the learner's last apply had it
 */
function merge(current: Json | undefined, desired: Json, previous: Json | undefined, type?: string): Json {
  if (!isObject(desired) || !isObject(current)) return structuredClone(desired);
  const out: Record<string, Json> = { ...current };
  const prev = isObject(previous) ? previous : {};
  for (const key of Object.keys(prev)) {
    if (!(key in desired)) delete out[key];
  }
  for (const [key, value] of Object.entries(desired)) {
    const field = lookup(type, key);
    const mergeKey = field.strategy?.split(',').includes('merge') ? field.mergeKey : undefined;
    const here = current[key];
    out[key] =
      mergeKey && Array.isArray(value) && Array.isArray(here)
        ? mergeList(here, value, prev[key], mergeKey, field.type)
        : merge(here, value, prev[key], field.type);
  }
  return out;
}

/** a keyed list: the learner's items in their order, merged with the live ones; then live items they never applied */
function mergeList(current: Json[], desired: Json[], previous: Json | undefined, mergeKey: string, type?: string): Json[] {
  const keyOf = (item: Json) => (isObject(item) ? JSON.stringify(item[mergeKey] ?? null) : undefined);
  const find = (list: Json[], key: string | undefined) => (key === undefined ? undefined : list.find((i) => keyOf(i) === key));
  const prevList = Array.isArray(previous) ? previous : [];
  const merged = desired.map((item) => {
    const key = keyOf(item);
    return merge(find(current, key), item, find(prevList, key), type);
  });
  const desiredKeys = new Set(desired.map(keyOf));
  for (const item of current) {
    const key = keyOf(item);
    if (key === undefined || desiredKeys.has(key) || find(prevList, key)) continue;
    merged.push(structuredClone(item));
  }
  return merged;
}

/** the object to PUT for `kubectl apply` over an existing one */
export function threeWayMerge(current: KubeObject, manifest: KubeObject): KubeObject {
  const previousText = current.metadata.annotations?.[LAST_APPLIED];
  let previous: Json | undefined;
  try {
    previous = previousText ? (JSON.parse(previousText) as Json) : undefined;
  } catch {
    previous = undefined;
  }
  // like kubectl, the desired object carries its own last-applied annotation, so the
  // annotations map is always part of what the learner owns
  const desiredObject = structuredClone(manifest);
  desiredObject.metadata.annotations = {
    ...(desiredObject.metadata.annotations ?? {}),
    [LAST_APPLIED]: lastAppliedFor(manifest),
  };
  const desired = desiredObject as unknown as Json;
  const merged = merge(current as unknown as Json, desired, previous, current.kind) as unknown as KubeObject;
  // the server owns these; the merge must not carry stale copies
  merged.metadata.resourceVersion = current.metadata.resourceVersion!;
  if ('status' in current) merged.status = current.status;
  return merged;
}
