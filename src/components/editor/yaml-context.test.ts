import { describe, expect, test } from 'vitest';
import { cursorContext } from './yaml-context.ts';

/** the context at the `¦` in `text` */
function at(marked: string) {
  const offset = marked.indexOf('¦');
  return cursorContext(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

describe('cursorContext', () => {
  test('finds a key at the root, with the document kind and the keys already there', () => {
    expect(at(`apiVersion: v1\nkind: Pod\nme¦\n`)).toEqual({
      mode: 'key',
      kind: 'Pod',
      path: [],
      from: 25,
      column: 0,
      siblings: ['kind', 'apiVersion'],
    });
  });

  test('follows indentation and compact lists to the mapping being written', () => {
    expect(at(POD.replace('    image: nginx', '    image: nginx\n    imagePull¦'))).toMatchObject({
      mode: 'key',
      path: ['spec', 'containers', 0],
      column: 4,
      siblings: ['image', 'name'],
    });
    expect(at(POD + '    ports:\n    - contai¦')).toMatchObject({
      mode: 'key',
      path: ['spec', 'containers', 0, 'ports', 0],
      column: 6,
      siblings: [],
    });
    expect(at(POD.replace('  containers:', '  restartPolicy: Always\n  ¦\n  containers:'))).toMatchObject({
      mode: 'key',
      path: ['spec'],
      column: 2,
      siblings: ['restartPolicy', 'containers'],
    });
  });

  test('reads indented lists and nested mappings', () => {
    const svc = `kind: Service\nspec:\n  ports:\n    - port: 80\n      ¦\n`;
    expect(at(svc)).toMatchObject({ mode: 'key', kind: 'Service', path: ['spec', 'ports', 0], siblings: ['port'] });
    const deploy = `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        resources:\n          ¦\n`;
    expect(at(deploy)).toMatchObject({ path: ['spec', 'template', 'spec', 'containers', 0, 'resources'], column: 10 });
  });

  test('finds a value being written, after its key', () => {
    expect(at(`kind: Service\nspec:\n  type: Node¦\n`)).toEqual({
      mode: 'value',
      kind: 'Service',
      path: ['spec', 'type'],
      from: 28,
      column: 2,
      siblings: [],
    });
    expect(at(POD.replace('    image: nginx', '    image: nginx\n    imagePullPolicy: ¦'))).toMatchObject({
      mode: 'value',
      path: ['spec', 'containers', 0, 'imagePullPolicy'],
    });
    expect(at(`kind: Service\nspec:\n  ports:\n  - protocol: ¦`)).toMatchObject({ path: ['spec', 'ports', 0, 'protocol'] });
  });

  test('keeps documents apart', () => {
    expect(at(`kind: Pod\n---\nkind: Service\nspec:\n  ¦\n`)).toMatchObject({ kind: 'Service', path: ['spec'] });
    expect(at(`kind: Pod\n---\n¦`)).toMatchObject({ kind: null, path: [] });
  });

  test('offers nothing inside comments, block scalars or under a key that already has a value', () => {
    expect(at(`# a comm¦`)).toBeNull();
    expect(at(`data:\n  script: |\n    echo ¦\n`)).toBeNull();
    expect(at(`spec: {}\n  na¦`)).toBeNull();
  });
});
