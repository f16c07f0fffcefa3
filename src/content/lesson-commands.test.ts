// every lesson's click-to-run commands, run in order as a learner clicking through would (after
// opening the lesson's manifests in the editor): each one must succeed, so no lesson tells a
// learner to run something the simulator rejects
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createLearnerMachine } from '../sim/machine.ts';

const ROOT = join(import.meta.dirname, '../../content/lessons/en');

function lessons(): string[] {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort();
}

/** the lesson's blocks in page order: manifests opened, commands run */
function blocksOf(mdx: string, dir: string): ({ kind: 'run'; cmd: string } | { kind: 'file'; path: string; text: string })[] {
  const imports = new Map<string, string>();
  for (const m of mdx.matchAll(/^import (\w+) from '\.\/(files\/[^']+)\?raw';$/gm)) imports.set(m[1]!, m[2]!);
  const blocks: ({ kind: 'run'; cmd: string } | { kind: 'file'; path: string; text: string })[] = [];
  for (const m of mdx.matchAll(/<Run cmd="([^"]+)"|<Manifest path="([^"]+)" code=\{(\w+)\}/g)) {
    if (m[1]) blocks.push({ kind: 'run', cmd: m[1] });
    else blocks.push({ kind: 'file', path: m[2]!, text: readFileSync(join(dir, imports.get(m[3]!)!), 'utf8') });
  }
  return blocks;
}

describe('lesson commands', () => {
  for (const lesson of lessons()) {
    test(`${lesson}: every Run block succeeds in order`, async () => {
      const path = join(ROOT, lesson);
      const mdx = readFileSync(path, 'utf8');
      const blocks = blocksOf(mdx, join(path, '..'));
      // the parser saw every block the lesson has
      expect(blocks.length).toBe((mdx.match(/<Run |<Manifest /g) ?? []).length);
      const { session, world } = createLearnerMachine({ seed: 11, mode: 'script' });
      const failures: string[] = [];
      for (const block of blocks) {
        if (block.kind === 'file') {
          session.shell.fs.writeFile(block.path, block.text);
          continue;
        }
        let output = '';
        const out = { stdout: (t: string) => void (output += t), stderr: (t: string) => void (output += t) };
        // a learner reads for a few seconds between clicks: pods get time to start
        world.cluster.advance(5_000);
        const result = await session.feedLine(block.cmd, out);
        // `-it` opens a shell in the container: the learner leaves it again
        if (result.kind === 'entered') await session.feedLine('exit', out);
        if (session.shell.lastStatus !== 0) failures.push(`${block.cmd} → ${session.shell.lastStatus}\n${output}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
