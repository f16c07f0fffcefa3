// go's strconv quoting, shared by the apiserver's messages (field errors, status errors) and
// kubectl's printers (%q, jsonpath)

/** the escapes strconv writes for control characters that have a short form */
export const CONTROL_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

const QUOTE_ESCAPES: Readonly<Record<string, string>> = { ...CONTROL_ESCAPES, '\\': '\\\\', '"': '\\"' };

/** strconv.IsPrint, close enough: letters, marks, numbers, punctuation, symbols and ' ' */
export const isPrint = (ch: string): boolean => ch === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch);

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** strconv.Quote (what %q and %#v print for strings) */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const simple = QUOTE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (isPrint(ch)) out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}
