import { describe, expect, test } from 'vitest';
import { kindPrefix, printNames, resourceName } from './name.ts';
import { deployment, event, pod } from './fixtures.ts';

describe('-o name', () => {
  test('core kinds bare, other groups as kind.group', () => {
    expect(resourceName(pod('web'))).toBe('pod/web');
    expect(resourceName(deployment('web', 1, 1))).toBe('deployment.apps/web');
    expect(resourceName(event('web.17c1', {}))).toBe('event/web.17c1');
    expect(printNames([pod('a'), { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'a-5d78c9b8f4' } }])).toBe(
      'pod/a\nreplicaset.apps/a-5d78c9b8f4\n',
    );
  });
});

describe('kindPrefix', () => {
  test('the lower-cased GroupKind tables put before names', () => {
    expect(kindPrefix(pod('web'))).toBe('pod');
    expect(kindPrefix({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: {} })).toBe('daemonset.apps');
  });
});
