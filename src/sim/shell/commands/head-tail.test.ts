import { describe, expect, test } from 'vitest';
import { runScript } from '../../testing/run-script.ts';

const TWELVE = 'seq 12 > n.txt\n';

async function run(script: string) {
  const t = await runScript(TWELVE + script);
  return { output: t.output, status: t.status };
}

describe('head', () => {
  test('prints ten lines by default, or N with -n N and -N', async () => {
    expect((await run('head n.txt')).output).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
    expect((await run('head -n 2 n.txt')).output).toBe('1\n2\n');
    expect((await run('head -3 n.txt')).output).toBe('1\n2\n3\n');
    expect((await run('cat n.txt | head -n1')).output).toBe('1\n');
  });

  test('-n -N leaves out the last N lines and -c N counts bytes', async () => {
    expect((await run('head -n -10 n.txt')).output).toBe('1\n2\n');
    expect((await run('head -c 5 n.txt')).output).toBe('1\n2\n3');
    expect((await run('echo héllo | head -c 3')).output).toBe('hé');
  });

  test('puts ==> name <== headers between several files, blank line first from the second on', async () => {
    expect((await run('echo x > x.txt; head -n1 n.txt x.txt')).output).toBe('==> n.txt <==\n1\n\n==> x.txt <==\nx\n');
    expect((await run('echo x > x.txt; head -q -n1 n.txt x.txt')).output).toBe('1\nx\n');
    expect((await run('echo y | head -v -n1')).output).toBe('==> standard input <==\ny\n');
  });

  test('reports unreadable files and bad counts as coreutils does', async () => {
    expect(await run('head -n1 nope n.txt')).toEqual({
      output: "head: cannot open 'nope' for reading: No such file or directory\n==> n.txt <==\n1\n",
      status: 1,
    });
    expect(await run('mkdir d; head d')).toEqual({ output: "head: error reading 'd': Is a directory\n", status: 1 });
    expect(await run('head -n x n.txt')).toEqual({ output: 'head: invalid number of lines: ‘x’\n', status: 1 });
    expect(await run('head -c 1q n.txt')).toEqual({ output: 'head: invalid number of bytes: ‘1q’\n', status: 1 });
    expect(await run('head -n')).toEqual({
      output: "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n",
      status: 1,
    });
  });
});

describe('tail', () => {
  test('prints the last ten lines by default, or N with -n N and -N', async () => {
    expect((await run('tail n.txt')).output).toBe('3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
    expect((await run('tail -n 2 n.txt')).output).toBe('11\n12\n');
    expect((await run('tail -1 n.txt')).output).toBe('12\n');
    expect((await run('seq 3 | tail -n 5')).output).toBe('1\n2\n3\n');
  });

  test('-n +N starts at line N, and -c counts bytes', async () => {
    expect((await run('tail -n +11 n.txt')).output).toBe('11\n12\n');
    expect((await run('tail -n +0 n.txt | head -n1')).output).toBe('1\n');
    expect((await run('tail -c 3 n.txt')).output).toBe('12\n');
    expect((await run('tail -c +20 n.txt')).output).toBe('0\n11\n12\n');
  });

  test('keeps a last line without a newline as it is', async () => {
    expect((await run('echo -ne "a\\nb" | tail -n 1; echo')).output).toBe('b\n');
  });

  test('headers several files like head', async () => {
    expect((await run('echo x > x.txt; tail -n1 n.txt x.txt')).output).toBe('==> n.txt <==\n12\n\n==> x.txt <==\nx\n');
  });

  test('refuses to follow a file', async () => {
    expect(await run('tail -f n.txt')).toEqual({ output: "kubesim: 'tail -f' is not simulated\n", status: 1 });
    expect(await run('tail -n 3 --follow n.txt')).toEqual({ output: "kubesim: 'tail -f' is not simulated\n", status: 1 });
  });

  test('reports errors as coreutils does', async () => {
    expect(await run('tail nope')).toEqual({
      output: "tail: cannot open 'nope' for reading: No such file or directory\n",
      status: 1,
    });
    expect(await run('tail -n z n.txt')).toEqual({ output: 'tail: invalid number of lines: ‘z’\n', status: 1 });
    expect(await run('tail -x n.txt')).toEqual({
      output: "tail: invalid option -- 'x'\nTry 'tail --help' for more information.\n",
      status: 1,
    });
  });
});
