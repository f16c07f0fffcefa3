// kubectl apply -f: create what is missing, merge changes into what exists
// (created / configured / unchanged), keeping the last-applied annotation

import { applyDefaults } from '../../api/defaults.ts';
import { clone } from '../../api/meta.ts';
import { prepareForUpdate } from '../../api/validation/index.ts';
import type { KubeObject } from '../../api/types.ts';
import { lastAppliedFor, LAST_APPLIED, threeWayMerge } from '../apply-merge.ts';
import { flagBool, flagList, flagString } from '../flags.ts';
import type { Verb } from '../env.ts';
import { fieldValidation, formatApiError, mapManifest, objectRef, reportErrors } from '../objects.ts';
import { readManifests } from '../manifests.ts';
import { printObjects, OUTPUT_FLAGS } from '../output.ts';
import { RECORD_FLAG, recordChange } from './record.ts';

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
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'dry-run', kind: 'string' },
    { name: 'validate', kind: 'string' },
    { name: 'server-side', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    RECORD_FLAG,
    ...OUTPUT_FLAGS,
  ],
  run(env, flags) {
    const files = flagList(flags, 'filename');
    if (files.length === 0) {
      env.out.stderr('error: must specify one of -f and -k\n\n');
      return 1;
    }
    const read = readManifests(files, env.fs, env.stdin, flagBool(flags, 'recursive'));
    if (!read.ok) {
      env.out.stderr(read.error + '\n');
      return 1;
    }
    if (read.manifests.length === 0) {
      env.out.stderr('error: no objects passed to apply\n');
      return 1;
    }
    const dryRun = flagString(flags, 'dry-run');
    const suffix = dryRun === 'client' || dryRun === 'server' ? ` (${dryRun} dry run)` : '';
    const errors: string[] = [];
    const output = flagString(flags, 'output');
    const applied: KubeObject[] = [];
    for (const manifest of read.manifests) {
      const mapped = mapManifest(env, manifest);
      if (!mapped.ok) {
        errors.push(mapped.error);
        continue;
      }
      const { type, object, namespace } = mapped;
      recordChange(env, flags, applyVerb.flags, object);
      const current = env.cluster.api.get(object.kind, namespace, object.metadata.name ?? '');
      const checked = fieldValidation(object, flagString(flags, 'validate'), !current);
      for (const warning of checked.warnings) env.out.stderr(warning + '\n');
      if (checked.error) {
        errors.push(formatApiError(checked.error, { verb: current ? 'patching' : 'creating', source: manifest.source }));
        continue;
      }
      if (!current) {
        const toCreate = clone(object);
        toCreate.metadata.annotations = { ...(toCreate.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedFor(object) };
        if (suffix) {
          env.out.stdout(`${objectRef(type, toCreate)} created${suffix}\n`);
          continue;
        }
        const result = env.cluster.api.create(toCreate, namespace);
        env.cluster.settle();
        if (!result.ok) {
          errors.push(formatApiError(result.error, { verb: 'creating', source: manifest.source }));
          continue;
        }
        applied.push(result.object);
        if (!output) env.out.stdout(`${objectRef(type, result.object)} created\n`);
        continue;
      }
      const merged = threeWayMerge(current, object);
      const defaulted = clone(merged);
      applyDefaults(defaulted);
      // what the server keeps that the manifest leaves out (a Service's cluster IP and node ports):
      // kubectl's strategic merge patch would leave those alone, so they are no change
      prepareForUpdate(defaulted, current);
      if (comparable(defaulted) === comparable(current)) {
        applied.push(current);
        if (!output) env.out.stdout(`${objectRef(type, current)} unchanged${suffix}\n`);
        continue;
      }
      if (suffix) {
        env.out.stdout(`${objectRef(type, current)} configured${suffix}\n`);
        continue;
      }
      const result = env.cluster.api.update(merged);
      env.cluster.settle();
      if (!result.ok) {
        errors.push(formatApiError(result.error, { verb: 'patching', source: manifest.source }));
        continue;
      }
      applied.push(result.object);
      if (!output) env.out.stdout(`${objectRef(type, result.object)} configured\n`);
    }
    if (output && applied.length > 0) printObjects(env, applied, flags, applied.length === 1);
    return reportErrors(env, errors);
  },
};
