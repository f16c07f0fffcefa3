// the shape of a parsed command line, shared by the parser and the interpreter

/** One piece of a word: literal text, or a parameter to expand at run time. */
export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; quoted: boolean; op?: ParamOp }
  /** `$(…)`: the source between the parentheses, run when the word is expanded */
  | { kind: 'subst'; source: string; quoted: boolean }
  /** `$((…))`: an arithmetic expression, evaluated when the word is expanded */
  | { kind: 'arith'; source: string; quoted: boolean };

/**
 * `${NAME<op>WORD}`: a default (`:-` `-`), an assignment (`:=` `=`), an alternative (`:+` `+`), an
 * error when unset (`:?` `?`), a prefix or suffix removed (`#` `##` `%` `%%`), a pattern replaced
 * or a substring (ParamEdit); or `${#NAME}`, the value's length. `raw` is the text between the braces
 */
export interface ParamOp {
  op: ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'length' | ParamEdit;
  word: Word;
  raw: string;
  /** `${NAME/PATTERN/STRING}`: the STRING */
  replacement?: Word;
  /** `${NAME:OFFSET:LENGTH}`: the arithmetic of OFFSET and of LENGTH when given */
  range?: [string, string?];
}

/** `/` replaces the first longest match, `//` every one, `/#` one at the start, `/%` one at the end; `:` takes a substring */
export type ParamEdit = '/' | '//' | '/#' | '/%' | ':';

/** A shell word before expansion; `$?` must be read when the command runs, not when parsed. */
export interface Word {
  parts: WordPart[];
}

export type RedirectOp = '>' | '>>' | '<' | '<<<' | '2>' | '2>>' | '2>&1' | '&>' | '>&2';

export interface Redirect {
  op: RedirectOp;
  /** absent for fd duplications such as `2>&1` */
  target?: Word;
}

export interface Heredoc {
  delimiter: string;
  /** false when the delimiter was quoted (`<<'EOF'`): the body is taken literally */
  expand: boolean;
  /** `<<-` strips leading tabs from body lines and the delimiter line */
  stripTabs: boolean;
  /** the body as a word; a quoted delimiter makes it one literal part */
  body: Word;
}

export interface SimpleCommand {
  /** leading `NAME=value` words */
  assignments: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
  heredoc?: Heredoc;
}

/** `for NAME in WORDS; do LIST; done` */
export interface ForLoop {
  kind: 'for';
  variable: string;
  items: Word[];
  body: CommandList;
}

export type Command = ({ kind: 'simple' } & SimpleCommand) | ForLoop;

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export type ListOp = ';' | '&&' | '||';

/** `a && b || c ; d`: each pipeline runs depending on the operator before it and the last status. */
export interface CommandList {
  items: { pipeline: Pipeline; before: ListOp | null }[];
}

export type ParseResult =
  | { kind: 'ok'; list: CommandList }
  | { kind: 'empty' }
  /** the input is fine so far but needs more lines: an open quote, a pending heredoc, a trailing `|` */
  | { kind: 'incomplete' }
  | { kind: 'error'; message: string };
