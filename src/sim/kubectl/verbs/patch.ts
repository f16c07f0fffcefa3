// kubectl patch: TYPE NAME, TYPE/NAME or -f, with -p or --patch-file in JSON or YAML, as a
// strategic merge patch (the default), a JSON merge patch or a JSON patch (--type). The server
// side is the apiserver's patch handler: the patch is applied to the live object, the result
// decoded (wrong types refused, unknown fields dropped with a warning, since kubectl patch sends
// no fieldValidation and the server's default is Warn) and stored through the usual update, or
// left alone when nothing changed (`patched (no change)`). --local and --dry-run=client patch
// on the client, as kubectl's getPatchedJSON does. --subresource and -k are not simulated.

import { parseAllDocuments } from 'yaml';
import { applyDefaults } from '../../api/defaults.ts';
import { causeType, errorBody, field, goQuote } from '../../api/field-errors.ts';
import { clone } from '../../api/meta.ts';
import { qualifiedName, typeForKind } from '../../api/resources.ts';
import { badRequest, invalid, notFound, type StatusError } from '../../api/status-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { CHANGE_CAUSE } from '../../controllers/deployment-util.ts';
import { prepareForUpdate, validateUpdate } from '../../api/validation/index.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { DRY_RUN_FLAG, flagBool, flagList, flagString, type FlagSpec, type ParsedFlags } from '../flags.ts';
import {
  applyJsonPatch,
  decodeJsonPatch,
  ERR_BAD_JSON_PATCH,
  goJsonSyntaxError,
  goSprint,
  isJsonObject,
  jsonEqual,
  jsonKindName,
  mergePatch,
  PatchError,
  type Json,
  type JsonObject,
} from '../json-patch.ts';
import { parseManifestText } from '../manifests.ts';
import { decodeForServer } from '../patch-decode.ts';
import { SmpError, SmpNotSimulated, strategicMergePatch } from '../strategic-merge.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import {
  checkErr,
  dryRunOf,
  fromServer,
  plain,
  printOperation,
  selectObjects,
  standard,
  validatePrintFlags,
  type CmdError,
  type DryRun,
} from './select.ts';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', kind: 'string' },
  { name: 'patch-file', kind: 'string' },
  { name: 'type', kind: 'string' },
  DRY_RUN_FLAG,
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'local', kind: 'bool' },
  { name: 'field-manager', kind: 'string' },
  { name: 'subresource', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
  RECORD_FLAG,
];

type PatchType = 'json' | 'merge' | 'strategic';
const PATCH_TYPES: PatchType[] = ['json', 'merge', 'strategic'];
const SUBRESOURCES = ['status', 'scale'];

/** a 422 whose reason the server does not pass on (NewGenericServerResponse without causes) */
const REJECTED: StatusError = {
  reason: 'Invalid',
  code: 422,
  message: 'the server rejected our request due to an error in our request',
  details: {},
};

/** a plain Go error the apiserver answers with a 500 of no reason */
const unknownServerError = (message: string): CmdError => standard(`Error from server: ${message}`);

const notSimulated = (what: string): CmdError => standard(`kubesim: ${what} is not simulated`);

/**
 * k8s.io/apimachinery's yaml.ToJSON: text that starts with `{` is taken as JSON as it is (and
 * only checked by whoever parses it); anything else is YAML, converted, or go-yaml's error
 */
function patchToJson(text: string): { ok: true; json: string } | { ok: false; error: string } {
  if (text.trimStart().startsWith('{')) return { ok: true, json: text };
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
  const first = (Array.isArray(docs) ? docs : [docs])[0];
  if (!first) return { ok: true, json: 'null' };
  if (first.errors.length > 0) {
    // the manifest reader knows go-yaml's wording; go-yaml names no line for the first one
    const read = parseManifestText(text, 'patch');
    if (!read.ok) {
      const message = read.error
        .replace(/^error: error parsing patch: error converting YAML to JSON: /, '')
        .replace(/^yaml: line 1: /, 'yaml: ');
      return { ok: false, error: message };
    }
  }
  const value: unknown = first.toJS({ maxAliasCount: 100 });
  return { ok: true, json: JSON.stringify(value ?? null) };
}

type Patched = { ok: true; object: JsonObject; warnings: string[] } | { ok: false; error: CmdError };

/** the JSON patch as the apiserver's strict decoder reads it into []jsonPatchOp, or its error */
function strictJsonPatchError(patch: Json): string | null {
  const prefix = 'error decoding patch: json: cannot unmarshal';
  if (patch === null) return null;
  if (!Array.isArray(patch)) return `${prefix} ${jsonKindName(patch)} into Go value of type []handlers.jsonPatchOp`;
  for (const op of patch) {
    if (op === null) continue;
    if (!isJsonObject(op)) return `${prefix} ${jsonKindName(op)} into Go value of type handlers.jsonPatchOp`;
    for (const [key, value] of Object.entries(op)) {
      if (['op', 'path', 'from'].includes(key) && value !== null && typeof value !== 'string')
        return `${prefix} ${jsonKindName(value)} into Go struct field jsonPatchOp.${key} of type string`;
    }
  }
  return null;
}

/** the apiserver's part: the patch applied to the live object and the result decoded */
function patchOnServer(live: JsonObject, text: string, type: PatchType): Patched {
  const syntax = goJsonSyntaxError(text);
  const bad = (message: string): Patched => ({ ok: false, error: fromServer(badRequest(message)) });
  if (syntax) return bad(type === 'strategic' ? syntax : `error decoding patch: ${syntax}`);
  const patch = JSON.parse(text) as Json;
  let result: JsonObject;
  let patchMap: JsonObject = {};
  if (type === 'strategic') {
    if (patch !== null && !isJsonObject(patch))
      return bad(`json: cannot unmarshal ${jsonKindName(patch)} into Go value of type map[string]interface {}`);
    patchMap = patch ?? {};
    try {
      result = strategicMergePatch(live, patchMap, String(live['kind']));
    } catch (e) {
      if (e instanceof SmpNotSimulated) return { ok: false, error: notSimulated(e.message.replace(/ is not simulated$/, '')) };
      if (!(e instanceof SmpError)) throw e;
      if (e.kind === 'bad-request') return bad(e.message);
      if (e.kind === 'unprocessable') return { ok: false, error: fromServer(REJECTED) };
      return { ok: false, error: unknownServerError(e.message) };
    }
  } else if (type === 'merge') {
    if (patch !== null && !isJsonObject(patch))
      return bad(
        `error decoding patch: json: cannot unmarshal ${jsonKindName(patch)} into Go value of type map[string]interface {}`,
      );
    if (patch === null) return bad(ERR_BAD_JSON_PATCH);
    result = mergePatch(live, patch) as JsonObject;
  } else {
    const strict = strictJsonPatchError(patch);
    if (strict) return bad(strict);
    const decoded = decodeJsonPatch(patch);
    if (!decoded.ok) return bad(decoded.error);
    try {
      result = applyJsonPatch(live, decoded.ops);
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      return { ok: false, error: fromServer(REJECTED) };
    }
  }

  const decoded = decodeForServer(result, String(live['kind']));
  if (decoded.typeError) {
    const te = decoded.typeError;
    if (type !== 'strategic' || te.namedType) {
      const what = `the patched object does not decode (${te.path}: ${te.message}); the apiserver's full error for this`;
      return { ok: false, error: notSimulated(what) };
    }
    // the converter's error, reported against the patch as Go prints the map
    const fe = field.invalid('patch', goSprint(patchMap), te.message);
    const error: StatusError = {
      reason: 'Invalid',
      code: 422,
      message: ` "" is invalid: ${fe.field}: ${errorBody(fe)}`,
      details: { causes: [{ reason: causeType(fe.type), message: errorBody(fe), field: fe.field }] },
    };
    return { ok: false, error: fromServer(error) };
  }
  // the strict converter sorts what it found; the JSON decoder reports in document order, which
  // is sorted too where the patch library wrote the object back out
  const unknown = [...decoded.unknown].sort();
  return { ok: true, object: decoded.object, warnings: unknown.map((f) => `Warning: unknown field "${f}"`) };
}

/** getPatchedJSON: the patch applied by kubectl itself (--local, --dry-run=client) */
function patchOnClient(original: JsonObject, text: string, type: PatchType): Patched {
  const syntax = goJsonSyntaxError(text);
  const fail = (message: string): Patched => ({ ok: false, error: plain(message) });
  if (type === 'strategic') {
    if (syntax) return fail('invalid JSON document');
    const patch = JSON.parse(text) as Json;
    if (patch !== null && !isJsonObject(patch)) return fail('invalid JSON document');
    try {
      return { ok: true, object: strategicMergePatch(original, patch ?? {}, String(original['kind'])), warnings: [] };
    } catch (e) {
      if (e instanceof SmpNotSimulated) return { ok: false, error: notSimulated(e.message.replace(/ is not simulated$/, '')) };
      if (e instanceof SmpError) return fail(e.message);
      throw e;
    }
  }
  if (type === 'merge') {
    if (syntax) return fail(ERR_BAD_JSON_PATCH);
    const patch = JSON.parse(text) as Json;
    if (Array.isArray(patch))
      return { ok: false, error: notSimulated('a merge patch that is a list, with --local or --dry-run=client,') };
    try {
      return { ok: true, object: mergePatch(original, patch) as JsonObject, warnings: [] };
    } catch (e) {
      if (e instanceof PatchError) return fail(e.message);
      throw e;
    }
  }
  if (syntax) return fail(syntax);
  const decoded = decodeJsonPatch(JSON.parse(text) as Json);
  if (!decoded.ok) return fail(decoded.error);
  try {
    return { ok: true, object: applyJsonPatch(original, decoded.ops), warnings: [] };
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    const message = e.message;
    // kubectl rewords this one, keeping everything after `key:`
    const at = message.indexOf('key:');
    if (message.includes('doc is missing key') && at >= 0)
      return fail(`Object to be patched is missing field (${message.slice(at + 5)})`);
    return fail(`${message}`);
  }
}

/** plain JSON, without members left undefined */
const asJson = (obj: KubeObject): Json => JSON.parse(JSON.stringify(obj)) as Json;

/** what the update would store, for telling a change from none: defaults, the strategy's keeps, server fields */
function asStored(candidate: KubeObject, live: KubeObject): KubeObject {
  const next = clone(candidate);
  applyDefaults(next);
  if ('status' in live) next.status = clone(live.status);
  else delete next.status;
  prepareForUpdate(next, live);
  const meta = next.metadata;
  const owned = [
    'uid',
    'creationTimestamp',
    'resourceVersion',
    'generation',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
  ] as const;
  for (const key of owned) {
    if (live.metadata[key] === undefined) delete meta[key];
    else (meta as Record<string, unknown>)[key] = live.metadata[key];
  }
  return next;
}

/** the request's checks on the patched object: same kind, same namespace, same name */
function checkIdentity(env: KubectlEnv, patched: JsonObject, live: KubeObject): CmdError | null {
  for (const key of ['apiVersion', 'kind'] as const) {
    const value = patched[key];
    if (value === undefined || value === null) patched[key] = live[key];
    else if (value !== live[key]) return notSimulated(`changing ${key} with kubectl patch`);
  }
  if (!isJsonObject(patched['metadata'])) patched['metadata'] = {};
  const meta = patched['metadata'] as JsonObject;
  const namespaced = typeForKind(live.kind)?.namespaced ?? true;
  const requestNamespace = namespaced ? (live.metadata.namespace ?? env.namespace) : '';
  const namespace = typeof meta['namespace'] === 'string' ? meta['namespace'] : '';
  if (namespace === '' || !namespaced) {
    if (namespaced) meta['namespace'] = requestNamespace;
    else delete meta['namespace'];
  } else if (namespace !== requestNamespace) {
    return fromServer(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
  }
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  if (name !== live.metadata.name)
    return fromServer(badRequest(`the name of the object (${name}) does not match the name on the URL (${live.metadata.name})`));
  return null;
}

interface Outcome {
  shown: KubeObject;
  changed: boolean;
}

/** PATCH against the live object: applied, decoded, checked, then stored (or, dry, validated) */
function patchLive(
  env: KubectlEnv,
  flags: ParsedFlags,
  live: KubeObject,
  text: string,
  type: PatchType,
  dryRun: DryRun,
): { ok: true; outcome: Outcome } | { ok: false; error: CmdError } {
  const patched = patchOnServer(clone(live) as unknown as JsonObject, text, type);
  if (!patched.ok) return patched;
  for (const w of patched.warnings) env.out.stderr(w + '\n');
  const identity = checkIdentity(env, patched.object, live);
  if (identity) return { ok: false, error: identity };
  const candidate = patched.object as unknown as KubeObject;
  const stored = asStored(candidate, live);
  if (jsonEqual(asJson(stored), asJson(live))) return { ok: true, outcome: { shown: live, changed: false } };
  if (dryRun === 'server') {
    // validated as the update would be, and kept nowhere
    const errors = validateUpdate(stored, live);
    if (errors.length > 0)
      return { ok: false, error: fromServer(invalid(live.kind, live.metadata.name ?? '', errors, typeForKind(live.kind))) };
    return { ok: true, outcome: { shown: stored, changed: true } };
  }
  const result = env.cluster.api.update(candidate);
  if (!result.ok) return { ok: false, error: fromServer(result.error) };
  let shown: KubeObject = result.object;
  // --record: the change-cause goes in as a second patch, only when it differs
  const recorded = clone(shown);
  const before = recorded.metadata.annotations?.[CHANGE_CAUSE];
  if (recordChange(env, flags, PATCH_FLAGS, recorded) && recorded.metadata.annotations?.[CHANGE_CAUSE] !== before) {
    delete recorded.metadata.resourceVersion;
    const second = env.cluster.api.update(recorded);
    if (second.ok) shown = second.object;
  }
  env.cluster.settle();
  return { ok: true, outcome: { shown, changed: true } };
}

export const patchVerb: Verb = {
  name: 'patch',
  summary: 'Update fields of a resource',
  operands: { kind: 'objects' },
  flags: PATCH_FLAGS,
  run(env, flags, args) {
    const dryRun = dryRunOf(flags);
    if (!dryRun.ok) return checkErr(env, [dryRun.error]);
    const patchFlag = flagString(flags, 'patch') ?? '';
    const patchFile = flagString(flags, 'patch-file') ?? '';
    if (patchFlag && patchFile) return checkErr(env, [plain('cannot specify --patch and --patch-file together')]);
    if (!patchFlag && !patchFile)
      return checkErr(env, [plain('must specify --patch or --patch-file containing the contents of the patch')]);
    const local = flagBool(flags, 'local');
    if (local && args.length > 0) return checkErr(env, [plain('cannot specify --local and server resources')]);
    if (local && dryRun.value === 'server')
      return checkErr(env, [plain('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')]);
    const typeFlag = flagString(flags, 'type') ?? '';
    const type = (typeFlag === '' ? 'strategic' : typeFlag.toLowerCase()) as PatchType;
    if (!PATCH_TYPES.includes(type))
      return checkErr(env, [plain(`--type must be one of [json merge strategic], not ${goQuote(typeFlag)}`)]);
    const subresource = flagString(flags, 'subresource') ?? '';
    if (subresource && !SUBRESOURCES.includes(subresource))
      return checkErr(env, [plain(`invalid subresource value: ${goQuote(subresource)}. Must be one of [status scale]`)]);
    if (subresource)
      return checkErr(env, [
        standard("kubesim: 'kubectl patch --subresource' is not simulated; patch the object itself (or use kubectl scale)"),
      ]);
    if (flagString(flags, 'kustomize') !== undefined)
      return checkErr(env, [standard("kubesim: 'kubectl patch -k' is not simulated; use -f or TYPE NAME")]);

    let raw = patchFlag;
    if (patchFile) {
      const read = env.fs.readFile(patchFile);
      if (typeof read !== 'string') {
        const why =
          read.error === 'EISDIR' ? `read ${patchFile}: is a directory` : `open ${patchFile}: no such file or directory`;
        return checkErr(env, [plain(`unable to read patch file: ${why}`)]);
      }
      raw = read;
    }
    const converted = patchToJson(raw);
    if (!converted.ok) return checkErr(env, [plain(`unable to parse ${goQuote(patchFlag)}: ${converted.error}`)]);

    const selection = selectObjects(env, {
      args,
      files: flagList(flags, 'filename'),
      recursive: flagBool(flags, 'recursive'),
      local,
      verb: 'patch',
    });
    if (!selection.ok) return checkErr(env, [selection.error]);

    const errors: CmdError[] = [];
    for (const item of selection.items) {
      const onServer = !local && dryRun.value !== 'client';
      let outcome: Outcome;
      if (onServer) {
        // the builder reads each object just before it is visited
        const { kind, metadata } = item.object;
        const live = env.cluster.api.get(kind, metadata.namespace, metadata.name ?? '');
        if (!live) {
          errors.push(fromServer(notFound(qualifiedName(item.type), metadata.name ?? '')));
          continue;
        }
        const done = patchLive(env, flags, live, converted.json, type, dryRun.value);
        if (!done.ok) {
          errors.push(done.error);
          continue;
        }
        outcome = done.outcome;
      } else {
        const original = item.object as unknown as JsonObject;
        const patched = patchOnClient(clone(original), converted.json, type);
        if (!patched.ok) {
          errors.push(patched.error);
          continue;
        }
        if (typeof patched.object['kind'] !== 'string' || patched.object['kind'] === '') {
          errors.push(plain(`Object 'Kind' is missing in '${JSON.stringify(patched.object)}'`));
          continue;
        }
        outcome = { shown: patched.object as unknown as KubeObject, changed: !jsonEqual(original, patched.object) };
      }
      // the printer is made after the patch, so a bad -o fails only now
      const printError = validatePrintFlags(flags);
      if (printError) {
        errors.push(printError);
        continue;
      }
      printOperation(env, outcome.shown, outcome.changed ? 'patched' : 'patched (no change)', flags, dryRun.value);
    }
    if (errors.length > 0 || selection.errors.length > 0) return checkErr(env, [...errors, ...selection.errors]);
    if (selection.items.length === 0) return checkErr(env, [plain('no objects passed to patch')]);
    return 0;
  },
};
