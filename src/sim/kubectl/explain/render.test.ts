import { describe, expect, test } from 'vitest';
import { fieldList, typeGuess } from './render.ts';
import { EXPLAIN_KINDS, TYPES } from './schema.ts';
import { t, type FieldType } from './schema-types.ts';
import { indent, wrap } from './wrap.ts';

describe('wrap and indent', () => {
  test('breaks at spaces so no line is longer than the limit', () => {
    // kubectl's own funcs_test case for wrap
    expect(wrap(3, 'this is a really good test')).toBe('this\nis\na\nreally\ngood\ntest');
    expect(wrap(10, 'aaaa bbbbb cc')).toBe('aaaa bbbbb\ncc');
  });

  test('never splits a word, so a long URL overflows its own line', () => {
    expect(wrap(20, 'More info: https://example.com/a/very/long/path here')).toBe(
      'More info:\nhttps://example.com/a/very/long/path\nhere',
    );
  });

  test('deletes line breaks before wrapping, joining the pieces without a space', () => {
    expect(wrap(76, 'first part.\nSecond part.\n')).toBe('first part.Second part.');
  });

  test('indent pads every line', () => {
    expect(indent(4, 'a\nb')).toBe('    a\n    b');
  });
});

describe('typeGuess', () => {
  test('prints kubectl type hints', () => {
    const cases: [FieldType, string][] = [
      [t.string, 'string'],
      [t.array(t.string), '[]string'],
      [t.map(t.string), 'map[string]string'],
      [t.array(t.ref('Container')), '[]Container'],
      [t.map(t.ref('Quantity')), 'map[string]Quantity'],
      [t.ref('Time'), 'string'],
      [t.ref('IntOrString'), 'IntOrString'],
    ];
    for (const [type, hint] of cases) expect(typeGuess(type)).toBe(hint);
  });
});

describe('schema', () => {
  const refs = (type: FieldType): string[] =>
    type.kind === 'ref' ? [type.name] : type.kind === 'array' ? refs(type.items) : type.kind === 'map' ? refs(type.values) : [];

  test('every referenced schema exists and every kind has a root schema', () => {
    const missing = Object.entries(TYPES).flatMap(([name, def]) =>
      Object.values(def.fields ?? {})
        .flatMap((f) => refs(f.type))
        .filter((r) => !TYPES[r])
        .map((r) => `${name} -> ${r}`),
    );
    expect(missing).toEqual([]);
    for (const kind of EXPLAIN_KINDS) expect(TYPES[kind.kind]?.fields).toHaveProperty('metadata');
  });

  test('every schema and field has a description, and omitted names are not also modelled', () => {
    for (const [name, def] of Object.entries(TYPES)) {
      expect(def.description, name).not.toBe('');
      for (const [field, f] of Object.entries(def.fields ?? {})) expect(f.description, `${name}.${field}`).not.toBe('');
      for (const field of def.omitted) expect(def.fields?.[field], `${name}.${field}`).toBeUndefined();
    }
  });

  test('a recursive listing of a whole pod stays finite and lists nested fields', () => {
    const listing = fieldList(t.ref('Pod'), 1, true);
    expect(listing).toContain('      containerPort\t<integer> -required-\n');
    expect(listing.split('\n').length).toBeLessThan(400);
  });
});
