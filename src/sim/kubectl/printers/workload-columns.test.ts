import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { printTable, type TableOptions } from './table.ts';
import { ago, NOW } from './fixtures.ts';

const base: TableOptions = {
  now: NOW,
  wide: false,
  noHeaders: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
};
const wide: TableOptions = { ...base, wide: true };
const lines = (...rows: string[]): string => rows.map((r) => r + '\n').join('');

describe('replica sets, replication controllers and daemon sets', () => {
  const rs = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d78c9b8f4', namespace: 'default', creationTimestamp: ago(3600) },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d78c9b8f4' } },
      template: {
        spec: {
          containers: [
            { name: 'nginx', image: 'nginx:1.25' },
            { name: 'sidecar', image: 'busybox:1.36' },
          ],
        },
      },
    },
    status: { replicas: 3, readyReplicas: 2 },
  } as KubeObject;

  test('replica set DESIRED, CURRENT, READY', () => {
    expect(printTable([rs], base)).toBe(
      lines('NAME             DESIRED   CURRENT   READY   AGE', 'web-5d78c9b8f4   3         3         2       60m'),
    );
    expect(printTable([rs], wide)).toBe(
      lines(
        'NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS      IMAGES                    SELECTOR',
        'web-5d78c9b8f4   3         3         2       60m   nginx,sidecar   nginx:1.25,busybox:1.36   app=web,pod-template-hash=5d78c9b8f4',
      ),
    );
  });

  test('replication controller with its map selector and no ready replicas', () => {
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy', namespace: 'default', creationTimestamp: ago(60) },
      spec: { replicas: 2, selector: { app: 'legacy' }, template: { spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
      status: { replicas: 2 },
    } as KubeObject;
    expect(printTable([rc], wide)).toBe(
      lines(
        'NAME     DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR',
        'legacy   2         2         0       60s   app          nginx    app=legacy',
      ),
    );
  });

  test('daemon set with its node selector', () => {
    const ds = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', creationTimestamp: ago(86400 * 4) },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: {
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.36.0' }],
          },
        },
      },
      status: {
        currentNumberScheduled: 3,
        desiredNumberScheduled: 3,
        numberMisscheduled: 0,
        numberReady: 3,
        updatedNumberScheduled: 3,
        numberAvailable: 3,
      },
    } as KubeObject;
    expect(printTable([ds], base)).toBe(
      lines(
        'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE',
        'kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   4d',
      ),
    );
  });
});
