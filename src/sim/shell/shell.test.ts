import { describe, expect, test } from 'vitest';
import { runScript } from '../testing/run-script.ts';

describe('Shell', () => {
  test('prints not-found for an unknown command with status 127, then $? shows it', async () => {
    const t = await runScript('echo hi\nfoo\necho $?\n');
    expect(t.output).toBe('hi\nbash: foo: command not found\n127\n');
    expect(t.stderr).toBe('bash: foo: command not found\n');
  });

  test('runs && and || on the last status', async () => {
    const t = await runScript('false && echo no || echo yes\ntrue && echo and\ntrue || echo never\n');
    expect(t.output).toBe('yes\nand\n');
  });

  test('negates a pipeline with !', async () => {
    expect((await runScript('! false\necho $?\n! true; echo $?')).output).toBe('0\n1\n');
  });

  test('passes stdout through a pipe and stderr around it', async () => {
    const t = await runScript('echo piped | nosuch | echo end');
    expect(t.output).toBe('bash: nosuch: command not found\nend\n');
  });

  test('expands $? inside double quotes and not inside single quotes', async () => {
    expect((await runScript(`false; echo "status=$?" '$?'`)).output).toBe('status=1 $?\n');
  });

  test('sets and expands variables, splitting unquoted values', async () => {
    const t = await runScript('X="a   b"\necho $X "$X"\nexport Y=1\necho ${Y}2\nunset Y\necho "[$Y]"');
    expect(t.output).toBe('a b a   b\n12\n[]\n');
  });

  test('runs backquoted commands as bash 5.2 does (output checked against it)', async () => {
    const script = [
      'echo `echo hi`',
      'x=`echo 5`; echo "x=$x"',
      'echo `echo a`b`echo c`',
      'V=val; echo "`echo \\$V \\\\ "q"`" "`echo \\"in\\"`"',
      'echo `echo "\\`echo nested\\`"`',
      `echo "\`printf '%s\\n' a b\`"`,
      `echo \`printf '%s\\n' a b\``,
      'echo `false`; echo "rc=$?"',
      'echo `echo one\\',
      'two`',
      'cat <<EOF',
      'now `echo there`',
      '\\`literal\\`',
      'EOF',
      "echo '`quoted`'",
    ].join('\n');
    expect((await runScript(script + '\n')).output).toBe(
      'hi\nx=5\nabc\nval  q in\nnested\na\nb\na b\n\nrc=0\nonetwo\nnow there\n`literal`\n`quoted`\n',
    );
  });

  test('evaluates $((…)) with the shell variables; what it cannot evaluate stops the command with status 1', async () => {
    const t = await runScript(
      'i=5; echo $((i*2)) "$(( ($i-1) / 3 ))" $((i > 4 && i < 9))\nfor n in 1 2 3; do echo -n "$((n*n)) "; done; echo\n' +
        'echo $((1/0)); echo "rc=$?"\necho $((i++)); echo "rc=$?"\n',
    );
    expect(t.output).toBe(
      '10 1 1\n1 4 9 \n' +
        "kubesim: $((1/0)) failed: division by zero (bash's own words for it are not simulated)\nrc=1\n" +
        "kubesim: $((i++)), with '++' in it, is not simulated\nrc=1\n",
    );
  });

  test('substitutes command output', async () => {
    expect((await runScript('echo "[$(echo a; echo b)]" $(echo c   d)')).output).toBe('[a\nb] c d\n');
  });

  test('feeds a heredoc to the command', async () => {
    const t = await runScript("N=web\ncat <<EOF\nname: $N\nEOF\ncat <<'EOF' | cat\nname: $N\nEOF\n");
    expect(t.output).toBe('name: web\nname: $N\n');
  });

  test('runs a for loop', async () => {
    expect((await runScript('for i in 1 2 3; do echo n$i; done')).output).toBe('n1\nn2\nn3\n');
  });

  test('a syntax error sets status 2 and the script goes on', async () => {
    const t = await runScript('echo a ; ; echo b\necho $?');
    expect(t.output).toBe("bash: syntax error near unexpected token `;'\n2\n");
  });

  test('writes redirections into the virtual file system', async () => {
    const t = await runScript('echo one > f.txt\necho two >> f.txt\nnosuch 2> err.txt\necho $?');
    expect(t.output).toBe('127\n');
    expect(t.session.shell.fs.readFile('f.txt')).toBe('one\ntwo\n');
    expect(t.session.shell.fs.readFile('/home/learner/err.txt')).toBe('bash: nosuch: command not found\n');
  });

  test('sends stderr to stdout with 2>&1 so a pipe sees it', async () => {
    const t = await runScript('nosuch 2>&1 | echo x');
    expect(t.output).toBe('x\n');
  });

  test('reports a missing input file', async () => {
    const t = await runScript('echo < missing.txt');
    expect(t.output).toBe('bash: missing.txt: No such file or directory\n');
    expect(t.status).toBe(1);
  });

  test('the same seed gives the same $RANDOM', async () => {
    const a = await runScript('echo $RANDOM $RANDOM', 7);
    const b = await runScript('echo $RANDOM $RANDOM', 7);
    const c = await runScript('echo $RANDOM $RANDOM', 8);
    expect(a.output).toBe(b.output);
    expect(a.output).not.toBe(c.output);
  });
});

describe('ShellSession', () => {
  test('asks for more lines with a continuation prompt and records one history entry', async () => {
    const t = await runScript('echo "a\nb"\nhistory');
    expect(t.output).toBe('a\nb\n    1  echo "a\nb"\n    2  history\n');
    expect(t.session.promptText()).toBe('learner@laptop:~$ ');
  });

  test('runs an unfinished command at end of input as bash does', async () => {
    const t = await runScript('echo "abc');
    expect(t.output).toBe('bash: unexpected EOF while looking for matching `"\'\nbash: syntax error: unexpected end of file\n');
    expect(t.status).toBe(2);
  });
});

describe('pathname expansion (outputs checked against bash 5.2)', () => {
  const FILES = 'mkdir -p g/d/e && cd g && touch a.yaml b.yaml .hidden.yaml c.txt d/x.yaml d/e/y.yaml\n';
  const expanded = async (line: string) => (await runScript(FILES + line)).output;

  test('* ? and […] match names in order; quotes and backslashes keep them literal; no match keeps the word', async () => {
    expect(await expanded('echo *.yaml; echo "*.yaml"; echo \\*.yaml; echo *.none')).toBe(
      'a.yaml b.yaml\n*.yaml\n*.yaml\n*.none\n',
    );
    expect(await expanded('echo ?.txt [ab].yaml [!a].yaml [a')).toBe('c.txt a.yaml b.yaml b.yaml [a\n');
  });

  test('names with regex characters in them match as plain text', async () => {
    expect(await expanded('touch my-app.yaml "a+(b).yaml"; echo my-*.yaml a+*; echo [l-n]y-app.yaml')).toBe(
      'my-app.yaml a+(b).yaml\nmy-app.yaml\n',
    );
  });

  test('dot files only for a pattern that starts with a dot; directories in the path; unquoted variables expand too', async () => {
    expect(await expanded('echo .*.yaml; echo d/*.yaml */*.yaml */*/*')).toBe('.hidden.yaml\nd/x.yaml d/x.yaml d/e/y.yaml\n');
    expect(await expanded('x="*.txt"; echo $x "$x"; for f in *.yaml; do echo "file $f"; done; cat *.txt')).toBe(
      'c.txt *.txt\nfile a.yaml\nfile b.yaml\n',
    );
  });
});

describe('tilde expansion (outputs checked against bash 5.2 with HOME=/home/learner)', () => {
  test('a leading ~ is the home, ~user that user’s; quoted, escaped or unknown ones stay as they are', async () => {
    const t = await runScript(
      'echo ~ ~/x "~" ~root a~b ~nouser a=~ a=x:~:~/b --k=~ "~"/x ~"/x" ~/"x y" \\~\n' +
        'X=~/a:~/b; echo $X; Y="~"; echo $Y; x=1; echo ~$x; echo ~/*.zzz\n' +
        'mkdir -p /tmp; cd /tmp; cd /; echo ~+ ~-; cat "~/a.txt"; echo $?',
    );
    expect(t.output).toBe(
      '/home/learner /home/learner/x ~ /root a~b ~nouser a=/home/learner a=x:/home/learner:/home/learner/b --k=~ ~/x ~/x /home/learner/x y ~\n' +
        '/home/learner/a:/home/learner/b\n~\n~1\n/home/learner/*.zzz\n' +
        "/ /tmp\ncat: '~/a.txt': No such file or directory\n1\n",
    );
  });

  test('files named through ~ are the home’s; a redirection and a for list expand it too', async () => {
    const t = await runScript(
      'mkdir -p /tmp; cd /tmp; echo hi > ~/f.txt; cat ~/f.txt; for f in ~/f.*; do echo $f; done; cd ~; pwd',
    );
    expect(t.output).toBe('hi\n/home/learner/f.txt\n/home/learner\n');
  });
});

describe('parameter expansion forms (outputs checked against bash 5.2)', () => {
  test('defaults, assignments, alternatives, lengths and errors for unset or empty parameters', async () => {
    const t = await runScript(
      [
        'unset x; e=""; v=web-7d4b9c-abcde',
        'echo "${x:-def}" ${x-def} "${e:-def}" "[${e-def}]" ${v:-def}',
        'echo ${x:+alt} "[${e:+alt}]" "[${e+alt}]" ${v:+alt}',
        'echo ${#v} ${#x} ${#e}',
        'echo ${x:=set}; echo $x',
        'for w in ${x:-"a b"} ${x2:-a b}; do echo "[$w]"; done',
        'for w in ${nope:-"a b"} ${nope:-a b}; do echo "[$w]"; done',
        'echo ${nope:-$HOME} ${nope:-~}',
        'echo ${nope:?}',
        'echo after $?',
        'echo ${nope?custom message here}',
      ].join('\n'),
    );
    expect(t.output).toBe(
      'def def def [] web-7d4b9c-abcde\n[] [alt] alt\n16 0 0\nset\nset\n[set]\n[a]\n[b]\n[a b]\n[a]\n[b]\n' +
        '/home/learner /home/learner\nbash: nope: parameter null or not set\nafter 1\nbash: nope: custom message here\n',
    );
  });

  test('prefixes and suffixes removed, patterns replaced, substrings; the forms not simulated say so', async () => {
    const t = await runScript(
      [
        'v=web-7d4b9c-abcde; i=nginx:1.27; p=a/b/c.yaml',
        'echo ${v%-*} ${v%%-*} ${v#*-} ${v##*-} ${p##*/} ${p%/*} ${p%.yaml} "${v%"-abcde"}" ${v%[a-z]}',
        'echo ${v/web/api} ${v//-/_} ${v/#web/x} ${v/%abcde/y} ${v/-*/} ${i/:*/} ${p//\\//.} "${v/"-"/+}"',
        'echo ${v/nomatch/z} ${v//[0-9]/#} ${v/#b/q} ${v//} ${v/web}',
        'echo ${v:0:3} ${v:4} ${v: -5} ${v:(-5):2} ${v:4:-6} ${v:100} "[${nope:2}]" ${v:1+1:2*2}',
        'echo ${v:5:-20}',
        'echo ${v^^}',
      ].join('\n'),
    );
    expect(t.output).toBe(
      'web-7d4b9c web 7d4b9c-abcde abcde c.yaml a/b a/b/c web-7d4b9c web-7d4b9c-abcd\n' +
        'api-7d4b9c-abcde web_7d4b9c_abcde x-7d4b9c-abcde web-7d4b9c-y web nginx a.b.c.yaml web+7d4b9c-abcde\n' +
        'web-7d4b9c-abcde web-#d#b#c-abcde web-7d4b9c-abcde web-7d4b9c-abcde -7d4b9c-abcde\n' +
        'web 7d4b9c-abcde abcde ab 7d4b9c [] b-7d\n' +
        'bash: -20: substring expression < 0\n' +
        'kubesim: ${v^^} is not simulated (${NAME}, ${#NAME}, the :- - := = :+ + :? ? # ## % %% / // forms and ${NAME:OFFSET:LENGTH} are)\n',
    );
  });
});
