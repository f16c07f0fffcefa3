import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { printTable, type TableOptions } from './table.ts';
import { ago, event, node, NOW } from './fixtures.ts';

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

describe('nodes, namespaces, events and config maps', () => {
  test('node STATUS and ROLES; wide adds addresses and system info', () => {
    const notReady = node('worker-2', {});
    notReady.status.conditions = [{ type: 'Ready', status: 'Unknown' }];
    const nodes = [
      node('control-plane', { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'control-plane' }),
      node('worker-1', { 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/ingress': '' }, { unschedulable: true }),
      notReady,
    ];
    expect(printTable(nodes, base)).toBe(
      lines(
        'NAME            STATUS                     ROLES            AGE   VERSION',
        'control-plane   Ready                      control-plane    3d    v1.36.0',
        'worker-1        Ready,SchedulingDisabled   ingress,worker   3d    v1.36.0',
        'worker-2        NotReady                   <none>           3d    v1.36.0',
      ),
    );
    expect(printTable(nodes.slice(0, 1), wide)).toBe(
      lines(
        'NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME',
        'control-plane   Ready    control-plane   3d    v1.36.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1012-gcp   containerd://1.7.18',
      ),
    );
  });

  test('namespaces', () => {
    const ns = (name: string, phase: string, seconds: number) =>
      ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, creationTimestamp: ago(seconds) },
        status: { phase },
      }) as KubeObject;
    expect(printTable([ns('default', 'Active', 86400 * 10), ns('old', 'Terminating', 40)], base)).toBe(
      lines('NAME      STATUS        AGE', 'default   Active        10d', 'old       Terminating   40s'),
    );
  });

  test('events as kubectl get events shows them, and their wide columns', () => {
    const events = [
      event('web.17c1', {}),
      event('api.17c2', {
        type: 'Warning',
        reason: 'BackOff',
        involvedObject: { kind: 'Pod', name: 'api-0', fieldPath: 'spec.containers{api}' },
        message: 'Back-off restarting failed container api in pod api-0_default(5b1e)',
        source: { component: 'kubelet', host: 'worker-1' },
        firstTimestamp: ago(600),
        lastTimestamp: ago(20),
        count: 27,
      }),
    ];
    expect(printTable(events, base)).toBe(
      lines(
        'LAST SEEN   TYPE      REASON      OBJECT      MESSAGE',
        '30s         Normal    Scheduled   pod/web     Successfully assigned default/web to worker-1',
        '20s         Warning   BackOff     pod/api-0   Back-off restarting failed container api in pod api-0_default(5b1e)',
      ),
    );
    expect(printTable(events, wide)).toBe(
      lines(
        'LAST SEEN   TYPE      REASON      OBJECT      SUBOBJECT              SOURCE              MESSAGE                                                               FIRST SEEN   COUNT   NAME',
        '30s         Normal    Scheduled   pod/web                            default-scheduler   Successfully assigned default/web to worker-1                         30s          1       web.17c1',
        '20s         Warning   BackOff     pod/api-0   spec.containers{api}   kubelet, worker-1   Back-off restarting failed container api in pod api-0_default(5b1e)   10m          27      api.17c2',
      ),
    );
  });

  test('config maps count their keys', () => {
    const cm = (name: string, data?: Record<string, string>) =>
      ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, creationTimestamp: ago(90) },
        ...(data ? { data } : {}),
      }) as KubeObject;
    expect(
      printTable([cm('kube-root-ca.crt', { 'ca.crt': 'x' }), cm('app-config', { a: '1', b: '2', c: '3' }), cm('empty')], base),
    ).toBe(
      lines(
        'NAME               DATA   AGE',
        'kube-root-ca.crt   1      90s',
        'app-config         3      90s',
        'empty              0      90s',
      ),
    );
  });
});
