import { describe, expect, test } from 'vitest';
import { parse } from './parser.ts';
import type { Command, ParseResult, Word } from './syntax.ts';

/** a compact rendering of a parse so whole structures can be compared as strings */
function show(result: ParseResult): string {
  if (result.kind !== 'ok') return result.kind === 'error' ? `error: ${result.message}` : result.kind;
  const word = (w: Word) =>
    w.parts
      .map((p) =>
        p.kind === 'text' ? (p.quoted ? `'${p.text}'` : p.text) : p.kind === 'param' ? `{$${p.name}}` : `{$(${p.source})}`,
      )
      .join('');
  const command = (c: Command): string => {
    if (c.kind === 'for') return `for ${c.variable} in [${c.items.map(word).join(' ')}] do ${list(c.body)} done`;
    const parts = [
      ...c.assignments.map((a) => `${a.name}=${word(a.value)}`),
      ...c.words.map(word),
      ...c.redirects.map((r) => `${r.op}${r.target ? word(r.target) : ''}`),
    ];
    if (c.heredoc) parts.push(`<<${c.heredoc.delimiter}[${word(c.heredoc.body).replace(/\n/g, '\\n')}]`);
    return parts.join(' ');
  };
  const list = (l: { items: { pipeline: { negated: boolean; commands: Command[] }; before: string | null }[] }): string =>
    l.items
      .map(
        (i) =>
          `${i.before ? i.before + ' ' : ''}${i.pipeline.negated ? '! ' : ''}${i.pipeline.commands.map(command).join(' | ')}`,
      )
      .join(' ');
  return list(result.list);
}

describe('parse', () => {
  test('splits words on blanks and keeps quoted text together', () => {
    expect(show(parse(`echo  a "b c" 'd  e' f\\ g`))).toBe(`echo a 'b c' 'd  e' f' 'g`);
  });

  test('reads parameters inside double quotes but not single quotes', () => {
    expect(show(parse(`echo $? "$HOME/x" '$HOME' \${USER}`))).toBe(`echo {$?} {$HOME}'/x' '$HOME' {$USER}`);
  });

  test('treats a lone dollar as text', () => {
    expect(show(parse('echo $ "a$"'))).toBe(`echo $ 'a$'`);
  });

  test('parses pipes, lists and negation', () => {
    expect(show(parse('a | b | c && d || e ; ! f'))).toBe('a | b | c && d || e ; ! f');
  });

  test('parses redirections with and without spaces', () => {
    expect(show(parse('echo hi >out.txt 2>>err 2>&1 < in'))).toBe('echo hi >out.txt 2>>err 2>&1 <in');
  });

  test('parses leading assignments', () => {
    expect(show(parse('A=1 B="x y" env'))).toBe(`A=1 B='x y' env`);
  });

  test('reads a heredoc body from the following lines', () => {
    expect(show(parse('cat <<EOF | kubectl apply -f -\nkind: Pod\nname: $X\nEOF\necho done\n'))).toBe(
      `cat <<EOF['kind: Pod\\nname: '{$X}'\\n'] | kubectl apply -f - ; echo done`,
    );
  });

  test('keeps a heredoc body literal when the delimiter is quoted', () => {
    expect(show(parse("cat <<'EOF'\n$HOME\nEOF\n"))).toBe(`cat <<EOF['$HOME\\n']`);
  });

  test('strips leading tabs with <<-', () => {
    expect(show(parse('cat <<-END\n\tindented\n\tEND\n'))).toBe(`cat <<END['indented\\n']`);
  });

  test('parses command substitution with nested quotes and parentheses', () => {
    expect(show(parse(`echo "$(echo ")" $(true))"`))).toBe(`echo {$(echo ")" $(true))}`);
  });

  test('reads backquotes as command substitution, with their own backslash rules', () => {
    expect(show(parse('echo `date` "at `hostname`" a`echo b`c'))).toBe("echo {$(date)} 'at '{$(hostname)} a{$(echo b)}c");
    // \$ \` \\ lose their backslash (and \" inside double quotes); any other backslash is the inner command's
    expect(show(parse('echo `echo \\$HOME \\` \\a \\\\` "`echo \\"x\\"`"'))).toBe('echo {$(echo $HOME ` \\a \\)} {$(echo "x")}');
    expect(show(parse("echo '`not`'"))).toBe("echo '`not`'");
    expect(parse('echo `date', { final: true })).toEqual({
      kind: 'error',
      message: "bash: unexpected EOF while looking for matching ``'\nbash: syntax error: unexpected end of file",
    });
    expect(parse('echo `date')).toEqual({ kind: 'incomplete' });
  });

  test('expands backquotes in a here-document unless the delimiter is quoted', () => {
    expect(show(parse('cat <<EOF\nnow `date` \\`x\\`\nEOF\n'))).toBe("cat <<EOF['now '{$(date)}' `x`\\n']");
    expect(show(parse("cat <<'EOF'\nnow `date`\nEOF\n"))).toBe("cat <<EOF['now `date`\\n']");
    expect(parse('cat <<EOF\na `echo x\nEOF\n', { final: true })).toEqual({
      kind: 'error',
      message: 'bash: bad substitution: no closing "`" in `echo x\n',
    });
  });

  test('parses a for loop', () => {
    expect(show(parse('for i in 1 2 3; do echo $i; done'))).toBe('for i in [1 2 3] do echo {$i} done');
  });

  test('ignores comments', () => {
    expect(show(parse('echo a # not this'))).toBe('echo a');
    expect(parse('# only a comment')).toEqual({ kind: 'empty' });
  });

  test('returns empty for blank input', () => {
    expect(parse('   \n')).toEqual({ kind: 'empty' });
  });

  test.each([
    ['echo "open', 'quote'],
    ["echo 'open", 'single quote'],
    ['echo a |', 'pipe'],
    ['echo a &&', 'and'],
    ['echo a ||\n', 'or and newline'],
    ['cat <<EOF\nline\n', 'heredoc'],
    ['for i in 1 2; do echo $i', 'loop'],
    ['echo trailing\\', 'backslash'],
  ])('asks for more input for %j (%s)', (source) => {
    expect(parse(source)).toEqual({ kind: 'incomplete' });
  });

  test.each([
    ['| echo', '|'],
    ['echo a ; ; echo b', ';'],
    ['&& echo', '&&'],
    ['echo a ;;', ';;'],
    ['done', 'done'],
    ['echo a >', 'newline'],
    ['echo > | cat', '|'],
  ])('reports a syntax error for %j as bash does', (source, token) => {
    const result = parse(source, { final: true });
    expect(result).toEqual({ kind: 'error', message: `bash: syntax error near unexpected token \`${token}'` });
  });

  test('reports an unterminated quote at end of input as bash does', () => {
    expect(parse('echo "abc', { final: true })).toEqual({
      kind: 'error',
      message: 'bash: unexpected EOF while looking for matching `"\'\nbash: syntax error: unexpected end of file',
    });
  });

  test('closes a heredoc at end of input with bash’s warning', () => {
    const warnings: string[] = [];
    const result = parse('cat <<EOF\nabc\n', { final: true, warn: (m) => warnings.push(m) });
    expect(show(result)).toBe(`cat <<EOF['abc\\n']`);
    expect(warnings).toEqual(["bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')"]);
  });

  test('says plainly what is not simulated', () => {
    expect(parse('sleep 5 &', { final: true })).toEqual({
      kind: 'error',
      message: 'kubesim: background jobs (&) are not simulated',
    });
    expect(parse('if true; then echo; fi', { final: true })).toEqual({
      kind: 'error',
      message: "kubesim: the shell keyword 'if' is not simulated (for loops, pipes and lists are)",
    });
  });
});
