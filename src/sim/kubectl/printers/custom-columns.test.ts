import { describe, expect, test } from 'vitest';
import { printCustomColumns, relaxedJsonPath } from './custom-columns.ts';
import { pod } from './fixtures.ts';

const web = pod('web', { meta: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'frontend' } } });
web.spec.containers = [
  { name: 'nginx', image: 'nginx:1.25' },
  { name: 'log', image: 'busybox:1.36' },
];
const api = pod('api');

describe('printCustomColumns', () => {
  test('headers as given, several values joined by commas, <none> when missing', () => {
    expect(
      printCustomColumns('NAME:.metadata.name,IMAGE:.spec.containers[*].image,APP:.metadata.labels.app', [web, api], {
        noHeaders: false,
      }),
    ).toEqual({
      ok: true,
      text: 'NAME   IMAGE                     APP\nweb    nginx:1.25,busybox:1.36   web\napi    nginx:1.25                <none>\n',
    });
  });

  test('relaxed paths and Go formatting of maps', () => {
    expect(printCustomColumns('NAME:metadata.name,LABELS:{.metadata.labels}', [web], { noHeaders: true })).toEqual({
      ok: true,
      text: 'web   map[app:web tier:frontend]\n',
    });
  });

  test('the header prints even without objects', () => {
    expect(printCustomColumns('NAME:.metadata.name', [], { noHeaders: false })).toEqual({ ok: true, text: 'NAME\n' });
  });

  test('spec errors', () => {
    expect(printCustomColumns('', [web], { noHeaders: false })).toEqual({
      ok: false,
      error: 'error: custom-columns format specified but no custom columns given\n',
      text: '',
    });
    expect(printCustomColumns('NAME', [web], { noHeaders: false })).toEqual({
      ok: false,
      error: 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n',
      text: '',
    });
    expect(printCustomColumns('NAME:{{.x}}', [web], { noHeaders: false })).toEqual({
      ok: false,
      error: "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
      text: '',
    });
  });

  test('a template that fails to parse leaves the header printed', () => {
    expect(printCustomColumns('NAME:.metadata.name[', [web], { noHeaders: false })).toEqual({
      ok: false,
      error: 'error: unterminated array\n',
      text: 'NAME\n',
    });
  });

  test('a failing lookup stops after the rows already written', () => {
    expect(printCustomColumns('NAME:.metadata.name,C:.spec.containers[1].name', [web, api], { noHeaders: false })).toEqual({
      ok: false,
      error: 'error: array index out of bounds: index 1, length 1\n',
      text: 'NAME   C\nweb    log\n',
    });
  });
});

describe('relaxedJsonPath', () => {
  test('accepts the four spellings', () => {
    for (const path of ['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}']) {
      expect(relaxedJsonPath(path)).toEqual({ ok: true, template: '{.metadata.name}' });
    }
  });
});
