// strategic merge patch: merge keys, list order, directives and the library's errors
import { describe, expect, test } from 'vitest';
import type { JsonObject } from './json-patch.ts';
import { SmpError, SmpNotSimulated, strategicMergePatch } from './strategic-merge.ts';

const deployment = (): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', tier: 'a' }, finalizers: ['x/one'] },
  spec: {
    replicas: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
          { name: 'side', image: 'busybox' },
        ],
        tolerations: [{ key: 'a', operator: 'Exists' }],
      },
    },
  },
});

const spec = (obj: JsonObject) => (obj['spec'] as JsonObject)['template'] as JsonObject;
const containers = (obj: JsonObject) => (spec(obj)['spec'] as JsonObject)['containers'] as JsonObject[];
const podPatch = (podSpec: JsonObject): JsonObject => ({ spec: { template: { spec: podSpec } } });

describe('strategicMergePatch', () => {
  test('merges containers by name and keeps the rest', () => {
    const out = strategicMergePatch(
      deployment(),
      podPatch({ containers: [{ name: 'side', image: 'busybox:1.36' }] }),
      'Deployment',
    );
    expect(containers(out).map((c) => `${c['name']}=${c['image']}`)).toEqual(['web=nginx:1.25', 'side=busybox:1.36']);
  });

  test('a container new to the list goes first, as upstream orders merged lists', () => {
    const out = strategicMergePatch(deployment(), podPatch({ containers: [{ name: 'log', image: 'fluentd' }] }), 'Deployment');
    expect(containers(out).map((c) => c['name'])).toEqual(['log', 'web', 'side']);
  });

  test('env merges by name, ports by containerPort; tolerations are replaced', () => {
    const out = strategicMergePatch(
      deployment(),
      podPatch({
        containers: [{ name: 'web', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }],
        tolerations: [{ key: 'b', operator: 'Exists' }],
      }),
      'Deployment',
    );
    const web = containers(out)[0]!;
    expect(web['env']).toEqual([
      { name: 'B', value: '2' },
      { name: 'A', value: '1' },
    ]);
    expect(web['ports']).toEqual([{ containerPort: 80, name: 'http' }]);
    expect((spec(out)['spec'] as JsonObject)['tolerations']).toEqual([{ key: 'b', operator: 'Exists' }]);
  });

  test('null deletes a member; maps merge', () => {
    const out = strategicMergePatch(deployment(), { metadata: { labels: { tier: null, env: 'dev' } } }, 'Deployment');
    expect((out['metadata'] as JsonObject)['labels']).toEqual({ app: 'web', env: 'dev' });
  });

  test('$patch: delete removes a list item by its merge key, $patch: replace replaces the list', () => {
    const removed = strategicMergePatch(
      deployment(),
      podPatch({ containers: [{ name: 'side', $patch: 'delete' }] }),
      'Deployment',
    );
    expect(containers(removed).map((c) => c['name'])).toEqual(['web']);
    const replaced = strategicMergePatch(
      deployment(),
      podPatch({ containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] }),
      'Deployment',
    );
    expect(containers(replaced)).toEqual([{ name: 'only', image: 'x' }]);
  });

  test('$patch: replace on a map, $retainKeys and $deleteFromPrimitiveList', () => {
    const out = strategicMergePatch(
      deployment(),
      {
        metadata: { labels: { $patch: 'replace', only: 'this' }, '$deleteFromPrimitiveList/finalizers': ['x/one'] },
        spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
      },
      'Deployment',
    );
    expect(out['metadata']).toEqual({ name: 'web', labels: { only: 'this' }, finalizers: [] });
    expect((out['spec'] as JsonObject)['strategy']).toEqual({ type: 'Recreate' });
  });

  test('finalizers, a merged list of strings, gain new entries only', () => {
    const out = strategicMergePatch(deployment(), { metadata: { finalizers: ['x/two', 'x/one'] } }, 'Deployment');
    expect((out['metadata'] as JsonObject)['finalizers']).toEqual(['x/two', 'x/one']);
  });

  test("upstream's errors", () => {
    const error = (patch: JsonObject) => {
      try {
        strategicMergePatch(deployment(), patch, 'Deployment');
      } catch (e) {
        if (e instanceof SmpError) return `${e.kind}: ${e.message}`;
        if (e instanceof SmpNotSimulated) return `not simulated: ${e.message}`;
        throw e;
      }
      return 'no error';
    };
    expect(error(podPatch({ containers: [{ image: 'nginx:1.26' }] }))).toBe(
      'internal: map: map[image:nginx:1.26] does not contain declared merge key: name',
    );
    expect(error(podPatch({ containers: [{ name: 'web', $patch: 'frob' }] }))).toBe(
      'internal: unknown patch type: frob in map: map[$patch:frob name:web]',
    );
    expect(error(podPatch({ containers: ['web'] }))).toBe(
      'internal: list element types are not identical: [[map[env:[map[name:A value:1]] image:nginx:1.25 name:web ports:[map[containerPort:80]]] map[image:busybox name:side]] [web]]',
    );
    expect(error({ spec: { strategy: { $retainKeys: 'type' } } })).toBe('bad-request: invalid patch format of retainKeys');
    expect(error({ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } })).toBe(
      'bad-request: invalid patch format of retainKeys',
    );
    expect(error({ metadata: { '$setElementOrder/finalizers': [] } })).toBe(
      'not simulated: the $setElementOrder directive is not simulated',
    );
  });
});
