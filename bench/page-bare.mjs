// the page bench's yardstick: a page with xterm and nothing else. the budget for the first
// prompt was set beside such a page ("a bare page with only xterm shows it after ~140 ms"); this
// machine's speed varies with what else runs on it, so the bench measures the bare page in the
// same browser, from the same server, interleaved with the lesson's loads, and prints both.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const bareDir = join(root, 'node_modules', '.cache', 'kubesim-bench', 'bare');

// xterm and its fit addon as the lesson's terminal makes them: open, fit, write the prompt
const ENTRY = `
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
const term = new Terminal({ fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, monospace", fontSize: 14 });
const fit = new FitAddon();
term.loadAddon(fit);
term.open(document.querySelector('.screen'));
fit.fit();
term.write('\\x1b[1;32mlearner@laptop\\x1b[0m:\\x1b[1;34m~\\x1b[0m$ ');
globalThis.__firstPromptAt = performance.now();
term.focus();
`;

/** writes the bare page (index.html and its one minified module) under bareDir */
export async function buildBarePage() {
  mkdirSync(bareDir, { recursive: true });
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(bareDir, 'bare.js'),
    logLevel: 'warning',
  });
  const css = readFileSync(join(root, 'node_modules', '@xterm', 'xterm', 'css', 'xterm.css'), 'utf8');
  writeFileSync(
    join(bareDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1"><title>xterm only</title>' +
      `<style>${css}body{margin:0;height:100vh;display:flex;background:#0f172a}.screen{flex:1;min-width:0}</style>` +
      '<script type="module" src="bare.js"></script></head><body><div class="screen"></div></body></html>',
  );
}
