// RFC 6902 and RFC 7386 patches as evanphx/json-patch v4 applies them, and Go's JSON wording
import { describe, expect, test } from 'vitest';
import {
  applyJsonPatch,
  decodeJsonPatch,
  goJsonSyntaxError,
  goSprint,
  mergePatch,
  PatchError,
  type Json,
  type JsonObject,
} from './json-patch.ts';

const doc = (): JsonObject => ({ metadata: { labels: { app: 'web' } }, spec: { replicas: 1, ports: [{ port: 80 }] } });

function apply(ops: Json): JsonObject | string {
  const decoded = decodeJsonPatch(ops);
  if (!decoded.ok) return decoded.error;
  try {
    return applyJsonPatch(doc(), decoded.ops);
  } catch (e) {
    if (e instanceof PatchError) return e.message;
    throw e;
  }
}

describe('JSON patch', () => {
  test('add, remove, replace, move, copy and test', () => {
    expect(
      apply([
        { op: 'add', path: '/metadata/labels/tier', value: 'web' },
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'add', path: '/spec/ports/-', value: { port: 443 } },
        { op: 'add', path: '/spec/ports/0', value: { port: 8080 } },
        { op: 'remove', path: '/spec/ports/1' },
        { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/name' },
        { op: 'move', from: '/metadata/labels/tier', path: '/metadata/labels/role' },
        { op: 'test', path: '/spec/replicas', value: 3 },
      ]),
    ).toEqual({
      metadata: { labels: { app: 'web', name: 'web', role: 'web' } },
      spec: { replicas: 3, ports: [{ port: 8080 }, { port: 443 }] },
    });
  });

  test('replace of a missing member adds it, as v4 does', () => {
    expect(apply([{ op: 'replace', path: '/spec/paused', value: true }])).toMatchObject({ spec: { paused: true } });
  });

  test("the library's errors", () => {
    expect(apply({ op: 'add' })).toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect(apply([{ op: 'add', path: '/spec/x/y', value: 1 }])).toBe(
      'add operation does not apply: doc is missing path: "/spec/x/y": missing value',
    );
    expect(apply([{ op: 'remove', path: '/metadata/labels/nope' }])).toBe(
      "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value",
    );
    expect(apply([{ op: 'replace', path: '/spec/ports/5', value: 1 }])).toBe(
      'replace operation does not apply: doc is missing key: /spec/ports/5: missing value',
    );
    expect(apply([{ op: 'add', path: '/spec/ports/9', value: 1 }])).toBe(
      "error in add for path: '/spec/ports/9': Unable to access invalid index: 9: invalid index referenced",
    );
    expect(apply([{ op: 'add', path: '/spec/ports/x', value: 1 }])).toBe(
      "error in add for path: '/spec/ports/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
    );
    expect(apply([{ op: 'test', path: '/spec/replicas', value: 2 }])).toBe('testing value /spec/replicas failed: test failed');
    expect(apply([{ op: 'replace', value: 2 }])).toBe(
      'replace operation failed to decode path: operation missing path field: missing value',
    );
    expect(apply([{ op: 'move', path: '/a' }])).toBe(
      'move operation failed to decode from: operation, missing from field: missing value',
    );
    expect(apply([{ op: 'Replace', path: '/spec/replicas' }])).toBe('Unexpected kind: Replace');
  });
});

describe('merge patch', () => {
  test('members merge, null deletes, lists are replaced', () => {
    expect(
      mergePatch(doc(), { metadata: { labels: { app: null, tier: 'x' } }, spec: { ports: [{ port: 1, name: null }] } }),
    ).toEqual({
      metadata: { labels: { tier: 'x' } },
      spec: { replicas: 1, ports: [{ port: 1 }] },
    });
    expect(() => mergePatch(doc(), null)).toThrow('Invalid JSON Patch');
  });
});

describe("Go's JSON messages", () => {
  test('syntax errors in the scanner wording', () => {
    expect(goJsonSyntaxError('{"a":1}')).toBeNull();
    expect(goJsonSyntaxError('{spec:1}')).toBe("invalid character 's' looking for beginning of object key string");
    expect(goJsonSyntaxError('{"a":1')).toBe('unexpected end of JSON input');
    expect(goJsonSyntaxError('{"a" 1}')).toBe("invalid character '1' after object key");
    expect(goJsonSyntaxError('{"a":1 "b":2}')).toBe(`invalid character '"' after object key:value pair`);
    expect(goJsonSyntaxError("{'a':1}")).toBe(`invalid character '\\'' looking for beginning of object key string`);
    expect(goJsonSyntaxError('[1,]')).toBe("invalid character ']' looking for beginning of value");
    expect(goJsonSyntaxError('{"a":tru}')).toBe("invalid character '}' in literal true (expecting 'e')");
    expect(goJsonSyntaxError('{"a":1}}')).toBe("invalid character '}' after top-level value");
    expect(goJsonSyntaxError('{"a":-}')).toBe("invalid character '}' in numeric literal");
  });

  test('%v of decoded values', () => {
    expect(goSprint({ b: [1, 'x', true, null], a: { c: 1.5 } })).toBe('map[a:map[c:1.5] b:[1 x true <nil>]]');
  });
});
