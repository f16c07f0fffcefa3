// kubectl scale: --replicas for deployments, replica sets and replication controllers (anything
// else has no scale subresource), the --current-replicas and --resource-version preconditions,
// --timeout waiting for the new size, --dry-run and --record

import { clone } from '../../api/meta.ts';
import type { KubeObject } from '../../api/types.ts';
import { waitFor, type Verb } from '../env.ts';
import { DRY_RUN_FLAG, flagBool, flagInt, flagList, flagString, type FlagSpec } from '../flags.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import {
  checkErr,
  dryRunOf,
  durationFlag,
  fromServer,
  plain,
  printOperation,
  selectObjects,
  validatePrintFlags,
  type CmdError,
} from './select.ts';

export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'replicas', kind: 'int' },
  { name: 'current-replicas', kind: 'int' },
  { name: 'resource-version', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'timeout', kind: 'duration' },
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  DRY_RUN_FLAG,
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
  RECORD_FLAG,
];

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController']);

interface Scalable extends KubeObject {
  spec: { replicas?: number };
  status?: { replicas?: number };
}

export const scaleVerb: Verb = {
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set, or replication controller',
  operands: { kind: 'objects', types: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'], repeat: true },
  flags: SCALE_FLAGS,
  async run(env, flags, args) {
    if (!flags.values.has('replicas')) {
      env.out.stderr('error: required flag(s) "replicas" not set\n');
      return 1;
    }
    const replicas = flagInt(flags, 'replicas')!;
    const current = flagInt(flags, 'current-replicas') ?? -1;
    const outputError = validatePrintFlags(flags);
    if (outputError) return checkErr(env, [outputError]);
    const dryRun = dryRunOf(flags);
    if (!dryRun.ok) return checkErr(env, [dryRun.error]);
    if (replicas < 0)
      return checkErr(env, [plain('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')]);
    if (current < -1) return checkErr(env, [plain('The --current-replicas must specify an integer of -1 or greater')]);
    const timeoutMs = durationFlag(flags, 'timeout', 0);

    const selection = selectObjects(env, {
      args,
      files: flagList(flags, 'filename'),
      recursive: flagBool(flags, 'recursive'),
      selector: flagString(flags, 'selector'),
      all: flagBool(flags, 'all'),
      verb: 'scale',
    });
    if (!selection.ok) return checkErr(env, [selection.error]);
    const resourceVersion = flagString(flags, 'resource-version') ?? '';
    if (resourceVersion && selection.items.length > 1)
      return checkErr(env, [plain('cannot use --resource-version with multiple resources')]);

    const errors: CmdError[] = [...selection.errors];
    let counter = 0;
    for (const { object } of selection.items) {
      counter++;
      if (dryRun.value === 'client') {
        printOperation(env, object, 'scaled', flags, 'client');
        continue;
      }
      if (!SCALABLE.has(object.kind)) {
        // no scale subresource: the PATCH to .../scale finds nothing
        errors.push(fromServer({ reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' }));
        continue;
      }
      const obj = object as Scalable;
      const actual = obj.spec.replicas ?? 1;
      if (current !== -1 && actual !== current) {
        errors.push(plain(`Expected replicas to be ${current}, was ${actual}`));
        continue;
      }
      if (resourceVersion && obj.metadata.resourceVersion !== resourceVersion) {
        errors.push(plain(`Expected resource version to be ${resourceVersion}, was ${obj.metadata.resourceVersion ?? ''}`));
        continue;
      }
      if (dryRun.value === 'none') {
        const next = clone(obj);
        next.spec.replicas = replicas;
        delete next.metadata.resourceVersion;
        const result = env.cluster.api.update(next);
        if (!result.ok) {
          errors.push(fromServer(result.error));
          continue;
        }
        // the recorder's change-cause goes in as a second patch, as upstream
        const stored = clone(result.object);
        if (recordChange(env, flags, SCALE_FLAGS, stored)) {
          delete stored.metadata.resourceVersion;
          env.cluster.api.update(stored);
        }
        env.cluster.settle();
      }
      printOperation(env, object, 'scaled', flags, dryRun.value);
      if (timeoutMs > 0 && dryRun.value === 'none') {
        const synced = () => {
          const now = env.cluster.api.get<Scalable>(obj.kind, obj.metadata.namespace, obj.metadata.name!);
          if (!now) return true;
          if ((now.spec.replicas ?? 1) !== replicas) return true;
          return (now.status?.replicas ?? 0) === replicas;
        };
        const outcome = await waitFor(env, synced, timeoutMs, 1000);
        if (outcome === 'interrupted') return 130;
        if (outcome === 'timeout') errors.push(plain(`timed out waiting for "${obj.metadata.name}" to be synced`));
      }
    }
    if (errors.length > 0) return checkErr(env, errors);
    if (counter === 0) return checkErr(env, [plain('no objects passed to scale')]);
    return 0;
  },
};
