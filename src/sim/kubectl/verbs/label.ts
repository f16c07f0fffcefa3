// kubectl label: KEY=VALUE to add (an existing key only with --overwrite), KEY- to remove,
// --list, --all, -l, -A, -f, --local, --dry-run, --resource-version and --record, with upstream's
// labeled / unlabeled / not labeled decided as it does (by comparing the object's JSON before and after)

import { clone } from '../../api/meta.ts';
import { isValidLabelValue } from '../../api/validation/names.ts';
import type { KubeObject } from '../../api/types.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { DRY_RUN_FLAG, flagBool, flagList, flagString, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import {
  checkErr,
  dryRunOf,
  fromServer,
  plain,
  printOperation,
  selectObjects,
  validatePrintFlags,
  type CmdError,
  type DryRun,
  type Selected,
} from './select.ts';
import { resourcesAndPairs } from './set.ts';

/** flags label and annotate share */
export const METADATA_FLAGS: FlagSpec[] = [
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'overwrite', kind: 'bool' },
  { name: 'list', kind: 'bool' },
  { name: 'local', kind: 'bool' },
  { name: 'field-selector', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'resource-version', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  DRY_RUN_FLAG,
  { name: 'field-manager', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
  RECORD_FLAG,
];

const bytes = (obj: unknown): number => new TextEncoder().encode(JSON.stringify(obj)).length;

/** what both commands check before looking anything up; null when all is well */
export function validateMetadataCommand(
  flags: ParsedFlags,
  resources: string[],
  what: 'label' | 'annotation',
  haveUpdates: boolean,
): CmdError | null {
  const local = flagBool(flags, 'local');
  const all = flagBool(flags, 'all');
  if (all && flagString(flags, 'selector') !== undefined) return plain('cannot set --all and --selector at the same time');
  if (all && flagString(flags, 'field-selector') !== undefined)
    return plain('cannot set --all and --field-selector at the same time');
  const example = what === 'label' ? 'pod.yaml' : 'rsrc.yaml';
  const exampleJson = what === 'label' ? 'pod.json' : 'rsrc.json';
  if (local) {
    if (flagString(flags, 'dry-run') === 'server')
      return plain('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length > 0)
      return plain(`can only use local files by -f ${example} or --filename=${exampleJson} when --local=true is set`);
    if (flagList(flags, 'filename').length === 0)
      return plain(`one or more files must be specified as -f ${example} or --filename=${exampleJson}`);
  } else if (resources.length < 1 && flagList(flags, 'filename').length === 0) {
    return plain('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (!haveUpdates && !flagBool(flags, 'list')) return plain(`at least one ${what} update is required`);
  return null;
}

/** the objects to change, with upstream's checks that need them; `single` as IntoSingleItemImplied */
export function metadataTargets(
  env: KubectlEnv,
  flags: ParsedFlags,
  resources: string[],
  verb: string,
): { ok: true; items: Selected[]; errors: CmdError[]; single: boolean } | { ok: false; error: CmdError } {
  if (flagString(flags, 'field-selector') !== undefined)
    return { ok: false, error: { message: `kubesim: --field-selector is not simulated for kubectl ${verb}`, standard: true } };
  const local = flagBool(flags, 'local');
  const selection = selectObjects(env, {
    args: resources,
    files: flagList(flags, 'filename'),
    recursive: flagBool(flags, 'recursive'),
    selector: local ? undefined : flagString(flags, 'selector'),
    all: flagBool(flags, 'all'),
    allNamespaces: flagBool(flags, 'all-namespaces'),
    local,
    verb,
  });
  if (!selection.ok) return selection;
  if (!selection.single && (flagString(flags, 'resource-version') ?? '') !== '')
    return { ok: false, error: plain('--resource-version may only be used with a single resource') };
  return selection;
}

/** `--list`: key=value lines, headed per object when several were asked for (Go's map order, here sorted) */
export function listMap(
  env: KubectlEnv,
  obj: KubeObject,
  map: Record<string, string> | undefined,
  what: string,
  single: boolean,
) {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const indent = single ? '' : ' ';
  let text = single ? '' : `Listing ${what} for ${obj.kind}.${group}/${obj.metadata.name}:\n`;
  for (const key of Object.keys(map ?? {}).sort()) text += `${indent}${key}=${map![key]}\n`;
  env.out.stdout(text);
}

/** writes the changed object back (a merge patch upstream); empty maps are dropped as the server's omitempty does */
export function storeMetadata(
  env: KubectlEnv,
  obj: KubeObject,
  resourceVersion: string,
): { ok: true; object: KubeObject } | { ok: false; error: CmdError } {
  const next = clone(obj);
  if (next.metadata.labels && Object.keys(next.metadata.labels).length === 0) delete next.metadata.labels;
  if (next.metadata.annotations && Object.keys(next.metadata.annotations).length === 0) delete next.metadata.annotations;
  if (resourceVersion) next.metadata.resourceVersion = resourceVersion;
  else delete next.metadata.resourceVersion;
  const result = env.cluster.api.update(next);
  env.cluster.settle();
  if (!result.ok) return { ok: false, error: fromServer(result.error) };
  return { ok: true, object: result.object };
}

function parseLabels(pairs: string[]): { ok: true; set: Map<string, string>; remove: string[] } | { ok: false; error: string } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { ok: false, error: `invalid label spec: ${spec}` };
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0) return { ok: false, error: `invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}` };
      set.set(parts[0]!, parts[1]!);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return { ok: false, error: `unknown label spec: ${spec}` };
  }
  if (remove.some((r) => set.has(r))) return { ok: false, error: 'can not both modify and remove a label in the same command' };
  return { ok: true, set, remove };
}

/** labelFunc: refuses to overwrite without --overwrite, then sets and removes */
function applyLabels(obj: KubeObject, overwrite: boolean, set: Map<string, string>, remove: string[]): CmdError[] {
  if (!overwrite) {
    const conflicts: CmdError[] = [];
    for (const key of set.keys()) {
      const value = obj.metadata.labels?.[key];
      if (value !== undefined) conflicts.push(plain(`'${key}' already has a value (${value}), and --overwrite is false`));
    }
    if (conflicts.length > 0) return conflicts;
  }
  const labels = { ...(obj.metadata.labels ?? {}) };
  for (const [key, value] of set) labels[key] = value;
  for (const key of remove) delete labels[key];
  obj.metadata.labels = labels;
  return [];
}

function changeMessage(before: number, after: KubeObject, beforeText: string, overwrite: boolean): string {
  const afterText = JSON.stringify(after);
  if (afterText === beforeText) return 'not labeled';
  if (!overwrite && bytes(after) < before) return 'unlabeled';
  return 'labeled';
}

export const labelVerb: Verb = {
  name: 'label',
  summary: 'Update the labels on a resource',
  operands: { kind: 'objects' },
  flags: METADATA_FLAGS,
  run(env, flags, args) {
    const dryRun = dryRunOf(flags);
    if (!dryRun.ok) return checkErr(env, [dryRun.error]);
    const split = resourcesAndPairs(args, 'label');
    if (!split.ok) return checkErr(env, [plain(split.error)]);
    const labels = parseLabels(split.pairs);
    if (!labels.ok) return checkErr(env, [plain(labels.error)]);
    const list = flagBool(flags, 'list');
    if (list && (flagString(flags, 'output') ?? '') !== '')
      return checkErr(env, [plain('--list and --output may not be specified together')]);
    const invalid = validateMetadataCommand(flags, split.resources, 'label', labels.set.size + labels.remove.length > 0);
    if (invalid) return checkErr(env, [invalid]);
    const outputError = validatePrintFlags(flags);
    if (outputError) return checkErr(env, [outputError]);

    const targets = metadataTargets(env, flags, split.resources, 'label');
    if (!targets.ok) return checkErr(env, [targets.error]);
    const overwrite = flagBool(flags, 'overwrite');
    const local = flagBool(flags, 'local');
    const resourceVersion = flagString(flags, 'resource-version') ?? '';
    const errors: CmdError[] = [];
    for (const { object } of targets.items) {
      const obj = clone(object);
      if (resourceVersion) obj.metadata.resourceVersion = '';
      const beforeText = JSON.stringify(obj);
      const before = bytes(obj);
      const offline: DryRun | null = dryRun.value === 'client' || local || list ? dryRun.value : null;
      if (offline === null) {
        let notFound = '';
        for (const key of labels.remove)
          if (obj.metadata.labels?.[key] === undefined) notFound += `label ${JSON.stringify(key)} not found.\n`;
        if (notFound) env.out.stdout(notFound);
      }
      const failed = applyLabels(obj, overwrite, labels.set, labels.remove);
      if (failed.length > 0) {
        errors.push(...failed);
        continue;
      }
      if (offline === null) recordChange(env, flags, METADATA_FLAGS, obj);
      const message = changeMessage(before, obj, beforeText, overwrite);
      let shown = obj;
      if (offline === null && JSON.stringify(obj) !== beforeText) {
        if (dryRun.value === 'none') {
          const stored = storeMetadata(env, obj, resourceVersion);
          if (!stored.ok) {
            errors.push(stored.error);
            continue;
          }
          shown = stored.object;
        }
      }
      if (list) {
        listMap(env, shown, shown.metadata.labels, 'labels', targets.single);
        continue;
      }
      printOperation(env, obj, message, flags, dryRun.value);
    }
    return checkErr(env, [...errors, ...targets.errors]);
  },
};
