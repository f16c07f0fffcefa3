// kubectl rollout status: follows one Deployment (or DaemonSet) and prints the status viewer's
// line on every change it sees, as upstream's watch does, until the rollout is done, --timeout
// passes or Ctrl-C. --watch=false prints once; --revision pins the revision to follow.

import { controllerOf } from '../../api/meta.ts';
import type { DaemonSet, Deployment, KubeObject, Pod, ReplicaSet } from '../../api/types.ts';
import { matchesSelector } from '../../api/validation/selectors.ts';
import { REVISION, revisionOf, templatesEqual } from '../../controllers/deployment-util.ts';
import { waitFor, type KubectlEnv } from '../env.ts';
import { flagBool, flagInt, flagList, flagString, parseFlags, type FlagSpec } from '../flags.ts';
import { checkErr, durationFlag, groupKind, plain, selectObjects, standard } from './select.ts';

export const STATUS_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'revision', kind: 'int' },
  { name: 'timeout', kind: 'duration' },
];

/** in scripts (virtual time) a rollout that never finishes is given up after this long, as if Ctrl-C */
const SCRIPT_LIMIT_MS = 10 * 60_000;

/** the ReplicaSets a Deployment controls, as deploymentutil.GetAllReplicaSets finds them */
export function replicaSetsOf(env: KubectlEnv, d: Deployment): ReplicaSet[] {
  return env.cluster.api
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => controllerOf(rs)?.uid === d.metadata.uid && matchesSelector(d.spec.selector, rs.metadata.labels ?? {}));
}

/** deploymentutil.Revision(deployment): the annotation, or the current ReplicaSet's when it is missing */
export function deploymentRevision(env: KubectlEnv, d: Deployment): number {
  const own = d.metadata.annotations?.[REVISION];
  if (own !== undefined) return Number(own) || 0;
  const current = replicaSetsOf(env, d).find((rs) => templatesEqual(rs.spec.template, d.spec.template));
  return current ? revisionOf(current) : 0;
}

type Status = { ok: true; message: string; done: boolean } | { ok: false; error: string };

/** polymorphichelpers' DeploymentStatusViewer.appendWarning: the first stuck pod explains the wait */
function appendWarning(env: KubectlEnv, d: Deployment, message: string): string {
  for (const pod of env.cluster.api.list<Pod>('Pod', d.metadata.namespace)) {
    if (!matchesSelector(d.spec.selector, pod.metadata.labels ?? {})) continue;
    for (const c of pod.status?.conditions ?? []) {
      if (c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable')
        return `${message.trim()} (Warning: ${c.message ?? ''})\n`;
    }
    for (const cs of pod.status?.containerStatuses ?? []) {
      const reason = cs.state.waiting?.reason;
      if (
        reason &&
        ['ImagePullBackOff', 'ErrImagePull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError'].includes(
          reason,
        )
      )
        return `${message.trim()} (Warning: ${reason} - ${cs.state.waiting?.message ?? ''})\n`;
    }
  }
  return message;
}

function deploymentStatus(env: KubectlEnv, d: Deployment, revision: number): Status {
  const name = d.metadata.name!;
  if (revision > 0) {
    const running = deploymentRevision(env, d);
    if (revision !== running)
      return { ok: false, error: `desired revision (${revision}) is different from the running revision (${running})` };
  }
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded')
      return { ok: false, error: `deployment "${name}" exceeded its progress deadline` };
    const want = d.spec.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    const replicas = status.replicas ?? 0;
    const available = status.availableReplicas ?? 0;
    const waiting = `Waiting for deployment "${name}" rollout to finish: `;
    if (updated < want)
      return {
        ok: true,
        message: appendWarning(env, d, `${waiting}${updated} out of ${want} new replicas have been updated...\n`),
        done: false,
      };
    if (replicas > updated)
      return {
        ok: true,
        message: appendWarning(env, d, `${waiting}${replicas - updated} old replicas are pending termination...\n`),
        done: false,
      };
    if (available < updated)
      return {
        ok: true,
        message: appendWarning(env, d, `${waiting}${available} of ${updated} updated replicas are available...\n`),
        done: false,
      };
    return { ok: true, message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { ok: true, message: appendWarning(env, d, 'Waiting for deployment spec update to be observed...\n'), done: false };
}

function daemonSetStatus(ds: DaemonSet): Status {
  const name = ds.metadata.name!;
  const strategy = (ds.spec.updateStrategy as { type?: string } | undefined)?.type ?? 'RollingUpdate';
  if (strategy !== 'RollingUpdate')
    return { ok: false, error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = ds.status;
  if ((ds.metadata.generation ?? 0) <= (status?.observedGeneration ?? 0)) {
    const desired = status?.desiredNumberScheduled ?? 0;
    const updated = status?.updatedNumberScheduled ?? 0;
    const available = status?.numberAvailable ?? 0;
    if (updated < desired)
      return {
        ok: true,
        message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
        done: false,
      };
    if (available < desired)
      return {
        ok: true,
        message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`,
        done: false,
      };
    return { ok: true, message: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { ok: true, message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

export async function rolloutStatus(env: KubectlEnv, args: string[]): Promise<number> {
  const path = 'kubectl rollout status';
  const parsed = parseFlags(args, STATUS_FLAGS, path);
  if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
  const flags = parsed.flags;
  const files = flagList(flags, 'filename');
  if (flags.positionals.length === 0 && files.length === 0) return checkErr(env, [plain('required resource not specified')]);
  if (flagString(flags, 'kustomize') !== undefined)
    return checkErr(env, [standard("kubesim: 'kubectl rollout status -k' is not simulated; use -f")]);
  const revision = flagInt(flags, 'revision') ?? 0;
  if (revision < 0) return checkErr(env, [plain(`revision must be a positive integer: ${revision}`)]);
  const timeoutMs = durationFlag(flags, 'timeout', 0);
  const watch = flagBool(flags, 'watch', true);

  const selection = selectObjects(env, {
    args: flags.positionals,
    files,
    recursive: flagBool(flags, 'recursive'),
    selector: flagString(flags, 'selector'),
    bareType: true,
    verb: 'rollout',
  });
  if (!selection.ok) return checkErr(env, [selection.error]);
  if (new Set(selection.items.map((i) => i.type)).size > 1)
    return checkErr(env, [plain('you may only specify a single resource type')]);
  if (selection.errors.length > 0) return checkErr(env, selection.errors);
  if (selection.items.length !== 1)
    return checkErr(env, [
      plain(
        `rollout status is only supported on individual resources and resource collections - ${selection.items.length} resources were found`,
      ),
    ]);
  const { type, object } = selection.items[0]!;
  let viewer: (obj: KubeObject) => Status;
  if (object.kind === 'Deployment') viewer = (obj) => deploymentStatus(env, obj as Deployment, revision);
  else if (object.kind === 'DaemonSet') viewer = (obj) => daemonSetStatus(obj as DaemonSet);
  else return checkErr(env, [plain(`no status viewer has been implemented for ${groupKind(type)}`)]);

  // the watch: every change to the object after this point, in order
  const seen: (KubeObject | null)[] = [];
  const unsubscribe = env.cluster.store.watch((event) => {
    const obj = event.object;
    if (obj.kind !== object.kind || obj.metadata.namespace !== object.metadata.namespace) return;
    if (obj.metadata.name !== object.metadata.name) return;
    seen.push(event.type === 'DELETED' ? null : obj);
  });
  let result: number | null = null;
  const show = (obj: KubeObject): boolean => {
    const status = viewer(obj);
    if (!status.ok) {
      result = checkErr(env, [plain(status.error)]);
      return true;
    }
    env.out.stdout(status.message);
    if (status.done || !watch) {
      result = 0;
      return true;
    }
    return false;
  };
  try {
    if (show(object)) return result ?? 0;
    const virtual = (env.clock as unknown) === env.cluster.clock;
    const limit = timeoutMs > 0 ? timeoutMs : virtual ? SCRIPT_LIMIT_MS : Number.MAX_SAFE_INTEGER;
    const finished = () => {
      while (seen.length > 0) {
        const obj = seen.shift()!;
        if (obj === null) {
          result = checkErr(env, [plain('object has been deleted')]);
          return true;
        }
        if (show(obj)) return true;
      }
      return false;
    };
    const outcome = await waitFor(env, finished, limit);
    if (outcome === 'done') return result ?? 0;
    if (outcome === 'interrupted' || timeoutMs <= 0) return 130;
    return checkErr(env, [plain('timed out waiting for the condition')]);
  } finally {
    unsubscribe();
  }
}
