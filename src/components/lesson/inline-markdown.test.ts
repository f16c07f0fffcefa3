import { describe, expect, test } from 'vitest';
import { inlineParts, paragraphs } from './inline-markdown.ts';

describe('inlineParts', () => {
  test('splits code and bold runs out of text', () => {
    expect(inlineParts('Run a pod named `web` with **two** containers')).toEqual([
      { kind: 'text', text: 'Run a pod named ' },
      { kind: 'code', text: 'web' },
      { kind: 'text', text: ' with ' },
      { kind: 'strong', text: 'two' },
      { kind: 'text', text: ' containers' },
    ]);
  });

  test('markup characters stay text: nothing is interpreted as HTML', () => {
    expect(inlineParts('<b>not bold</b> `<i>`')).toEqual([
      { kind: 'text', text: '<b>not bold</b> ' },
      { kind: 'code', text: '<i>' },
    ]);
  });
});

describe('paragraphs', () => {
  test('blank lines separate paragraphs; single line breaks fold', () => {
    expect(paragraphs('one\ntwo\n\n  three\n')).toEqual(['one two', 'three']);
  });
});
