import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { printTable, type TableOptions } from './table.ts';
import { ago, deployment, NOW, pod, runningStatus } from './fixtures.ts';

const base: TableOptions = {
  now: NOW,
  wide: false,
  noHeaders: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
};

/** the expected output, one argument per line */
const lines = (...rows: string[]): string => rows.map((r) => r + '\n').join('');

const terminating = pod('web', {
  meta: { name: 'web', namespace: 'default', creationTimestamp: ago(125), deletionTimestamp: ago(-30), labels: { app: 'web' } },
});
const crashing = pod('api-6b8f7c9d5-qwz4r', {
  meta: {
    name: 'api-6b8f7c9d5-qwz4r',
    namespace: 'default',
    creationTimestamp: ago(3600),
    labels: { app: 'api', 'pod-template-hash': '6b8f7c9d5' },
  },
  status: {
    phase: 'Running',
    podIPs: [{ ip: '10.244.2.7' }],
    containerStatuses: [
      runningStatus('api', {
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        ready: false,
        restartCount: 5,
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(300) } },
      }),
    ],
  },
});
const pending = pod('worker', { spec: { nodeName: '' }, status: { phase: 'Pending' } });
const pods: KubeObject[] = [terminating, crashing, pending];

describe('printTable for pods', () => {
  test('the default columns', () => {
    expect(printTable(pods, base)).toBe(
      lines(
        'NAME                  READY   STATUS             RESTARTS     AGE',
        'web                   1/1     Terminating        0            2m5s',
        'api-6b8f7c9d5-qwz4r   0/1     CrashLoopBackOff   5 (5m ago)   60m',
        'worker                0/1     Pending            0            5s',
      ),
    );
  });

  test('-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    expect(printTable(pods, { ...base, wide: true })).toBe(
      lines(
        'NAME                  READY   STATUS             RESTARTS     AGE    IP           NODE       NOMINATED NODE   READINESS GATES',
        'web                   1/1     Terminating        0            2m5s   10.244.1.3   worker-1   <none>           <none>',
        'api-6b8f7c9d5-qwz4r   0/1     CrashLoopBackOff   5 (5m ago)   60m    10.244.2.7   worker-1   <none>           <none>',
        'worker                0/1     Pending            0            5s     <none>       <none>     <none>           <none>',
      ),
    );
  });

  test('--no-headers sizes columns from the rows alone', () => {
    expect(printTable(pods, { ...base, noHeaders: true })).toBe(
      lines(
        'web                   1/1   Terminating        0            2m5s',
        'api-6b8f7c9d5-qwz4r   0/1   CrashLoopBackOff   5 (5m ago)   60m',
        'worker                0/1   Pending            0            5s',
      ),
    );
  });

  test('--show-labels adds LABELS last, sorted, <none> when there are none', () => {
    expect(printTable([terminating, crashing, pending], { ...base, showLabels: true })).toBe(
      lines(
        'NAME                  READY   STATUS             RESTARTS     AGE    LABELS',
        'web                   1/1     Terminating        0            2m5s   app=web',
        'api-6b8f7c9d5-qwz4r   0/1     CrashLoopBackOff   5 (5m ago)   60m    app=api,pod-template-hash=6b8f7c9d5',
        'worker                0/1     Pending            0            5s     <none>',
      ),
    );
  });

  test('-L adds a column per key, headed by the upper-cased last path segment', () => {
    // a missing label is an empty cell; tabwriter still pads the column before it
    expect(printTable([terminating, crashing], { ...base, labelColumns: ['app', 'app.kubernetes.io/name'] })).toBe(
      lines(
        'NAME                  READY   STATUS             RESTARTS     AGE    APP   NAME',
        'web                   1/1     Terminating        0            2m5s   web   ',
        'api-6b8f7c9d5-qwz4r   0/1     CrashLoopBackOff   5 (5m ago)   60m    api   ',
      ),
    );
  });

  test('-A puts NAMESPACE first', () => {
    const coredns = pod('coredns-7db6d8ff4d-7kb9x', {
      meta: { name: 'coredns-7db6d8ff4d-7kb9x', namespace: 'kube-system', creationTimestamp: ago(86400 * 4 + 3600 * 21) },
    });
    expect(printTable([terminating, coredns], { ...base, withNamespace: true })).toBe(
      lines(
        'NAMESPACE     NAME                       READY   STATUS        RESTARTS   AGE',
        'default       web                        1/1     Terminating   0          2m5s',
        'kube-system   coredns-7db6d8ff4d-7kb9x   1/1     Running       0          4d21h',
      ),
    );
  });

  test('several resource types print names as kind/name', () => {
    expect(printTable([pending], { ...base, withKind: true })).toBe(
      lines('NAME         READY   STATUS    RESTARTS   AGE', 'pod/worker   0/1     Pending   0          5s'),
    );
    expect(printTable([deployment('web', 3, 3)], { ...base, withKind: true })).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   3/3     3            3           60m',
      ),
    );
  });

  test('nothing at all for no objects', () => {
    expect(printTable([], base)).toBe('');
    expect(printTable([], { ...base, noHeaders: true })).toBe('');
  });
});

describe('printTable for deployments', () => {
  test('READY is ready/desired; wide adds CONTAINERS, IMAGES and SELECTOR', () => {
    expect(printTable([deployment('web', 3, 2), deployment('api', 1, 1)], base)).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'web    2/3     3            2           60m',
        'api    1/1     1            1           60m',
      ),
    );
    expect(printTable([deployment('web', 3, 2)], { ...base, wide: true })).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR',
        'web    2/3     3            2           60m   nginx        nginx:1.25   app=web',
      ),
    );
  });
});

describe('cells', () => {
  test('a multi-line value is cut at its first line break', () => {
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'multi', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web' },
      type: 'Normal',
      reason: 'Scheduled',
      message: 'first line\nsecond line',
      lastTimestamp: ago(30),
      firstTimestamp: ago(30),
      count: 1,
    } as KubeObject;
    expect(printTable([ev], base)).toBe(
      lines('LAST SEEN   TYPE     REASON      OBJECT    MESSAGE', '30s         Normal   Scheduled   pod/web   first line...'),
    );
  });

  test('kinds without their own columns print NAME and AGE', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', creationTimestamp: ago(7) } } as KubeObject;
    expect(printTable([secret], base)).toBe(lines('NAME    AGE', 'token   7s'));
  });

  test('a large table stays aligned across the chunks kubectl flushes', () => {
    const many = Array.from({ length: 150 }, (_, i) => pod(i === 120 ? 'a-much-longer-pod-name' : `p${i}`));
    const out = printTable(many, { ...base, noHeaders: true }).split('\n');
    expect(out[0]).toBe('p0                       1/1   Running   0     5s');
    expect(out[120]).toBe('a-much-longer-pod-name   1/1   Running   0     5s');
    expect(out[149]).toBe('p149                     1/1   Running   0     5s');
  });
});
