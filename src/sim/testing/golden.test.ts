// golden transcripts: each golden/NAME.sh runs with seed 1 and must print golden/NAME.out
// exactly. after a deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff
// line by line against a real cluster's behaviour before committing it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runKubesimScript } from './kubesim-script.ts';

const dir = join(import.meta.dirname, 'golden');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.sh'))
  .sort();

describe('golden transcripts', () => {
  test.each(scripts)('%s', async (file) => {
    const script = readFileSync(join(dir, file), 'utf8');
    const { output } = await runKubesimScript(script, 1);
    const expectedPath = join(dir, file.replace(/\.sh$/, '.out'));
    if (process.env['UPDATE_GOLDEN']) writeFileSync(expectedPath, output);
    expect(output).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
