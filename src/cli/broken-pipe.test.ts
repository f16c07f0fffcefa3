import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

test('a reader that stops early ends kubesim quietly with SIGPIPE’s status, not an EPIPE stack trace', () => {
  // thousands of lines of output, of which `head` reads one and closes the pipe
  const script = 'for i in $(seq 1 3000); do echo "echo line $i"; done';
  const result = spawnSync(
    'bash',
    ['-c', `${script} | "$NODE" bin/kubesim.mjs --seed 1 | head -1; echo "status \${PIPESTATUS[1]}"`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE: process.execPath }, timeout: 60_000 },
  );
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('line 1\nstatus 141\n');
}, 70_000);
