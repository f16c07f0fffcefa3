import { describe, expect, test } from 'vitest';
import { listWrapper, marshalCompact, toJson } from './json.ts';

describe('toJson', () => {
  test('four-space indentation, sorted keys, empty objects and null kept inline', () => {
    const obj = {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'cfg', annotations: {} },
      data: { b: '2', a: '1' },
      list: [],
      n: null,
    };
    expect(toJson(obj)).toBe(
      [
        '{',
        '    "apiVersion": "v1",',
        '    "data": {',
        '        "a": "1",',
        '        "b": "2"',
        '    },',
        '    "kind": "ConfigMap",',
        '    "list": [],',
        '    "metadata": {',
        '        "annotations": {},',
        '        "name": "cfg"',
        '    },',
        '    "n": null',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('Go escapes <, > and & and control characters; undefined members vanish', () => {
    expect(toJson({ s: '<none> & "x"\n\t\u0001', u: undefined })).toBe(
      '{\n    "s": "\\u003cnone\\u003e \\u0026 \\"x\\"\\n\\t\\u0001"\n}\n',
    );
  });

  test('a List of several objects', () => {
    const out = toJson(listWrapper([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }]));
    expect(out).toBe(
      [
        '{',
        '    "apiVersion": "v1",',
        '    "items": [',
        '        {',
        '            "apiVersion": "v1",',
        '            "kind": "Namespace",',
        '            "metadata": {',
        '                "name": "a"',
        '            }',
        '        }',
        '    ],',
        '    "kind": "List",',
        '    "metadata": {',
        '        "resourceVersion": ""',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('compact form for jsonpath', () => {
    expect(marshalCompact({ b: [1, 2.5, true], a: { x: null } })).toBe('{"a":{"x":null},"b":[1,2.5,true]}');
  });
});
