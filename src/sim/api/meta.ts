// small helpers over object metadata shared by the apiserver, controllers and kubectl

import type { Random } from '../random.ts';
import type { KubeObject, OwnerReference } from './types.ts';

/** kubernetes' utilrand alphabet: no vowels (no accidental words) and no confusable 0/1/3 */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(random: Random, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_ALPHABET[random.int(NAME_ALPHABET.length)];
  return out;
}

/** two lowercase hex digits for each byte value */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** eight hex digits of a 32-bit word */
function hex32(n: number): string {
  return HEX_BYTE[(n >>> 24) & 255]! + HEX_BYTE[(n >>> 16) & 255]! + HEX_BYTE[(n >>> 8) & 255]! + HEX_BYTE[n & 255]!;
}

/** a version-4 UUID drawn from the seeded generator, so uids replay with the seed */
export function randomUid(random: Random): string {
  const a = hex32(random.next());
  const b = hex32(random.next());
  const c = hex32(random.next());
  const d = hex32(random.next());
  const variant = '89ab'[parseInt(c[0]!, 16) & 3];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** formatted seconds, recent ones: callers alternate between a few instants (start time, now) */
const stamps = new Map<number, string>();

/** RFC 3339 with second precision, as the apiserver serialises metav1.Time */
export function timestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  let stamp = stamps.get(second);
  if (stamp === undefined) {
    if (stamps.size >= 256) stamps.clear();
    stamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    stamps.set(second, stamp);
  }
  return stamp;
}

export function parseTimestamp(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function ownerReferenceTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** a deep copy of plain API data (objects, arrays, strings, numbers, booleans, null) */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = clone(v);
  }
  return out as T;
}

/** a new version of `obj` with another status: metadata is copied (the store stamps it), the rest shared */
export function withStatus<T extends { metadata: object; status?: unknown }>(obj: T, status: T['status']): T {
  return { ...obj, metadata: { ...obj.metadata }, status };
}

export function isBeingDeleted(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}
