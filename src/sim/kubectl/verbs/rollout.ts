// kubectl rollout: status (rollout-status.ts), history (the REVISION / CHANGE-CAUSE table and
// --revision's pod template), undo (--to-revision), pause, resume and restart, for Deployments
// as upstream's polymorphic helpers do them; other kinds get upstream's "not implemented" errors

import { qualifiedName, type ResourceType } from '../../api/resources.ts';
import { clone, timestamp } from '../../api/meta.ts';
import type { Deployment, KubeObject, ReplicaSet } from '../../api/types.ts';
import {
  CHANGE_CAUSE,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
  TEMPLATE_HASH,
  templatesEqual,
} from '../../controllers/deployment-util.ts';
import { LAST_APPLIED } from '../apply-merge.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { DRY_RUN_FLAG, flagBool, flagInt, flagList, flagString, parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { PRINT_FLAGS, printObjects } from '../output.ts';
import { layoutRows } from '../printers/tabwriter.ts';
import { resourceName } from '../printers/name.ts';
import { describePodTemplate } from './describe-template.ts';
import { replicaSetsOf, rolloutStatus, STATUS_FLAGS } from './rollout-status.ts';
import {
  checkErr,
  dryRunOf,
  groupKind,
  plain,
  printOperation,
  selectObjects,
  standard,
  subcommandOf,
  validatePrintFlags,
  type CmdError,
  type Selected,
} from './select.ts';

/**
 * rollout.go's help. its Long starts with a tab-indented line, which kubectl's markdown renderer
 * takes for a code block: the code block's last, empty line comes out as eight spaces
 */
const ROLLOUT_HELP = `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const TARGET_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
];

/** each subcommand's own flags, beside TARGET_FLAGS and PRINT_FLAGS (status has its own set) */
const SUBCOMMAND_FLAGS: Record<'history' | 'pause' | 'restart' | 'resume' | 'undo', FlagSpec[]> = {
  history: [{ name: 'revision', kind: 'int' }],
  pause: [{ name: 'field-manager', kind: 'string' }],
  restart: [{ name: 'field-manager', kind: 'string' }],
  resume: [{ name: 'field-manager', kind: 'string' }],
  undo: [{ name: 'to-revision', kind: 'int' }, DRY_RUN_FLAG],
};

/** what kubectl offers after `rollout SUBCOMMAND`, of the kinds this cluster simulates */
const ROLLOUT_OPERANDS = { kind: 'objects', types: ['deployment', 'daemonset', 'statefulset'] } as const;

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** annotations a rollback keeps from the Deployment rather than taking from the ReplicaSet */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED,
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

const notSimulated = (sub: string, kind: string) =>
  standard(`kubesim: 'kubectl rollout ${sub}' for ${kind}s is not simulated; this cluster rolls out Deployments`);

interface Parsed {
  flags: ParsedFlags;
  items: Selected[];
  errors: CmdError[];
}

/** flags, the required-resource check and the builder every subcommand but status shares */
function prepare(env: KubectlEnv, sub: keyof typeof SUBCOMMAND_FLAGS, args: string[]): Parsed | number {
  const path = `kubectl rollout ${sub}`;
  const parsed = parseFlags(args, [...TARGET_FLAGS, ...PRINT_FLAGS, ...SUBCOMMAND_FLAGS[sub]], path);
  if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
  const flags = parsed.flags;
  for (const w of flags.warnings) env.out.stderr(w + '\n');
  const files = flagList(flags, 'filename');
  if (flags.positionals.length === 0 && files.length === 0) return checkErr(env, [plain('required resource not specified')]);
  const outputError = validatePrintFlags(flags);
  if (outputError) return checkErr(env, [outputError]);
  if (sub === 'history') {
    const revision = flagInt(flags, 'revision') ?? 0;
    if (revision < 0) return checkErr(env, [plain(`revision must be a positive integer: ${revision}`)]);
  }
  const selection = selectObjects(env, {
    args: flags.positionals,
    files,
    recursive: flagBool(flags, 'recursive'),
    selector: flagString(flags, 'selector'),
    bareType: true,
    verb: 'rollout',
  });
  if (!selection.ok) return checkErr(env, [selection.error]);
  return { flags, items: selection.items, errors: selection.errors };
}

function update(env: KubectlEnv, obj: KubeObject): { ok: true; object: KubeObject } | { ok: false; error: string } {
  const next = clone(obj);
  delete next.metadata.resourceVersion;
  const result = env.cluster.api.update(next);
  env.cluster.settle();
  return result.ok ? { ok: true, object: result.object } : { ok: false, error: result.error.message };
}

type Patch = { next: KubeObject; emptyPatch?: boolean } | { error: string };

/** pause, resume and restart: compute the change per object, then patch and print, errors last */
function patchEach(
  env: KubectlEnv,
  sub: 'pause' | 'resume' | 'restart',
  args: string[],
  operation: string,
  change: (type: ResourceType, obj: Deployment | KubeObject) => Patch | CmdError,
): number {
  const prepared = prepare(env, sub, args);
  if (typeof prepared === 'number') return prepared;
  const errors: CmdError[] = [...prepared.errors];
  for (const { type, object } of prepared.items) {
    const patch = change(type, clone(object));
    if ('message' in patch) {
      errors.push(patch);
      continue;
    }
    if ('error' in patch) {
      errors.push(plain(`error: ${qualifiedName(type)} "${object.metadata.name}" ${patch.error}`));
      continue;
    }
    if (patch.emptyPatch) errors.push(plain(`failed to create patch for ${object.metadata.name}: empty patch`));
    const result = update(env, patch.next);
    if (!result.ok) {
      errors.push(plain(`failed to patch: ${result.error}`));
      continue;
    }
    printOperation(env, result.object, operation, prepared.flags);
  }
  return checkErr(env, errors);
}

function pause(env: KubectlEnv, args: string[]): number {
  return patchEach(env, 'pause', args, 'paused', (_type, obj) => {
    if (obj.kind !== 'Deployment') return { error: 'pausing is not supported' };
    const d = obj as Deployment;
    if (d.spec.paused) return { error: 'is already paused' };
    d.spec.paused = true;
    return { next: d };
  });
}

function resume(env: KubectlEnv, args: string[]): number {
  return patchEach(env, 'resume', args, 'resumed', (_type, obj) => {
    if (obj.kind !== 'Deployment') return { error: 'resuming is not supported' };
    const d = obj as Deployment;
    if (!d.spec.paused) return { error: 'is not paused' };
    d.spec.paused = false;
    return { next: d };
  });
}

function restart(env: KubectlEnv, args: string[]): number {
  return patchEach(env, 'restart', args, 'restarted', (_type, obj) => {
    if (obj.kind === 'DaemonSet') return notSimulated('restart', 'daemon set');
    if (obj.kind !== 'Deployment') return { error: 'restarting is not supported' };
    const d = obj as Deployment;
    if (d.spec.paused) return { error: "can't restart paused deployment (run rollout resume first)" };
    const metadata = (d.spec.template.metadata ??= {});
    const now = timestamp(env.cluster.clock.now());
    const same = metadata.annotations?.[RESTARTED_AT] === now;
    metadata.annotations = { ...(metadata.annotations ?? {}), [RESTARTED_AT]: now };
    return { next: d, emptyPatch: same };
  });
}

/** revision → ReplicaSet, as the history viewer collects it (a later ReplicaSet wins a tie) */
function history(env: KubectlEnv, d: Deployment): Map<number, ReplicaSet> {
  const all = replicaSetsOf(env, d);
  const current = all.filter((rs) => templatesEqual(rs.spec.template, d.spec.template));
  const ordered = [...all.filter((rs) => !current.includes(rs)), ...current.slice(0, 1)];
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of ordered) {
    const text = rs.metadata.annotations?.[REVISION];
    const revision = text === undefined ? 0 : Number(text);
    if (!Number.isInteger(revision)) continue;
    byRevision.set(revision, rs);
  }
  return byRevision;
}

/** the revision's pod template with the ReplicaSet's change-cause, as ViewHistory shows it */
function templateOf(rs: ReplicaSet) {
  const template = clone(rs.spec.template);
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  template.metadata = { ...(template.metadata ?? {}) };
  if (cause) template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [CHANGE_CAUSE]: cause };
  return template;
}

function historyCommand(env: KubectlEnv, args: string[]): number {
  const prepared = prepare(env, 'history', args);
  if (typeof prepared === 'number') return prepared;
  const { flags } = prepared;
  const revision = flagInt(flags, 'revision') ?? 0;
  const output = flagString(flags, 'output') ?? '';
  const errors: CmdError[] = [...prepared.errors];
  for (const { type, object } of prepared.items) {
    if (object.kind === 'DaemonSet') {
      errors.push(notSimulated('history', 'daemon set'));
      continue;
    }
    if (object.kind !== 'Deployment') {
      errors.push(plain(`no history viewer has been implemented for "${groupKind(type)}"`));
      continue;
    }
    const revisions = history(env, object as Deployment);
    if (output !== '') {
      // -o prints the ReplicaSets behind the revisions
      const wanted = revision > 0 ? [revision] : [...revisions.keys()].sort((a, b) => a - b);
      if (revision > 0 && !revisions.has(revision)) {
        errors.push(plain('unable to find the specified revision'));
        continue;
      }
      wanted.forEach((r, i) => {
        if (output.startsWith('yaml') && i > 0) env.out.stdout('---\n');
        if (output === 'name') env.out.stdout(`${resourceName(revisions.get(r)!)}\n`);
        else printObjects(env, [revisions.get(r)!], flags, true);
      });
      continue;
    }
    let text: string;
    if (revisions.size === 0) text = 'No rollout history found.';
    else if (revision > 0) {
      const rs = revisions.get(revision);
      if (!rs) {
        errors.push(plain('unable to find the specified revision'));
        continue;
      }
      text = describePodTemplate(templateOf(rs));
    } else {
      const rows = [...revisions.keys()]
        .sort((a, b) => a - b)
        .map((r) => `${r}\t${revisions.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}`);
      text = tabbed(['REVISION\tCHANGE-CAUSE', ...rows]);
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    env.out.stdout(`${resourceName(object)} ${withRevision}\n${text}\n`);
  }
  return checkErr(env, errors);
}

/** text/tabwriter as history's tabbedString sets it up: minwidth 0, padding 2 */
function tabbed(lines: string[]): string {
  return layoutRows(
    lines.map((l) => l.split('\t')),
    { minwidth: 0, padding: 2, padchar: ' ', rememberWidths: false },
  );
}

/** DeploymentRollbacker.Rollback: the result word for the printer, or an error */
function rollback(
  env: KubectlEnv,
  d: Deployment,
  toRevision: number,
  dryRun: 'none' | 'client' | 'server',
): { ok: true; result: string } | { ok: false; error: string } {
  if (toRevision < 0) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  const all = replicaSetsOf(env, d);
  let target: ReplicaSet | undefined;
  if (toRevision > 0) {
    target = all.find((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0) === toRevision);
    if (!target) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  } else {
    let latest = -1;
    let previous = -1;
    let latestRS: ReplicaSet | undefined;
    for (const rs of all) {
      const v = Number(rs.metadata.annotations?.[REVISION] ?? 0);
      if (!Number.isInteger(v)) continue;
      if (latest < v) {
        previous = latest;
        target = latestRS;
        latest = v;
        latestRS = rs;
      } else if (previous < v) {
        previous = v;
        target = rs;
      }
    }
    if (!target) return { ok: false, error: `no rollout history found for deployment "${d.metadata.name}"` };
  }
  if (dryRun === 'client') return { ok: true, result: describePodTemplate(target.spec.template) };
  if (d.spec.paused)
    return {
      ok: false,
      error: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`,
    };
  if (templatesEqual(target.spec.template, d.spec.template))
    return { ok: true, result: `skipped rollback (current template already matches revision ${toRevision})` };
  const template = clone(target.spec.template);
  if (template.metadata?.labels) {
    const labels = { ...template.metadata.labels };
    delete labels[TEMPLATE_HASH];
    template.metadata = { ...template.metadata, labels };
  }
  // the Deployment keeps its bookkeeping annotations and takes the revision's others (change-cause
  // included); this simulator's ReplicaSets carry only the change-cause, so the Deployment's own
  // annotations stay as they are apart from it
  const annotations: Record<string, string> = { ...(d.metadata.annotations ?? {}) };
  delete annotations[CHANGE_CAUSE];
  for (const [key, value] of Object.entries(target.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  }
  const next = clone(d);
  next.spec.template = template;
  next.metadata.annotations = annotations;
  if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
  if (dryRun === 'server') return { ok: true, result: 'rolled back' };
  const result = update(env, next);
  if (!result.ok) return { ok: false, error: `failed restoring revision ${toRevision}: ${result.error}` };
  return { ok: true, result: 'rolled back' };
}

function undo(env: KubectlEnv, args: string[]): number {
  const prepared = prepare(env, 'undo', args);
  if (typeof prepared === 'number') return prepared;
  const { flags } = prepared;
  const dryRun = dryRunOf(flags);
  if (!dryRun.ok) return checkErr(env, [dryRun.error]);
  const toRevision = flagInt(flags, 'to-revision') ?? 0;
  const errors: CmdError[] = [...prepared.errors];
  for (const { type, object } of prepared.items) {
    if (object.kind === 'DaemonSet') {
      errors.push(notSimulated('undo', 'daemon set'));
      continue;
    }
    if (object.kind !== 'Deployment') {
      errors.push(plain(`no rollbacker has been implemented for "${groupKind(type)}"`));
      continue;
    }
    const outcome = rollback(env, object as Deployment, toRevision, dryRun.value);
    if (!outcome.ok) {
      errors.push(plain(outcome.error));
      continue;
    }
    printOperation(env, object, outcome.result, flags, dryRun.value);
  }
  return checkErr(env, errors);
}

export const rolloutVerb: Verb = {
  name: 'rollout',
  summary: 'Manage the rollout of a resource',
  flags: [],
  parsesOwnFlags: true,
  subcommands: [
    ...(['history', 'pause', 'restart', 'resume'] as const).map((name) => ({
      name,
      flags: [...TARGET_FLAGS, ...PRINT_FLAGS, ...SUBCOMMAND_FLAGS[name]],
      operands: ROLLOUT_OPERANDS,
    })),
    { name: 'status', flags: STATUS_FLAGS, operands: ROLLOUT_OPERANDS },
    { name: 'undo', flags: [...TARGET_FLAGS, ...PRINT_FLAGS, ...SUBCOMMAND_FLAGS.undo], operands: ROLLOUT_OPERANDS },
  ],
  async run(env, _flags, args) {
    const { sub, rest } = subcommandOf(args);
    switch (sub) {
      case 'status':
        return rolloutStatus(env, rest);
      case 'history':
        return historyCommand(env, rest);
      case 'undo':
        return undo(env, rest);
      case 'pause':
        return pause(env, rest);
      case 'resume':
        return resume(env, rest);
      case 'restart':
        return restart(env, rest);
      case undefined:
        env.out.stdout(ROLLOUT_HELP);
        return args.some((a) => a === '-h' || a === '--help') ? 0 : 1;
      default: {
        // RequireNoArguments names every argument cobra left over
        const words = [sub, ...rest.filter((a) => !a.startsWith('-'))].join(' ');
        env.out.stderr(`error: unknown command "${words}"\nSee 'kubectl rollout -h' for help and examples\n`);
        return 1;
      }
    }
  },
};
