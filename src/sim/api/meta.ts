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

/** the character codes of the lowercase hex digits */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;
/** one uid's characters, reused: the string is made from them in one go */
const uidCodes: number[] = new Array<number>(36).fill(0);

/** writes hex digits `from` to `to` (0 = the most significant) of a 32-bit word at `at`; returns the next position */
function putHex(word: number, from: number, to: number, at: number): number {
  for (let i = from; i < to; i++) uidCodes[at++] = HEX_CODES[(word >>> (28 - 4 * i)) & 15]!;
  return at;
}

/**
 * a version-4 UUID drawn from the seeded generator, so uids replay with the seed. built as one
 * flat string: pieces joined with + would stay a tree of string fragments, and there is a uid
 * on every object and every Event
 */
export function randomUid(random: Random): string {
  const a = random.next();
  const b = random.next();
  const c = random.next();
  const d = random.next();
  // aaaaaaaa-bbbb-4bbb-Vccc-ccccdddddddd: the 5th digit of b gives way to the version, the
  // first of c to the variant (8, 9, a or b)
  let at = putHex(a, 0, 8, 0);
  uidCodes[at++] = DASH;
  at = putHex(b, 0, 4, at);
  uidCodes[at++] = DASH;
  uidCodes[at++] = HEX_CODES[4]!;
  at = putHex(b, 5, 8, at);
  uidCodes[at++] = DASH;
  uidCodes[at++] = HEX_CODES[8 + ((c >>> 28) & 3)]!;
  at = putHex(c, 1, 4, at);
  uidCodes[at++] = DASH;
  at = putHex(c, 4, 8, at);
  putHex(d, 0, 8, at);
  return String.fromCharCode(...uidCodes);
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
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  // an indexed loop: every controller asks this of every pod event, and for-of allocates an
  // iterator step per element until the optimising compiler takes the function over
  for (let i = 0; i < refs.length; i++) if (refs[i]!.controller === true) return refs[i];
  return undefined;
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
