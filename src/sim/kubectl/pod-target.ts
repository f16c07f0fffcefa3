// finding the pod and container exec, logs and attach work on, as kubectl does it: `NAME` is a
// pod, `TYPE/NAME` may be anything with a pod selector (kubectl picks one pod: the best running
// one for exec and attach, polymorphichelpers' ByLogging order for logs), and a pod with more
// than one container defaults to the first with podcmd's notice

import { resolveType, qualifiedName, type ResourceType } from '../api/resources.ts';
import { notFound } from '../api/status-errors.ts';
import { labelSelectorAsSelector, matchesRequirements, selectorFromSet } from '../api/validation/selectors.ts';
import type { Container, KubeObject, LabelSelector, Pod } from '../api/types.ts';
import { waitFor, type KubectlEnv } from './env.ts';
import { parseGoDuration } from './flags.ts';
import { formatApiError } from './objects.ts';
import { isKnownResourceName, notSimulatedOrUnknown } from './targets.ts';

export type Found<T> = { ok: true; value: T } | { ok: false; error: string; fromSelector?: boolean };

/** the Go type kubectl names in messages about objects it cannot take pods from */
const GO_TYPES: Record<string, string> = {
  Node: '*v1.Node',
  Namespace: '*v1.Namespace',
  Endpoints: '*v1.Endpoints',
  Event: '*v1.Event',
  ConfigMap: '*v1.ConfigMap',
};

/** `web`, `pod/web`, `deploy/web` (or TYPE and NAME as two words): the object, as the builder fetches it */
export function fetchObject(env: KubectlEnv, arg: string, typeArg?: string): Found<{ type: ResourceType; object: KubeObject }> {
  let typeName = typeArg ?? 'pods';
  let name = arg;
  if (typeArg === undefined && arg.includes('/')) {
    // the builder's splitResourceTypeName
    const segments = arg.split('/');
    if (segments.length !== 2)
      return { ok: false, error: 'error: arguments in resource/name form may not have more than one slash\n' };
    [typeName, name] = segments as [string, string];
    if (!typeName || !name || new Set(typeName.split(',')).size !== 1)
      return { ok: false, error: 'error: arguments in resource/name form must have a single resource and name\n' };
  }
  const type = resolveType(typeName);
  if (!type)
    return { ok: false, error: notSimulatedOrUnknown(typeName, env.commandPath.split(' ')[1] ?? '', isKnownResourceName) + '\n' };
  const object = env.cluster.api.get(type.kind, type.namespaced ? env.namespace : undefined, name);
  if (!object) return { ok: false, error: formatApiError(notFound(qualifiedName(type), name)) };
  return { ok: true, value: { type, object } };
}

/** polymorphichelpers.SelectorsForObject: the pods an object stands for */
export function podSelectorOf(object: KubeObject): Found<(pod: Pod) => boolean> {
  const spec = object.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  switch (object.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet': {
      const parsed = labelSelectorAsSelector(spec?.selector as LabelSelector | undefined);
      if ('error' in parsed) return { ok: false, error: `invalid label selector: ${parsed.error}` };
      return { ok: true, value: (pod) => matchesRequirements(parsed.selector, pod.metadata.labels ?? {}) };
    }
    case 'ReplicationController': {
      const requirements = selectorFromSet((spec?.selector as Record<string, string>) ?? {});
      return { ok: true, value: (pod) => matchesRequirements(requirements, pod.metadata.labels ?? {}) };
    }
    case 'Service': {
      const selector = spec?.selector as Record<string, string> | undefined;
      if (!selector || Object.keys(selector).length === 0) {
        return { ok: false, error: `invalid service '${object.metadata.name}': Service is defined without a selector` };
      }
      const requirements = selectorFromSet(selector);
      return { ok: true, value: (pod) => matchesRequirements(requirements, pod.metadata.labels ?? {}) };
    }
    default:
      return { ok: false, error: `selector for ${GO_TYPES[object.kind] ?? `*v1.${object.kind}`} not implemented` };
  }
}

function ready(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function readySince(pod: Pod): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount));
}

/** afterOrZero: t1 after t2, an unknown time counting as the latest */
function afterOrZero(t1: string | undefined, t2: string | undefined): boolean {
  if (!t1 || !t2) return !t1;
  return t1 > t2;
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging: assigned, running, ready (longest first), most restarts, oldest */
export function byLogging(a: Pod, b: Pod): number {
  const less = (i: Pod, j: Pod): boolean => {
    if (i.spec.nodeName !== j.spec.nodeName && (!i.spec.nodeName || !j.spec.nodeName)) return !!i.spec.nodeName;
    const pi = PHASE_RANK[i.status?.phase ?? ''] ?? 3;
    const pj = PHASE_RANK[j.status?.phase ?? ''] ?? 3;
    if (pi !== pj) return pi < pj;
    if (ready(i) !== ready(j)) return ready(i);
    if (ready(i) && ready(j) && readySince(i) !== readySince(j)) return afterOrZero(readySince(j), readySince(i));
    if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
    const ci = i.metadata.creationTimestamp;
    const cj = j.metadata.creationTimestamp;
    if (ci !== cj) return afterOrZero(cj, ci);
    return false;
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

/** sort.Reverse(podutils.ActivePods): the pod a controller would keep longest comes first */
export function byActive(a: Pod, b: Pod): number {
  const less = (i: Pod, j: Pod): boolean => {
    if (i.spec.nodeName !== j.spec.nodeName && (!i.spec.nodeName || !j.spec.nodeName)) return !i.spec.nodeName;
    const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
    const pi = rank[i.status?.phase ?? ''] ?? 0;
    const pj = rank[j.status?.phase ?? ''] ?? 0;
    if (pi !== pj) return pi < pj;
    if (ready(i) !== ready(j)) return !ready(i);
    if (ready(i) && ready(j) && readySince(i) !== readySince(j)) return afterOrZero(readySince(i), readySince(j));
    if (maxRestarts(i) !== maxRestarts(j)) return maxRestarts(i) > maxRestarts(j);
    const ci = i.metadata.creationTimestamp;
    const cj = j.metadata.creationTimestamp;
    if (ci !== cj) return afterOrZero(ci, cj);
    return false;
  };
  // reversed: the greatest by ActivePods first
  return less(b, a) ? -1 : less(a, b) ? 1 : 0;
}

/**
 * the pods behind an object, best first; when there are none yet, kubectl watches for one
 * until the timeout ends (a Deployment just created)
 */
export async function podsFor(
  env: KubectlEnv,
  object: KubeObject,
  timeoutMs: number,
  order: (a: Pod, b: Pod) => number,
): Promise<Found<Pod[]>> {
  if (object.kind === 'Pod') return { ok: true, value: [object as Pod] };
  const selector = podSelectorOf(object);
  if (!selector.ok) return { ...selector, fromSelector: true };
  const list = () => env.cluster.api.list<Pod>('Pod', object.metadata.namespace).filter(selector.value).sort(order);
  if (list().length === 0) {
    const waited = await waitFor(env, () => list().length > 0, timeoutMs);
    if (waited === 'interrupted') return { ok: false, error: '' };
    if (waited === 'timeout') return { ok: false, error: 'timed out waiting for the condition' };
  }
  return { ok: true, value: list() };
}

/** podcmd.AllContainerNames: containers, then init containers marked (init) */
export function allContainerNames(pod: Pod): string {
  return [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(
    ', ',
  );
}

/** podcmd.FindOrDefaultContainerByName: the named container, or the annotated default, or the first (with a notice) */
export function findOrDefaultContainer(env: KubectlEnv, pod: Pod, name: string | undefined, quiet: boolean): Found<Container> {
  if (name) {
    const found = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === name);
    if (!found) return { ok: false, error: `container ${name} not found in pod ${pod.metadata.name}` };
    return { ok: true, value: found };
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) {
    const found = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === annotated);
    if (found) return { ok: true, value: found };
  }
  const first = pod.spec.containers[0]!;
  if (!quiet && (pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0)) {
    env.out.stderr(`Defaulted container "${first.name}" out of: ${allContainerNames(pod)}\n`);
  }
  return { ok: true, value: first };
}

/** a Go duration as pflag reads `--pod-running-timeout`: 30s, 1m30s, 500ms; null when it is not one */
export function goDurationMs(text: string): number | null {
  const parsed = parseGoDuration(text);
  return parsed.ok ? parsed.ms : null;
}
