import { describe, expect, test } from 'vitest';
import { runScript } from '../../testing/run-script.ts';

const PODS = 'echo -e "web-1 Running\\nweb-2 CrashLoopBackOff\\ndb-0 Running\\nWeb-3 Pending" > pods.txt\n';

async function run(script: string) {
  const t = await runScript(PODS + script);
  return { output: t.output, status: t.status };
}

describe('grep', () => {
  test('prints matching lines with status 0, and nothing with status 1', async () => {
    expect(await run('grep Running pods.txt')).toEqual({ output: 'web-1 Running\ndb-0 Running\n', status: 0 });
    expect(await run('grep Evicted pods.txt')).toEqual({ output: '', status: 1 });
  });

  test('reads standard input from a pipe', async () => {
    expect(await run('cat pods.txt | grep -c web')).toEqual({ output: '2\n', status: 0 });
  });

  test('combines short flags: -in, -vc, -ic', async () => {
    expect(await run('grep -in web pods.txt')).toEqual({
      output: '1:web-1 Running\n2:web-2 CrashLoopBackOff\n4:Web-3 Pending\n',
      status: 0,
    });
    expect((await run('grep -vc Running pods.txt')).output).toBe('2\n');
    expect((await run('grep -ic WEB pods.txt')).output).toBe('3\n');
  });

  test('-o prints each match on its own line, with -n prefixes', async () => {
    expect((await run('grep -on "[0-9]" pods.txt')).output).toBe('1:1\n2:2\n3:0\n4:3\n');
    expect((await run('echo "a1b22c333" | grep -oE "[0-9]+"')).output).toBe('1\n22\n333\n');
  });

  test('-w and -x match whole words and whole lines', async () => {
    expect(await run('echo "web-1 Running" | grep -w Run')).toEqual({ output: '', status: 1 });
    expect((await run('grep -w db-0 pods.txt')).output).toBe('db-0 Running\n');
    expect((await run('echo -e "ab\\nabc" | grep -x ab')).output).toBe('ab\n');
  });

  test('basic regexes treat + ? | ( ) { } literally and \\+ \\| \\( \\) \\{ \\} as operators', async () => {
    const lines = 'echo -e "a+b\\naab\\nx|y\\n(z)\\nb{2}\\nbb" > re.txt\n';
    expect((await run(lines + 'grep "a+b" re.txt')).output).toBe('a+b\n');
    expect((await run(lines + 'grep "^a\\+b" re.txt')).output).toBe('aab\n');
    expect((await run(lines + 'grep "x|y" re.txt')).output).toBe('x|y\n');
    expect((await run(lines + 'grep "z)\\|aab" re.txt')).output).toBe('aab\n(z)\n');
    expect((await run(lines + 'grep "\\(a\\)\\1" re.txt')).output).toBe('aab\n');
    expect((await run(lines + 'grep "b{2}" re.txt')).output).toBe('b{2}\n');
    expect((await run(lines + 'grep -x "b\\{2\\}" re.txt')).output).toBe('bb\n');
    expect((await run(lines + 'grep -c "^*" re.txt')).output).toBe('0\n');
  });

  test('-E makes them operators, -F makes everything literal', async () => {
    expect((await run('grep -E "^(db|Web)-[0-9]" pods.txt')).output).toBe('db-0 Running\nWeb-3 Pending\n');
    expect((await run('echo -e "a.c\\nabc" | grep -F a.c')).output).toBe('a.c\n');
    expect((await run('echo "x{1" | grep -E "x{1"')).output).toBe('x{1\n');
  });

  test('understands bracket expressions and POSIX classes', async () => {
    expect((await run('echo -e "a1\\nb\\n]" | grep "[]0-9]"')).output).toBe('a1\n]\n');
    expect((await run('echo -e "tab\\there\\nnone" | grep "b[[:space:]]h"')).output).toBe('tab\there\n');
    expect((await run('echo -e "ABC\\nabc" | grep "^[[:upper:]]*$"')).output).toBe('ABC\n');
  });

  test('-e may repeat, and -q prints nothing', async () => {
    expect((await run('grep -e db -e Pending pods.txt')).output).toBe('db-0 Running\nWeb-3 Pending\n');
    expect(await run('grep -q Crash pods.txt')).toEqual({ output: '', status: 0 });
    expect(await run('grep -q Nope pods.txt')).toEqual({ output: '', status: 1 });
  });

  test('prefixes file names with several files, -h drops them and -H adds them', async () => {
    const two = 'echo db-1 > more.txt\n';
    expect((await run(two + 'grep db pods.txt more.txt')).output).toBe('pods.txt:db-0 Running\nmore.txt:db-1\n');
    expect((await run(two + 'grep -h db pods.txt more.txt')).output).toBe('db-0 Running\ndb-1\n');
    expect((await run('grep -Hn db pods.txt')).output).toBe('pods.txt:3:db-0 Running\n');
    expect((await run(two + 'grep -c db pods.txt more.txt')).output).toBe('pods.txt:1\nmore.txt:1\n');
    expect((await run(two + 'grep -l Running pods.txt more.txt')).output).toBe('pods.txt\n');
    expect((await run('echo x | grep -H x')).output).toBe('(standard input):x\n');
  });

  test('reports a missing file and exits 2 even when other files matched', async () => {
    expect(await run('grep db nope.txt pods.txt')).toEqual({
      output: 'grep: nope.txt: No such file or directory\npods.txt:db-0 Running\n',
      status: 2,
    });
    expect(await run('grep -q db nope.txt pods.txt')).toEqual({
      output: 'grep: nope.txt: No such file or directory\n',
      status: 0,
    });
    expect(await run('mkdir d; grep x d')).toEqual({ output: 'grep: d: Is a directory\n', status: 2 });
  });

  test('rejects bad patterns and options with status 2', async () => {
    const usage = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
    expect(await run('grep "[a" pods.txt')).toEqual({ output: 'grep: Unmatched [, [^, [:, [., or [=\n', status: 2 });
    expect(await run('grep "\\(a" pods.txt')).toEqual({ output: 'grep: Unmatched ( or \\(\n', status: 2 });
    expect(await run('grep -E "(a" pods.txt')).toEqual({ output: 'grep: Unmatched ( or \\(\n', status: 2 });
    expect(await run('grep "a\\\\" pods.txt')).toEqual({ output: 'grep: Trailing backslash\n', status: 2 });
    expect(await run('grep "[:digit:]" pods.txt')).toEqual({
      output: 'grep: character class syntax is [[:space:]], not [:digit:]\n',
      status: 2,
    });
    expect(await run('grep -k x pods.txt')).toEqual({ output: `grep: invalid option -- 'k'\n${usage}`, status: 2 });
    expect(await run('grep')).toEqual({ output: usage, status: 2 });
  });

  describe('context (outputs checked against GNU grep 3.11)', () => {
    const LINES = String.raw`printf 'a\nb\nmatch1\nc\nd\ne\nf\nmatch2\ng\nmatch3\nh\n' > f.txt` + '\n';
    const ctx = async (script: string) => {
      const t = await runScript(LINES + script);
      return { output: t.output, status: t.status };
    };

    test('-A and -B print lines around each match, - after context lines, and -- between groups', async () => {
      expect(await ctx('grep -A1 match f.txt')).toEqual({ output: 'match1\nc\n--\nmatch2\ng\nmatch3\nh\n', status: 0 });
      expect((await ctx('grep -B 2 -n match f.txt')).output).toBe('1-a\n2-b\n3:match1\n--\n6-e\n7-f\n8:match2\n9-g\n10:match3\n');
    });

    test('-C, -NUM and --context, across files; counts ignore context; a bad length is refused', async () => {
      expect((await ctx('grep -C1 match2 f.txt f.txt')).output).toBe(
        'f.txt-f\nf.txt:match2\nf.txt-g\n--\nf.txt-f\nf.txt:match2\nf.txt-g\n',
      );
      expect((await ctx('grep -1 match3 f.txt')).output).toBe('g\nmatch3\nh\n');
      expect((await ctx('grep --context=1 -c match f.txt')).output).toBe('3\n');
      expect(await ctx('grep -A x match f.txt')).toEqual({ output: 'grep: x: invalid context length argument\n', status: 2 });
    });
  });
});
