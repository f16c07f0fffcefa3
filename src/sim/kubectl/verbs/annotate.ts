// kubectl annotate: KEY=VALUE (existing keys only with --overwrite, except the change-cause),
// KEY- to remove, --list, --all, -l, -A, -f, --local, --dry-run, --resource-version, --record;
// whatever happened it reports `annotated`, as upstream does

import { clone } from '../../api/meta.ts';
import type { KubeObject } from '../../api/types.ts';
import { CHANGE_CAUSE } from '../../controllers/deployment-util.ts';
import type { Verb } from '../env.ts';
import { flagBool, flagString } from '../flags.ts';
import { METADATA_FLAGS, listMap, metadataTargets, storeMetadata, validateMetadataCommand } from './label.ts';
import { recordChange } from './record.ts';
import { checkErr, dryRunOf, plain, printOperation, validatePrintFlags, type CmdError } from './select.ts';
import { parsePairs, resourcesAndPairs } from './set.ts';

function applyAnnotations(obj: KubeObject, overwrite: boolean, set: Map<string, string>, remove: string[]): CmdError | null {
  if (!overwrite) {
    const found: string[] = [];
    for (const key of set.keys()) {
      // the change-cause can always be overwritten
      if (key === CHANGE_CAUSE) continue;
      const value = obj.metadata.annotations?.[key];
      if (value !== undefined) found.push(`'${key}' already has a value (${value})`);
    }
    if (found.length > 0)
      return plain(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`);
  }
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  for (const [key, value] of set) annotations[key] = value;
  for (const key of remove) delete annotations[key];
  obj.metadata.annotations = annotations;
  return null;
}

export const annotateVerb: Verb = {
  name: 'annotate',
  summary: 'Update the annotations on a resource',
  operands: { kind: 'objects' },
  flags: METADATA_FLAGS,
  run(env, flags, args) {
    const dryRun = dryRunOf(flags);
    if (!dryRun.ok) return checkErr(env, [dryRun.error]);
    const outputError = validatePrintFlags(flags);
    if (outputError) return checkErr(env, [outputError]);
    const list = flagBool(flags, 'list');
    if (list && (flagString(flags, 'output') ?? '') !== '')
      return checkErr(env, [plain('--list and --output may not be specified together')]);
    const split = resourcesAndPairs(args, 'annotation');
    if (!split.ok) return checkErr(env, [plain(split.error)]);
    const pairs = parsePairs(split.pairs, 'annotation', true);
    if (!pairs.ok) return checkErr(env, [plain(pairs.error)]);
    const invalid = validateMetadataCommand(flags, split.resources, 'annotation', pairs.set.size + pairs.remove.length > 0);
    if (invalid) return checkErr(env, [invalid]);
    const both = pairs.remove.filter((key) => pairs.set.has(key));
    if (both.length > 0)
      return checkErr(env, [
        plain(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`),
      ]);

    const targets = metadataTargets(env, flags, split.resources, 'annotate');
    if (!targets.ok) return checkErr(env, [targets.error]);
    const overwrite = flagBool(flags, 'overwrite');
    const local = flagBool(flags, 'local');
    const resourceVersion = flagString(flags, 'resource-version') ?? '';
    const errors: CmdError[] = [];
    for (const { object } of targets.items) {
      const obj = clone(object);
      let shown: KubeObject = obj;
      if (dryRun.value === 'client' || local || list) {
        const failed = applyAnnotations(obj, overwrite, pairs.set, pairs.remove);
        if (failed) {
          errors.push(failed);
          continue;
        }
      } else {
        if (resourceVersion) obj.metadata.resourceVersion = '';
        const before = JSON.stringify(obj);
        recordChange(env, flags, METADATA_FLAGS, obj);
        const failed = applyAnnotations(obj, overwrite, pairs.set, pairs.remove);
        if (failed) {
          errors.push(failed);
          continue;
        }
        if (JSON.stringify(obj) !== before && dryRun.value === 'none') {
          const stored = storeMetadata(env, obj, resourceVersion);
          if (!stored.ok) {
            errors.push(stored.error);
            continue;
          }
          shown = stored.object;
        }
      }
      if (list) {
        listMap(env, shown, shown.metadata.annotations, 'annotations', targets.single);
        continue;
      }
      printOperation(env, shown, 'annotated', flags, dryRun.value);
    }
    return checkErr(env, [...errors, ...targets.errors]);
  },
};
