import { describe, expect, test } from 'vitest';
import { runScript } from '../../testing/run-script.ts';

describe('echo', () => {
  test('joins its arguments with single spaces', async () => {
    expect((await runScript('echo a   b  c')).output).toBe('a b c\n');
  });

  test('-n drops the newline and -e reads escapes', async () => {
    expect((await runScript('echo -n x; echo -e "a\\tb\\nc"; echo -ne "d\\ce"; echo')).output).toBe('xa\tb\nc\nd\n');
  });

  test('treats an unknown option as text, like bash', async () => {
    expect((await runScript('echo -x -n')).output).toBe('-x -n\n');
  });

  test('prints an empty line with no arguments', async () => {
    expect((await runScript('echo')).output).toBe('\n');
  });
});

describe('sleep', () => {
  test('advances the virtual clock at once', async () => {
    const t = await runScript('sleep 1.5 2m');
    expect(t.status).toBe(0);
    const clock = t.session.shell.clock;
    const before = clock.now();
    await runScript('sleep 1h', 1, t.session);
    expect(clock.now() - before).toBe(3600_000);
  });

  test('reports a missing operand as coreutils does', async () => {
    const t = await runScript('sleep');
    expect(t.output).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect(t.status).toBe(1);
  });

  test('reports an invalid interval as coreutils does', async () => {
    const t = await runScript('sleep 5x');
    expect(t.output).toBe("sleep: invalid time interval ‘5x’\nTry 'sleep --help' for more information.\n");
    expect(t.status).toBe(1);
  });
});

describe('history', () => {
  test('numbers every line including itself', async () => {
    const t = await runScript('echo a\necho b\nhistory\nhistory 2');
    expect(t.output).toBe('a\nb\n    1  echo a\n    2  echo b\n    3  history\n    3  history\n    4  history 2\n');
  });

  test('forgets everything with -c', async () => {
    expect((await runScript('echo a\nhistory -c\nhistory')).output).toBe('a\n    1  history\n');
  });

  test('rejects a non-number', async () => {
    const t = await runScript('history x');
    expect(t.output).toBe('bash: history: x: numeric argument required\n');
    expect(t.status).toBe(1);
  });

  test('skips lines that start with a space, as HISTCONTROL=ignorespace does', async () => {
    expect((await runScript(' echo secret\nhistory')).output).toBe('secret\n    1  history\n');
  });
});

describe('help', () => {
  test('lists every command with its summary', async () => {
    const t = await runScript('help');
    expect(t.output).toContain('  echo     print its arguments\n');
    expect(t.output).toContain('  sleep    wait for a number of seconds (suffixes s, m, h, d)\n');
    expect(t.output.split('\n').filter((l) => l.startsWith('  ')).length).toBe(t.session.shell.commands.size);
  });
});

describe('clear', () => {
  test('asks the terminal to clear and prints nothing', async () => {
    const events: string[] = [];
    const t = await runScript('');
    const status = await t.session.feedLine('clear', {
      stdout: (x) => events.push(x),
      stderr: (x) => events.push(x),
      control: (e) => events.push(`<${e}>`),
    });
    expect(status).toEqual({ kind: 'ran', status: 0 });
    expect(events).toEqual(['<clear>']);
  });
});

describe('export', () => {
  test('rejects an invalid identifier', async () => {
    const t = await runScript('export 1A=2');
    expect(t.output).toBe("bash: export: `1A=2': not a valid identifier\n");
    expect(t.status).toBe(1);
  });
});
