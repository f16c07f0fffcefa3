// `kubectl explain TYPE[.FIELD...] [--recursive] [--api-version=GROUP/VERSION]` for the kinds the
// course covers, printed like kubectl v1.36 does with its OpenAPI v3 plaintext template

import { resolveType } from '../../api/resources.ts';
import { API_RESOURCES, findApiResource } from '../api-resources-data.ts';
import { walk } from './render.ts';
import { EXPLAIN_KINDS, TYPES, type ExplainKind } from './schema.ts';
import { t } from './schema-types.ts';

export interface ExplainOptions {
  recursive: boolean;
  /** `--api-version`: explain the kind as served at this group/version */
  apiVersion?: string | undefined;
}

export type ExplainResult = { ok: true; text: string } | { ok: false; error: string };

const COVERED = EXPLAIN_KINDS.map((k) => k.kind).join(', ');

const notSimulated = (what: string, why: string): ExplainResult => ({
  ok: false,
  error: `kubesim: 'kubectl explain ${what}' is not simulated; ${why}`,
});

/** schema.GroupVersionResource's String(): `apps/v1, Resource=deployments`, `/v1, Resource=pods` */
const gvrString = (group: string, version: string, resource: string): string => `${group}/${version}, Resource=${resource}`;

/**
 * splits `deploy.spec.strategy` into the resource part and the field path. like kubectl, the
 * longest dotted prefix that names a resource wins, so `deployments.apps.spec` works too.
 */
function splitResource(path: string): { typed: string; fields: string[] } | null {
  const parts = path.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const typed = parts.slice(0, n).join('.');
    if (resolveType(typed) || findApiResource(typed)) return { typed, fields: parts.slice(n) };
  }
  return null;
}

/** the server side of --api-version: which group/version the OpenAPI document is fetched for */
function checkApiVersion(kind: ExplainKind, apiVersion: string): ExplainResult | null {
  const pieces = apiVersion.split('/');
  if (pieces.length > 2) return { ok: false, error: `error: unexpected GroupVersion string: ${apiVersion}` };
  const [group, version] = pieces.length === 2 ? [pieces[0] ?? '', pieces[1] ?? ''] : ['', pieces[0] ?? ''];
  if (group === kind.group && version === kind.version) return null;
  const gvr = gvrString(group, version, kind.resource);
  const served = API_RESOURCES.some((res) => res.apiVersion === (group ? `${group}/${version}` : version));
  return served
    ? { ok: false, error: `error: GVR (${gvr}) not found in OpenAPI schema` }
    : { ok: false, error: `error: couldn't find resource for "${gvr}"` };
}

/**
 * explains a resource or one of its fields. `text` is exactly what kubectl writes to stdout,
 * trailing blank lines included; `error` is the line kubectl prints to stderr.
 */
export function explain(path: string, options: ExplainOptions): ExplainResult {
  const split = splitResource(path);
  if (!split) {
    const typed = path.split('.')[0] ?? path;
    return { ok: false, error: `error: the server doesn't have a resource type "${typed}"` };
  }
  const kindName = resolveType(split.typed)?.kind ?? findApiResource(split.typed)?.kind;
  const kind = EXPLAIN_KINDS.find((k) => k.kind === kindName);
  const root = kind ? TYPES[kind.kind] : undefined;
  if (!kind || !root) return notSimulated(split.typed, `the kinds this course covers are: ${COVERED}`);

  if (options.apiVersion !== undefined && options.apiVersion !== '') {
    const problem = checkApiVersion(kind, options.apiVersion);
    if (problem) return problem;
  }

  const result = walk({ description: `${root.description}\n`, type: t.ref(kind.kind) }, split.fields, options.recursive);
  if (result.kind === 'missing') {
    return { ok: false, error: `error: field "${split.fields[split.fields.length - 1] ?? ''}" does not exist` };
  }
  if (result.kind === 'unmodelled') {
    return notSimulated(
      path,
      result.partial
        ? `this course describes only some fields of ${result.typeName}`
        : `this course does not describe the fields of ${result.typeName}`,
    );
  }
  const group = kind.group ? `GROUP:      ${kind.group}\n` : '';
  return { ok: true, text: `${group}KIND:       ${kind.kind}\nVERSION:    ${kind.version}\n\n${result.text}\n` };
}
