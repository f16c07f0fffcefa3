// libyaml's emitter (as go-yaml v2 ships it) reduced to what JSON-shaped values need: block
// mappings and sequences, {} and [] for empty ones, and the four scalar styles, each tracking the
// column so long scalars fold at spaces past column 80.

import { isPlainObject, utf8Bytes } from './go-fmt.ts';
import { escapeChar, isBreak, isPrintable, selectStyle, type ScalarStyle } from './yaml-scalar.ts';

const [BEST_INDENT, BEST_WIDTH] = [2, 80];

/** the caller decides mapping key order and the text of non-string scalars (go-yaml's encoder) */
export interface EmitterHooks {
  keyOrder: (a: string, b: string) => number;
  plainText: (value: unknown) => string;
}

export class Emitter {
  out = '';
  private column = 0;
  private indent = -1;
  private whitespace = true;
  private indention = true;

  constructor(private readonly hooks: EmitterHooks) {}

  private put(text: string): void {
    this.out += text;
    this.column += Array.from(text).length;
  }

  private putBreak(ch = '\n'): void {
    this.out += ch;
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  node(value: unknown, mappingContext: boolean, simpleKey = false): void {
    if (Array.isArray(value)) return this.sequence(value, mappingContext);
    if (isPlainObject(value)) return this.mapping(value);
    if (typeof value === 'string') return this.scalar(value, selectStyle(value, simpleKey), simpleKey);
    this.scalar(this.hooks.plainText(value), 'plain', simpleKey);
  }

  private mapping(map: Record<string, unknown>): void {
    const keys = Object.keys(map).sort(this.hooks.keyOrder);
    if (keys.length === 0) return this.emptyFlow('{', '}');
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT;
    for (const key of keys) {
      this.writeIndent();
      // yaml_emitter_check_simple_key: keys over 128 bytes or spanning lines take the `? key` form
      const simple = utf8Bytes(key).length <= 128 && !/[\n\r\u0085\u2028\u2029]/.test(key);
      if (!simple) this.indicator('?', true, false, true);
      this.node(key, !simple, simple);
      if (!simple) this.writeIndent();
      this.indicator(':', !simple, false, !simple);
      this.node(map[key], true);
    }
    this.indent = saved;
  }

  private sequence(items: unknown[], mappingContext: boolean): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    const saved = this.indent;
    // a list under a mapping key is "indentless": its dashes line up with the key
    const indentless = mappingContext && !this.indention;
    this.indent = this.indent < 0 ? 0 : indentless ? this.indent : this.indent + BEST_INDENT;
    for (const item of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(item, false);
    }
    this.indent = saved;
  }

  private emptyFlow(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private scalar(text: string, style: ScalarStyle, simpleKey: boolean): void {
    const saved = this.indent;
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    const chars = Array.from(text);
    if (style === 'plain') this.plain(chars, !simpleKey);
    else if (style === 'single') this.singleQuoted(chars, !simpleKey);
    else if (style === 'double') this.doubleQuoted(chars, !simpleKey);
    else this.literal(chars);
    this.indent = saved;
  }

  /** at a lone space past the best width the line breaks and continues at the scalar's indent */
  private fold = (allowBreaks: boolean, spaces: boolean): boolean => allowBreaks && !spaces && this.column > BEST_WIDTH;

  private plain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (this.fold(allowBreaks, spaces) && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(chars: string[], allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        const inner = i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ';
        if (this.fold(allowBreaks, spaces) && inner) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.putBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch === "'" ? "''" : ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.indicator("'", false, false, false);
  }

  private doubleQuoted(chars: string[], allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put(escapeChar(cp));
        spaces = false;
      } else if (ch === ' ') {
        if (this.fold(allowBreaks, spaces) && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          // a space right after the fold would be eaten by the reader: escape it
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.indicator('"', false, false, false);
  }

  private literal(chars: string[]): void {
    this.indicator('|', true, false, false);
    if (chars[0] === ' ' || isBreak(chars[0] ?? '')) this.indicator(String(BEST_INDENT), false, false, false);
    // chomping: `-` without a final line break, `+` to keep more than one, nothing for exactly one
    const last = chars[chars.length - 1];
    if (last === undefined || !isBreak(last)) this.indicator('-', false, false, false);
    else if (chars.length === 1 || isBreak(chars[chars.length - 2]!)) this.indicator('+', false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.putBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}
