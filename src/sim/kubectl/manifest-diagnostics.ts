// what `kubectl apply -f` would say about a manifest, placed on the lines it is about: the YAML
// decoder's syntax errors, strict decoding's unknown fields, and the apiserver's defaulting and
// validation (a dry-run create that stores nothing, or the update checks when the object exists).
// the editor shows these as you type; the words are exactly those the terminal would print.

import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { applyDefaults } from '../api/defaults.ts';
import { clone } from '../api/meta.ts';
import { typeForKind } from '../api/resources.ts';
import { invalid, kubectlMessage, type StatusError } from '../api/status-errors.ts';
import type { KubeObject } from '../api/types.ts';
import { validateUpdate } from '../api/validation/index.ts';
import { createDefaultCluster } from '../bootstrap.ts';
import type { Cluster } from '../cluster.ts';
import { Random } from '../random.ts';
import { threeWayMerge } from './apply-merge.ts';
import { collectionKeyNode, parseManifestText, type Manifest } from './manifests.ts';
import { fieldValidation, formatApiError, mapManifest } from './objects.ts';
import { jsonDecodingError, jsonTypeError, strictDecodingError, unknownFields } from './strict-decoding.ts';

export interface ManifestDiagnostic {
  /** 1-based */
  line: number;
  /** 1-based; the start of the key the message is about */
  column?: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface DiagnoseOptions {
  /** the file name kubectl would name in messages (`web.yaml`); `STDIN` by default */
  source?: string;
  /** the namespace objects without their own land in (the kubeconfig's); `default` by default */
  namespace?: string;
}

/** the decoder's settings, so positions line up with what parseManifestText decoded */
const DECODE = { uniqueKeys: true, prettyErrors: false } as const;

interface Located {
  manifest: Manifest;
  doc: Document;
  /** where the object sits in its document: [] or ['items', i] inside a List */
  base: (string | number)[];
}

type Position = Pick<ManifestDiagnostic, 'line' | 'column'>;

let pristine: Cluster | null = null;

/** a fresh default cluster to dry-run against when the caller has none (built once: dry runs store nothing) */
function pristineCluster(): Cluster {
  pristine ??= createDefaultCluster(0);
  return pristine;
}

/** every problem `kubectl apply -f` would report for `text`, in document order; never throws */
export function diagnoseManifest(text: string, cluster?: Cluster, options: DiagnoseOptions = {}): ManifestDiagnostic[] {
  const source = options.source ?? 'STDIN';
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...DECODE, lineCounter });
  const list = Array.isArray(docs) ? docs : [docs];
  const decoded = parseManifestText(text, source);
  if (!decoded.ok) return [decodingDiagnostic(decoded.error, list, lineCounter)];
  const located = locateManifests(decoded.manifests, list);
  const target = cluster ?? pristineCluster();
  const out: ManifestDiagnostic[] = [];
  for (const item of located) {
    const at = (path: string) => fieldPosition(item, path, lineCounter);
    out.push(...diagnoseObject(item.manifest, target, options.namespace ?? 'default', source, at));
  }
  return out;
}

/** parseManifestText failed: a syntax error names its line; a shape error is the first bad document's */
function decodingDiagnostic(error: string, docs: Document[], lineCounter: LineCounter): ManifestDiagnostic {
  const syntaxLine = /yaml: line (\d+): /.exec(error);
  if (syntaxLine) return { line: Number(syntaxLine[1]), severity: 'error', message: error };
  // go-yaml names no line for a key it cannot use: the key's own is the place to fix
  const keyNode = error.includes('yaml: invalid map key: ') ? docs.map(collectionKeyNode).find((n) => n !== null) : null;
  if (keyNode) return { ...positionOf(keyNode.range?.[0] ?? 0, lineCounter), severity: 'error', message: error };
  const bad = docs.find((doc) => {
    const value = toJS(doc);
    if (value === null || value === undefined) return false;
    if (typeof value !== 'object' || Array.isArray(value)) return true;
    const obj = value as Record<string, unknown>;
    return !(obj['kind'] === 'List' && Array.isArray(obj['items'])) && !(obj['apiVersion'] && obj['kind']);
  });
  const offset = bad ? (bad.contents?.range?.[0] ?? bad.range?.[0] ?? 0) : 0;
  return { ...positionOf(offset, lineCounter), severity: 'error', message: error };
}

function toJS(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** pairs each decoded object with its document, as parseManifestText walked them */
function locateManifests(manifests: Manifest[], docs: Document[]): Located[] {
  const out: Located[] = [];
  for (const doc of docs) {
    const value = toJS(doc) as Record<string, unknown> | null | undefined;
    if (value === null || value === undefined) continue;
    if (value['kind'] === 'List' && Array.isArray(value['items'])) {
      value['items'].forEach((_, i) => out.push({ manifest: manifests[out.length]!, doc, base: ['items', i] }));
    } else {
      out.push({ manifest: manifests[out.length]!, doc, base: [] });
    }
  }
  return out.filter((l) => l.manifest !== undefined);
}

function diagnoseObject(
  manifest: Manifest,
  cluster: Cluster,
  namespace: string,
  source: string,
  at: (path: string) => Position,
): ManifestDiagnostic[] {
  const out: ManifestDiagnostic[] = [];
  const warnings: string[] = [];
  const env = { namespace, namespaceGiven: false, out: { stdout: () => {}, stderr: (t: string) => warnings.push(t) } };
  const mapped = mapManifest(env, manifest);
  for (const warning of warnings) out.push({ ...at('kind'), severity: 'warning', message: warning.trimEnd() });
  if (!mapped.ok) {
    // a kind the cluster serves under another version: the version is what to fix
    const onVersion = typeForKind(manifest.object.kind) !== undefined;
    out.push({ ...at(onVersion ? 'apiVersion' : 'kind'), severity: 'error', message: mapped.error.trimEnd() });
    return out;
  }
  const { type, object } = mapped;
  const name = object.metadata.name ?? '';
  const current = name ? cluster.api.get(type.kind, mapped.namespace, name) : undefined;
  const verb = current ? 'patching' : 'creating';
  const wrongType = current ? null : jsonTypeError(object);
  if (wrongType) {
    const error = jsonDecodingError(object, wrongType)!;
    out.push({ ...at(wrongType.path), severity: 'error', message: formatApiError(error, { verb, source }).trimEnd() });
    return out;
  }
  // the body decodes (checked just above, when creating): what is left is strict field validation
  if (fieldValidation(object, undefined, false).error) {
    for (const path of unknownFields(object)) {
      const error = strictDecodingError(object, [path])!;
      out.push({ ...at(path), severity: 'error', message: formatApiError(error, { verb, source }).trimEnd() });
    }
    return out;
  }
  const error = current ? updateError(current, object) : createError(cluster, object, mapped.namespace);
  if (error) out.push(...statusDiagnostics(error, verb, source, at));
  return out;
}

/** the apiserver's create, as a dry run: defaulting, admission's checks and validation, nothing stored */
function createError(cluster: Cluster, object: KubeObject, namespace: string | undefined): StatusError | null {
  // a private generator, so checking a manifest never shifts the cluster's own random choices
  const result = cluster.api.create(object, namespace, { dryRun: true, random: new Random(0) });
  return result.ok ? null : result.error;
}

/** apply over an existing object: the merged object, defaulted and checked as the apiserver's update does */
function updateError(current: KubeObject, object: KubeObject): StatusError | null {
  const merged = clone(threeWayMerge(current, object));
  applyDefaults(merged);
  const errors = validateUpdate(merged, current);
  return errors.length > 0 ? invalid(merged.kind, merged.metadata.name ?? '', errors) : null;
}

/** one diagnostic per cause of an Invalid error, on its field's line; any other error once */
function statusDiagnostics(
  error: StatusError,
  verb: string,
  source: string,
  at: (path: string) => Position,
): ManifestDiagnostic[] {
  const causes = error.reason === 'Invalid' ? (error.details?.causes ?? []) : [];
  if (causes.length === 0) {
    const path = error.reason === 'NotFound' && error.details?.kind === 'namespaces' ? 'metadata.namespace' : 'metadata.name';
    return [{ ...at(path), severity: 'error', message: formatApiError(error, { verb, source }).trimEnd() }];
  }
  const seen = new Set<string>();
  const out: ManifestDiagnostic[] = [];
  for (const cause of causes) {
    const key = `${cause.field}: ${cause.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const one = { ...error, details: { ...error.details, causes: [cause] } };
    out.push({ ...at(cause.field || 'metadata.name'), severity: 'error', message: kubectlMessage(one) });
  }
  return out;
}

/** `spec.containers[0].image` → ['spec', 'containers', 0, 'image']; `[key]` stays a string */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

/** the line and column of the deepest key of `path` the document has (a missing field: its parent) */
function fieldPosition(item: Located, path: string, lineCounter: LineCounter): Position {
  const segments = [...item.base, ...splitFieldPath(path)];
  let node: unknown = item.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? item.doc.range?.[0] ?? 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (isSeq(node) && typeof seg === 'number') {
      const child = node.items[seg] as Node | undefined;
      if (!child?.range) break;
      offset = child.range[0];
      node = child;
      continue;
    }
    if (!isMap(node)) break;
    // a label key may hold dots (app.kubernetes.io/name): try the longest run of segments first
    const found = findKey(node.items, segments, i);
    if (!found) break;
    const keyRange = (found.pair.key as Node | null)?.range;
    if (keyRange) offset = keyRange[0];
    node = found.pair.value;
    i += found.used - 1;
  }
  return positionOf(offset, lineCounter);
}

interface PairLike {
  key: unknown;
  value: unknown;
}

function findKey(pairs: PairLike[], segments: (string | number)[], start: number): { pair: PairLike; used: number } | null {
  const keyText = (pair: PairLike) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
  for (let end = segments.length; end > start; end--) {
    const name = segments.slice(start, end).join('.');
    const pair = pairs.find((p) => keyText(p) === name) ?? pairs.find((p) => keyText(p).toLowerCase() === name.toLowerCase());
    if (pair) return { pair, used: end - start };
  }
  return null;
}

function positionOf(offset: number, lineCounter: LineCounter): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
