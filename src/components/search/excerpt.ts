// Pagefind's excerpts are HTML: escaped text with <mark> around the matched words. they are
// split into plain-text parts here and rendered with textContent, never as HTML.

export interface ExcerptPart {
  text: string;
  /** a matched word, shown highlighted */
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** decodes the character references an escaped excerpt can contain; unknown ones stay as written */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** the excerpt as alternating plain and marked parts; any other tag is dropped, its text kept */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (html: string, marked: boolean) => {
    const text = decodeEntities(html.replace(/<[^>]*>/g, ''));
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  const markPattern = /<mark>([\s\S]*?)<\/mark>/gi;
  let at = 0;
  for (const match of excerpt.matchAll(markPattern)) {
    push(excerpt.slice(at, match.index), false);
    push(match[1] ?? '', true);
    at = match.index + match[0].length;
  }
  push(excerpt.slice(at), false);
  return parts;
}

/** the excerpt as DOM nodes: text nodes and <mark> elements, built with textContent */
export function renderExcerpt(doc: Document, excerpt: string): Node[] {
  return excerptParts(excerpt).map(({ text, marked }) => {
    if (!marked) return doc.createTextNode(text);
    const mark = doc.createElement('mark');
    mark.textContent = text;
    return mark;
  });
}
