// `kubectl get pods`: a port of printPod, which folds phase, init containers, container states,
// readiness and deletion into the one STATUS word people read (Init:0/1, CrashLoopBackOff,
// Completed, Terminating, ...), and RESTARTS with the age of the latest restart.

import type { Container, ContainerStatus, Pod, PodStatus } from '../../api/types.ts';
import { age, ageOf, parseTime } from './duration.ts';
import type { RowContext } from './row-helpers.ts';

/** fields printPod reads that types.ts does not model yet */
interface PodExtras {
  spec?: { readinessGates?: { conditionType: string }[] };
  status?: { nominatedNodeName?: string };
}

/** sidecars: an init container with restartPolicy Always keeps running beside the app containers */
const isRestartable = (c: Container | undefined): boolean =>
  (c as { restartPolicy?: string } | undefined)?.restartPolicy === 'Always';

/** the finish time of the previous run, if the container has restarted */
const lastTermination = (c: ContainerStatus): number | undefined => parseTime(c.lastState?.terminated?.finishedAt);

/** metav1.Time.Before with the zero time as `undefined`: a set time always beats the zero time */
const later = (current: number | undefined, candidate: number | undefined): number | undefined =>
  candidate !== undefined && (current === undefined || current < candidate) ? candidate : current;

const conditionTrue = (status: PodStatus, type: string): boolean =>
  (status.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** isPodInitializedConditionTrue looks at the first Initialized condition only */
const initializedTrue = (status: PodStatus): boolean =>
  (status.conditions ?? []).find((c) => c.type === 'Initialized')?.status === 'True';

export function podRow(pod: Pod, ctx: RowContext): string[] {
  const spec = pod.spec;
  const status: PodStatus = pod.status ?? {};
  const extras = pod as PodExtras;
  const initContainers = spec.initContainers ?? [];
  const phase = status.phase ?? '';

  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  let reason: string = status.reason ? status.reason : phase;
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Container>();
  for (const c of initContainers) {
    initByName.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const state = c.state ?? {};
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, lastTermination(c));
    const restartable = isRestartable(initByName.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      lastRestartableInitRestart = later(lastRestartableInitRestart, lastTermination(c));
    }
    if (state.terminated && state.terminated.exitCode === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (state.terminated) {
      const t = state.terminated;
      if (t.reason) reason = `Init:${t.reason}`;
      else reason = t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    } else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || initializedTrue(status)) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // backwards, so the first container's state is the one that ends up in STATUS
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      const state = c.state ?? {};
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, lastTermination(c));
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated?.reason) reason = state.terminated.reason;
      else if (state.terminated) {
        const t = state.terminated;
        reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      } else if (c.ready && state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // a container still running after another completed: the pod is not done
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartsText =
    restarts !== 0 && lastRestart !== undefined ? `${restarts} (${ageOf(lastRestart, ctx.now)} ago)` : String(restarts);

  // podIPs is what upstream reads; podIP covers objects written before podIPs was filled in
  const podIP = status.podIPs?.[0]?.ip || status.podIP || '<none>';
  const gates = extras.spec?.readinessGates ?? [];
  let readinessGates = '<none>';
  if (gates.length > 0) {
    const trueGates = gates.filter(
      (g) => (status.conditions ?? []).find((c) => (c.type as string) === g.conditionType)?.status === 'True',
    ).length;
    readinessGates = `${trueGates}/${gates.length}`;
  }

  return [
    pod.metadata.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsText,
    age(pod.metadata.creationTimestamp, ctx.now),
    podIP,
    spec.nodeName || '<none>',
    extras.status?.nominatedNodeName || '<none>',
    readinessGates,
  ];
}
