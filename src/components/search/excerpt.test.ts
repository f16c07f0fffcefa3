import { describe, expect, test } from 'vitest';
import { decodeEntities, excerptParts } from './excerpt.ts';

describe('excerptParts', () => {
  test('returns plain and marked parts in order', () => {
    expect(excerptParts('run <mark>kubectl</mark> get <mark>pods</mark> now')).toEqual([
      { text: 'run ', marked: false },
      { text: 'kubectl', marked: true },
      { text: ' get ', marked: false },
      { text: 'pods', marked: true },
      { text: ' now', marked: false },
    ]);
  });

  test('returns escaped markup as text, never as tags', () => {
    expect(excerptParts('a &lt;script&gt;alert(1)&lt;/script&gt; <mark>b</mark>')).toEqual([
      { text: 'a <script>alert(1)</script> ', marked: false },
      { text: 'b', marked: true },
    ]);
  });

  test('drops tags other than mark but keeps their text', () => {
    expect(excerptParts('<img src=x onerror=alert(1)>x<b>y</b>')).toEqual([{ text: 'xy', marked: false }]);
  });

  test('returns an empty list for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  test('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&lt;none&gt; &amp; &#39;x&#x27; &bogus;')).toBe("<none> & 'x' &bogus;");
  });
});
