import { describe, expect, test } from 'vitest';
import type { ContainerState, Pod } from '../../api/types.ts';
import { podRow } from './pod-columns.ts';
import { ago, NOW, pod, runningStatus } from './fixtures.ts';

/** READY, STATUS and RESTARTS of a pod */
const summary = (p: Pod): string => podRow(p, { now: NOW }).slice(1, 4).join(' | ');

const waiting = (reason: string): ContainerState => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, extra: object = {}): ContainerState => ({
  terminated: { exitCode, ...(reason ? { reason } : {}), finishedAt: ago(30), ...extra },
});

function withContainer(
  state: ContainerState,
  extra: Partial<Parameters<typeof runningStatus>[1]> = {},
  phase: 'Running' | 'Pending' | 'Succeeded' | 'Failed' = 'Running',
): Pod {
  return pod('web', {
    status: {
      phase,
      conditions: [],
      containerStatuses: [runningStatus('web', { state, ready: false, started: false, ...extra })],
    },
  });
}

describe('pod STATUS', () => {
  test('a running, ready pod', () => {
    expect(podRow(pod('web'), { now: NOW })).toEqual([
      'web',
      '1/1',
      'Running',
      '0',
      '5s',
      '10.244.1.3',
      'worker-1',
      '<none>',
      '<none>',
    ]);
  });

  test('an unscheduled pod has only its phase and no IP or node', () => {
    const p = pod('web', { spec: { nodeName: undefined as never }, status: { phase: 'Pending' } });
    delete (p.spec as { nodeName?: string }).nodeName;
    expect(podRow(p, { now: NOW })).toEqual(['web', '0/1', 'Pending', '0', '5s', '<none>', '<none>', '<none>', '<none>']);
  });

  test('waiting reasons show as the status', () => {
    expect(summary(withContainer(waiting('ContainerCreating'), {}, 'Pending'))).toBe('0/1 | ContainerCreating | 0');
    expect(summary(withContainer(waiting('ErrImagePull'), {}, 'Pending'))).toBe('0/1 | ErrImagePull | 0');
    expect(summary(withContainer(waiting('ImagePullBackOff'), {}, 'Pending'))).toBe('0/1 | ImagePullBackOff | 0');
  });

  test('CrashLoopBackOff with the age of the last restart', () => {
    const p = withContainer(waiting('CrashLoopBackOff'), {
      restartCount: 5,
      lastState: terminated(1, 'Error', { finishedAt: ago(300) }),
    });
    expect(summary(p)).toBe('0/1 | CrashLoopBackOff | 5 (5m ago)');
  });

  test('restarts without a recorded termination print as a bare count', () => {
    expect(summary(withContainer({ running: {} }, { restartCount: 2, ready: true }))).toBe('1/1 | Running | 2');
  });

  test('terminated containers: reason, else signal, else exit code', () => {
    expect(summary(withContainer(terminated(0, 'Completed'), {}, 'Succeeded'))).toBe('0/1 | Completed | 0');
    expect(summary(withContainer(terminated(1, 'Error'), {}, 'Failed'))).toBe('0/1 | Error | 0');
    expect(summary(withContainer(terminated(137, undefined, { signal: 9 }), {}, 'Failed'))).toBe('0/1 | Signal:9 | 0');
    expect(summary(withContainer(terminated(2), {}, 'Failed'))).toBe('0/1 | ExitCode:2 | 0');
  });

  test('one container completed while another still runs: Running if ready, else NotReady', () => {
    const p = pod('web', {
      spec: { containers: [{ name: 'job' }, { name: 'web' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False', lastProbeTime: null }],
        containerStatuses: [runningStatus('job', { state: terminated(0, 'Completed'), ready: false }), runningStatus('web')],
      },
    });
    expect(summary(p)).toBe('1/2 | NotReady | 0');
    p.status!.conditions = [{ type: 'Ready', status: 'True', lastProbeTime: null }];
    expect(summary(p)).toBe('1/2 | Running | 0');
  });

  test('a deleted pod is Terminating, or Unknown when its node was lost', () => {
    const p = pod('web', { meta: { name: 'web', creationTimestamp: ago(5), deletionTimestamp: ago(-30) } });
    expect(summary(p)).toBe('1/1 | Terminating | 0');
    p.status!.reason = 'NodeLost';
    expect(summary(p)).toBe('1/1 | Unknown | 0');
  });

  test('a deleted pod that already finished keeps its final status', () => {
    const p = withContainer(terminated(0, 'Completed'), {}, 'Succeeded');
    p.metadata.deletionTimestamp = ago(-30);
    expect(summary(p)).toBe('0/1 | Completed | 0');
  });

  test('a gated pod is SchedulingGated', () => {
    const p = pod('web', {
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', lastProbeTime: null }],
      },
    });
    expect(summary(p)).toBe('0/1 | SchedulingGated | 0');
  });
});

describe('init containers', () => {
  const initPod = (state: ContainerState, restartCount = 0): Pod =>
    pod('web', {
      spec: {
        initContainers: [
          { name: 'migrate', image: 'busybox' },
          { name: 'warm', image: 'busybox' },
        ],
      },
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          runningStatus('migrate', { state, ready: false, restartCount, lastState: restartCount ? terminated(1, 'Error') : {} }),
          runningStatus('warm', { state: waiting('PodInitializing'), ready: false }),
        ],
        containerStatuses: [runningStatus('web', { state: waiting('PodInitializing'), ready: false })],
      },
    });

  test('progress as Init:done/total', () => {
    expect(summary(initPod({ running: {} }))).toBe('0/1 | Init:0/2 | 0');
    expect(summary(initPod(terminated(0, 'Completed')))).toBe('0/1 | Init:1/2 | 0');
  });

  test('failures as Init:<reason>, restarts counted from init containers', () => {
    expect(summary(initPod(waiting('CrashLoopBackOff'), 3))).toBe('0/1 | Init:CrashLoopBackOff | 3 (30s ago)');
    expect(summary(initPod(terminated(1, 'Error')))).toBe('0/1 | Init:Error | 0');
    expect(summary(initPod(terminated(3)))).toBe('0/1 | Init:ExitCode:3 | 0');
  });

  test('a started sidecar counts toward READY and lets the pod run', () => {
    const p = pod('web', {
      spec: { initContainers: [{ name: 'log', image: 'fluent-bit', restartPolicy: 'Always' } as never] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True', lastProbeTime: null }],
        initContainerStatuses: [
          runningStatus('log', { restartCount: 1, lastState: terminated(1, 'Error', { finishedAt: ago(125) }) }),
        ],
        containerStatuses: [runningStatus('web')],
      },
    });
    expect(summary(p)).toBe('2/2 | Running | 1 (2m5s ago)');
  });
});

describe('wide columns', () => {
  test('readiness gates count the gate conditions that are True', () => {
    const p = pod('web');
    (p.spec as { readinessGates?: unknown }).readinessGates = [
      { conditionType: 'example.com/lb-ready' },
      { conditionType: 'example.com/warm' },
    ];
    p.status!.conditions!.push({ type: 'example.com/lb-ready' as never, status: 'True', lastProbeTime: null });
    (p.status as { nominatedNodeName?: string }).nominatedNodeName = 'worker-2';
    expect(podRow(p, { now: NOW }).slice(5)).toEqual(['10.244.1.3', 'worker-1', 'worker-2', '1/2']);
  });
});
