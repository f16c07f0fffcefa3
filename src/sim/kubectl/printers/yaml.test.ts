import { describe, expect, test } from 'vitest';
import { listWrapper, toYaml } from './yaml.ts';
import { pod } from './fixtures.ts';

const lines = (...rows: string[]): string => rows.map((r) => r + '\n').join('');

describe('toYaml', () => {
  test('a pod as kubectl get -o yaml prints it', () => {
    const p = pod('web', {
      meta: { name: 'web', namespace: 'default', creationTimestamp: '2024-05-01T11:59:55Z', labels: { app: 'web' } },
    });
    expect(toYaml(p)).toBe(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: "2024-05-01T11:59:55Z"',
        '  labels:',
        '    app: web',
        '  name: web',
        '  namespace: default',
        'spec:',
        '  containers:',
        '  - image: nginx:1.25',
        '    name: web',
        '  nodeName: worker-1',
        'status:',
        '  conditions:',
        '  - lastProbeTime: null',
        '    status: "True"',
        '    type: Ready',
        '  containerStatuses:',
        '  - image: nginx:1.25',
        '    imageID: ""',
        '    lastState: {}',
        '    name: web',
        '    ready: true',
        '    restartCount: 0',
        '    started: true',
        '    state:',
        '      running:',
        '        startedAt: "2024-05-01T11:59:00Z"',
        '  phase: Running',
        '  podIP: 10.244.1.3',
        '  podIPs:',
        '  - ip: 10.244.1.3',
      ),
    );
  });

  test('several objects inside a List', () => {
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { port: '8080' } });
    expect(toYaml(listWrapper([cm('a'), cm('b')]))).toBe(
      lines(
        'apiVersion: v1',
        'items:',
        '- apiVersion: v1',
        '  data:',
        '    port: "8080"',
        '  kind: ConfigMap',
        '  metadata:',
        '    name: a',
        '- apiVersion: v1',
        '  data:',
        '    port: "8080"',
        '  kind: ConfigMap',
        '  metadata:',
        '    name: b',
        'kind: List',
        'metadata:',
        '  resourceVersion: ""',
      ),
    );
  });

  test('strings that would read back as something else are double-quoted', () => {
    const values = ['80', '-1', '1.5', '.5', '0x1F', '1e3', '0755', '1_000', 'true', 'yes', 'on', 'Y', 'null', '~', '', '1:20'];
    const out = toYaml({ list: values });
    expect(out).toBe(lines('list:', ...values.map((v) => `- "${v}"`)));
  });

  test('timestamps and dates are quoted, impossible dates are not', () => {
    expect(toYaml({ a: '2024-05-01T12:00:00Z', b: '2024-05-01', c: '2024-5-1 1:2:3', d: '2024-02-30' })).toBe(
      lines('a: "2024-05-01T12:00:00Z"', 'b: "2024-05-01"', 'c: "2024-5-1 1:2:3"', 'd: 2024-02-30'),
    );
  });

  test('indicators and edge spaces force single quotes; unprintables force double quotes', () => {
    const out = toYaml({
      a: '*',
      b: '-',
      c: 'a: b',
      d: 'a #b',
      e: ' leading',
      f: 'trailing ',
      g: "'quoted'",
      h: 'key:',
      i: 'tab\there',
      j: 'emoji 😀',
    });
    expect(out).toBe(
      lines(
        `a: '*'`,
        `b: '-'`,
        `c: 'a: b'`,
        `d: 'a #b'`,
        `e: ' leading'`,
        `f: 'trailing '`,
        `g: '''quoted'''`,
        `h: 'key:'`,
        'i: "tab\\there"',
        'j: "emoji \\U0001F600"',
      ),
    );
  });

  test('ordinary text stays plain', () => {
    expect(toYaml({ a: 'None', b: '1Gi', c: '100m', d: 'a#b', e: "it's", f: 'http://x:8080/y', g: '-x', h: 'café' })).toBe(
      lines('a: None', 'b: 1Gi', 'c: 100m', 'd: a#b', "e: it's", 'f: http://x:8080/y', 'g: -x', 'h: café'),
    );
  });

  test('keys sort the go-yaml way and keys that read as other types are quoted', () => {
    expect(toYaml({ b: 1, a10: 1, a9: 1, a_b: 1, aB: 1, Z: 1, _x: 1, 'a-b': 1, n: 2 })).toBe(
      lines('_x: 1', 'Z: 1', 'a-b: 1', 'a_b: 1', 'a9: 1', 'a10: 1', 'aB: 1', 'b: 1', '"n": 2'),
    );
  });

  test('keys over 128 bytes or spanning lines take the explicit ? form', () => {
    const long = 'k'.repeat(130);
    expect(toYaml({ [long]: 'v', 'two\nlines': ['x'] })).toBe(lines(`? ${long}`, ': v', '? |-', '  two', '  lines', ': - x'));
  });

  test('empty collections, nested lists, null, booleans and numbers', () => {
    expect(toYaml({ a: {}, b: [], c: [{}], d: [[1, 2], []], n: null, t: true, f: 0.5, small: 0.00001, x: 1234567.5 })).toBe(
      lines(
        'a: {}',
        'b: []',
        'c:',
        '- {}',
        'd:',
        '- - 1',
        '  - 2',
        '- []',
        'f: 0.5',
        '"n": null',
        'small: 1e-05',
        't: true',
        'x: 1.2345675e+06',
      ),
    );
  });

  test('multi-line strings become literal blocks with the right chomping', () => {
    const data = { conf: 'server {\n  listen 80;\n\n}\n', clip: 'a\nb', keep: 'a\n\n', lead: '  x\ny\n', trail: 'x \ny\n' };
    expect(toYaml({ data })).toBe(
      lines(
        'data:',
        '  clip: |-',
        '    a',
        '    b',
        '  conf: |',
        '    server {',
        '      listen 80;',
        '',
        '    }',
        '  keep: |+',
        '    a',
        '',
        '  lead: |2',
        '      x',
        '    y',
        '  trail: "x \\ny\\n"',
      ),
    );
  });

  test('long strings fold at the first space past column 80', () => {
    const message =
      'Back-off pulling image "nginx:doesnotexist": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image';
    const note = 'This is a long plain sentence without any special indicator characters that will certainly need folding';
    expect(toYaml({ items: [{ message, note }] })).toBe(
      lines(
        'items:',
        `- message: 'Back-off pulling image "nginx:doesnotexist": ErrImagePull: rpc error:`,
        `    code = NotFound desc = failed to pull and unpack image'`,
        '  note: This is a long plain sentence without any special indicator characters that',
        '    will certainly need folding',
      ),
    );
  });
});
