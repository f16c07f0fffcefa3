import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, rewriteBuiltPages, staticImports, terminalFirst } from './terminal-first.ts';

// built chunks as the bundler writes them: minified, static imports with and without bindings,
// a dynamic import that must not be preloaded, and an import cycle
const CHUNKS: Record<string, string> = {
  '/_astro/Terminal.abc.js':
    'import{t as e}from"./workspace.x1.js";import"./side.y2.js";const n=()=>import("./runtime.z3.js");class r extends HTMLElement{}customElements.define(`kube-terminal`,r);',
  '/_astro/workspace.x1.js': 'import{h as a}from"./helper.q4.js";export{a as t};',
  '/_astro/side.y2.js': 'import{t}from"./workspace.x1.js";t();',
  '/_astro/helper.q4.js': 'export const h=1;',
  '/_astro/runtime.z3.js': 'export const big=1;',
  '/_astro/Lesson.def.js': 'import{t as e}from"./workspace.x1.js";e();',
};
const read = (path: string) => CHUNKS[path] ?? null;

const PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A lesson</title>' +
  `<meta http-equiv="content-security-policy" content="default-src 'self'"><style>body{margin:0}</style></head>` +
  '<body><header><script type="module" src="/_astro/Menu.m.js"></script></header>' +
  '<main><script type="module" src="/_astro/Terminal.abc.js"></script><kube-terminal></kube-terminal>' +
  '<script type="module" src="/_astro/Lesson.def.js"></script></main></body></html>';

describe('staticImports', () => {
  it('lists from- and bare imports once each, never dynamic ones', () => {
    expect(staticImports(CHUNKS['/_astro/Terminal.abc.js']!)).toEqual(['./workspace.x1.js', './side.y2.js']);
    expect(staticImports('import * as z from "./zod.js";export{a}from\'./a.js\';')).toEqual(['./zod.js', './a.js']);
  });
});

describe('importGraph', () => {
  it('follows imports breadth first, through cycles, leaving the entry out', () => {
    expect(importGraph('/_astro/Terminal.abc.js', read)).toEqual([
      '/_astro/workspace.x1.js',
      '/_astro/side.y2.js',
      '/_astro/helper.q4.js',
    ]);
  });

  it('keeps a module it cannot read, without following it', () => {
    expect(importGraph('/_astro/entry.js', (p) => (p === '/_astro/entry.js' ? 'import"./gone.js";' : null))).toEqual([
      '/_astro/gone.js',
    ]);
  });
});

describe('terminalFirst', () => {
  it('moves the terminal script right after the CSP meta, its imports preloaded, the other scripts after the prompt', () => {
    expect(terminalFirst(PAGE, read)).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A lesson</title>' +
        `<meta http-equiv="content-security-policy" content="default-src 'self'">` +
        '<script type="module" src="/_astro/Terminal.abc.js"></script>' +
        '<link rel="modulepreload" href="/_astro/workspace.x1.js">' +
        '<link rel="modulepreload" href="/_astro/side.y2.js">' +
        '<link rel="modulepreload" href="/_astro/helper.q4.js">' +
        '<script type="module" src="/after-prompt.js"></script>' +
        '<style>body{margin:0}</style></head>' +
        '<body><header><script type="kubesim/after-prompt" data-src="/_astro/Menu.m.js"></script></header>' +
        '<main><kube-terminal></kube-terminal>' +
        '<script type="kubesim/after-prompt" data-src="/_astro/Lesson.def.js"></script></main></body></html>',
    );
  });

  it('puts it at the top of the head when the page has no CSP meta', () => {
    const page =
      '<html><head><title>t</title></head><body><script type="module" src="/_astro/Terminal.abc.js"></script></body></html>';
    expect(terminalFirst(page, read)).toBe(
      '<html><head><script type="module" src="/_astro/Terminal.abc.js"></script>' +
        '<link rel="modulepreload" href="/_astro/workspace.x1.js">' +
        '<link rel="modulepreload" href="/_astro/side.y2.js">' +
        '<link rel="modulepreload" href="/_astro/helper.q4.js">' +
        '<title>t</title></head><body></body></html>',
    );
  });

  it('leaves a page without the terminal as it is', () => {
    const page = PAGE.replace('<script type="module" src="/_astro/Terminal.abc.js"></script>', '');
    expect(terminalFirst(page, read)).toBe(page);
  });
});

describe('rewriteBuiltPages', () => {
  it('rewrites the pages that host the terminal under a built site, and only those', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'terminal-first-'));
    await mkdir(join(dir, '_astro'));
    await mkdir(join(dir, 'lessons', 'one'), { recursive: true });
    for (const [path, code] of Object.entries(CHUNKS)) await writeFile(join(dir, path), code);
    const home = '<html><head></head><body><script type="module" src="/_astro/Lesson.def.js"></script></body></html>';
    await writeFile(join(dir, 'index.html'), home);
    await writeFile(join(dir, 'lessons', 'one', 'index.html'), PAGE);
    expect(await rewriteBuiltPages(dir)).toBe(1);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe(home);
    expect(await readFile(join(dir, 'lessons', 'one', 'index.html'), 'utf8')).toBe(terminalFirst(PAGE, read));
    // a second pass finds nothing left to move
    expect(await rewriteBuiltPages(dir)).toBe(0);
  });
});
