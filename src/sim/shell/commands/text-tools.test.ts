import { describe, expect, test } from 'vitest';
import { runScript } from '../../testing/run-script.ts';

async function run(script: string) {
  const t = await runScript(script);
  return { output: t.output, status: t.status };
}

describe('wc', () => {
  const FILE = 'echo -e "hello world\\nfoo" > a.txt\n';

  test('prints one unpadded count for one count of one input', async () => {
    expect((await run('echo hi | wc -l')).output).toBe('1\n');
    expect((await run(FILE + 'wc -l a.txt')).output).toBe('2 a.txt\n');
  });

  test('pads standard input to width 7 and files to the width of their total size', async () => {
    expect((await run('echo hi | wc')).output).toBe('      1       1       3\n');
    expect((await run(FILE + 'wc a.txt')).output).toBe(' 2  3 16 a.txt\n');
    expect((await run(FILE + 'wc -lw a.txt')).output).toBe(' 2  3 a.txt\n');
  });

  test('adds a total line for several files', async () => {
    expect((await run(FILE + 'seq 100 > n.txt; wc -l a.txt n.txt')).output).toBe('  2 a.txt\n100 n.txt\n102 total\n');
  });

  test('-m counts characters and -c bytes', async () => {
    expect((await run('echo héllo | wc -m')).output).toBe('6\n');
    expect((await run('echo héllo | wc -c')).output).toBe('7\n');
    expect((await run('echo héllo | wc -cm')).output).toBe('      6       7\n');
  });

  test('reports a missing file and a directory', async () => {
    expect(await run(FILE + 'wc -l a.txt nope')).toEqual({
      output: ' 2 a.txt\nwc: nope: No such file or directory\n 2 total\n',
      status: 1,
    });
    expect(await run('mkdir d; wc d')).toEqual({ output: '      0       0       0 d\nwc: d: Is a directory\n', status: 1 });
  });
});

describe('sort', () => {
  const DATA = 'echo -e "b 2\\na 10\\nB 1\\nc 2\\na 10" > s.txt\n';

  test('sorts in C-locale order: capitals first', async () => {
    expect((await run(DATA + 'sort s.txt')).output).toBe('B 1\na 10\na 10\nb 2\nc 2\n');
    expect((await run(DATA + 'sort -r s.txt')).output).toBe('c 2\nb 2\na 10\na 10\nB 1\n');
    expect((await run(DATA + 'sort -u s.txt')).output).toBe('B 1\na 10\nb 2\nc 2\n');
  });

  test('-n compares numbers, treating non-numbers as zero', async () => {
    expect((await run('echo -e "10\\n9\\n-1\\n1.5\\nabc" | sort -n')).output).toBe('-1\nabc\n1.5\n9\n10\n');
  });

  test('-k picks fields from N to the end of the line, or N,M; ties fall back to the whole line', async () => {
    expect((await run(DATA + 'sort -k2 -n s.txt')).output).toBe('B 1\nb 2\nc 2\na 10\na 10\n');
    expect((await run(DATA + 'sort -k2,2n -k1,1r s.txt')).output).toBe('B 1\nc 2\nb 2\na 10\na 10\n');
    expect((await run(DATA + 'sort -n -u -k2 s.txt')).output).toBe('B 1\nb 2\na 10\n');
  });

  test('-t sets the field separator', async () => {
    expect((await run('echo -e "x:3\\ny:1\\nz:2" | sort -t: -k2')).output).toBe('y:1\nz:2\nx:3\n');
  });

  test('reports bad keys, separators and files with status 2', async () => {
    expect(await run('sort -k 0 x')).toEqual({
      output: 'sort: field number is zero: invalid field specification ‘0’\n',
      status: 2,
    });
    expect(await run('sort -k a x')).toEqual({
      output: 'sort: invalid number at field start: invalid count at start of ‘a’\n',
      status: 2,
    });
    expect(await run('sort -t ab x')).toEqual({ output: 'sort: multi-character tab ‘ab’\n', status: 2 });
    expect(await run('sort nope')).toEqual({ output: 'sort: cannot read: nope: No such file or directory\n', status: 2 });
  });
});

describe('uniq', () => {
  const DATA = 'echo -e "a\\na\\nb\\nA\\nc\\nc\\nc" > u.txt\n';

  test('collapses adjacent repeats, and -c counts them in a %7d column', async () => {
    expect((await run(DATA + 'uniq u.txt')).output).toBe('a\nb\nA\nc\n');
    expect((await run(DATA + 'uniq -c u.txt')).output).toBe('      2 a\n      1 b\n      1 A\n      3 c\n');
  });

  test('-d keeps repeated lines, -u unrepeated ones, -i ignores case', async () => {
    expect((await run(DATA + 'uniq -d u.txt')).output).toBe('a\nc\n');
    expect((await run(DATA + 'uniq -u u.txt')).output).toBe('b\nA\n');
    expect((await run('echo -e "a\\nA\\nb" | uniq -ic')).output).toBe('      2 a\n      1 b\n');
  });

  test('counts what sort grouped, the usual pipeline', async () => {
    expect((await run('echo -e "b\\na\\nb" | sort | uniq -c | sort -rn')).output).toBe('      2 b\n      1 a\n');
  });

  test('writes to an OUTPUT operand and rejects a third', async () => {
    expect((await run(DATA + 'uniq u.txt out.txt; cat out.txt')).output).toBe('a\nb\nA\nc\n');
    expect(await run('uniq a b c')).toEqual({
      output: "uniq: extra operand ‘c’\nTry 'uniq --help' for more information.\n",
      status: 1,
    });
  });
});

describe('cut', () => {
  test('-d and -f select fields; lines without the delimiter pass whole unless -s', async () => {
    expect((await run('echo -e "a:b:c\\nplain\\nd:e" | cut -d: -f2')).output).toBe('b\nplain\ne\n');
    expect((await run('echo -e "a:b:c\\nplain" | cut -s -d: -f3,1')).output).toBe('a:c\n');
    expect((await run('echo -e "a\\tb\\tc" | cut -f2-')).output).toBe('b\tc\n');
  });

  test('-c selects characters by position', async () => {
    expect((await run('echo abcdef | cut -c2-4,6')).output).toBe('bcdf\n');
    expect((await run('echo abcdef | cut -c-2')).output).toBe('ab\n');
  });

  test('reports bad lists and options as coreutils does', async () => {
    const hint = "Try 'cut --help' for more information.\n";
    expect(await run('cut x')).toEqual({
      output: `cut: you must specify a list of bytes, characters, or fields\n${hint}`,
      status: 1,
    });
    expect(await run('cut -f 0')).toEqual({ output: `cut: fields are numbered from 1\n${hint}`, status: 1 });
    expect(await run('cut -f 1,z')).toEqual({ output: `cut: invalid field value ‘z’\n${hint}`, status: 1 });
    expect(await run('cut -f 3-1')).toEqual({ output: `cut: invalid decreasing range\n${hint}`, status: 1 });
    expect(await run('cut -d ab -f1')).toEqual({
      output: `cut: the delimiter must be a single character\n${hint}`,
      status: 1,
    });
    expect(await run('cut -f1 nope')).toEqual({ output: 'cut: nope: No such file or directory\n', status: 1 });
  });
});

describe('tr', () => {
  test('translates ranges and classes', async () => {
    expect((await run('echo "Hello World" | tr a-z A-Z')).output).toBe('HELLO WORLD\n');
    expect((await run('echo "Hello" | tr "[:upper:]" "[:lower:]"')).output).toBe('hello\n');
    expect((await run('echo "a,b" | tr , "\\n"')).output).toBe('a\nb\n');
    expect((await run('echo abc | tr abc x')).output).toBe('xxx\n');
  });

  test('-d deletes, -s squeezes, -c complements', async () => {
    expect((await run('echo hello | tr -d l')).output).toBe('heo\n');
    expect((await run('echo "a   b  c" | tr -s " "')).output).toBe('a b c\n');
    expect((await run('echo "pod-7f9c" | tr -cd "[:digit:]\\n"')).output).toBe('79\n');
    expect((await run('echo "a,,b" | tr -s , " "')).output).toBe('a b\n');
  });

  test('reports operand mistakes as coreutils does', async () => {
    const hint = "Try 'tr --help' for more information.\n";
    expect(await run('tr')).toEqual({ output: `tr: missing operand\n${hint}`, status: 1 });
    expect(await run('tr a')).toEqual({
      output: `tr: missing operand after ‘a’\nTwo strings must be given when translating.\n${hint}`,
      status: 1,
    });
    expect(await run('tr -d a b')).toEqual({
      output: `tr: extra operand ‘b’\nOnly one string may be given when deleting without squeezing repeats.\n${hint}`,
      status: 1,
    });
    expect(await run('tr z-a x')).toEqual({
      output: "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n",
      status: 1,
    });
  });
});

describe('seq', () => {
  test('counts from 1, from FIRST, and by INCREMENT', async () => {
    expect((await run('seq 3')).output).toBe('1\n2\n3\n');
    expect((await run('seq 2 4')).output).toBe('2\n3\n4\n');
    expect((await run('seq 10 -4 1')).output).toBe('10\n6\n2\n');
    expect((await run('seq -1 1')).output).toBe('-1\n0\n1\n');
    expect(await run('seq 5 1')).toEqual({ output: '', status: 0 });
  });

  test('shows the decimals of FIRST and INCREMENT without drifting', async () => {
    expect((await run('seq 0 0.1 0.3')).output).toBe('0.0\n0.1\n0.2\n0.3\n');
    expect((await run('seq 1 2.5')).output).toBe('1\n2\n');
  });

  test('-s joins with a separator and -w pads with zeros', async () => {
    expect((await run('seq -s, 3')).output).toBe('1,2,3\n');
    expect((await run('seq -w 9 11')).output).toBe('09\n10\n11\n');
  });

  test('reports bad operands as coreutils does', async () => {
    const hint = "Try 'seq --help' for more information.\n";
    expect(await run('seq')).toEqual({ output: `seq: missing operand\n${hint}`, status: 1 });
    expect(await run('seq x')).toEqual({ output: `seq: invalid floating point argument: ‘x’\n${hint}`, status: 1 });
    expect(await run('seq 1 0 2')).toEqual({ output: `seq: invalid Zero increment value: ‘0’\n${hint}`, status: 1 });
    expect(await run('seq 1 2 3 4')).toEqual({ output: `seq: extra operand ‘4’\n${hint}`, status: 1 });
  });

  test('stops after a million numbers and says so, instead of freezing the page', async () => {
    expect(await run('seq 5 1000000000 | tail -n 1')).toEqual({
      output: 'kubesim: seq stopped after 1,000,000 numbers; a longer run would freeze the page\n1000004\n',
      status: 0,
    });
  });
});
