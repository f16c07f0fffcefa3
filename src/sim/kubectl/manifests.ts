// reading manifests for apply/create/delete -f: files, directories, stdin; YAML streams
// with `---`, JSON, and `kind: List`. errors read as kubectl's do, with go-yaml's wording.

import { isMap, isSeq, LineCounter, parseAllDocuments, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { KubeObject } from '../api/types.ts';
import type { VirtualFs } from '../shell/vfs.ts';

export interface Manifest {
  object: KubeObject;
  /** the file it came from (`STDIN` for -f -), as kubectl names it in messages */
  source: string;
}

export type ManifestResult = { ok: true; manifests: Manifest[] } | { ok: false; error: string };

/** go-yaml's wording for the syntax errors learners make most */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'MISSING_CHAR':
      return message.includes('"') ? 'found unexpected end of stream' : "could not find expected ':'";
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'did not find expected key';
    case 'DUPLICATE_KEY':
      return 'mapping key already defined';
    case 'UNEXPECTED_TOKEN':
      return 'did not find expected node content';
    default:
      return 'did not find expected key';
  }
}

/** parses one file's text into objects; `source` names it in errors */
export function parseManifestText(text: string, source: string): ManifestResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const manifests: Manifest[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    // a line indented deeper than its key continues the value above, until a colon: go-yaml's
    // scanner stops at that colon, on its own line
    const continued = doc.errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
    const error = continued ?? doc.errors[0];
    if (error) {
      const line = lineCounter.linePos(continued ? error.pos[1] : error.pos[0]).line;
      const what =
        error.code === 'DUPLICATE_KEY'
          ? `mapping key "${keyAt(text, error.pos[0])}" already defined`
          : goYamlMessage(error.code, error.message);
      return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${what}` };
    }
    const badKey = collectionKeyNode(doc);
    if (badKey !== null) {
      return {
        ok: false,
        error: `error: error parsing ${source}: error converting YAML to JSON: yaml: invalid map key: ${goSyntax(badKey.toJSON())}`,
      };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      // the yaml library refuses alias bombs, as go-yaml does
      return {
        ok: false,
        error: `error: error parsing ${source}: error converting YAML to JSON: yaml: document contains excessive aliasing`,
      };
    }
    if (value === null || value === undefined) continue;
    const list = listItems(value);
    // the items of a `kind: List` are checked as documents of their own
    for (const item of list ?? [value]) {
      if (list && (item === null || item === undefined)) continue;
      const checked = checkedObject(item, source);
      if (typeof checked === 'string') return { ok: false, error: checked };
      manifests.push({ object: checked, source });
    }
  }
  return { ok: true, manifests };
}

/**
 * the first mapping key that is itself a mapping or a sequence (`{{x}}: 1`, `? [a]`), or null:
 * go-yaml cannot use one as a Go map key and stops
 */
export function collectionKeyNode(doc: Document): YAMLMap | YAMLSeq | null {
  let found: YAMLMap | YAMLSeq | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (!isMap(pair.key) && !isSeq(pair.key)) return undefined;
      found = pair.key;
      return visit.BREAK;
    },
  });
  return found;
}

/** Go's %#v of what go-yaml decodes into an interface{} */
function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[interface {}]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${goSyntax(v)}`).join(', ')}}`;
}

/** the items of a `kind: List` document, or null for any other document */
function listItems(value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const obj = value as Record<string, unknown>;
  return obj['kind'] === 'List' && Array.isArray(obj['items']) ? (obj['items'] as unknown[]) : null;
}

/** a decoded document as an object kubectl can send, or kubectl's validation error */
function checkedObject(value: unknown, source: string): KubeObject | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`;
  }
  const obj = value as Record<string, unknown>;
  const missing = !obj['apiVersion'] ? 'apiVersion' : !obj['kind'] ? 'kind' : null;
  if (missing) {
    return `error: error validating "${source}": error validating data: ${missing} not set; if you choose to ignore these errors, turn validation off with --validate=false`;
  }
  if (!obj['metadata'] || typeof obj['metadata'] !== 'object') obj['metadata'] = {};
  return obj as unknown as KubeObject;
}

function keyAt(text: string, pos: number): string {
  return /^\s*([^:\n]+)/.exec(text.slice(pos))?.[1]?.trim() ?? '';
}

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/;

/** reads every -f argument: `-` is stdin, a directory means its .yaml/.yml/.json files */
export function readManifests(paths: string[], fs: VirtualFs, stdin: string, recursive = false): ManifestResult {
  const manifests: Manifest[] = [];
  for (const path of paths) {
    if (path === '-') {
      const result = parseManifestText(stdin, 'STDIN');
      if (!result.ok) return result;
      manifests.push(...result.manifests);
      continue;
    }
    if (/^https?:\/\//.test(path)) {
      return {
        ok: false,
        error: `error: unable to read URL "${path}": kubesim: reading manifests from URLs is not simulated (this workspace is offline)`,
      };
    }
    const stat = fs.stat(path);
    if (!stat) return { ok: false, error: `error: the path "${path}" does not exist` };
    const files = stat.kind === 'file' ? [path] : listDir(fs, path, recursive);
    for (const file of files) {
      const text = fs.readFile(file);
      if (typeof text !== 'string') return { ok: false, error: `error: the path "${file}" does not exist` };
      const result = parseManifestText(text, file);
      if (!result.ok) return result;
      manifests.push(...result.manifests);
    }
  }
  return { ok: true, manifests };
}

function listDir(fs: VirtualFs, dir: string, recursive: boolean): string[] {
  const names = fs.list(dir);
  if (!Array.isArray(names)) return [];
  const out: string[] = [];
  for (const name of names) {
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    const stat = fs.stat(path);
    if (stat?.kind === 'dir') {
      if (recursive) out.push(...listDir(fs, path, true));
    } else if (MANIFEST_EXTENSIONS.test(name)) out.push(path);
  }
  return out;
}
