// kubectl replace -f: each object PUT whole (replace.go's Run), or with --force deleted, waited
// for and created again (forceReplace); the flags checked in Complete's and Validate's order

import type { PropagationPolicy } from '../../api/apiserver.ts';
import { clone } from '../../api/meta.ts';
import { typeForKind } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { createOrUpdateAnnotation } from '../apply-merge.ts';
import { warnDeprecated } from '../deprecation.ts';
import { waitFor, type KubectlEnv, type Verb } from '../env.ts';
import { DRY_RUN_FLAG, flagBool, flagInt, flagList, flagString, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { readManifests, type Manifest } from '../manifests.ts';
import { fieldValidation, formatApiError, mapManifest, reportErrors } from '../objects.ts';
import { PRINT_FLAGS } from '../output.ts';
import { argsBesidePathsError } from '../targets.ts';
import { deletedLine, propagationPolicyOf } from './delete.ts';
import { REPLACE_HELP } from './replace-help.ts';
import {
  checkErr,
  dryRunOf,
  durationFlag,
  plain,
  printOperation,
  validatePrintFlags,
  validationDirectiveOf,
  type CmdError,
  type DryRun,
} from './select.ts';

const REPLACE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'cascade', kind: 'string', noOptDefault: 'background' },
  { name: 'grace-period', kind: 'int' },
  { name: 'timeout', kind: 'duration' },
  { name: 'wait', kind: 'bool' },
  DRY_RUN_FLAG,
  { name: 'validate', kind: 'string', noOptDefault: 'strict' },
  { name: 'save-config', kind: 'bool' },
  { name: 'raw', kind: 'string' },
  { name: 'field-manager', kind: 'string' },
  { name: 'subresource', kind: 'string' },
  ...PRINT_FLAGS,
];

interface Options {
  flags: ParsedFlags;
  manifests: Manifest[];
  validate: string;
  dryRun: DryRun;
}

interface DeleteOptions {
  policy: PropagationPolicy;
  /** -1: the object's own grace period */
  grace: number;
  /** --wait (or --grace-period=0): wait for each deleted object's uid to go before polling */
  wait: boolean;
  /** 0: the defaults, a week for --wait and five minutes for the poll */
  timeoutMs: number;
}

/** PrintFlags("replaced") as one printer: the YAML printer separates the documents it prints */
function printer(env: KubectlEnv, flags: ParsedFlags, dryRun: DryRun): { show(obj: KubeObject): void; failed(): boolean } {
  const output = flagString(flags, 'output') ?? '';
  let printed = 0;
  let failed = false;
  return {
    show(obj) {
      if (printed++ > 0 && output === 'yaml') env.out.stdout('---\n');
      if (printOperation(env, obj, 'replaced', flags, dryRun) !== 0) failed = true;
    },
    failed: () => failed,
  };
}

export const replaceVerb: Verb = {
  name: 'replace',
  summary: 'Replace a resource by file name or stdin',
  flags: REPLACE_FLAGS,
  help: REPLACE_HELP,
  async run(env, flags, args) {
    const fail = (message: string) => checkErr(env, [plain(message)]);
    // Complete
    const validation = validationDirectiveOf(flags);
    if (!validation.ok) return checkErr(env, [validation.error]);
    const dryRun = dryRunOf(flags);
    if (!dryRun.ok) return checkErr(env, [dryRun.error]);
    const printError = validatePrintFlags(flags);
    if (printError) return checkErr(env, [printError]);
    const cascade = propagationPolicyOf(env, flags);
    if (!cascade.ok) return reportErrors(env, [cascade.error]);
    // --grace-period=0 is taken as 1 and waited for, so that nothing is lost by accident
    const givenGrace = flagInt(flags, 'grace-period') ?? -1;
    const grace = givenGrace === 0 ? 1 : givenGrace;
    const files = flagList(flags, 'filename');
    const kustomize = flagString(flags, 'kustomize') ?? '';
    if (files.length === 0 && !kustomize) return fail('must specify one of -f and -k');
    if (files.length > 0 && kustomize) return fail('only one of -f or -k can be specified');
    // Validate
    const force = flagBool(flags, 'force');
    const timeoutMs = durationFlag(flags, 'timeout', 0);
    if (grace >= 0 && !force) return fail('--grace-period must have --force specified');
    if (timeoutMs !== 0 && !force) return fail('--timeout must have --force specified');
    if (force && dryRun.value !== 'none') return fail('--dry-run can not be used when --force is set');
    const raw = flagString(flags, 'raw') ?? '';
    if (raw) {
      if (files.length !== 1) return fail('--raw can only use a single local file or stdin');
      if (files[0]!.startsWith('http://') || files[0]!.startsWith('https://')) return fail('--raw cannot read from a url');
      if (flagBool(flags, 'recursive')) return fail('--raw and --recursive are mutually exclusive');
      if (flagString(flags, 'output')) return fail('--raw and --output are mutually exclusive');
    }
    // Run
    const notSimulated = raw ? '--raw' : kustomize ? '-k' : flagString(flags, 'subresource') ? '--subresource' : null;
    if (notSimulated) {
      env.out.stderr(`kubesim: 'kubectl replace ${notSimulated}' is not simulated${kustomize ? '; use -f' : ''}\n`);
      return 1;
    }
    // the builder refuses resource arguments beside -f; without --force it is not given them
    const besidePaths = force ? argsBesidePathsError(args) : null;
    if (besidePaths) return reportErrors(env, [besidePaths]);
    const read = readManifests(files, env.fs, env.stdin, flagBool(flags, 'recursive'));
    if (!read.ok) return reportErrors(env, [read.error]);
    const options: Options = { flags, manifests: read.manifests, validate: validation.value, dryRun: dryRun.value };
    if (!force) return replaceAll(env, options);
    const wait = givenGrace === 0 || flagBool(flags, 'wait');
    return forceReplace(env, options, { policy: cascade.policy, grace, wait, timeoutMs });
  },
};

/** Run: each object PUT in turn (a client dry run only prints it); errors reported at the end */
function replaceAll(env: KubectlEnv, { flags, manifests, validate, dryRun }: Options): number {
  const errors: string[] = [];
  const out = printer(env, flags, dryRun);
  for (const manifest of manifests) {
    // a client dry run sends nothing, so no warning comes back
    const mapped = mapManifest(env, manifest, { warn: dryRun !== 'client' });
    if (!mapped.ok) {
      errors.push(mapped.error);
      continue;
    }
    const object = clone(mapped.object);
    createOrUpdateAnnotation(object, flagBool(flags, 'save-config'));
    if (dryRun === 'client') {
      out.show(object);
      continue;
    }
    const source = { verb: 'replacing', source: manifest.source };
    const checked = fieldValidation(object, validate);
    for (const warning of checked.warnings) env.out.stderr(warning + '\n');
    if (checked.error) {
      errors.push(formatApiError(checked.error, source));
      continue;
    }
    const result = env.cluster.api.update(object, { put: true, dryRun: dryRun === 'server' });
    env.cluster.settle();
    if (!result.ok) {
      errors.push(formatApiError(result.error, source));
      continue;
    }
    out.show(result.object);
  }
  return reportErrors(env, errors) || (out.failed() ? 1 : 0);
}

/**
 * forceReplace: DeleteResult deletes what the files name (a missing object is no error), then
 * each is polled every second until it is gone, then all are created; the result is `replaced`
 */
async function forceReplace(env: KubectlEnv, { flags, manifests, validate }: Options, del: DeleteOptions): Promise<number> {
  const output = flagString(flags, 'output') ?? '';
  const errors: string[] = [];
  const deleted: KubeObject[] = [];
  const named: { kind: string; namespace: string | undefined; name: string }[] = [];
  for (const manifest of manifests) {
    const mapped = mapManifest(env, manifest, { warn: false });
    if (!mapped.ok) {
      errors.push(mapped.error);
      continue;
    }
    const { kind, metadata } = mapped.object;
    const target = { kind, namespace: mapped.namespace, name: metadata.name ?? '' };
    named.push(target);
    warnDeprecated(env, kind);
    const found = env.cluster.api.get(kind, target.namespace, target.name);
    if (!found) continue;
    const result = env.cluster.api.delete(kind, target.namespace, target.name, {
      propagationPolicy: del.policy,
      ...(del.grace >= 0 ? { gracePeriodSeconds: del.grace } : {}),
    });
    if (!result.ok) {
      errors.push(formatApiError(result.error, { verb: 'deleting', source: manifest.source }));
      continue;
    }
    deleted.push(found);
    env.out.stdout(deletedLine(found, { grace: del.grace, dryRun: 'none', output }));
  }
  env.cluster.settle();
  if (errors.length > 0) return reportErrors(env, errors);
  if (manifests.length === 0) env.out.stdout('No resources found\n');
  const waited = await waitForDeletion(env, deleted, named, del);
  if (waited !== 0) return waited;
  let count = 0;
  const out = printer(env, flags, 'none');
  for (const manifest of manifests) {
    const mapped = mapManifest(env, manifest);
    if (!mapped.ok) continue;
    const object = clone(mapped.object);
    createOrUpdateAnnotation(object, flagBool(flags, 'save-config'));
    const checked = fieldValidation(object, validate);
    for (const warning of checked.warnings) env.out.stderr(warning + '\n');
    if (checked.error) {
      errors.push(formatApiError(checked.error));
      continue;
    }
    const result = env.cluster.api.create(object, mapped.namespace);
    env.cluster.settle();
    if (!result.ok) {
      errors.push(formatApiError(result.error));
      continue;
    }
    count++;
    out.show(result.object);
  }
  if (errors.length > 0) return reportErrors(env, errors);
  if (count === 0) return checkErr(env, [plain('no objects passed to replace')]);
  return out.failed() ? 1 : 0;
}

/**
 * with --wait, DeleteResult waits for the deleted objects (by uid) first; then replace polls each
 * named object every second until a GET finds nothing. returns the exit status, 0 to go on
 */
async function waitForDeletion(
  env: KubectlEnv,
  deleted: KubeObject[],
  named: { kind: string; namespace: string | undefined; name: string }[],
  del: DeleteOptions,
): Promise<number> {
  const api = env.cluster.api;
  const gone = (o: KubeObject) => api.get(o.kind, o.metadata.namespace, o.metadata.name!)?.metadata.uid !== o.metadata.uid;
  if (del.wait && deleted.length > 0) {
    const outcome = await waitFor(env, () => deleted.every(gone), del.timeoutMs || 168 * 3600_000);
    if (outcome === 'interrupted') return 130;
    const left = deleted.find((o) => !gone(o));
    if (left) {
      const where = `${typeForKind(left.kind)!.resource}/${left.metadata.name}`;
      return checkErr(env, [plain(`timed out waiting for the condition on ${where}`)]);
    }
  }
  const errors: CmdError[] = [];
  for (const { kind, namespace, name } of named) {
    const outcome = await waitFor(env, () => !api.get(kind, namespace, name), del.timeoutMs || 5 * 60_000, 1000);
    if (outcome === 'interrupted') return 130;
    if (outcome === 'timeout') errors.push(plain('timed out waiting for the condition'));
  }
  return checkErr(env, errors);
}
