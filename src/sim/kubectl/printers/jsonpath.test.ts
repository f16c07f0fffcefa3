import { describe, expect, test } from 'vitest';
import { printJsonPath } from './jsonpath.ts';
import { listWrapper } from './json.ts';
import { pod } from './fixtures.ts';

const web = pod('web', { meta: { name: 'web', namespace: 'default', labels: { tier: 'frontend', app: 'web' } } });
web.spec.containers = [
  { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] },
  { name: 'log', image: 'busybox:1.36' },
];
const api = pod('api');
api.status!.podIP = '10.244.2.7';
api.status!.conditions = [{ type: 'Ready', status: 'False', lastProbeTime: null }];
const list = listWrapper([web, api]);

const text = (template: string, data: unknown = list): string => {
  const result = printJsonPath(template, data);
  if (!result.ok) throw new Error(result.error);
  return result.text;
};
const error = (template: string, data: unknown, allowMissingKeys = true): string => {
  const result = printJsonPath(template, data, { allowMissingKeys });
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.text)}`);
  return result.error;
};

describe('jsonpath output', () => {
  test('fields, wildcards and indexes; several results joined by spaces', () => {
    expect(text('{.items[*].metadata.name}')).toBe('web api');
    expect(text('{.items[0].metadata.name}/{.items[-1].metadata.name}')).toBe('web/api');
    expect(text('{.items[*].spec.containers[*].image}')).toBe('nginx:1.25 busybox:1.36 nginx:1.25');
    expect(text('{.spec.containers[1:].name}', web)).toBe('log');
  });

  test('range with quoted tabs and newlines, and nested ranges', () => {
    expect(text('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}')).toBe(
      'web\t10.244.1.3\napi\t10.244.2.7\n',
    );
    expect(text('{range .items[*]}{.metadata.name}:{range .spec.containers[*]}{.name},{end};{end}')).toBe(
      'web:nginx,log,;api:web,;',
    );
    expect(text('{range .items[*]}{.metadata.name}{"\\n"}{end}', listWrapper([]))).toBe('');
  });

  test('text outside braces is literal, backslashes included', () => {
    expect(text('name={.metadata.name}\\n', web)).toBe('name=web\\n');
  });

  test('filters compare strings, numbers and booleans', () => {
    expect(text('{.items[*].status.conditions[?(@.type=="Ready")].status}')).toBe('True False');
    expect(text('{.items[?(@.status.conditions[0].status=="True")].metadata.name}')).toBe('web');
    expect(text('{.spec.containers[?(@.ports[0].containerPort==80)].name}', web)).toBe('nginx');
    expect(text('{.status.containerStatuses[?(@.ready==true)].name}', web)).toBe('web');
    expect(text('{.spec.containers[?(@.ports)].name}', web)).toBe('nginx');
  });

  test('maps and lists print as compact JSON, null as <nil>, numbers plainly', () => {
    expect(text('{.metadata.labels}', web)).toBe('{"app":"web","tier":"frontend"}');
    expect(text('{.spec.containers[*].ports}', web)).toBe('[{"containerPort":80}]');
    expect(text('{.status.conditions[0].lastProbeTime}', web)).toBe('<nil>');
    expect(text('{.spec.containers[0].ports[0].containerPort}', web)).toBe('80');
    expect(text('{$}', { a: 1 })).toBe('{"a":1}');
  });

  test('recursive descent, map wildcards and unions', () => {
    expect(text('{..name}', { metadata: { name: 'web' }, spec: { containers: [{ name: 'c1' }, { name: 'c2' }] } })).toBe(
      'web c1 c2',
    );
    expect(text('{.metadata.labels.*}', web)).toBe('web frontend');
    expect(text("{.metadata['name','namespace']}", web)).toBe('web default');
  });

  test('missing keys print nothing by default', () => {
    expect(text('{.metadata.name}{.foo}{.spec.nothing[0]}', web)).toBe('web');
    expect(text('{.items[*].metadata.name}', listWrapper([]))).toBe('');
  });
});

describe('jsonpath errors, as kubectl prints them', () => {
  const small = { kind: 'Pod', metadata: { name: 'web' } };
  const dump = 'map[string]interface {}{"kind":"Pod", "metadata":map[string]interface {}{"name":"web"}}';
  const executing = (template: string, message: string, obj = dump) =>
    `error: error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${message}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${obj}\n\n\n`;

  test('--allow-missing-template-keys=false reports the missing key', () => {
    expect(error('{.foo}', small, false)).toBe(executing('{.foo}', 'foo is not found'));
  });

  test('runtime errors are reported even when missing keys are allowed', () => {
    expect(error('{.metadata.name[0]}', small)).toBe(executing('{.metadata.name[0]}', 'string is not array or slice'));
    expect(error('{.items[5]}', { items: [] })).toBe(
      executing(
        '{.items[5]}',
        'array index out of bounds: index 5, length 0',
        'map[string]interface {}{"items":[]interface {}{}}',
      ),
    );
    expect(error('{end}', small)).toBe(executing('{end}', 'not in range, nothing to end'));
    expect(error('{.metadata[?(@.name>1)]}', { metadata: [{ name: 'a' }] })).toBe(
      executing(
        '{.metadata[?(@.name>1)]}',
        'incompatible types for comparison',
        'map[string]interface {}{"metadata":[]interface {}{map[string]interface {}{"name":"a"}}}',
      ),
    );
  });

  test('parse errors', () => {
    expect(error('{.metadata.name', small)).toBe('error: error parsing jsonpath {.metadata.name, unclosed action\n');
    expect(error('{.items[}', small)).toBe('error: error parsing jsonpath {.items[}, unterminated array\n');
    expect(error('{!}', small)).toBe("error: error parsing jsonpath {!}, unrecognized character in action: U+0021 '!'\n");
    expect(error('{.items[x]}', small)).toBe('error: error parsing jsonpath {.items[x]}, invalid array index x\n');
    expect(error('', small)).toBe('error: template format specified but no template given\n');
  });
});
