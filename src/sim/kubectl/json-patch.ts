// the two patch formats kubectl and the apiserver take from evanphx/json-patch (v4): RFC 6902 JSON
// patches (add, remove, replace, move, copy, test on JSON pointers) and RFC 7386 merge patches,
// with that library's quirks and error texts. also what Go prints for JSON values: encoding/json's
// syntax errors and fmt's %v, which the apiserver's patch errors are made of.

import { CONTROL_ESCAPES } from '../api/go-quote.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** an error with the library's message; the apiserver decides how to report it */
export class PatchError extends Error {}

/** pkg/errors' Wrapf: `message: cause` */
const wrap = (message: string, cause: string) => new PatchError(`${message}: ${cause}`);
const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

// ---- Go's encoding/json syntax errors ----

const RUNE_ESCAPES: Record<string, string> = { ...CONTROL_ESCAPES, '\\': '\\\\' };

/** encoding/json's quoteChar: the offending byte in single quotes, escaped as strconv.Quote would */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const code = c.charCodeAt(0);
  if (RUNE_ESCAPES[c]) return `'${RUNE_ESCAPES[c]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  if (code >= 0x80 && code < 0xa0) return `'\\u${code.toString(16).padStart(4, '0')}'`;
  return `'${c}'`;
}

/**
 * the error Go's json.Unmarshal gives for text that is not JSON (its scanner's wording), or null
 * when the text is well formed. non-ASCII input is looked at byte by byte, as Go does.
 */
export function goJsonSyntaxError(text: string): string | null {
  const bytes = new TextEncoder().encode(text);
  let i = 0;
  const EOF = 'unexpected end of JSON input';
  class Stop {
    constructor(readonly message: string) {}
  }
  const ch = () => String.fromCharCode(bytes[i]!);
  const fail = (context: string): never => {
    throw new Stop(`invalid character ${quoteChar(ch())} ${context}`);
  };
  const eof = (): never => {
    throw new Stop(EOF);
  };
  const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  const skip = () => {
    while (i < bytes.length && isSpace(bytes[i]!)) i++;
  };
  const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
  const isHex = (b: number) => isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46);

  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= bytes.length) eof();
      if (ch() !== word[k]) fail(`in literal ${word} (expecting '${word[k]}')`);
    }
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= bytes.length) eof();
      const b = bytes[i]!;
      if (b === 0x22) {
        i++;
        return;
      }
      if (b === 0x5c) {
        i++;
        if (i >= bytes.length) eof();
        const e = ch();
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= bytes.length) eof();
            if (!isHex(bytes[i]!)) fail('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) fail('in string escape code');
        i++;
        continue;
      }
      if (b < 0x20) fail('in string literal');
      i++;
    }
  };
  // a number ends at the first byte that cannot continue it; the caller judges that byte
  const number = () => {
    if (bytes[i] === 0x2d) {
      i++;
      if (i >= bytes.length) eof();
      if (!isDigit(bytes[i])) fail('in numeric literal');
    }
    if (bytes[i] === 0x30) i++;
    else while (isDigit(bytes[i])) i++;
    if (bytes[i] === 0x2e) {
      i++;
      if (i >= bytes.length) eof();
      if (!isDigit(bytes[i])) fail('after decimal point in numeric literal');
      while (isDigit(bytes[i])) i++;
    }
    if (bytes[i] === 0x65 || bytes[i] === 0x45) {
      i++;
      if (i >= bytes.length) eof();
      if (bytes[i] === 0x2b || bytes[i] === 0x2d) {
        i++;
        if (i >= bytes.length) eof();
      }
      if (!isDigit(bytes[i])) fail('in exponent of numeric literal');
      while (isDigit(bytes[i])) i++;
    }
  };
  const value = (context = 'looking for beginning of value'): void => {
    skip();
    if (i >= bytes.length) eof();
    const c = ch();
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || isDigit(bytes[i])) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail(context);
  };
  const object = () => {
    i++;
    skip();
    if (i >= bytes.length) eof();
    if (ch() === '}') {
      i++;
      return;
    }
    for (;;) {
      if (ch() !== '"') fail('looking for beginning of object key string');
      string();
      skip();
      if (i >= bytes.length) eof();
      if (ch() !== ':') fail('after object key');
      i++;
      value();
      skip();
      if (i >= bytes.length) eof();
      if (ch() === '}') {
        i++;
        return;
      }
      if (ch() !== ',') fail('after object key:value pair');
      i++;
      skip();
      if (i >= bytes.length) eof();
    }
  };
  const array = () => {
    i++;
    skip();
    if (i >= bytes.length) eof();
    if (ch() === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skip();
      if (i >= bytes.length) eof();
      if (ch() === ']') {
        i++;
        return;
      }
      if (ch() !== ',') fail('after array element');
      i++;
    }
  };
  try {
    value();
    skip();
    if (i < bytes.length) fail('after top-level value');
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.message;
    throw e;
  }
}

/** the name encoding/json gives a JSON value's kind in `cannot unmarshal X into ...` */
export function jsonKindName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return 'string';
}

/** a float as Go's %v prints it (strconv 'g' with the shortest representation) */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [mantissa, e] = n.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(n);
}

/** fmt's %v of a value decoded from JSON into interface{} (maps print with sorted keys) */
export function goSprint(value: Json | undefined): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? String(value) : goFloat(value);
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  const keys = Object.keys(value).sort();
  return `map[${keys.map((k) => `${k}:${goSprint(value[k])}`).join(' ')}]`;
}

/** the reflect.Kind a decoded JSON value has in Go (ints are kept as int64 by the apiserver's decoder) */
export function goKindOf(value: Json): string {
  if (value === null) return 'invalid';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'object') return 'map';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  return 'string';
}

// ---- RFC 7386 merge patch ----

/** pruneNulls: drops null members of objects (and null items of arrays) all the way down */
function pruneNulls(value: Json): Json {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(pruneNulls);
  if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null) delete value[k];
      else value[k] = pruneNulls(v);
    }
  }
  return value;
}

function mergeValue(current: Json, patch: Json): Json {
  if (!isJsonObject(current)) return pruneNulls(patch);
  if (!isJsonObject(patch)) return patch;
  mergeDocs(current, patch);
  return current;
}

function mergeDocs(doc: JsonObject, patch: JsonObject): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete doc[k];
    else if (!Object.hasOwn(doc, k)) setMember(doc, k, pruneNulls(v));
    else setMember(doc, k, mergeValue(doc[k]!, v));
  }
}

export const ERR_BAD_JSON_PATCH = 'Invalid JSON Patch';

/**
 * jsonpatch.MergePatch over an object document. a patch that is not an object replaces the
 * document (arrays) or is refused (null and scalars), as the library does
 */
export function mergePatch(doc: JsonObject, patch: Json): Json {
  if (patch === null || typeof patch !== 'object') throw new PatchError(ERR_BAD_JSON_PATCH);
  if (Array.isArray(patch)) return pruneNulls(structuredClone(patch));
  const out = structuredClone(doc);
  mergeDocs(out, structuredClone(patch));
  return out;
}

// ---- RFC 6902 JSON patch ----

/** jsonpatch.DecodePatch: a list of operation objects (a null operation is kept and fails later) */
export function decodeJsonPatch(patch: Json): { ok: true; ops: (JsonObject | null)[] } | { ok: false; error: string } {
  if (patch === null) return { ok: true, ops: [] };
  if (!Array.isArray(patch))
    return { ok: false, error: `json: cannot unmarshal ${jsonKindName(patch)} into Go value of type jsonpatch.Patch` };
  for (const op of patch) {
    if (op !== null && !isJsonObject(op))
      return { ok: false, error: `json: cannot unmarshal ${jsonKindName(op)} into Go value of type jsonpatch.Operation` };
  }
  return { ok: true, ops: patch as (JsonObject | null)[] };
}

type Container = { kind: 'doc'; value: JsonObject } | { kind: 'ary'; value: Json[] };

function decodeKey(key: string): string {
  return key.replace(/~1|~0/g, (m) => (m === '~1' ? '/' : '~'));
}

/** strconv.Atoi, with its error text */
function atoi(key: string): number | string {
  if (!/^[+-]?\d+$/.test(key)) return `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
  const n = Number(key);
  if (!Number.isSafeInteger(n)) return `strconv.Atoi: parsing ${JSON.stringify(key)}: value out of range`;
  return n;
}

function containerOf(value: Json | undefined): Container | null {
  if (Array.isArray(value)) return { kind: 'ary', value };
  if (isJsonObject(value)) return { kind: 'doc', value };
  return null;
}

/** sets an object member, even one named like an Object.prototype property */
export function setMember(obj: JsonObject, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** an object's own member (undefined when missing) */
export function memberOf(obj: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

type Got = { ok: true; value: Json | undefined } | { ok: false; error: string };

/** get: an object's member (undefined when missing, which is no error) or an array's item */
function get(con: Container, key: string): Got {
  if (con.kind === 'doc') return { ok: true, value: memberOf(con.value, key) };
  const idx = atoi(key);
  if (typeof idx === 'string') return { ok: false, error: idx };
  if (idx >= con.value.length || idx < 0) return { ok: false, error: `Unable to access invalid index: ${idx}: ${INVALID_INDEX}` };
  return { ok: true, value: con.value[idx] };
}

/** findObject: the container holding the last token of `path`, or null when the way there is missing */
function findObject(root: Container, path: string): { con: Container; key: string } | null {
  const split = path.split('/');
  if (split.length < 2) return null;
  let doc: Container = root;
  for (const part of split.slice(1, -1)) {
    const got = get(doc, decodeKey(part));
    if (!got.ok || got.value === undefined || got.value === null) return null;
    const next = containerOf(got.value);
    if (!next) return null;
    doc = next;
  }
  return { con: doc, key: decodeKey(split[split.length - 1]!) };
}

function add(con: Container, key: string, value: Json): string | null {
  if (con.kind === 'doc') {
    setMember(con.value, key, value);
    return null;
  }
  if (key === '-') {
    con.value.push(value);
    return null;
  }
  const parsed = atoi(key);
  if (typeof parsed === 'string') return `value was not a proper array index: '${key}': ${parsed}`;
  let idx = parsed;
  const size = con.value.length + 1;
  if (idx >= size || idx < -size) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
  if (idx < 0) idx += size;
  con.value.splice(idx, 0, value);
  return null;
}

function remove(con: Container, key: string): string | null {
  if (con.kind === 'doc') {
    if (!Object.hasOwn(con.value, key)) return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete con.value[key];
    return null;
  }
  const parsed = atoi(key);
  if (typeof parsed === 'string') return parsed;
  let idx = parsed;
  const size = con.value.length;
  if (idx >= size || idx < -size) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
  if (idx < 0) idx += size;
  con.value.splice(idx, 1);
  return null;
}

function set(con: Container, key: string, value: Json): string | null {
  if (con.kind === 'doc') {
    setMember(con.value, key, value);
    return null;
  }
  const parsed = atoi(key);
  if (typeof parsed === 'string') return parsed;
  con.value[parsed] = value;
  return null;
}

/** a string member of an operation: the value, `missing`, or Go's error for a non-string */
function member(op: JsonObject, name: string): string | { missing: true } | { error: string } {
  const v = op[name];
  if (v === undefined || v === null) return { missing: true };
  if (typeof v !== 'string') return { error: `json: cannot unmarshal ${jsonKindName(v)} into Go value of type string` };
  return v;
}

/** deep equality of JSON values, objects compared by their members */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

function applyOp(root: Container, op: JsonObject | null): void {
  const kind = op && typeof op['op'] === 'string' ? op['op'] : 'unknown';
  if (!op) throw new PatchError(`Unexpected kind: ${kind}`);
  const value = (): Json => structuredClone(op['value'] ?? null);
  const path = (what: string, missingOnly: boolean): string => {
    const p = member(op, 'path');
    if (typeof p === 'string') return p;
    if (missingOnly) throw wrap(`${what} operation failed to decode path`, MISSING);
    throw wrap(`${what} operation failed to decode path`, 'missing' in p ? `operation missing path field: ${MISSING}` : p.error);
  };
  const from = (what: string): string => {
    const f = member(op, 'from');
    if (typeof f === 'string') return f;
    throw wrap(`${what} operation failed to decode from`, 'missing' in f ? `operation, missing from field: ${MISSING}` : f.error);
  };
  switch (kind) {
    case 'add': {
      const p = path('add', true);
      const found = findObject(root, p);
      if (!found) throw wrap(`add operation does not apply: doc is missing path: "${p}"`, MISSING);
      const err = add(found.con, found.key, value());
      if (err) throw wrap(`error in add for path: '${p}'`, err);
      return;
    }
    case 'remove': {
      const p = path('remove', true);
      const found = findObject(root, p);
      if (!found) throw wrap(`remove operation does not apply: doc is missing path: "${p}"`, MISSING);
      const err = remove(found.con, found.key);
      if (err) throw wrap(`error in remove for path: '${p}'`, err);
      return;
    }
    case 'replace': {
      const p = path('replace', false);
      const found = findObject(root, p);
      if (!found) throw wrap(`replace operation does not apply: doc is missing path: ${p}`, MISSING);
      // a missing member of an object is no error in v4: replace then adds it
      if (!get(found.con, found.key).ok) throw wrap(`replace operation does not apply: doc is missing key: ${p}`, MISSING);
      const err = set(found.con, found.key, value());
      if (err) throw wrap(`error in remove for path: '${p}'`, err);
      return;
    }
    case 'move': {
      const f = from('move');
      const source = findObject(root, f);
      if (!source) throw wrap(`move operation does not apply: doc is missing from path: ${f}`, MISSING);
      const got = get(source.con, source.key);
      if (!got.ok) throw wrap(`error in move for path: '${source.key}'`, got.error);
      const removed = remove(source.con, source.key);
      if (removed) throw wrap(`error in move for path: '${source.key}'`, removed);
      const p = path('move', false);
      const target = findObject(root, p);
      if (!target) throw wrap(`move operation does not apply: doc is missing destination path: ${p}`, MISSING);
      const err = add(target.con, target.key, got.value ?? null);
      if (err) throw wrap(`error in move for path: '${p}'`, err);
      return;
    }
    case 'test': {
      const p = path('test', false);
      const found = findObject(root, p);
      if (!found) throw wrap(`test operation does not apply: is missing path: ${p}`, MISSING);
      const got = get(found.con, found.key);
      if (!got.ok) throw wrap(`error in test for path: '${p}'`, got.error);
      const have = got.value ?? null;
      const want = op['value'] ?? null;
      if (have === null ? want === null : want !== null && jsonEqual(have, want)) return;
      throw wrap(`testing value ${p} failed`, 'test failed');
    }
    case 'copy': {
      const f = from('copy');
      const source = findObject(root, f);
      if (!source) throw wrap(`copy operation does not apply: doc is missing from path: ${f}`, MISSING);
      const got = get(source.con, source.key);
      if (!got.ok) throw wrap(`error in copy for from: '${f}'`, got.error);
      const p = path('copy', true);
      const target = findObject(root, p);
      if (!target) throw wrap(`copy operation does not apply: doc is missing destination path: ${p}`, MISSING);
      const err = add(target.con, target.key, structuredClone(got.value ?? null));
      if (err) throw wrap('error while adding value during copy', err);
      return;
    }
    default:
      throw new PatchError(`Unexpected kind: ${kind}`);
  }
}

/** Patch.Apply: every operation in turn on a copy of `doc`; the first failure throws a PatchError */
export function applyJsonPatch(doc: JsonObject, ops: (JsonObject | null)[]): JsonObject {
  const out = structuredClone(doc);
  const root: Container = { kind: 'doc', value: out };
  for (const op of ops) applyOp(root, op);
  return out;
}
