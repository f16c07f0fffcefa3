import { describe, expect, test } from 'vitest';
import { VirtualClock } from '../../clock.ts';
import { runScript } from '../../testing/run-script.ts';
import { createSession } from '../index.ts';
import { VirtualFs } from '../vfs.ts';

async function run(script: string) {
  const t = await runScript(script);
  return { output: t.output, status: t.status };
}

const TREE = 'mkdir d; echo hello > f.txt; touch empty .hidden\n';

describe('ls', () => {
  test('prints names two spaces apart, hidden ones only with -a or -A', async () => {
    expect((await run(TREE + 'ls')).output).toBe('d  empty  f.txt\n');
    expect((await run(TREE + 'ls -a')).output).toBe('.  ..  .hidden  d  empty  f.txt\n');
    expect((await run(TREE + 'ls -A')).output).toBe('.hidden  d  empty  f.txt\n');
    expect((await run(TREE + 'ls -1')).output).toBe('d\nempty\nf.txt\n');
    expect(await run('ls')).toEqual({ output: '', status: 0 });
  });

  test('-l shows mode, links, owner, size and time, after a block total', async () => {
    expect((await run(TREE + 'ls -l')).output).toBe(
      'total 8\n' +
        'drwxr-xr-x 2 learner learner 4096 Jan  1 00:00 d\n' +
        '-rw-r--r-- 1 learner learner    0 Jan  1 00:00 empty\n' +
        '-rw-r--r-- 1 learner learner    6 Jan  1 00:00 f.txt\n',
    );
    expect((await run(TREE + 'ls -l f.txt')).output).toBe('-rw-r--r-- 1 learner learner 6 Jan  1 00:00 f.txt\n');
  });

  test('-l shows the time touch set', async () => {
    expect((await run('touch a; sleep 1h; touch b; sleep 1h; ls -l')).output).toBe(
      'total 0\n' + '-rw-r--r-- 1 learner learner 0 Jan  1 00:00 a\n' + '-rw-r--r-- 1 learner learner 0 Jan  1 01:00 b\n',
    );
  });

  test('lists files first, then each directory under a header', async () => {
    expect((await run(TREE + 'touch d/x; ls d f.txt')).output).toBe('f.txt\n\nd:\nx\n');
  });

  test('quotes names the shell would need quoted', async () => {
    expect((await run('touch "my file" b; ls')).output).toBe(" b  'my file'\n");
  });

  test('reports a missing operand with status 2 and still lists the rest', async () => {
    expect(await run(TREE + 'ls nope d')).toEqual({
      output: "ls: cannot access 'nope': No such file or directory\nd:\n",
      status: 2,
    });
    expect(await run('ls -z')).toEqual({
      output: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
      status: 2,
    });
  });
});

describe('a file system with a clock', () => {
  test('stamps every write, so ls -l shows when a redirection wrote a file', async () => {
    const clock = new VirtualClock();
    const session = createSession({ clock, seed: 1, fs: new VirtualFs('/home/learner', null, clock) });
    const t = await runScript('echo a > a.txt; sleep 2m; echo b > b.txt; sleep 1h; ls -l', 1, session);
    expect(t.output).toBe(
      'total 8\n' + '-rw-r--r-- 1 learner learner 2 Jan  1 00:00 a.txt\n' + '-rw-r--r-- 1 learner learner 2 Jan  1 00:02 b.txt\n',
    );
    expect(session.shell.fs.mtime('.')).toBe(Date.UTC(2026, 0, 1, 0, 2));
  });
});

describe('touch, mkdir and rm', () => {
  test('touch creates empty files and leaves contents alone', async () => {
    expect((await run('echo x > f; touch f g; cat f g; ls')).output).toBe('x\nf  g\n');
    expect((await run('touch -c ghost; ls')).output).toBe('');
  });

  test('touch reports what it cannot create', async () => {
    expect(await run('touch')).toEqual({
      output: "touch: missing file operand\nTry 'touch --help' for more information.\n",
      status: 1,
    });
    expect(await run('touch no/f')).toEqual({ output: "touch: cannot touch 'no/f': No such file or directory\n", status: 1 });
  });

  test('mkdir makes directories, and parents with -p', async () => {
    expect((await run('mkdir a; mkdir -p b/c/d; ls; ls b/c')).output).toBe('a  b\nd\n');
    expect((await run('mkdir -pv x/y')).output).toBe("mkdir: created directory 'x'\nmkdir: created directory 'x/y'\n");
  });

  test('mkdir reports failures with curly quotes', async () => {
    expect(await run('mkdir a; mkdir a')).toEqual({ output: 'mkdir: cannot create directory ‘a’: File exists\n', status: 1 });
    expect(await run('mkdir a/b')).toEqual({
      output: 'mkdir: cannot create directory ‘a/b’: No such file or directory\n',
      status: 1,
    });
    expect(await run('mkdir')).toEqual({
      output: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
      status: 1,
    });
  });

  test('rm removes files, directories only with -r', async () => {
    expect((await run(TREE + 'touch d/x; rm f.txt empty; rm -r d; ls -A')).output).toBe('.hidden\n');
    expect(await run(TREE + 'rm d')).toEqual({ output: "rm: cannot remove 'd': Is a directory\n", status: 1 });
    expect((await run(TREE + 'rm -rf d nope; ls')).output).toBe('empty  f.txt\n');
  });

  test('rm reports a missing file unless -f', async () => {
    expect(await run('rm nope')).toEqual({ output: "rm: cannot remove 'nope': No such file or directory\n", status: 1 });
    expect(await run('rm -f nope')).toEqual({ output: '', status: 0 });
    expect(await run('rm')).toEqual({ output: "rm: missing operand\nTry 'rm --help' for more information.\n", status: 1 });
    expect(await run('rm -r .')).toEqual({
      output: "rm: refusing to remove '.' or '..' directory: skipping '.'\n",
      status: 1,
    });
  });
});

describe('cd and pwd', () => {
  test('cd moves, cd alone goes home, cd - goes back and prints where', async () => {
    expect((await run('mkdir -p a/b; cd a/b; pwd; cd ..; pwd; cd; pwd; cd -')).output).toBe(
      '/home/learner/a/b\n/home/learner/a\n/home/learner\n/home/learner/a\n',
    );
  });

  test('relative paths follow the working directory', async () => {
    expect((await run('mkdir d; cd d; echo hi > f; cd ..; cat d/f; ls d')).output).toBe('hi\nf\n');
  });

  test('cd reports errors as bash does', async () => {
    expect(await run('cd nope')).toEqual({ output: 'bash: cd: nope: No such file or directory\n', status: 1 });
    expect(await run('touch f; cd f')).toEqual({ output: 'bash: cd: f: Not a directory\n', status: 1 });
    expect(await run('cd a b')).toEqual({ output: 'bash: cd: too many arguments\n', status: 1 });
    expect(await run('cd -')).toEqual({ output: 'bash: cd: OLDPWD not set\n', status: 1 });
  });

  test('pwd rejects unknown options as bash does', async () => {
    expect(await run('pwd -x')).toEqual({
      output: 'bash: pwd: -x: invalid option\npwd: usage: pwd [-LP]\n',
      status: 2,
    });
  });
});

describe('/dev/null', () => {
  test('reads as empty and swallows what is written, as on any machine', async () => {
    const t = await runScript(
      'cat /dev/null; echo "st $?"; wc -l < /dev/null; echo hi | tee /dev/null; cat /dev/null; ls /dev/null',
    );
    expect(t.output).toBe('st 0\n0\nhi\n/dev/null\n');
  });
});
