// strategic merge patch, as k8s.io/apimachinery/pkg/util/strategicpatch applies one (the
// apiserver's StrategicMergeMapPatch, and kubectl's for --local and --dry-run=client): maps merge,
// null deletes, and lists merge by their patchMergeKey where the Go struct tags of k8s.io/api say
// `patchStrategy:"merge"` (containers by name, ports by containerPort, ...); other lists are
// replaced. The directives $patch (replace, delete), $retainKeys and $deleteFromPrimitiveList are
// applied; $setElementOrder is not simulated.

import { goKindOf, goSprint, isJsonObject, memberOf, setMember, type Json, type JsonObject } from './json-patch.ts';

/** how the apiserver answers each failure: a 400, a bare 422, or a plain error it reports as a 500 */
export type SmpErrorKind = 'bad-request' | 'unprocessable' | 'internal';

export class SmpError extends Error {
  constructor(
    message: string,
    readonly kind: SmpErrorKind,
  ) {
    super(message);
  }
}

/** the one directive the simulator does not apply */
export class SmpNotSimulated extends Error {}

interface FieldMeta {
  /** the Go struct the field holds (for lists, the struct of its items) */
  type?: string;
  strategy?: 'merge' | 'retainKeys' | 'merge,retainKeys';
  mergeKey?: string;
}

const meta: FieldMeta = { type: 'ObjectMeta' };
const podTemplate: FieldMeta = { type: 'PodTemplateSpec' };

/**
 * the struct tags that matter to a strategic merge, from k8s.io/api core/v1, apps/v1 and
 * apimachinery's ObjectMeta; fields not listed merge as maps or replace as lists
 */
const SCHEMA: Record<string, Record<string, FieldMeta>> = {
  ObjectMeta: {
    finalizers: { strategy: 'merge' },
    ownerReferences: { strategy: 'merge', mergeKey: 'uid' },
  },
  Pod: { metadata: meta, spec: { type: 'PodSpec' } },
  PodTemplateSpec: { metadata: meta, spec: { type: 'PodSpec' } },
  PodSpec: {
    volumes: { type: 'Volume', strategy: 'merge,retainKeys', mergeKey: 'name' },
    initContainers: { type: 'Container', strategy: 'merge', mergeKey: 'name' },
    containers: { type: 'Container', strategy: 'merge', mergeKey: 'name' },
    ephemeralContainers: { type: 'Container', strategy: 'merge', mergeKey: 'name' },
    imagePullSecrets: { strategy: 'merge', mergeKey: 'name' },
    hostAliases: { strategy: 'merge', mergeKey: 'ip' },
    topologySpreadConstraints: { strategy: 'merge', mergeKey: 'topologyKey' },
    schedulingGates: { strategy: 'merge', mergeKey: 'name' },
    resourceClaims: { strategy: 'merge,retainKeys', mergeKey: 'name' },
  },
  Container: {
    ports: { strategy: 'merge', mergeKey: 'containerPort' },
    env: { strategy: 'merge', mergeKey: 'name' },
    volumeMounts: { strategy: 'merge', mergeKey: 'mountPath' },
    volumeDevices: { strategy: 'merge', mergeKey: 'devicePath' },
  },
  Service: { metadata: meta, spec: { type: 'ServiceSpec' } },
  ServiceSpec: { ports: { strategy: 'merge', mergeKey: 'port' } },
  Deployment: { metadata: meta, spec: { type: 'DeploymentSpec' } },
  DeploymentSpec: { template: podTemplate, strategy: { strategy: 'retainKeys' } },
  ReplicaSet: { metadata: meta, spec: { type: 'ReplicaSetSpec' } },
  ReplicaSetSpec: { template: podTemplate },
  DaemonSet: { metadata: meta, spec: { type: 'DaemonSetSpec' } },
  DaemonSetSpec: { template: podTemplate },
  ReplicationController: { metadata: meta, spec: { type: 'ReplicationControllerSpec' } },
  ReplicationControllerSpec: { template: podTemplate },
  Node: { metadata: meta, spec: { type: 'NodeSpec' } },
  NodeSpec: { podCIDRs: { strategy: 'merge' } },
};

/** a field's patch strategy and merge key (patchStrategy and patchMergeKey in the Go types), and its type's name */
export function lookup(type: string | undefined, key: string): FieldMeta {
  if (!type) return {};
  const fields = SCHEMA[type] ?? (type === 'root' ? {} : undefined);
  return fields?.[key] ?? (key === 'metadata' ? meta : {});
}

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

const badRequest = (message: string) => new SmpError(message, 'bad-request');
const internal = (message: string) => new SmpError(message, 'internal');
const noMergeKey = (m: JsonObject, key: string) => internal(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);

/** fmt's %s of a directive value: strings as they are, anything else as Go's bad-verb notation */
function goString(value: Json): string {
  if (typeof value === 'string') return value;
  if (value === null) return '%!s(<nil>)';
  const kind = goKindOf(value);
  if (kind === 'map' || kind === 'slice') return goSprint(value);
  return `%!s(${kind}=${goSprint(value)})`;
}

const badPatchType = (t: Json, m: JsonObject) => internal(`unknown patch type: ${goString(t)} in map: ${goSprint(m)}`);

/** the Go type of a decoded value, as reflect compares them (ints and floats differ) */
function goType(value: Json): string {
  if (value === null) return 'nil';
  if (isJsonObject(value)) return 'map';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return typeof value;
}

/** removeDirectives: drops maps carrying $patch (and the members and items that hold them) */
function removeDirectives(value: Json): { keep: boolean; value: Json } {
  if (isJsonObject(value)) {
    if (Object.hasOwn(value, DIRECTIVE)) return { keep: false, value: null };
    for (const [k, v] of Object.entries(value)) {
      const r = removeDirectives(v);
      if (r.keep) setMember(value, k, r.value);
      else delete value[k];
    }
    return { keep: true, value };
  }
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const v of value) {
      const r = removeDirectives(v);
      if (r.keep) out.push(r.value);
    }
    return { keep: true, value: out };
  }
  return { keep: true, value };
}

/** discardNullValuesFromPatch: null members go, all the way down (null list items stay) */
function discardNulls(value: Json): void {
  if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null) delete value[k];
      else discardNulls(v);
    }
  } else if (Array.isArray(value)) value.forEach(discardNulls);
}

function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS]!;
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw badRequest('invalid patch format of retainKeys');
  const keep = (k: string) => retain.some((r) => r === k);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep(k)) throw badRequest('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep(k)) delete original[k];
}

function mergeMap(original: JsonObject, patch: JsonObject, type: string | undefined): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE]!;
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (directive === 'delete') return {};
    throw badPatchType(directive, patch);
  }
  applyRetainKeys(original, patch);
  if (Object.keys(patch).some((k) => k.startsWith(SET_ELEMENT_ORDER)))
    throw new SmpNotSimulated(`the ${SET_ELEMENT_ORDER} directive is not simulated`);

  for (const [patchKey, patchValue] of Object.entries(patch)) {
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const parts = patchKey.split('/');
      if (parts.length < 2 || parts[0] !== DELETE_FROM_PRIMITIVE_LIST) throw badRequest('invalid patch format of primitive list');
      key = patchKey.slice(DELETE_FROM_PRIMITIVE_LIST.length + 1);
      isDeleteList = true;
    }
    if (patchValue === null) {
      delete original[key];
      continue;
    }
    const current = memberOf(original, key);
    if (current === undefined || goType(current) !== goType(patchValue)) {
      if (!isDeleteList) {
        discardNulls(patchValue);
        const r = removeDirectives(patchValue);
        if (r.keep) setMember(original, key, r.value);
        else delete original[key];
      }
      continue;
    }
    const field = lookup(type, key);
    const strategy = field.strategy?.split(',') ?? [];
    if (isJsonObject(current)) {
      setMember(original, key, mergeMap(current, patchValue as JsonObject, field.type));
    } else if (Array.isArray(current)) {
      const merged = strategy.includes('merge')
        ? mergeSlice(current, patchValue as Json[], field.type, field.mergeKey ?? '', isDeleteList)
        : (patchValue as Json[]);
      setMember(original, key, merged);
    } else {
      const r = removeDirectives(patchValue);
      if (r.keep) setMember(original, key, r.value);
      else delete original[key];
    }
  }
  return original;
}

/** sliceElementType: every item of both lists must have the same Go type, and lists of lists are refused */
function elementType(lists: Json[][]): string {
  let previous: string | null = null;
  for (const list of lists) {
    for (const item of list) {
      const t = goType(item);
      if (previous === null || previous === 'nil') {
        previous = t;
        if (t === 'slice') throw new SmpError('lists of lists are not supported', 'unprocessable');
      } else if (previous !== t && t !== 'nil') {
        throw internal(`list element types are not identical: ${goSprint(lists as Json)}`);
      }
    }
  }
  if (previous === null) throw internal('no elements in any of the given slices');
  return previous;
}

function sameKey(a: Json | undefined, b: Json | undefined): boolean {
  return a !== undefined && b !== undefined && goType(a) === goType(b) && a === b;
}

function findByKey(list: Json[], key: string, value: Json): number {
  return list.findIndex((item) => isJsonObject(item) && Object.hasOwn(item, key) && sameKey(item[key], value));
}

function mergeSlice(original: Json[], patch: Json[], type: string | undefined, mergeKey: string, isDeleteList: boolean): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementType([original, patch]);
  let merged: Json[];
  let base = original;
  let items = patch;
  if (kind !== 'map') {
    if (isDeleteList) return original.filter((v) => !patch.some((p) => sameKey(p, v)));
    merged = [];
    for (const v of [...original, ...patch]) if (!merged.some((m) => sameKey(m, v))) merged.push(v);
  } else {
    if (!mergeKey) throw internal('cannot merge lists without merge key for type struct');
    // items carrying $patch: delete removes by merge key, replace keeps only the patch's items
    const plain: Json[] = [];
    let replace = false;
    for (const v of patch) {
      const m = v as JsonObject;
      if (!Object.hasOwn(m, DIRECTIVE)) {
        plain.push(v);
        continue;
      }
      const directive = m[DIRECTIVE]!;
      if (directive === 'delete') {
        if (!Object.hasOwn(m, mergeKey)) throw noMergeKey(m, mergeKey);
        base = base.filter((item) => !(isJsonObject(item) && sameKey(item[mergeKey], m[mergeKey])));
      } else if (directive === 'replace') replace = true;
      else if (directive === 'merge') throw internal('merging lists cannot yet be specified in the patch');
      else throw badPatchType(directive, m);
    }
    if (replace) {
      base = plain;
      items = [];
    } else items = plain;
    merged = [...base];
    for (const v of items) {
      const m = v as JsonObject;
      if (!Object.hasOwn(m, mergeKey)) throw noMergeKey(m, mergeKey);
      const at = findByKey(merged, mergeKey, m[mergeKey]!);
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonObject, m, type);
      else merged.push(v);
    }
  }
  return normalizeOrder(merged, items, base, kind === 'map' ? mergeKey : '');
}

/**
 * the order the merged list ends in: the patch's items in the patch's order, the others in the
 * live order, interleaved where the live order says so (items new to the list come first)
 */
function normalizeOrder(merged: Json[], patch: Json[], live: Json[], mergeKey: string): Json[] {
  const keyOf = (item: Json): Json | undefined => (mergeKey ? (isJsonObject(item) ? item[mergeKey] : undefined) : item);
  const indexIn = (list: Json[], item: Json) => list.findIndex((other) => sameKey(keyOf(other), keyOf(item)));
  if (mergeKey) {
    for (const item of [...merged, ...patch]) {
      if (!isJsonObject(item)) throw internal(`expected a map[string]interface {}, but received a ${goTypeName(item)}`);
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
    }
  }
  const fromPatch = merged.filter((item) => indexIn(patch, item) >= 0);
  const serverOnly = merged.filter((item) => indexIn(patch, item) < 0);
  fromPatch.sort((a, b) => indexIn(patch, a) - indexIn(patch, b));
  serverOnly.sort((a, b) => indexIn(live, a) - indexIn(live, b));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < fromPatch.length) {
    if (i >= serverOnly.length) out.push(fromPatch[j++]!);
    else if (j >= fromPatch.length) out.push(serverOnly[i++]!);
    else {
      const li = indexIn(live, serverOnly[i]!);
      const ri = indexIn(live, fromPatch[j]!);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]!);
      else out.push(fromPatch[j++]!);
    }
  }
  return out;
}

function goTypeName(value: Json): string {
  if (value === null) return '%!s(<nil>)';
  const kind = goKindOf(value);
  if (kind === 'map') return 'map[string]interface {}';
  if (kind === 'slice') return '[]interface {}';
  return kind;
}

/**
 * StrategicMergeMapPatch for an object of `kind`: the merged object, or an SmpError (or
 * SmpNotSimulated) thrown. `patch` is consumed: directives are taken out of it as upstream does,
 * so the caller can print what is left in error messages.
 */
export function strategicMergePatch(original: JsonObject, patch: JsonObject, kind: string): JsonObject {
  return mergeMap(structuredClone(original), patch, SCHEMA[kind] ? kind : 'root');
}
