// awk as the learner's machine has it (mawk 1.3.4, Debian's and Ubuntu's default), for what
// kubectl output needs: patterns and ranges, BEGIN and END, fields and NR/NF/FNR/FS/OFS/ORS,
// print and printf (also into files with > and >>), if/else, while, for and for-in, next and
// exit, arrays and delete, the string and number built-ins, regex matching, -F and -v. user
// functions, getline and pipes to commands are not simulated, and say so.
import type { CommandContext, ShellCommand } from '../command.ts';
import { describeFsError } from '../vfs.ts';
import { compilePatterns } from './grep-pattern.ts';
import { conversionSpec, floating, integer, pad } from './printf.ts';

class AwkError extends Error {}
/** a file print could not write: mawk says so without a line or run-time header */
class OutputError extends Error {}
class NotSimulated extends Error {}
class Next {}
class Exit {
  constructor(readonly code: number) {}
}

// ---- values: numbers, strings, and the "strnum" a field is when it looks like a number

class StrNum {
  constructor(readonly text: string) {}
}
type Value = number | string | StrNum;

const NUMERIC = /^[ \t\n]*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)[ \t\n]*$/;

function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  const text = v instanceof StrNum ? v.text : v;
  const m = /^[ \t\n]*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(text);
  return m ? Number(m[0]) : 0;
}

/** a number as awk prints it: integers plainly, others through CONVFMT/OFMT (%.6g) */
function numberText(n: number): string {
  // mawk prints an integral value plainly only while it fits a C int
  if (Number.isInteger(n) && n >= -2147483647 && n <= 2147483647) return String(n);
  // glibc prints the NaN that 0/0, log(-1) or x%0 give on x86 with its sign bit set
  if (Number.isNaN(n)) return '-nan';
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf';
  return floating(n, { flags: '', width: null, precision: 6, conversion: 'g' });
}

function toText(v: Value): string {
  if (typeof v === 'number') return numberText(v);
  return v instanceof StrNum ? v.text : v;
}

function truthy(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v instanceof StrNum) return NUMERIC.test(v.text) ? toNumber(v) !== 0 : v.text !== '';
  return v !== '';
}

function isNumeric(v: Value): boolean {
  return typeof v === 'number' || (v instanceof StrNum && NUMERIC.test(v.text));
}

function compare(a: Value, b: Value): number {
  if (isNumeric(a) && isNumeric(b)) return toNumber(a) - toNumber(b);
  const x = toText(a);
  const y = toText(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---- lexer

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 're'; v: string }
  | { t: 'name'; v: string }
  | { t: 'func'; v: string }
  | { t: 'kw'; v: string }
  | { t: 'op'; v: string }
  | { t: 'nl' }
  | { t: 'eof' };

/** a token and the program line it is on */
type Located = Token & { line: number };

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'if',
  'else',
  'while',
  'for',
  'do',
  'in',
  'next',
  'exit',
  'print',
  'printf',
  'delete',
  'getline',
  'function',
  'return',
  'break',
  'continue',
]);
const FUNCS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);
const OPS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '++',
  '--',
  '!~',
  '>>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '=',
  ',',
  ';',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '$',
];

function lex(source: string): Located[] {
  // mawk reads the program as if it ended in a newline
  const src = source + '\n';
  let line = 1;
  const out: Located[] = [];
  const push = (token: Token) => out.push({ ...token, line } as Located);
  let i = 0;
  // a `/` starts a regex unless it follows something that ends an operand
  const regexAllowed = () => {
    const last = out.at(-1);
    if (!last) return true;
    if (last.t === 'num' || last.t === 'str' || last.t === 'name' || last.t === 're') return false;
    if (last.t === 'func') return false;
    if (last.t === 'op' && (last.v === ')' || last.v === ']' || last.v === '$' || last.v === '++' || last.v === '--'))
      return false;
    return true;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
    } else if (c === '\n') {
      push({ t: 'nl' });
      i++;
      line++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|\d*\.?\d*(?:[eE][+-]?\d+)?)/.exec(src.slice(i))!;
      push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_]\w*/.exec(src.slice(i))!;
      const word = m[0];
      i += word.length;
      if (KEYWORDS.has(word)) push({ t: 'kw', v: word });
      else if (FUNCS.has(word)) push({ t: 'func', v: word });
      else push({ t: 'name', v: word });
    } else if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n')
          throw new AwkError(`line ${line}: runaway string constant "${s.slice(0, 10)} ...`);
        const ch = src[i]!;
        if (ch === '"') {
          i++;
          break;
        }
        if (ch === '\\' && i + 1 < src.length) {
          const n = src[i + 1]!;
          const map: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '\\': '\\',
            '"': '"',
            '/': '/',
            a: '\x07',
            b: '\b',
            f: '\f',
            v: '\v',
          };
          if (n in map) s += map[n];
          else if (/[0-7]/.test(n)) {
            const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1))![0];
            s += String.fromCharCode(parseInt(oct, 8));
            i += oct.length - 1;
          } else s += '\\' + n;
          i += 2;
          continue;
        }
        s += ch;
        i++;
      }
      push({ t: 'str', v: s });
    } else if (c === '/' && regexAllowed()) {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n')
          throw new AwkError(`line ${line}: runaway regular expression /${s.slice(0, 10)} ...`);
        const ch = src[i]!;
        if (ch === '/') {
          i++;
          break;
        }
        if (ch === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
          continue;
        }
        if (ch === '\\' && i + 1 < src.length) {
          s += ch + src[i + 1];
          i += 2;
          continue;
        }
        if (ch === '[') {
          // a `/` inside a bracket expression does not end the regex
          const m = /^\[\^?\]?[^\]\n]*\]?/.exec(src.slice(i))![0];
          s += m;
          i += m.length;
          continue;
        }
        s += ch;
        i++;
      }
      push({ t: 're', v: s });
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkError(`line ${line}: syntax error at or near ${c}`);
      push({ t: 'op', v: op });
      i += op.length;
    }
  }
  push({ t: 'eof' });
  return out;
}

// ---- syntax tree

type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; re: RegExp }
  | { k: 'var'; name: string }
  | { k: 'field'; index: Expr }
  | { k: 'elem'; name: string; key: Expr[] }
  | { k: 'in'; key: Expr[]; name: string }
  | { k: 'assign'; op: string; target: Expr; value: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'match'; negate: boolean; a: Expr; re: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'neg'; a: Expr; plus: boolean }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'group'; a: Expr };

/** `print … > file` truncates the file the first time the program writes it; `>>` appends */
interface Redirect {
  append: boolean;
  file: Expr;
}

type Stmt =
  | { k: 'print'; args: Expr[]; to: Redirect | null }
  | { k: 'printf'; args: Expr[]; to: Redirect | null }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; test: Expr; yes: Stmt; no: Stmt | null }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init: Expr | null; test: Expr | null; step: Expr | null; body: Stmt }
  | { k: 'forin'; variable: string; array: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; code: Expr | null }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; key: Expr[] | null };

interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern: Expr | null;
  /** the end pattern of a range `p1, p2` */
  until: Expr | null;
  action: Stmt[] | null;
  inRange: boolean;
}

/** a quantifier with nothing before it (at the start, after `|` or `(`), outside brackets */
function missingOperand(source: string): boolean {
  let previous = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      previous = 'x';
      continue;
    }
    if (c === '[') {
      // skip a bracket expression: a `]` first (after an optional `^`) is one of its characters
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j++;
      i = j;
      previous = 'x';
      continue;
    }
    if ('*+?'.includes(c) && (previous === '' || previous === '|' || previous === '(')) return true;
    previous = c;
  }
  return false;
}

/**
 * an ERE as mawk compiles it; `line` for a regex written in the program, none for one made at
 * run time (mawk words the two failures differently)
 */
function regex(source: string, line?: number): RegExp {
  const compiled = compilePatterns([source], { mode: 'extended', ignoreCase: false, word: false, line: false });
  // GNU's ERE drops a leading `*`; mawk refuses it. glibc's unmatched-paren message is mawk's missing ')'
  const problem = missingOperand(source)
    ? 'missing operand'
    : 'error' in compiled
      ? compiled.error === 'Unmatched ( or \\('
        ? "missing ')'"
        : compiled.error
      : null;
  if (problem === null) return compiled as RegExp;
  const message = `regular expression compile failed (${problem})\n${source}`;
  throw new AwkError(line === undefined ? message : `line ${line}: ${message}`);
}

/** how many arguments mawk's built-ins take (split is its own grammar) */
const ARITY: Record<string, [number, number]> = {
  length: [0, 1],
  substr: [2, 3],
  index: [2, 2],
  sub: [2, 3],
  gsub: [2, 3],
  match: [2, 2],
  sprintf: [1, Infinity],
  tolower: [1, 1],
  toupper: [1, 1],
  int: [1, 1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  sin: [1, 1],
  cos: [1, 1],
  atan2: [2, 2],
  rand: [0, 0],
  srand: [0, 1],
  system: [1, 1],
  close: [1, 1],
  fflush: [0, 1],
};

class Parser {
  private i = 0;
  /** what each name was first used as: mawk refuses a name that is both a variable and an array */
  private kinds = new Map<string, 'variable' | 'array'>();
  constructor(private readonly tokens: Located[]) {}

  private use(name: string, kind: 'variable' | 'array', line: number): void {
    const known = this.kinds.get(name);
    if (!known) this.kinds.set(name, kind);
    else if (known !== kind) throw new AwkError(`line ${line}: illegal reference to ${known} ${name}`);
  }

  /** a name that must be an array (after `in`, in delete, as split's target) */
  private arrayName(): string {
    const tok = this.expect('name') as Located & { v: string };
    this.use(tok.v, 'array', tok.line);
    return tok.v;
  }

  private peek(offset = 0): Located {
    return this.tokens[this.i + offset] ?? this.tokens.at(-1)!;
  }
  private is(t: Token['t'], v?: string): boolean {
    const tok = this.peek();
    return tok.t === t && (v === undefined || ('v' in tok && tok.v === v));
  }
  private take(): Located {
    return this.tokens[this.i++] ?? this.tokens.at(-1)!;
  }
  private expect(t: Token['t'], v?: string): Located {
    if (!this.is(t, v)) {
      // mawk names a missing closer when a line or the program ends first
      const tok = this.peek();
      if ((v === ')' || v === '}' || v === ']') && (tok.t === 'nl' || tok.t === 'eof')) {
        throw new AwkError(`line ${tok.line}: missing ${v} near end of ${tok.t === 'eof' ? 'file' : 'line'}`);
      }
      this.fail();
    }
    return this.take();
  }
  private fail(): never {
    const tok = this.peek();
    const near = tok.t === 'eof' ? 'end of file' : tok.t === 'nl' ? 'end of line' : String(tok.v);
    throw new AwkError(`line ${tok.line}: syntax error at or near ${near}`);
  }
  private newlines(): void {
    while (this.is('nl')) this.take();
  }
  private terminators(): void {
    while (this.is('nl') || this.is('op', ';')) this.take();
  }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.terminators();
    while (!this.is('eof')) {
      if (this.is('kw', 'function')) throw new NotSimulated('user-defined functions');
      if (this.is('kw', 'BEGIN') || this.is('kw', 'END')) {
        const kind = this.take().t === 'kw' && (this.tokens[this.i - 1] as { v: string }).v === 'BEGIN' ? 'begin' : 'end';
        this.newlines();
        if (!this.is('op', '{')) this.fail();
        rules.push({ kind, pattern: null, until: null, action: this.block(), inRange: false });
      } else {
        let pattern: Expr | null = null;
        let until: Expr | null = null;
        if (!this.is('op', '{')) {
          pattern = this.expr();
          if (this.is('op', ',')) {
            this.take();
            this.newlines();
            until = this.expr();
          }
        }
        const action = this.is('op', '{') ? this.block() : null;
        rules.push({ kind: 'main', pattern, until, action, inRange: false });
      }
      this.terminators();
    }
    return rules;
  }

  private block(): Stmt[] {
    this.expect('op', '{');
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is('op', '}')) {
      if (this.is('eof')) throw new AwkError(`line ${this.peek().line}: missing } near end of file`);
      body.push(this.statement());
      this.terminators();
    }
    this.take();
    return body;
  }

  private simpleEnd(): void {
    if (this.is('op', ';') || this.is('nl')) {
      this.take();
      return;
    }
    if (this.is('op', '}') || this.is('eof')) return;
    this.fail();
  }

  private statement(): Stmt {
    if (this.is('op', '{')) return { k: 'block', body: this.block() };
    if (this.is('kw', 'if')) {
      this.take();
      this.expect('op', '(');
      const test = this.expr();
      this.expect('op', ')');
      this.newlines();
      const yes = this.statement();
      // `else` may follow a newline or a semicolon
      const save = this.i;
      this.terminators();
      if (this.is('kw', 'else')) {
        this.take();
        this.newlines();
        return { k: 'if', test, yes, no: this.statement() };
      }
      this.i = save;
      return { k: 'if', test, yes, no: null };
    }
    if (this.is('kw', 'while')) {
      this.take();
      this.expect('op', '(');
      const test = this.expr();
      this.expect('op', ')');
      this.newlines();
      return { k: 'while', test, body: this.statement() };
    }
    if (this.is('kw', 'do')) {
      this.take();
      this.newlines();
      const body = this.statement();
      this.terminators();
      this.expect('kw', 'while');
      this.expect('op', '(');
      const test = this.expr();
      this.expect('op', ')');
      this.simpleEnd();
      return { k: 'do', body, test };
    }
    if (this.is('kw', 'for')) {
      this.take();
      this.expect('op', '(');
      if (
        this.peek().t === 'name' &&
        this.peek(1).t === 'kw' &&
        (this.peek(1) as { v: string }).v === 'in' &&
        this.peek(2).t === 'name' &&
        this.peek(3).t === 'op' &&
        (this.peek(3) as { v: string }).v === ')'
      ) {
        const variableToken = this.take() as Located & { v: string };
        this.use(variableToken.v, 'variable', variableToken.line);
        this.take();
        const array = this.arrayName();
        this.take();
        const variable = variableToken.v;
        this.newlines();
        return { k: 'forin', variable, array, body: this.statement() };
      }
      const init = this.is('op', ';') ? null : this.expr();
      this.expect('op', ';');
      this.newlines();
      const test = this.is('op', ';') ? null : this.expr();
      this.expect('op', ';');
      this.newlines();
      const step = this.is('op', ')') ? null : this.expr();
      this.expect('op', ')');
      this.newlines();
      return { k: 'for', init, test, step, body: this.statement() };
    }
    if (this.is('op', ';')) {
      this.take();
      return { k: 'block', body: [] };
    }
    let stmt: Stmt;
    if (this.is('kw', 'print') || this.is('kw', 'printf')) {
      const which = (this.take() as { v: string }).v as 'print' | 'printf';
      let args: Expr[] = [];
      if (this.is('op', '(')) {
        // print (a, b) > file is a grouping; print (a)(b) a concatenation: parse generally
        const save = this.i;
        this.take();
        const list = this.exprList();
        if (this.is('op', ')') && this.endsPrint(1)) {
          this.take();
          args = list;
        } else {
          this.i = save;
          args = this.printArgs();
        }
      } else if (!this.endsPrint(0)) args = this.printArgs();
      if (this.is('op', '|')) throw new NotSimulated('pipes from print and printf');
      let to: Redirect | null = null;
      if (this.is('op', '>') || this.is('op', '>>')) {
        const op = this.take();
        const append = op.t === 'op' && op.v === '>>';
        to = { append, file: this.concatOnly() };
      }
      stmt = { k: which, args, to };
    } else if (this.is('kw', 'next')) {
      this.take();
      stmt = { k: 'next' };
    } else if (this.is('kw', 'exit')) {
      this.take();
      stmt = { k: 'exit', code: this.endsPrint(0) ? null : this.expr() };
    } else if (this.is('kw', 'break') || this.is('kw', 'continue')) {
      stmt = { k: (this.take() as { v: string }).v as 'break' | 'continue' };
    } else if (this.is('kw', 'delete')) {
      this.take();
      const name = this.arrayName();
      let key: Expr[] | null = null;
      if (this.is('op', '[')) {
        this.take();
        key = this.exprList();
        this.expect('op', ']');
      }
      stmt = { k: 'delete', name, key };
    } else if (this.is('kw', 'getline')) {
      throw new NotSimulated('getline');
    } else if (this.is('kw', 'return')) {
      throw new NotSimulated('user-defined functions');
    } else {
      stmt = { k: 'expr', e: this.expr() };
    }
    this.simpleEnd();
    return stmt;
  }

  private endsPrint(offset: number): boolean {
    const tok = this.peek(offset);
    return tok.t === 'eof' || tok.t === 'nl' || (tok.t === 'op' && [';', '}', '>', '>>', '|'].includes(tok.v));
  }

  private printArgs(): Expr[] {
    const list = [this.expr(true)];
    while (this.is('op', ',')) {
      this.take();
      this.newlines();
      list.push(this.expr(true));
    }
    return list;
  }

  private exprList(): Expr[] {
    const list = [this.expr()];
    while (this.is('op', ',')) {
      this.take();
      this.newlines();
      list.push(this.expr());
    }
    return list;
  }

  /** `noGt`: in print's arguments a bare `>` is a redirection, not a comparison */
  expr(noGt = false): Expr {
    return this.ternary(noGt);
  }

  private ternary(noGt: boolean): Expr {
    const test = this.or(noGt);
    if (this.is('op', '?')) {
      this.take();
      this.newlines();
      const yes = this.ternary(noGt);
      this.newlines();
      this.expect('op', ':');
      this.newlines();
      return { k: 'cond', test, yes, no: this.ternary(noGt) };
    }
    if (this.is('op', '=') || ['+=', '-=', '*=', '/=', '%=', '^='].some((o) => this.is('op', o))) {
      if (test.k !== 'var' && test.k !== 'field' && test.k !== 'elem') this.fail();
      const op = (this.take() as { v: string }).v;
      this.newlines();
      return { k: 'assign', op, target: test, value: this.ternary(noGt) };
    }
    return test;
  }

  private or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.is('op', '||')) {
      this.take();
      this.newlines();
      a = { k: 'bin', op: '||', a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.is('op', '&&')) {
      this.take();
      this.newlines();
      a = { k: 'bin', op: '&&', a, b: this.inExpr(noGt) };
    }
    return a;
  }

  private inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.is('kw', 'in')) {
      this.take();
      a = { k: 'in', key: [a], name: this.arrayName() };
    }
    return a;
  }

  private matchExpr(noGt: boolean): Expr {
    let a = this.comparison(noGt);
    while (this.is('op', '~') || this.is('op', '!~')) {
      const negate = (this.take() as { v: string }).v === '!~';
      a = { k: 'match', negate, a, re: this.comparison(noGt) };
    }
    return a;
  }

  private comparison(noGt: boolean): Expr {
    const a = this.concat();
    for (const op of ['<', '<=', '==', '!=', '>=', '>']) {
      if (op === '>' && noGt) continue;
      if (this.is('op', op)) {
        this.take();
        return { k: 'bin', op, a, b: this.concat() };
      }
    }
    return a;
  }

  private startsOperand(): boolean {
    const tok = this.peek();
    if (tok.t === 'num' || tok.t === 'str' || tok.t === 're' || tok.t === 'name' || tok.t === 'func') return true;
    return tok.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(tok.v);
  }

  private concat(): Expr {
    let a = this.additive();
    // juxtaposition concatenates; `in`, `-` and `+` start no new operand here (they bind as binary)
    while (this.startsOperand() && !this.is('op', '-') && !this.is('op', '+') && !this.is('kw', 'in')) {
      a = { k: 'bin', op: 'concat', a, b: this.additive() };
    }
    return a;
  }

  /** a redirection's target: one operand, or several written side by side */
  concatOnly(): Expr {
    return this.concat();
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.is('op', '+') || this.is('op', '-')) {
      const op = (this.take() as { v: string }).v;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.is('op', '*') || this.is('op', '/') || this.is('op', '%')) {
      const op = (this.take() as { v: string }).v;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.is('op', '!')) {
      this.take();
      return { k: 'not', a: this.unary() };
    }
    if (this.is('op', '-') || this.is('op', '+')) {
      const plus = (this.take() as { v: string }).v === '+';
      return { k: 'neg', a: this.unary(), plus };
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.is('op', '^')) {
      this.take();
      return { k: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }

  private postfix(): Expr {
    if (this.is('op', '++') || this.is('op', '--')) {
      const op = (this.take() as { v: string }).v as '++' | '--';
      return { k: 'incdec', op, prefix: true, target: this.postfix() };
    }
    const a = this.primary();
    if ((a.k === 'var' || a.k === 'field' || a.k === 'elem') && (this.is('op', '++') || this.is('op', '--'))) {
      const op = (this.take() as { v: string }).v as '++' | '--';
      return { k: 'incdec', op, prefix: false, target: a };
    }
    return a;
  }

  private primary(): Expr {
    const tok = this.take();
    switch (tok.t) {
      case 'num':
        return { k: 'num', v: tok.v };
      case 'str':
        return { k: 'str', v: tok.v };
      case 're':
        return { k: 're', re: regex(tok.v, tok.line) };
      case 'name':
        if (this.is('op', '[')) {
          this.use(tok.v, 'array', tok.line);
          this.take();
          const key = this.exprList();
          this.expect('op', ']');
          return { k: 'elem', name: tok.v, key };
        }
        if (this.is('op', '(')) throw new NotSimulated('user-defined functions');
        this.use(tok.v, 'variable', tok.line);
        return { k: 'var', name: tok.v };
      case 'func': {
        const args: Expr[] = [];
        if (tok.v === 'split') {
          // split(s, array [, separator]): its second argument is an array's name
          this.expect('op', '(');
          args.push(this.expr());
          this.expect('op', ',');
          args.push({ k: 'var', name: this.arrayName() });
          if (this.is('op', ',')) {
            this.take();
            args.push(this.expr());
          }
          this.expect('op', ')');
          return { k: 'call', name: tok.v, args };
        }
        const next = this.peek(1);
        if (tok.v === 'length' && this.is('op', '(') && next.t === 'name' && this.kinds.get(next.v) === 'array') {
          // length(array) counts its elements; a name not yet seen as an array is a variable here
          this.take();
          args.push({ k: 'var', name: (this.take() as Located & { v: string }).v });
          this.expect('op', ')');
        } else if (this.is('op', '(')) {
          this.take();
          if (!this.is('op', ')')) args.push(...this.exprList());
          this.expect('op', ')');
        } else if (tok.v !== 'length') this.fail();
        const [least, most] = ARITY[tok.v] ?? [0, Infinity];
        if (args.length < least || args.length > most) {
          throw new AwkError(`line ${tok.line}: wrong number of arguments in call to ${tok.v}`);
        }
        return { k: 'call', name: tok.v, args };
      }
      case 'op':
        if (tok.v === '$') return { k: 'field', index: this.postfixNoIncrement() };
        if (tok.v === '(') {
          const list = this.exprList();
          this.expect('op', ')');
          if (list.length > 1) {
            if (!this.is('kw', 'in')) this.fail();
            this.take();
            return { k: 'in', key: list, name: this.arrayName() };
          }
          return { k: 'group', a: list[0]! };
        }
        break;
      case 'kw':
        if (tok.v === 'getline') throw new NotSimulated('getline');
        break;
    }
    this.i--;
    this.fail();
  }

  /** what follows `$`: a primary, possibly incremented ($i++ increments the field, not i) */
  private postfixNoIncrement(): Expr {
    if (this.is('op', '++') || this.is('op', '--')) {
      const op = (this.take() as { v: string }).v as '++' | '--';
      return { k: 'incdec', op, prefix: true, target: this.primary() };
    }
    if (this.is('op', '-')) {
      this.take();
      return { k: 'neg', a: this.primary(), plus: false };
    }
    return this.primary();
  }
}

// ---- the interpreter

class Machine {
  vars = new Map<string, Value>();
  arrays = new Map<string, Map<string, Value>>();
  fields: string[] = [''];
  nf = 0;
  record = '';
  out = '';

  constructor(private readonly ctx: CommandContext) {
    for (const [k, v] of [
      ['FS', ' '],
      ['OFS', ' '],
      ['ORS', '\n'],
      ['RS', '\n'],
      ['SUBSEP', '\x1c'],
      ['CONVFMT', '%.6g'],
      ['OFMT', '%.6g'],
      ['RSTART', 0],
      ['RLENGTH', -1],
      ['NR', 0],
      ['FNR', 0],
      ['FILENAME', ''],
    ] as const)
      this.vars.set(k, v);
  }

  setRecord(text: string): void {
    this.record = text;
    this.split();
  }

  private split(): void {
    const fs = toText(this.vars.get('FS') ?? ' ');
    const text = this.record;
    let parts: string[];
    if (fs === ' ') parts = text.split(/[ \t\n]+/).filter((p, i, all) => p !== '' || (i > 0 && i < all.length - 1));
    else if (text === '') parts = [];
    else if (fs.length === 1 && fs !== '\\') parts = text.split(fs);
    else parts = text.split(regex(fs));
    if (fs === ' ') parts = text.trim() === '' ? [] : text.trim().split(/[ \t\n]+/);
    this.fields = [text, ...parts];
    this.nf = parts.length;
  }

  private rebuild(): void {
    const ofs = toText(this.vars.get('OFS') ?? ' ');
    this.record = this.fields.slice(1, this.nf + 1).join(ofs);
    this.fields[0] = this.record;
  }

  getField(i: number): Value {
    if (i < 0) throw new AwkError(`negative field index $${i}`);
    if (i === 0) return new StrNum(this.record);
    return new StrNum(i <= this.nf ? (this.fields[i] ?? '') : '');
  }

  setField(i: number, v: string): void {
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    if (i > this.nf) this.nf = i;
    this.rebuild();
  }

  getVar(name: string): Value {
    if (name === 'NF') return this.nf;
    return this.vars.get(name) ?? '';
  }

  setVar(name: string, v: Value): void {
    if (name === 'NF') {
      this.nf = Math.max(0, Math.trunc(toNumber(v)));
      while (this.fields.length <= this.nf) this.fields.push('');
      this.rebuild();
      return;
    }
    this.vars.set(name, v);
  }

  array(name: string): Map<string, Value> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  key(parts: Expr[]): string {
    return parts.map((p) => toText(this.eval(p))).join(toText(this.vars.get('SUBSEP') ?? '\x1c'));
  }

  matchRe(e: Expr): RegExp {
    if (e.k === 're') return e.re;
    return regex(toText(this.eval(e)));
  }

  eval(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're': {
        e.re.lastIndex = 0;
        return e.re.test(this.record) ? 1 : 0;
      }
      case 'group':
        return this.eval(e.a);
      case 'var':
        return this.getVar(e.name);
      case 'field':
        return this.getField(Math.trunc(toNumber(this.eval(e.index))));
      case 'elem': {
        const arr = this.array(e.name);
        const key = this.key(e.key);
        if (!arr.has(key)) arr.set(key, '');
        return arr.get(key)!;
      }
      case 'in':
        return this.array(e.name).has(this.key(e.key)) ? 1 : 0;
      case 'assign': {
        let value = this.eval(e.value);
        if (e.op !== '=') value = arith(e.op[0]!, toNumber(this.eval(e.target)), toNumber(value));
        if (value instanceof StrNum) value = value.text === '' ? '' : value;
        this.store(e.target, value);
        return value;
      }
      case 'cond':
        return truthy(this.eval(e.test)) ? this.eval(e.yes) : this.eval(e.no);
      case 'not':
        return truthy(this.eval(e.a)) ? 0 : 1;
      case 'neg': {
        const n = toNumber(this.eval(e.a));
        return e.plus ? n : -n;
      }
      case 'incdec': {
        const before = toNumber(this.eval(e.target));
        const after = e.op === '++' ? before + 1 : before - 1;
        this.store(e.target, after);
        return e.prefix ? after : before;
      }
      case 'match': {
        const re = this.matchRe(e.re);
        re.lastIndex = 0;
        const hit = re.test(toText(this.eval(e.a)));
        return hit !== e.negate ? 1 : 0;
      }
      case 'bin':
        return this.binary(e);
      case 'call':
        return this.call(e);
    }
  }

  private store(target: Expr, value: Value): void {
    const v = value instanceof StrNum ? value : value;
    if (target.k === 'var') this.setVar(target.name, v);
    else if (target.k === 'field') this.setField(Math.trunc(toNumber(this.eval(target.index))), toText(v));
    else if (target.k === 'elem') this.array(target.name).set(this.key(target.key), v);
  }

  private binary(e: Extract<Expr, { k: 'bin' }>): Value {
    switch (e.op) {
      case '&&':
        return truthy(this.eval(e.a)) && truthy(this.eval(e.b)) ? 1 : 0;
      case '||':
        return truthy(this.eval(e.a)) || truthy(this.eval(e.b)) ? 1 : 0;
      case 'concat':
        return toText(this.eval(e.a)) + toText(this.eval(e.b));
      case '<':
      case '<=':
      case '==':
      case '!=':
      case '>=':
      case '>': {
        const c = compare(this.eval(e.a), this.eval(e.b));
        const r =
          e.op === '<'
            ? c < 0
            : e.op === '<='
              ? c <= 0
              : e.op === '=='
                ? c === 0
                : e.op === '!='
                  ? c !== 0
                  : e.op === '>='
                    ? c >= 0
                    : c > 0;
        return r ? 1 : 0;
      }
      default:
        return arith(e.op, toNumber(this.eval(e.a)), toNumber(this.eval(e.b)));
    }
  }

  private call(e: Extract<Expr, { k: 'call' }>): Value {
    const arg = (i: number) => (e.args[i] ? this.eval(e.args[i]) : '');
    switch (e.name) {
      case 'length':
        if (e.args[0]?.k === 'var' && this.arrays.has(e.args[0].name)) return this.arrays.get(e.args[0].name)!.size;
        return [...(e.args.length === 0 ? this.record : toText(arg(0)))].length;
      case 'substr': {
        const s = [...toText(arg(0))];
        const start = Math.round(toNumber(arg(1)));
        const len = e.args.length > 2 ? Math.round(toNumber(arg(2))) : Infinity;
        const from = Math.max(start, 1);
        const to = Math.min(start + len, s.length + 1);
        return to > from ? s.slice(from - 1, to - 1).join('') : '';
      }
      case 'index':
        return toText(arg(0)).indexOf(toText(arg(1))) + 1;
      case 'split': {
        // the parser made sure the target is an array's name
        const target = e.args[1] as Extract<Expr, { k: 'var' }>;
        const text = toText(arg(0));
        const sep = e.args[2]
          ? e.args[2].k === 're'
            ? e.args[2].re
            : toText(this.eval(e.args[2]))
          : toText(this.vars.get('FS') ?? ' ');
        let parts: string[];
        if (sep === ' ') parts = text.trim() === '' ? [] : text.trim().split(/[ \t\n]+/);
        else if (text === '') parts = [];
        else if (typeof sep === 'string' && sep.length === 1) parts = text.split(sep);
        else parts = text.split(typeof sep === 'string' ? regex(sep) : sep);
        const arr = new Map<string, Value>();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        this.vars.delete(target.name);
        this.arrays.set(target.name, arr);
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = this.matchRe(e.args[0]!);
        const replacement = toText(arg(1));
        const target = e.args[2] ?? ({ k: 'field', index: { k: 'num', v: 0 } } as Expr);
        const text = toText(this.eval(target));
        let count = 0;
        const global = e.name === 'gsub';
        re.lastIndex = 0;
        const result = text.replace(re, (match: string) => {
          if (!global && count > 0) return match;
          count++;
          return replacement.replace(/\\\\|\\&|&/g, (r) => (r === '&' ? match : r === '\\&' ? '&' : '\\'));
        });
        if (count > 0) this.store(target, result);
        return count;
      }
      case 'match': {
        const re = this.matchRe(e.args[1]!);
        re.lastIndex = 0;
        const m = re.exec(toText(arg(0)));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        return format(
          toText(arg(0)),
          e.args.slice(1).map((a) => this.eval(a)),
        );
      case 'tolower':
        return toText(arg(0)).toLowerCase();
      case 'toupper':
        return toText(arg(0)).toUpperCase();
      case 'int':
        return Math.trunc(toNumber(arg(0)));
      case 'sqrt':
        return Math.sqrt(toNumber(arg(0)));
      case 'exp':
        return Math.exp(toNumber(arg(0)));
      case 'log':
        return Math.log(toNumber(arg(0)));
      case 'sin':
        return Math.sin(toNumber(arg(0)));
      case 'cos':
        return Math.cos(toNumber(arg(0)));
      case 'atan2':
        return Math.atan2(toNumber(arg(0)), toNumber(arg(1)));
      default:
        throw new NotSimulated(`the ${e.name} function`);
    }
  }

  /** runs statements; Next and Exit travel as exceptions */
  exec(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'print': {
        const ofs = toText(this.vars.get('OFS') ?? ' ');
        const ors = toText(this.vars.get('ORS') ?? '\n');
        const text = s.args.length === 0 ? this.record : s.args.map((a) => toText(this.eval(a))).join(ofs);
        this.write(text + ors, s.to);
        return;
      }
      case 'printf': {
        if (s.args.length === 0) throw new AwkError('line 1: syntax error at or near printf');
        const text = format(
          toText(this.eval(s.args[0]!)),
          s.args.slice(1).map((a) => this.eval(a)),
        );
        this.write(text, s.to);
        return;
      }
      case 'expr':
        this.eval(s.e);
        return;
      case 'if':
        if (truthy(this.eval(s.test))) this.stmt(s.yes);
        else if (s.no) this.stmt(s.no);
        return;
      case 'while':
        while (truthy(this.eval(s.test))) if (this.loopBody(s.body)) break;
        return;
      case 'do':
        do {
          if (this.loopBody(s.body)) break;
        } while (truthy(this.eval(s.test)));
        return;
      case 'for':
        for (s.init && this.eval(s.init); !s.test || truthy(this.eval(s.test)); s.step && this.eval(s.step)) {
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'forin':
        for (const key of [...this.array(s.array).keys()]) {
          this.setVar(s.variable, key);
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'block':
        this.exec(s.body);
        return;
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.code ? Math.trunc(toNumber(this.eval(s.code))) : 0);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'delete':
        if (s.key === null) this.array(s.name).clear();
        else this.array(s.name).delete(this.key(s.key));
        return;
    }
  }

  /** true when the loop should stop (break) */
  private loopBody(body: Stmt): boolean {
    try {
      this.stmt(body);
    } catch (signal) {
      if (signal instanceof Break) return true;
      if (signal instanceof Continue) return false;
      throw signal;
    }
    return false;
  }

  private opened = new Set<string>();

  private write(text: string, to: Redirect | null): void {
    if (!to) {
      this.out += text;
      return;
    }
    const file = toText(this.eval(to.file));
    const append = to.append || this.opened.has(file);
    this.opened.add(file);
    const error = this.ctx.fs.writeFile(file, text, append);
    if (error) throw new OutputError(`cannot open "${file}" for output (${describeFsError(error)})`);
  }

  flush(): void {
    if (this.out !== '') this.ctx.out.stdout(this.out);
    this.out = '';
  }
}

class Break {}
class Continue {}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      // mawk divides as C does: 1/0 is inf, 0/0 and x%0 are nan
      return a / b;
    case '%':
      return a % b;
    case '^':
      return a ** b;
  }
  return 0;
}

/** awk's printf and sprintf: C conversions over awk values */
function format(fmt: string, args: Value[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([cdiouxXeEfFgGs%])/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    if (m[4] === '%') {
      out += '%';
      continue;
    }
    const spec = conversionSpec(m, m[4]!, () => Math.trunc(toNumber(args[next++] ?? 0)));
    const arg = args[next++] ?? '';
    switch (spec.conversion) {
      case 's':
        out += pad(toText(arg).slice(0, spec.precision ?? undefined), spec, false);
        break;
      case 'c': {
        const ch = typeof arg === 'number' ? String.fromCodePoint(Math.trunc(arg)) : ([...toText(arg)][0] ?? '');
        out += pad(ch, spec, false);
        break;
      }
      case 'd':
      case 'i':
      case 'o':
      case 'u':
      case 'x':
      case 'X':
        out += integer(BigInt(Math.trunc(toNumber(arg))), spec);
        break;
      default:
        out += floating(toNumber(arg), spec);
    }
  }
  return out;
}

// ---- the command

const USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider "\\n" a space.
    -W usage         show this message and exit.
`;

export const awk: ShellCommand = {
  name: 'awk',
  summary: "scan and process text by fields (awk '{print $1}', -F, -v, BEGIN/END)",
  run(ctx: CommandContext) {
    const { out } = ctx;
    const args = [...ctx.args];
    const assigns: [string, string][] = [];
    let fs: string | null = null;
    let program: string | null = null;
    while (args.length > 0 && args[0]!.startsWith('-') && args[0] !== '-') {
      const a = args.shift()!;
      if (a === '--') break;
      if (a.startsWith('-F')) fs = a.length > 2 ? a.slice(2) : (args.shift() ?? null);
      else if (a.startsWith('-v')) {
        const v = a.length > 2 ? a.slice(2) : args.shift();
        const eq = v?.indexOf('=') ?? -1;
        if (!v || eq <= 0) {
          out.stderr(`awk: improper assignment: -v ${v ?? ''}\n`);
          return 2;
        }
        assigns.push([v.slice(0, eq), v.slice(eq + 1)]);
      } else if (a.startsWith('-f')) {
        const file = a.length > 2 ? a.slice(2) : args.shift();
        const text = file === undefined ? null : ctx.fs.readFile(file);
        if (typeof text !== 'string') {
          out.stderr(`awk: couldn't open file ${file ?? ''}\n`);
          return 2;
        }
        program = text;
      } else if (a === '-W' || a.startsWith('-W')) {
        out.stderr(`kubesim: awk ${a}: mawk's -W options are not simulated\n`);
        return 2;
      } else {
        out.stderr(`awk: not an option: ${a}\n`);
        return 2;
      }
    }
    if (program === null) {
      const p = args.shift();
      if (p === undefined) {
        // mawk shows its usage on stderr and still exits 0
        out.stderr(USAGE);
        return 0;
      }
      program = p;
    }
    let rules: Rule[];
    try {
      rules = new Parser(lex(program)).program();
    } catch (error) {
      if (error instanceof NotSimulated) {
        out.stderr(`kubesim: awk: ${error.message} are not simulated\n`);
        return 2;
      }
      if (error instanceof AwkError) {
        out.stderr(`awk: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    const m = new Machine(ctx);
    if (fs !== null) m.setVar('FS', fs === 't' ? '\t' : unescapeAssign(fs));
    for (const [k, v] of assigns) m.setVar(k, new StrNum(unescapeAssign(v)));
    const operands = args.length > 0 ? args : ['-'];
    let status = 0;
    const finish = (code: number) => {
      m.flush();
      return code;
    };
    try {
      try {
        for (const r of rules) if (r.kind === 'begin') m.exec(r.action!);
        const mains = rules.filter((r) => r.kind === 'main');
        const ends = rules.filter((r) => r.kind === 'end');
        if (mains.length > 0 || ends.length > 0) {
          let stdinUsed = false;
          for (const operand of operands) {
            const assignment = /^([A-Za-z_]\w*)=(.*)$/s.exec(operand);
            if (assignment) {
              m.setVar(assignment[1]!, new StrNum(unescapeAssign(assignment[2]!)));
              continue;
            }
            let text: string;
            if (operand === '-') {
              text = stdinUsed ? '' : ctx.stdin;
              stdinUsed = true;
            } else {
              const read = ctx.fs.readFile(operand);
              if (typeof read !== 'string') {
                m.flush();
                out.stderr(`awk: cannot open ${operand} (${describeFsError(read.error)})\n`);
                status = 2;
                continue;
              }
              text = read;
            }
            m.setVar('FILENAME', operand);
            m.setVar('FNR', 0);
            const records = text === '' ? [] : text.replace(/\n$/, '').split('\n');
            for (const record of records) {
              m.setVar('NR', toNumber(m.getVar('NR')) + 1);
              m.setVar('FNR', toNumber(m.getVar('FNR')) + 1);
              m.setRecord(record);
              try {
                for (const r of mains) {
                  if (!selects(m, r)) continue;
                  if (r.action) m.exec(r.action);
                  else m.out += m.record + toText(m.getVar('ORS'));
                }
              } catch (signal) {
                if (!(signal instanceof Next)) throw signal;
              }
            }
          }
        }
        for (const r of ends) m.exec(r.action!);
      } catch (signal) {
        if (!(signal instanceof Exit)) throw signal;
        // exit in a main rule still runs END; exit in END ends at once
        status = signal.code;
        try {
          for (const r of rules.filter((x) => x.kind === 'end')) m.exec(r.action!);
        } catch (inner) {
          if (!(inner instanceof Exit)) throw inner;
          status = inner.code;
        }
      }
    } catch (error) {
      if (error instanceof NotSimulated) {
        m.flush();
        out.stderr(`kubesim: awk: ${error.message} are not simulated\n`);
        return 2;
      }
      if (error instanceof OutputError) {
        m.flush();
        out.stderr(`awk: ${error.message}\n`);
        return 2;
      }
      if (error instanceof AwkError) {
        m.flush();
        out.stderr(
          `awk: run time error: ${error.message}\n\tFILENAME="${toText(m.getVar('FILENAME'))}" FNR=${toText(m.getVar('FNR'))} NR=${toText(m.getVar('NR'))}\n`,
        );
        return 2;
      }
      throw error;
    }
    return finish(status);
  },
};

function unescapeAssign(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\' })[c] ?? '\\' + c);
}

/** does the rule's pattern (or range) select the current record */
function selects(m: Machine, r: Rule): boolean {
  if (!r.pattern) return true;
  if (!r.until) return truthy(m.eval(r.pattern));
  if (r.inRange) {
    if (truthy(m.eval(r.until))) r.inRange = false;
    return true;
  }
  if (!truthy(m.eval(r.pattern))) return false;
  r.inRange = !truthy(m.eval(r.until));
  return true;
}
