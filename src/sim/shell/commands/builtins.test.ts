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

describe('printf', () => {
  const run = async (script: string) => {
    const t = await runScript(script);
    return { output: t.output, status: t.status };
  };

  test('reuses the format while arguments remain, and pads, aligns and quotes as bash does', async () => {
    expect(await run(String.raw`printf '%s\n' a b c; printf '%s-%s\n' a b c; printf '%-5s|%5s|%.2s|\n' ab cd xyz`)).toEqual({
      output: 'a\nb\nc\na-b\nc-\nab   |   cd|xy|\n',
      status: 0,
    });
    expect(await run(String.raw`printf 'no newline'; printf '[%q] [%q] [%q]\n' "it's a test" '' 'x'`)).toEqual({
      output: "no newline[it\\'s\\ a\\ test] [''] [x]\n",
      status: 0,
    });
    expect((await run(String.raw`printf '%b|%s\n' 'a\tb' 'a\tb'; printf '%b' 'stop\chere'; echo`)).output).toBe(
      'a\tb|a\\tb\nstop\n',
    );
  });

  test('formats numbers like C: bases, flags, precision, character codes and rounding to even', async () => {
    expect(
      (
        await run(
          String.raw`printf '%d %i %o %x %X %u\n' 42 -7 8 255 255 -1; printf '%05d|%+d|% d|%.3d|%#x|%#o\n' 42 5 5 7 255 8; printf '%d %d %x\n' "'A" 0x1F 010`,
        )
      ).output,
    ).toBe('42 -7 10 ff FF 18446744073709551615\n00042|+5| 5|007|0xff|010\n65 31 8\n');
    expect(
      (
        await run(
          String.raw`printf '%.2f %e %g %g %G\n' 3.14159 12345.678 0.0001 1000000 0.00001234; printf '%.0f %.0f %.1f %8.3f|%-8.1f|\n' 2.5 3.5 0.25 -1.5 2`,
        )
      ).output,
    ).toBe('3.14 1.234568e+04 0.0001 1e+06 1.234E-05\n2 4 0.2   -1.500|2.0     |\n');
  });

  test('-v assigns instead of printing; * takes the width from an argument', async () => {
    expect((await run(String.raw`printf -v greeting 'hi %s' you; echo "[$greeting]"; printf '%*s|%-*s|\n' 4 a 3 b`)).output).toBe(
      '[hi you]\n   a|b  |\n',
    );
  });

  test("clamps numbers that do not fit 64 bits, with bash 5.2's warning", async () => {
    expect(await run('printf "%d|%d|%x\\n" 99999999999999999999 -99999999999999999999 99999999999999999999')).toEqual({
      output:
        'bash: printf: warning: 99999999999999999999: Numerical result out of range\n' +
        'bash: printf: warning: -99999999999999999999: Numerical result out of range\n' +
        'bash: printf: warning: 99999999999999999999: Numerical result out of range\n' +
        '9223372036854775807|-9223372036854775808|ffffffffffffffff\n',
      status: 0,
    });
  });

  test('reports bad numbers, bad formats and a missing format with bash words and statuses', async () => {
    expect(await run(String.raw`printf '%d|%d\n' abc 12x`)).toEqual({
      output: 'bash: printf: abc: invalid number\nbash: printf: 12x: invalid number\n0|12\n',
      status: 1,
    });
    expect(await run(String.raw`printf 'a%zb'`)).toEqual({ output: "bash: printf: `z': invalid format character\na", status: 1 });
    expect(await run('printf')).toEqual({ output: 'printf: usage: printf [-v var] format [arguments]\n', status: 2 });
    expect(await run('printf -x y')).toEqual({
      output: 'bash: printf: -x: invalid option\nprintf: usage: printf [-v var] format [arguments]\n',
      status: 2,
    });
  });
});

describe('awk', () => {
  test('a program that ends early names what is missing and where, as mawk does', async () => {
    const t = await runScript("awk '{print $1\n}\n{' /dev/null; echo $?; awk 'BEGIN {\nx = (1'");
    expect(t.output).toBe('awk: line 4: missing } near end of file\n2\nawk: line 2: missing ) near end of line\n');
  });

  test('what it does not simulate says so', async () => {
    const t = await runScript("awk 'function f(x) { return x } { print f($1) }' /dev/null; awk '{ print | \"sort\" }' /dev/null");
    expect(t.output).toBe(
      'kubesim: awk: user-defined functions are not simulated\nkubesim: awk: pipes from print and printf are not simulated\n',
    );
  });
});
