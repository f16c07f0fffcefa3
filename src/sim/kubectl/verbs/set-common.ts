// what the set subcommands share: the pod spec inside an object (polymorphichelpers
// UpdatePodSpecForObject) and the flag checks their Complete makes
import type { KubeObject, PodSpec } from '../../api/types.ts';
import type { KubectlEnv } from '../env.ts';
import { DRY_RUN_FLAG, parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { PRINT_FLAGS } from '../output.ts';
import { checkErr, dryRunOf, plain, printOperation, standard, validatePrintFlags, type CmdError, type DryRun } from './select.ts';

/** the flags every set subcommand that changes pod templates takes: which objects, the dry runs, printing */
export const SET_TARGET_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'all', kind: 'bool' },
  { name: 'local', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  DRY_RUN_FLAG,
  { name: 'field-manager', kind: 'string' },
  ...PRINT_FLAGS,
];

/** the set commands' refusal of resource arguments with --local */
export const LOCAL_NEEDS_FILES = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** polymorphichelpers.UpdatePodSpecForObject: the pod spec inside each kind that has one */
export function podSpecOf(obj: KubeObject): PodSpec | null {
  const spec = obj.spec as { template?: { spec?: PodSpec } } | undefined;
  switch (obj.kind) {
    case 'Pod':
      return obj.spec as PodSpec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'ReplicationController':
      return spec?.template?.spec ?? null;
    default:
      return null;
  }
}

const GO_TYPES: Record<string, string> = {
  Service: '*v1.Service',
  Endpoints: '*v1.Endpoints',
  ConfigMap: '*v1.ConfigMap',
  Namespace: '*v1.Namespace',
  Node: '*v1.Node',
  Event: '*v1.Event',
};

/** updatePodSpecForObject's refusal of an object without a pod template, as the set commands report it */
export function noPodTemplateError(type: { resource: string }, object: KubeObject): CmdError {
  const goType = GO_TYPES[object.kind] ?? `*v1.${object.kind}`;
  return plain(
    `error: ${type.resource}/${object.metadata.name} the object is not a pod or does not have a pod template: ${goType}\n`,
  );
}

/** a set subcommand's flags, printing flags and --dry-run, checked as kubectl's Complete does; or the exit status */
export function parseSetFlags(
  env: KubectlEnv,
  args: string[],
  specs: FlagSpec[],
  path: string,
): { flags: ParsedFlags; dryRun: DryRun } | number {
  const parsed = parseFlags(args, specs, path);
  if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
  const flags = parsed.flags;
  for (const w of flags.warnings) env.out.stderr(w + '\n');
  const outputError = validatePrintFlags(flags);
  if (outputError) return checkErr(env, [outputError]);
  const dryRun = dryRunOf(flags);
  if (!dryRun.ok) return checkErr(env, [dryRun.error]);
  return { flags, dryRun: dryRun.value };
}

export type PatchOutcome =
  { kind: 'unchanged' | 'printed' } | { kind: 'updated'; object: KubeObject } | { kind: 'failed'; error: CmdError };

/**
 * what follows a set subcommand's change to one object (CalculatePatch, then the patch): nothing
 * when nothing changed; for --local and the dry runs the changed object printed as
 * `<kind>/<name> <what> updated (dry run)`; otherwise the update, which the caller reports
 */
export function patchPodTemplate(
  env: KubectlEnv,
  before: KubeObject,
  after: KubeObject,
  flags: ParsedFlags,
  mode: DryRun | 'local',
  what: 'image' | 'env',
): PatchOutcome {
  if (JSON.stringify(after) === JSON.stringify(before)) return { kind: 'unchanged' };
  if (mode !== 'none') {
    printOperation(env, after, `${what} updated`, flags, mode === 'local' ? 'none' : mode, { typed: true });
    return { kind: 'printed' };
  }
  delete after.metadata.resourceVersion;
  const result = env.cluster.api.update(after);
  env.cluster.settle();
  if (!result.ok)
    return { kind: 'failed', error: plain(`failed to patch ${what} update to pod template: ${result.error.message}`) };
  return { kind: 'updated', object: result.object };
}
