// npm run bench runs the simulator as the browser gets it: bundled by esbuild, without the
// function-name bookkeeping a TypeScript loader (tsx) adds to every closure it compiles
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const out = 'node_modules/.cache/kubesim-bench/run.mjs';
mkdirSync('node_modules/.cache/kubesim-bench', { recursive: true });
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outfile: out,
  logLevel: 'warning',
  // libraries (yaml) load from node_modules as they are; only the simulator's own code is bundled
  packages: 'external',
});
