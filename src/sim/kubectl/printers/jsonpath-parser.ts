// client-go's jsonpath template parser: text outside braces is literal; inside, `.field`, `[n]`,
// `[a:b:c]`, `[*]`, `[a,b]`, `['key']`, `..`, `[?(@.x=="y")]`, quoted strings, numbers, booleans
// and the range/end keywords. error messages are upstream's, since kubectl prints them as is.

import { formatRuneU } from './go-fmt.ts';
import { fail, sliceParams, unquote, type JsonPathNode } from './jsonpath-nodes.ts';

export { JsonPathSyntaxError, type JsonPathNode, type SliceParam } from './jsonpath-nodes.ts';

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t';
const isEndOfLine = (ch: string): boolean => ch === '\r' || ch === '\n';
const isTerminator = (ch: string): boolean => ch === '' || isSpace(ch) || isEndOfLine(ch) || '.,[]$@{}'.includes(ch);
const isDigit = (ch: string): boolean => /^\p{Nd}$/u.test(ch);
const isAlphaNumeric = (ch: string): boolean => ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch);

const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

/** the node list inside one `{...}` action, as parseAction returns it */
function parseAction(text: string): JsonPathNode[] {
  const root = parseJsonPath(`{${text}}`);
  const first = root[0];
  return first && first.type === 'list' ? first.nodes : [];
}

/** parses a whole template; the result holds text nodes and one list node per action */
export function parseJsonPath(input: string): JsonPathNode[] {
  const root: JsonPathNode[] = [];
  let pos = 0;
  let start = 0;
  const rest = (): string => input.slice(pos);
  const next = (): string => {
    if (pos >= input.length) return '';
    const ch = String.fromCodePoint(input.codePointAt(pos)!);
    pos += ch.length;
    return ch;
  };
  const peek = (): string => (pos >= input.length ? '' : String.fromCodePoint(input.codePointAt(pos)!));
  const consume = (): string => {
    const value = input.slice(start, pos);
    start = pos;
    return value;
  };

  for (;;) {
    // text up to the next `{`
    const brace = input.indexOf('{', pos);
    pos = brace < 0 ? input.length : brace;
    if (pos > start) root.push({ type: 'text', text: consume() });
    if (brace < 0) return root;
    pos += 1;
    consume();
    const cur: JsonPathNode[] = [];
    root.push({ type: 'list', nodes: cur });
    // inside the action, until the closing `}`
    for (;;) {
      if (rest().startsWith('}')) {
        pos += 1;
        consume();
        break;
      }
      if (rest().startsWith('[?(')) {
        parseFilter();
        continue;
      }
      if (rest().startsWith('..')) {
        if (cur[cur.length - 1]?.type === 'recursive') fail('invalid multiple recursive descent');
        pos += 2;
        consume();
        cur.push({ type: 'recursive' });
        if (isAlphaNumeric(peek())) parseField();
        continue;
      }
      const ch = next();
      if (ch === '' || isEndOfLine(ch)) fail('unclosed action');
      else if (ch === ' ' || ch === '@' || ch === '$') consume();
      else if (ch === '[') parseArray();
      else if (ch === '"' || ch === "'") parseQuote(ch);
      else if (ch === '.') parseField();
      else if (ch === '+' || ch === '-' || isDigit(ch)) {
        pos -= ch.length;
        parseNumber();
      } else if (isAlphaNumeric(ch)) {
        pos -= ch.length;
        parseIdentifier();
      } else fail(`unrecognized character in action: ${formatRuneU(ch)}`);
    }

    function parseField(): void {
      consume();
      for (;;) {
        const ch = next();
        if (ch === '\\') next();
        else if (isTerminator(ch)) {
          pos -= ch.length;
          break;
        }
      }
      const value = consume();
      cur.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replace(/\\/g, '') });
    }

    function parseIdentifier(): void {
      while (!isTerminator(peek())) next();
      const value = consume();
      if (value === 'true' || value === 'false') cur.push({ type: 'bool', value: value === 'true' });
      else cur.push({ type: 'identifier', name: value });
    }

    function parseNumber(): void {
      if (peek() === '+' || peek() === '-') next();
      while (peek() === '.' || isDigit(peek())) next();
      const value = consume();
      if (/^[-+]?\d+$/.test(value)) cur.push({ type: 'int', value: Number(value) });
      else if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ type: 'float', value: Number(value) });
      else fail(`cannot parse number ${value}`);
    }

    function parseQuote(quote: string): void {
      for (;;) {
        const ch = next();
        if (ch === '' || ch === '\n') fail('unterminated quoted string');
        if (ch === quote && input[pos - 2] !== '\\') break;
      }
      cur.push({ type: 'text', text: unquote(consume()) });
    }

    function parseArray(): void {
      for (;;) {
        const ch = next();
        if (ch === '' || ch === '\n') fail('unterminated array');
        if (ch === ']') break;
      }
      let text = consume().slice(1, -1);
      if (text === '*') text = ':';
      const parts = text.split(',');
      if (parts.length > 1) {
        cur.push({ type: 'union', lists: parts.map((p) => parseAction(`[${p.replace(/^ +| +$/g, '')}]`)) });
        return;
      }
      const key = DICT_KEY.exec(text);
      if (key) cur.push(...parseAction(`.${key[1]}`));
      else cur.push({ type: 'array', params: sliceParams(text) });
    }

    function parseFilter(): void {
      pos += 3;
      consume();
      let begin = false;
      let end = false;
      let pair = '';
      for (;;) {
        const ch = next();
        if (ch === '' || ch === '\n') fail('unterminated filter');
        if (ch === '"' || ch === "'") {
          if (!begin) {
            begin = true;
            pair = ch;
          } else if (input[pos - 2] !== '\\' && ch === pair) end = true;
        } else if (ch === ')' && begin === end) break;
      }
      if (next() !== ']') fail('unclosed array expect ]');
      const text = consume().slice(0, -2);
      const match = FILTER.exec(text);
      if (!match) cur.push({ type: 'filter', left: parseAction(text), right: [], operator: 'exists' });
      else cur.push({ type: 'filter', left: parseAction(match[1]!), right: parseAction(match[3]!), operator: match[2]! });
    }
  }
}
