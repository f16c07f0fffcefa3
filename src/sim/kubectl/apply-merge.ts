// client-side apply's three-way merge: the last-applied annotation says which fields the
// learner owns; fields they dropped from the manifest are removed, others come from it

import type { KubeObject } from '../api/types.ts';

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

/** the annotation value for a manifest: the manifest itself, without the annotation */
export function lastAppliedFor(manifest: KubeObject): string {
  const copy = structuredClone(manifest);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return sortedJson(copy);
}

/** merges `desired` into `current`, deleting what `previous` set but `desired` no longer does */
function merge(current: Json | undefined, desired: Json, previous: Json | undefined): Json {
  if (!isObject(desired) || !isObject(current)) return structuredClone(desired);
  const out: Record<string, Json> = { ...current };
  const prev = isObject(previous) ? previous : {};
  for (const key of Object.keys(prev)) {
    if (!(key in desired)) delete out[key];
  }
  for (const [key, value] of Object.entries(desired)) {
    out[key] = merge(current[key], value, prev[key]);
  }
  return out;
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
  const merged = merge(current as unknown as Json, desired, previous) as unknown as KubeObject;
  // the server owns these; the merge must not carry stale copies
  merged.metadata.resourceVersion = current.metadata.resourceVersion!;
  if ('status' in current) merged.status = current.status;
  return merged;
}
