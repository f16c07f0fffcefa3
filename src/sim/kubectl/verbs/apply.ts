// kubectl apply -f: create what is missing, merge changes into what exists
// (created / configured / unchanged), keeping the last-applied annotation

import { applyDefaults } from '../../api/defaults.ts';
import { clone } from '../../api/meta.ts';
import { prepareForUpdate } from '../../api/validation/index.ts';
import type { ResourceType } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { createOrUpdateAnnotation, threeWayMerge } from '../apply-merge.ts';
import { parseSelector } from '../../api/validation/selectors.ts';
import { DRY_RUN_FLAG, flagBool, flagList, flagString, goBool } from '../flags.ts';
import type { Verb } from '../env.ts';
import { fieldValidation, formatApiError, labelFilter, mapManifest, objectRef, reportErrors } from '../objects.ts';
import { readManifests } from '../manifests.ts';
import { printObjects, PRINT_FLAGS } from '../output.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import { checkErr, dryRunOf, validatePrintFlags, validationDirectiveOf } from './select.ts';

const labelsOf = (obj: KubeObject) => obj.metadata?.labels;

/** the parts of an object apply compares to decide between configured and unchanged */
function comparable(obj: KubeObject): string {
  const { metadata, status: _status, ...rest } = obj;
  void _status;
  const annotations = { ...(metadata.annotations ?? {}) };
  return JSON.stringify([rest, metadata.labels ?? {}, annotations]);
}

export const applyVerb: Verb = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    { name: 'filename', short: 'f', kind: 'stringArray' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'prune', kind: 'bool' },
    { name: 'prune-allowlist', kind: 'stringArray' },
    DRY_RUN_FLAG,
    { name: 'validate', kind: 'string', noOptDefault: 'strict' },
    { name: 'server-side', kind: 'bool' },
    { name: 'force-conflicts', kind: 'bool' },
    { name: 'field-manager', kind: 'string' },
    { name: 'overwrite', kind: 'bool' },
    { name: 'openapi-patch', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'cascade', kind: 'string', noOptDefault: 'background' },
    { name: 'grace-period', kind: 'int' },
    { name: 'timeout', kind: 'duration' },
    { name: 'wait', kind: 'bool' },
    RECORD_FLAG,
    ...PRINT_FLAGS,
  ],
  run(env, flags, args) {
    const fail = (message: string) => reportErrors(env, [`error: ${message}`]);
    const sub = args[0];
    if (sub === 'view-last-applied' || sub === 'edit-last-applied' || sub === 'set-last-applied') {
      env.out.stderr(`kubesim: 'kubectl apply ${sub}' is not simulated\n`);
      return 1;
    }
    // ApplyFlags.ToOptions
    if (args.length > 0) return fail(`Unexpected args: [${args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    const dryRunResult = dryRunOf(flags);
    if (!dryRunResult.ok) return checkErr(env, [dryRunResult.error]);
    const dryRun = dryRunResult.value;
    const cascade = flagString(flags, 'cascade') ?? 'background';
    if (goBool(cascade) === null && !['background', 'foreground', 'orphan'].includes(cascade))
      return fail(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
    const files = flagList(flags, 'filename');
    const kustomize = flagString(flags, 'kustomize');
    if (files.length === 0 && !kustomize) return fail('must specify one of -f and -k');
    if (files.length > 0 && kustomize) return fail('only one of -f or -k can be specified');
    if (kustomize && flagBool(flags, 'recursive')) return fail("the -k flag can't be used with -f or -R");
    const validation = validationDirectiveOf(flags);
    if (!validation.ok) return checkErr(env, [validation.error]);
    const validate = validation.value;
    const selectorText = flagString(flags, 'selector');
    if (selectorText) {
      const parsed = parseSelector(selectorText);
      if ('error' in parsed) return fail(`the provided selector "${selectorText}" is not valid: ${parsed.error}`);
    }
    // Validate
    const serverSide = flagBool(flags, 'server-side');
    const force = flagBool(flags, 'force');
    const all = flagBool(flags, 'all');
    const prune = flagBool(flags, 'prune');
    if (flagBool(flags, 'force-conflicts') && !serverSide) return fail('--force-conflicts only works with --server-side');
    if (dryRun === 'client' && serverSide)
      return fail("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
    if (serverSide && force) return fail('--force cannot be used with --server-side');
    if (dryRun === 'server' && force) return fail('--dry-run=server cannot be used with --force');
    if (all && selectorText) return fail('cannot set --all and --selector at the same time');
    if (prune && !all && !selectorText) {
      return fail(
        'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
      );
    }
    if (prune && serverSide)
      return fail("--prune is in alpha and doesn't currently work on objects created by server-side apply");
    const notSimulated = kustomize ? '-k' : prune ? '--prune' : serverSide ? '--server-side' : force ? '--force' : null;
    if (notSimulated) {
      env.out.stderr(`kubesim: 'kubectl apply ${notSimulated}' is not simulated\n`);
      return 1;
    }

    const read = readManifests(files, env.fs, env.stdin, flagBool(flags, 'recursive'));
    if (!read.ok) {
      env.out.stderr(read.error + '\n');
      return 1;
    }
    const selector = labelFilter(selectorText || undefined);
    const manifests = read.manifests.filter((m) => !selector.ok || selector.match(labelsOf(m.object)));
    if (manifests.length === 0) {
      env.out.stderr('error: no objects passed to apply\n');
      return 1;
    }
    // PrintFlagsWithDryRunStrategy
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
    const errors: string[] = [];
    const output = flagString(flags, 'output') ?? '';
    let printed = 0;
    /** each object is printed as it is applied; a printer -o cannot make fails the object after the fact */
    const show = (type: ResourceType, obj: KubeObject, operation: string): void => {
      if (output === '') {
        env.out.stdout(`${objectRef(type, obj)} ${operation}${suffix}\n`);
        return;
      }
      const printError = validatePrintFlags(flags);
      if (printError) {
        errors.push(printError.standard ? printError.message : `error: ${printError.message}`);
        return;
      }
      if (output === 'name') env.out.stdout(`${objectRef(type, obj)}\n`);
      else {
        // the YAML printer separates the documents it prints
        if (printed > 0 && output === 'yaml') env.out.stdout('---\n');
        printObjects(env, [obj], flags, true);
      }
      printed++;
    };
    for (const manifest of manifests) {
      const mapped = mapManifest(env, manifest);
      if (!mapped.ok) {
        errors.push(mapped.error);
        continue;
      }
      const { type, object, namespace } = mapped;
      recordChange(env, flags, applyVerb.flags, object);
      const current = env.cluster.api.get(object.kind, namespace, object.metadata.name ?? '');
      const checked = fieldValidation(object, validate, !current);
      for (const warning of checked.warnings) env.out.stderr(warning + '\n');
      if (checked.error) {
        errors.push(formatApiError(checked.error, { verb: current ? 'patching' : 'creating', source: manifest.source }));
        continue;
      }
      if (!current) {
        const toCreate = clone(object);
        createOrUpdateAnnotation(toCreate, true);
        if (suffix) {
          show(type, toCreate, 'created');
          continue;
        }
        const result = env.cluster.api.create(toCreate, namespace);
        env.cluster.settle();
        if (!result.ok) {
          errors.push(formatApiError(result.error, { verb: 'creating', source: manifest.source }));
          continue;
        }
        show(type, result.object, 'created');
        continue;
      }
      const merged = threeWayMerge(current, object);
      const defaulted = clone(merged);
      applyDefaults(defaulted);
      // what the server keeps that the manifest leaves out (a Service's cluster IP and node ports):
      // kubectl's strategic merge patch would leave those alone, so they are no change
      prepareForUpdate(defaulted, current);
      if (comparable(defaulted) === comparable(current)) {
        show(type, current, 'unchanged');
        continue;
      }
      if (suffix) {
        show(type, merged, 'configured');
        continue;
      }
      const result = env.cluster.api.update(merged);
      env.cluster.settle();
      if (!result.ok) {
        errors.push(formatApiError(result.error, { verb: 'patching', source: manifest.source }));
        continue;
      }
      show(type, result.object, 'configured');
    }
    return reportErrors(env, errors);
  },
};
