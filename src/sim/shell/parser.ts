// a small bash-compatible parser: quotes, parameters, $(…), pipes, lists, redirects,
// heredocs and for loops. anything else is reported plainly, never guessed at.
import type {
  Command,
  CommandList,
  Heredoc,
  ListOp,
  ParamEdit,
  ParamOp,
  ParseResult,
  Pipeline,
  Redirect,
  RedirectOp,
  SimpleCommand,
  Word,
  WordPart,
} from './syntax.ts';

type Token =
  | { t: 'word'; word: Word; raw: string }
  | { t: 'op'; op: '|' | '&&' | '||' | ';' | '\n' | '&' | '(' | ')' | ';;' }
  | { t: 'redir'; op: RedirectOp }
  | { t: 'heredoc'; stripTabs: boolean }
  | { t: 'eof' };

/** thrown inside the parser only; turned into a ParseResult at the boundary */
class Incomplete {}
class SyntaxError_ {
  constructor(readonly message: string) {}
}

const META = new Set(['|', '&', ';', '<', '>', '(', ')', '\n', ' ', '\t']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ParseOptions {
  /** no more input will come: close open heredocs at end of input as bash does */
  final?: boolean;
  /** receives bash's warnings (an unterminated heredoc at end of input) */
  warn?: (message: string) => void;
}

class Lexer {
  pos = 0;
  private pending: Heredoc[] = [];
  private peeked: Token | null = null;

  constructor(
    private readonly src: string,
    private readonly options: ParseOptions,
  ) {}

  peek(): Token {
    this.peeked ??= this.read();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = null;
    return token;
  }

  registerHeredoc(doc: Heredoc): void {
    this.pending.push(doc);
  }

  private read(): Token {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t')) this.pos++;
      if (s.startsWith('\\\n', this.pos)) {
        this.pos += 2;
        continue;
      }
      if (s[this.pos] === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      }
      break;
    }
    if (this.pos >= s.length) {
      if (this.pending.length > 0) this.readHeredocBodies();
      return { t: 'eof' };
    }
    const c = s[this.pos]!;
    const two = s.slice(this.pos, this.pos + 2);
    const three = s.slice(this.pos, this.pos + 3);
    if (c === '\n') {
      this.pos++;
      if (this.pending.length > 0) this.readHeredocBodies();
      return { t: 'op', op: '\n' };
    }
    if (two === '&&' || two === '||' || two === ';;') {
      this.pos += 2;
      return { t: 'op', op: two };
    }
    if (two === '&>') {
      this.pos += 2;
      return { t: 'redir', op: '&>' };
    }
    if (c === '|' || c === ';' || c === '&' || c === '(' || c === ')') {
      this.pos++;
      return { t: 'op', op: c };
    }
    if (three === '<<<') {
      this.pos += 3;
      return { t: 'redir', op: '<<<' };
    }
    if (three === '<<-') {
      this.pos += 3;
      return { t: 'heredoc', stripTabs: true };
    }
    if (two === '<<') {
      this.pos += 2;
      return { t: 'heredoc', stripTabs: false };
    }
    if (three === '>&2') {
      this.pos += 3;
      return { t: 'redir', op: '>&2' };
    }
    if (two === '>>') {
      this.pos += 2;
      return { t: 'redir', op: '>>' };
    }
    if (c === '>' || c === '<') {
      this.pos++;
      return { t: 'redir', op: c };
    }
    // a lone fd number glued to a redirection: 2>, 2>>, 2>&1, 1>
    const fd = /^([12])(>>|>&1|>)/.exec(s.slice(this.pos, this.pos + 4));
    if (fd) {
      this.pos += fd[0].length;
      const op = fd[1] === '1' ? (fd[2] === '>>' ? '>>' : '>') : `2${fd[2]}`;
      return { t: 'redir', op: op as RedirectOp };
    }
    return this.readWord();
  }

  private readWord(): Token {
    const s = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    let text = '';
    const flush = (quoted: boolean) => {
      if (text) parts.push({ kind: 'text', text, quoted });
      text = '';
    };
    while (this.pos < s.length && !META.has(s[this.pos]!)) {
      const c = s[this.pos]!;
      if (c === '\\') {
        if (this.pos + 1 >= s.length) throw new Incomplete();
        const n = s[this.pos + 1]!;
        this.pos += 2;
        if (n === '\n') continue;
        flush(false);
        parts.push({ kind: 'text', text: n, quoted: true });
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete();
        flush(false);
        parts.push({ kind: 'text', text: s.slice(this.pos + 1, end), quoted: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush(false);
        this.pos++;
        this.readDoubleQuoted(parts);
      } else if (c === '$') {
        const part = this.readDollar(false);
        if (part) {
          flush(false);
          parts.push(part);
        } else {
          text += '$';
          this.pos++;
        }
      } else if (c === '`') {
        flush(false);
        parts.push(this.readBackquoted(false));
      } else {
        text += c;
        this.pos++;
      }
    }
    flush(false);
    return { t: 'word', word: { parts }, raw: s.slice(start, this.pos) };
  }

  readDoubleQuoted(parts: WordPart[]): void {
    const s = this.src;
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text, quoted: true });
      text = '';
    };
    let closed = false;
    const before = parts.length;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '"') {
        this.pos++;
        closed = true;
        break;
      }
      if (c === '\\' && this.pos + 1 < s.length && '$`"\\\n'.includes(s[this.pos + 1]!)) {
        if (s[this.pos + 1] !== '\n') text += s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(true);
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquoted(true));
        continue;
      }
      text += c;
      this.pos++;
    }
    if (!closed) throw new Incomplete();
    flush();
    // an empty "" still makes a word
    if (parts.length === before) parts.push({ kind: 'text', text: '', quoted: true });
  }

  /** reads the old form of command substitution, `…`, at pos. a backslash keeps its meaning only
   * before $, ` and \\ (and " inside double quotes); before anything else it is left for the inner
   * command, and a backslash-newline is dropped. the first unescaped backquote closes it */
  readBackquoted(quoted: boolean): WordPart {
    const s = this.src;
    let source = '';
    for (let i = this.pos + 1; i < s.length; i++) {
      const c = s[i]!;
      if (c === '`') {
        this.pos = i + 1;
        return { kind: 'subst', source, quoted };
      }
      const n = s[i + 1];
      if (c === '\\' && n !== undefined && (n === '$' || n === '`' || n === '\\' || n === '\n' || (quoted && n === '"'))) {
        if (n !== '\n') source += n;
        i++;
        continue;
      }
      source += c;
    }
    throw new Incomplete();
  }

  /** reads `$?`, `$NAME`, `${NAME}` or `$(…)` at pos; null when the `$` is literal */
  readDollar(quoted: boolean): WordPart | null {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === undefined) return null;
    if ('?$#!0123456789'.includes(n)) {
      this.pos += 2;
      return { kind: 'param', name: n, quoted };
    }
    if (n === '{') {
      const end = closingBrace(s, this.pos + 2, quoted);
      if (end < 0) throw new Incomplete();
      const inner = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return braced(inner, quoted);
    }
    if (n === '(') {
      if (s[this.pos + 2] === '(') {
        const end = closingArithmetic(s, this.pos + 3);
        if (end < 0) throw new Incomplete();
        const source = s.slice(this.pos + 3, end);
        this.pos = end + 2;
        return { kind: 'arith', source, quoted };
      }
      const end = findClosingParen(s, this.pos + 2);
      if (end < 0) throw new Incomplete();
      const source = s.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { kind: 'subst', source, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1));
    if (m) {
      this.pos += 1 + m[0].length;
      return { kind: 'param', name: m[0], quoted };
    }
    return null;
  }

  private readHeredocBodies(): void {
    const s = this.src;
    const docs = this.pending;
    this.pending = [];
    for (const doc of docs) {
      const lines: string[] = [];
      let found = false;
      while (this.pos < s.length) {
        const nl = s.indexOf('\n', this.pos);
        if (nl < 0 && !this.options.final) throw new Incomplete();
        const end = nl < 0 ? s.length : nl;
        let line = s.slice(this.pos, end);
        this.pos = nl < 0 ? s.length : nl + 1;
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (!found) {
        if (!this.options.final) throw new Incomplete();
        this.options.warn?.(
          `bash: warning: here-document at line ${lineOf(s, 0)} delimited by end-of-file (wanted \`${doc.delimiter}')`,
        );
      }
      const body = lines.map((l) => l + '\n').join('');
      doc.body = doc.expand ? expandableBody(body) : { parts: [{ kind: 'text', text: body, quoted: true }] };
    }
  }
}

function lineOf(s: string, pos: number): number {
  return s.slice(0, pos).split('\n').length;
}

/** index of the `))` closing a `$((` whose expression starts at `from` (parentheses inside balance), or -1 */
function closingArithmetic(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      if (depth > 0) depth--;
      else return s[i + 1] === ')' ? i : -1;
    }
  }
  return -1;
}

/** index of the `)` closing a `$(` whose content starts at `from`, honouring quotes and nesting */
function findClosingParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
      if (i >= s.length) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const PARAM = '[A-Za-z_][A-Za-z0-9_]*|[?$#!0-9]';
const PARAM_OP = new RegExp(`^(${PARAM})(:[-=?+]|[-=?+]|##|#|%%|%)`, 's');
const PARAM_EDIT = new RegExp(`^(${PARAM})(//|/#|/%|/|:)`, 's');

/** where a pattern ends and its replacement starts: the first `/` outside quotes and escapes */
function unquotedSlash(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (c === "'") i = s.indexOf("'", i + 1);
    else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '/') return i;
    if (i < 0) return -1;
  }
  return -1;
}

/** the `}` that closes a `${` whose inside starts at `from` (quotes and nested `${…}` skipped); -1 if none */
function closingBrace(s: string, from: number, quoted: boolean): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (c === "'" && !quoted) {
      i = s.indexOf("'", i + 1);
      if (i < 0) return -1;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
      if (i >= s.length) return -1;
    } else if (c === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `${…}`: a parameter, its length, or a parameter with an operator and a word */
function braced(inner: string, quoted: boolean): WordPart {
  if (new RegExp(`^(${PARAM})$`).test(inner)) return { kind: 'param', name: inner, quoted };
  const length = new RegExp(`^#(${PARAM})$`).exec(inner);
  if (length) return { kind: 'param', name: length[1]!, quoted, op: { op: 'length', word: { parts: [] }, raw: inner } };
  const m = PARAM_OP.exec(inner);
  if (m) {
    const op = m[2] as ParamOp['op'];
    return { kind: 'param', name: m[1]!, quoted, op: { op, word: operandWord(inner.slice(m[0].length), quoted), raw: inner } };
  }
  const edit = PARAM_EDIT.exec(inner);
  if (edit) {
    const name = edit[1]!;
    const rest = inner.slice(edit[0].length);
    if (edit[2] === ':') {
      const [offset = '', length, ...more] = rest.split(':');
      if (more.length === 0) {
        const op: ParamOp = {
          op: ':',
          word: { parts: [] },
          raw: inner,
          range: length === undefined ? [offset] : [offset, length],
        };
        return { kind: 'param', name, quoted, op };
      }
    } else {
      const slash = unquotedSlash(rest);
      const op: ParamOp = {
        op: edit[2] as ParamEdit,
        word: operandWord(slash < 0 ? rest : rest.slice(0, slash), quoted),
        replacement: operandWord(slash < 0 ? '' : rest.slice(slash + 1), quoted),
        raw: inner,
      };
      return { kind: 'param', name, quoted, op };
    }
  }
  // forms bash has that this shell does not: case changes, indirection, arrays, transformations
  if (/^(!?[A-Za-z_][A-Za-z0-9_]*|[?$#!0-9@*])[/:^,@[]/.test(inner) || /^![A-Za-z_@*]/.test(inner)) {
    throw new SyntaxError_(
      `kubesim: \${${inner}} is not simulated (\${NAME}, \${#NAME}, the :- - := = :+ + :? ? # ## % %% / // forms and \${NAME:OFFSET:LENGTH} are)`,
    );
  }
  throw new SyntaxError_(`bash: \${${inner}}: bad substitution`);
}

/** the word after a `${NAME<op>`: expansions and quotes as in the word around it, blanks kept */
function operandWord(src: string, quoted: boolean): Word {
  const lexer = new Lexer(src, {});
  const parts: WordPart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text, quoted });
    text = '';
  };
  while (lexer.pos < src.length) {
    const c = src[lexer.pos]!;
    const next = src[lexer.pos + 1];
    if (c === '\\' && next !== undefined && (!quoted || '$`"\\'.includes(next))) {
      flush();
      parts.push({ kind: 'text', text: next, quoted: true });
      lexer.pos += 2;
    } else if (c === "'" && !quoted) {
      const end = src.indexOf("'", lexer.pos + 1);
      flush();
      parts.push({ kind: 'text', text: src.slice(lexer.pos + 1, end), quoted: true });
      lexer.pos = end + 1;
    } else if (c === '"') {
      flush();
      lexer.pos++;
      lexer.readDoubleQuoted(parts);
    } else if (c === '`') {
      flush();
      parts.push(lexer.readBackquoted(quoted));
    } else {
      const part = c === '$' ? lexer.readDollar(quoted) : null;
      if (part) {
        flush();
        parts.push(part);
      } else {
        text += c;
        lexer.pos++;
      }
    }
  }
  flush();
  return { parts };
}

/** a heredoc body with an unquoted delimiter: parameters and $(…) expand, quotes stay literal */
function expandableBody(body: string): Word {
  const lexer = new Lexer(body, {});
  const parts: WordPart[] = [];
  let text = '';
  while (lexer.pos < body.length) {
    const c = body[lexer.pos]!;
    if (c === '\\' && '$`\\'.includes(body[lexer.pos + 1] ?? '')) {
      text += body[lexer.pos + 1];
      lexer.pos += 2;
    } else if (c === '\\' && body[lexer.pos + 1] === '\n') {
      lexer.pos += 2;
    } else if (c === '$' || c === '`') {
      const part = c === '$' ? lexer.readDollar(true) : backquotedInBody(lexer, body);
      if (part) {
        if (text) parts.push({ kind: 'text', text, quoted: true });
        text = '';
        parts.push(part);
      } else {
        text += '$';
        lexer.pos++;
      }
    } else {
      text += c;
      lexer.pos++;
    }
  }
  if (text) parts.push({ kind: 'text', text, quoted: true });
  return { parts };
}

/** `…` in a here-document's body. bash reports one left open when it expands the body; here the
 * body is expanded as it is read, so the message comes as a syntax error */
function backquotedInBody(lexer: Lexer, body: string): WordPart {
  try {
    return lexer.readBackquoted(false);
  } catch (e) {
    if (!(e instanceof Incomplete)) throw e;
    throw new SyntaxError_(`bash: bad substitution: no closing "\`" in ${body.slice(lexer.pos)}`);
  }
}

function describeToken(token: Token): string {
  switch (token.t) {
    case 'eof':
      return 'newline';
    case 'op':
      return token.op === '\n' ? 'newline' : token.op;
    case 'redir':
      return token.op;
    case 'heredoc':
      return token.stripTabs ? '<<-' : '<<';
    case 'word':
      return token.raw;
  }
}

function unexpected(token: Token): never {
  if (token.t === 'eof') throw new Incomplete();
  throw new SyntaxError_(`bash: syntax error near unexpected token \`${describeToken(token)}'`);
}

/** a redirection with nothing after it is an error even at the end of a line */
function unexpectedTarget(token: Token): never {
  if (token.t === 'eof') throw new SyntaxError_("bash: syntax error near unexpected token `newline'");
  unexpected(token);
}

const RESERVED = new Set(['do', 'done', 'then', 'fi', 'else', 'elif', 'esac']);
const UNSUPPORTED = new Set(['if', 'while', 'until', 'case', 'function', 'select', '{', '}', '[[']);

function isWord(token: Token, text: string): boolean {
  return token.t === 'word' && token.raw === text;
}

class Parser {
  constructor(private readonly lexer: Lexer) {}

  skipNewlines(): void {
    while (this.lexer.peek().t === 'op' && (this.lexer.peek() as { op: string }).op === '\n') this.lexer.next();
  }

  /** a list up to EOF (top level) or up to one of the stop words (inside `do … done`) */
  parseList(stopWords: string[] = []): CommandList {
    const items: CommandList['items'] = [];
    let before: ListOp | null = null;
    for (;;) {
      this.skipNewlines();
      const token = this.lexer.peek();
      const continued = before === '&&' || before === '||';
      if (token.t === 'eof') {
        if (continued || stopWords.length > 0) throw new Incomplete();
        return { items };
      }
      if (stopWords.some((w) => isWord(token, w))) {
        if (continued || items.length === 0) unexpected(token);
        return { items };
      }
      items.push({ pipeline: this.parsePipeline(), before });
      const sep = this.lexer.peek();
      if (sep.t === 'eof') continue;
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '\n' || sep.op === '&&' || sep.op === '||')) {
        this.lexer.next();
        before = sep.op === '\n' ? ';' : sep.op;
        continue;
      }
      if (sep.t === 'op' && sep.op === '&') {
        throw new SyntaxError_('kubesim: background jobs (&) are not simulated');
      }
      unexpected(sep);
    }
  }

  parsePipeline(): Pipeline {
    let negated = false;
    if (isWord(this.lexer.peek(), '!')) {
      this.lexer.next();
      negated = true;
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      const token = this.lexer.peek();
      if (token.t === 'op' && token.op === '|') {
        this.lexer.next();
        this.skipNewlines();
        if (this.lexer.peek().t === 'eof') throw new Incomplete();
        commands.push(this.parseCommand());
        continue;
      }
      return { negated, commands };
    }
  }

  parseCommand(): Command {
    const first = this.lexer.peek();
    if (first.t === 'word' && first.raw === 'for') return this.parseFor();
    if (first.t === 'word' && UNSUPPORTED.has(first.raw)) {
      throw new SyntaxError_(`kubesim: the shell keyword '${first.raw}' is not simulated (for loops, pipes and lists are)`);
    }
    if (first.t === 'word' && RESERVED.has(first.raw)) unexpected(first);
    if (first.t === 'op' && (first.op === '(' || first.op === ')')) {
      if (first.op === '(') throw new SyntaxError_('kubesim: subshells ( … ) are not simulated');
      unexpected(first);
    }
    return { kind: 'simple', ...this.parseSimple() };
  }

  private parseFor(): Command {
    this.lexer.next();
    const nameToken = this.lexer.next();
    if (nameToken.t !== 'word') unexpected(nameToken);
    if (!NAME_RE.test(nameToken.raw)) throw new SyntaxError_(`bash: \`${nameToken.raw}': not a valid identifier`);
    const items: Word[] = [];
    this.skipNewlines();
    if (isWord(this.lexer.peek(), 'in')) {
      this.lexer.next();
      for (;;) {
        const token = this.lexer.peek();
        if (token.t === 'word') {
          this.lexer.next();
          items.push(token.word);
          continue;
        }
        if (token.t === 'op' && (token.op === ';' || token.op === '\n')) {
          this.lexer.next();
          break;
        }
        unexpected(token);
      }
    } else {
      throw new SyntaxError_('kubesim: `for NAME` without `in WORDS` is not simulated');
    }
    this.skipNewlines();
    const doToken = this.lexer.next();
    if (!isWord(doToken, 'do')) unexpected(doToken);
    const body = this.parseList(['done']);
    this.lexer.next(); // done
    return { kind: 'for', variable: nameToken.raw, items, body };
  }

  private parseSimple(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [], redirects: [] };
    for (;;) {
      const token = this.lexer.peek();
      if (token.t === 'word') {
        this.lexer.next();
        const assignment = command.words.length === 0 ? asAssignment(token.word) : null;
        if (assignment) command.assignments.push(assignment);
        else command.words.push(token.word);
        continue;
      }
      if (token.t === 'redir') {
        this.lexer.next();
        const redirect: Redirect = { op: token.op };
        if (token.op !== '2>&1' && token.op !== '>&2') {
          const target = this.lexer.next();
          if (target.t !== 'word') unexpectedTarget(target);
          redirect.target = target.word;
        }
        command.redirects.push(redirect);
        continue;
      }
      if (token.t === 'heredoc') {
        this.lexer.next();
        const target = this.lexer.next();
        if (target.t !== 'word') unexpectedTarget(target);
        const quoted = target.word.parts.some((p) => p.quoted);
        const delimiter = target.word.parts.map((p) => (p.kind === 'text' ? p.text : rawOf(p))).join('');
        const doc: Heredoc = { delimiter, expand: !quoted, stripTabs: token.stripTabs, body: { parts: [] } };
        command.heredoc = doc;
        this.lexer.registerHeredoc(doc);
        continue;
      }
      break;
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0 && !command.heredoc) {
      unexpected(this.lexer.peek());
    }
    return command;
  }
}

function rawOf(part: WordPart): string {
  if (part.kind === 'param') return part.op ? `\${${part.op.raw}}` : `$${part.name}`;
  if (part.kind === 'subst') return `$(${part.source})`;
  if (part.kind === 'arith') return `$((${part.source}))`;
  return part.text;
}

function asAssignment(word: Word): { name: string; value: Word } | null {
  const first = word.parts[0];
  if (!first || first.kind !== 'text' || first.quoted) return null;
  const eq = first.text.indexOf('=');
  if (eq <= 0 || !NAME_RE.test(first.text.slice(0, eq))) return null;
  const rest = first.text.slice(eq + 1);
  const parts: WordPart[] = rest ? [{ kind: 'text', text: rest, quoted: false }] : [];
  // the value keeps what was quoted: its tildes expand (X=~/a:~/b); it is expanded without field splitting
  return { name: first.text.slice(0, eq), value: { parts: [...parts, ...word.parts.slice(1)] } };
}

/** Parses one or more lines of shell input. */
export function parse(source: string, options: ParseOptions = {}): ParseResult {
  try {
    const lexer = new Lexer(source, options);
    const list = new Parser(lexer).parseList();
    if (list.items.length === 0) return { kind: 'empty' };
    return { kind: 'ok', list };
  } catch (e) {
    if (e instanceof Incomplete) {
      if (options.final) return { kind: 'error', message: endOfFileMessage(source) };
      return { kind: 'incomplete' };
    }
    if (e instanceof SyntaxError_) return { kind: 'error', message: e.message };
    throw e;
  }
}

/** what bash says when input ends inside a quote or after `|` / `&&` */
function endOfFileMessage(source: string): string {
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote !== "'") i++;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(source[i - 1]!))) {
      while (i < source.length && source[i] !== '\n') i++;
    }
  }
  const eof = 'bash: syntax error: unexpected end of file';
  return quote ? `bash: unexpected EOF while looking for matching \`${quote}'\n${eof}` : eof;
}
