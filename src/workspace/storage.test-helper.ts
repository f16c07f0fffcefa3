// test helper for storage: localStorage's interface over a Map
import type { KeyValueStore } from './storage.ts';

/** a Map with localStorage's interface; `limit` (in characters) makes setItem throw as a full browser store does */
export function memoryStore(
  initial: Record<string, string> = {},
  limit = Infinity,
): KeyValueStore & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      const used = [...map].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
      if (used + key.length + value.length > limit) {
        throw Object.assign(new Error("Failed to execute 'setItem' on 'Storage': exceeded the quota."), {
          name: 'QuotaExceededError',
        });
      }
      map.set(key, value);
    },
    removeItem: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}
