// the node tree of a parsed jsonpath template, and the two literal readers the parser needs:
// quoted strings (strconv.UnquoteChar rules, single quotes allowed) and slice parameters.

export interface SliceParam {
  known: boolean;
  value: number;
  derived: boolean;
}

export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: JsonPathNode[]; right: JsonPathNode[]; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; lists: JsonPathNode[][] }
  | { type: 'identifier'; name: string };

export class JsonPathSyntaxError extends Error {}

export const fail = (message: string): never => {
  throw new JsonPathSyntaxError(message);
};

const SLICE = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;

/** strconv.UnquoteChar-style unescaping for "..." and '...' literals */
export function unquote(raw: string): string {
  const quote = raw[0]!;
  const body = raw.slice(1, -1);
  let out = '';
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === quote) fail(`unquote string ${raw} error invalid syntax`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i] ?? '';
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (simple[e] !== undefined) out += simple[e];
    else if (e === quote) out += e;
    else if (hexLen > 0 && /^[0-9a-fA-F]+$/.test(body.slice(i + 1, i + 1 + hexLen)) && body.length >= i + 1 + hexLen) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + hexLen), 16));
      i += hexLen;
    } else if (/^[0-7]{3}$/.test(body.slice(i, i + 3)) && parseInt(body.slice(i, i + 3), 8) <= 0xff) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else fail(`unquote string ${raw} error invalid syntax`);
  }
  return out;
}

export function sliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const match = SLICE.exec(text);
  if (!match) return fail(`invalid array index ${text}`);
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    let value = match[i + 1] ?? '';
    if (value !== '') {
      if (i > 0) value = value.slice(1);
      if (i > 0 && value === '') {
        params.push({ known: false, value: 0, derived: false });
      } else {
        if (!/^[-+]?\d+$/.test(value)) fail(`array index ${value} is not a number`);
        params.push({ known: true, value: Number(value), derived: false });
      }
    } else if (i === 1) {
      // a single index [n] means the slice [n:n+1]
      params.push({ known: true, value: params[0]!.value + 1, derived: true });
    } else {
      params.push({ known: false, value: 0, derived: false });
    }
  }
  return params as [SliceParam, SliceParam, SliceParam];
}
