// the apiserver's strict field validation (kubectl's default --validate=strict): fields the
// schema does not know are refused with `strict decoding error: unknown field "spec.x"`.
// it walks the same schema `kubectl explain` uses; fields the course does not describe but that
// exist upstream (listed as omitted) are accepted, and opaque types are not looked into.

import { badRequest, type StatusError } from '../api/status-errors.ts';
import type { KubeObject } from '../api/types.ts';
import { EXPLAIN_KINDS, TYPES } from './explain/schema.ts';
import type { FieldType } from './explain/schema-types.ts';
import { INT64_FIELDS, isScalar } from './patch-decode.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(value: unknown, type: FieldType, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  switch (type.kind) {
    case 'primitive':
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, type.items, `${path}[${i}]`, out));
      return;
    case 'map':
      if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, type.values, `${path}.${k}`, out);
      return;
    case 'ref': {
      const def = TYPES[type.name];
      if (!def || !def.fields || !isObject(value)) return;
      for (const [key, child] of Object.entries(value)) {
        const field = def.fields[key];
        const childPath = path ? `${path}.${key}` : key;
        if (field) walk(child, field.type, childPath, out);
        else if (!def.omitted.includes(key)) out.push(childPath);
      }
    }
  }
}

/** the unknown fields of an object, as the server names them (`spec.containers[0].imagee`) */
export function unknownFields(obj: KubeObject): string[] {
  if (!EXPLAIN_KINDS.some((k) => k.kind === obj.kind)) return [];
  const out: string[] = [];
  walk(obj, { kind: 'ref', name: obj.kind }, '', out);
  return out;
}

/**
 * the BadRequest the apiserver returns for unknown fields, or null when there are none; `unknown`
 * narrows it to some of them (the editor shows each field's message on its own line)
 */
export function strictDecodingError(obj: KubeObject, unknown = unknownFields(obj)): StatusError | null {
  if (unknown.length === 0) return null;
  const list = unknown.map((f) => `unknown field "${f}"`).join(', ');
  return cannotBeHandled(obj, `strict decoding error: ${list}`);
}

/** the apiserver's BadRequest for a body it could not decode into the kind's struct */
function cannotBeHandled(obj: KubeObject, why: string): StatusError {
  const version = obj.apiVersion.split('/').pop();
  return badRequest(`${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${why}`);
}

/**
 * the Go named string types behind the schema's enum fields, by struct and field: a value of the
 * wrong type names them in the decoder's message (`of type v1.ServiceType`)
 */
const NAMED_STRING_TYPES: Readonly<Record<string, string>> = {
  'ServiceSpec.type': 'v1.ServiceType',
  'ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'ServicePort.protocol': 'v1.Protocol',
  'ContainerPort.protocol': 'v1.Protocol',
  'EndpointPort.protocol': 'v1.Protocol',
  'Container.imagePullPolicy': 'v1.PullPolicy',
  'Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'PodSpec.restartPolicy': 'v1.RestartPolicy',
  'PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'HTTPGetAction.scheme': 'v1.URIScheme',
  'Toleration.operator': 'v1.TolerationOperator',
  'Toleration.effect': 'v1.TaintEffect',
  'Taint.effect': 'v1.TaintEffect',
  'LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'ServiceSpec.ipFamilies': 'v1.IPFamily',
};

/** the JSON value kinds encoding/json names in its errors */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return 'string';
}

/** how Go prints the type a field decodes into */
function goTypeOf(type: FieldType, struct: string, name: string): string {
  switch (type.kind) {
    case 'primitive':
      if (type.name === 'integer') return INT64_FIELDS.has(name) ? 'int64' : 'int32';
      if (type.name === 'boolean') return 'bool';
      if (type.name === 'number') return 'float64';
      return NAMED_STRING_TYPES[`${struct}.${name}`] ?? 'string';
    case 'array':
      return `[]${goTypeOf(type.items, struct, name)}`;
    case 'map':
      return `map[string]${goTypeOf(type.values, struct, name)}`;
    case 'ref':
      return `v1.${type.name}`;
  }
}

export interface JsonTypeError {
  /** the field as the strict decoder names it, with list indexes (`spec.ports[0].port`) */
  path: string;
  /** encoding/json's message */
  message: string;
}

const INT32_RANGE = 2 ** 31;

/**
 * the first value of the wrong type, as the apiserver's JSON decoder meets it (keys in the sorted
 * order kubectl sends them): `json: cannot unmarshal string into Go struct field
 * ServicePort.spec.ports.port of type int32`. nulls decode to zero values; Time, Quantity and
 * IntOrString decode themselves and are not looked into.
 */
export function jsonTypeError(obj: KubeObject): JsonTypeError | null {
  if (!EXPLAIN_KINDS.some((k) => k.kind === obj.kind)) return null;
  const check = (
    value: unknown,
    type: FieldType,
    struct: string,
    goPath: string,
    path: string,
    name: string,
  ): JsonTypeError | null => {
    if (value === null || value === undefined) return null;
    const fail = (shown = jsonKind(value)): JsonTypeError => ({
      path,
      message: `json: cannot unmarshal ${shown} into Go struct field ${struct}.${goPath} of type ${goTypeOf(type, struct, name)}`,
    });
    switch (type.kind) {
      case 'primitive':
        if (type.name === 'integer') {
          if (typeof value !== 'number') return fail();
          const int64 = INT64_FIELDS.has(name);
          const inRange = int64 ? Number.isSafeInteger(value) : value >= -INT32_RANGE && value < INT32_RANGE;
          return Number.isInteger(value) && inRange ? null : fail(`number ${value}`);
        }
        if (type.name === 'boolean') return typeof value === 'boolean' ? null : fail();
        if (type.name === 'string') return typeof value === 'string' ? null : fail();
        return typeof value === 'number' ? null : fail();
      case 'array': {
        if (!Array.isArray(value)) return fail();
        for (const [i, item] of value.entries()) {
          const found = check(item, type.items, struct, goPath, `${path}[${i}]`, name);
          if (found) return found;
        }
        return null;
      }
      case 'map': {
        if (!isObject(value)) return fail();
        for (const key of Object.keys(value).sort()) {
          const found = check(value[key], type.values, struct, goPath, `${path}.${key}`, name);
          if (found) return found;
        }
        return null;
      }
      case 'ref': {
        const def = TYPES[type.name];
        if (!def || isScalar(def)) return null;
        if (!isObject(value)) return fail();
        if (!def.fields) return null;
        for (const key of Object.keys(value).sort()) {
          const field = def.fields[key];
          if (!field) continue;
          const found = check(
            value[key],
            field.type,
            type.name,
            goPath ? `${goPath}.${key}` : key,
            path ? `${path}.${key}` : key,
            key,
          );
          if (found) return found;
        }
        return null;
      }
    }
  };
  return check(obj, { kind: 'ref', name: obj.kind }, obj.kind, '', '', '');
}

/** the BadRequest the apiserver returns when the body does not decode into the kind's struct */
export function jsonDecodingError(obj: KubeObject, found = jsonTypeError(obj)): StatusError | null {
  return found ? cannotBeHandled(obj, found.message) : null;
}
