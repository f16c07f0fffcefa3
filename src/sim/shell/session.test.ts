import { describe, expect, test } from 'vitest';
import { VirtualClock } from '../clock.ts';
import type { ShellCommand } from './command.ts';
import { echo } from './commands/echo.ts';
import { createSession } from './index.ts';
import { Shell } from './shell.ts';

/** `nest` opens a shell of its own, as kubectl exec -it does, and reports how it ended */
function nestCommand(): ShellCommand {
  return {
    name: 'nest',
    summary: 'open a nested shell',
    async run(ctx) {
      const inner: Shell = new Shell({
        clock: ctx.clock,
        seed: 1,
        name: 'sh',
        dialect: 'ash',
        vars: [['HOME', '/']],
        commands: [
          echo,
          {
            name: 'exit',
            summary: '',
            run: ({ args }) => (inner.exitStatus = Number(args[0] ?? inner.lastStatus)),
          },
        ],
      });
      const status = await ctx.host.openShell!({
        shell: inner,
        prompt: (continuation) => (continuation ? '> ' : 'inner$ '),
        eof: (out) => out.stdout('\n'),
      });
      ctx.out.stdout(`nest ended with ${status}\n`);
      return status;
    },
  };
}

function transcript() {
  const session = createSession({ clock: new VirtualClock(), seed: 1, commands: [nestCommand()] });
  let output = '';
  const out = { stdout: (t: string) => void (output += t), stderr: (t: string) => void (output += t) };
  const type = async (line: string) => {
    output += session.promptText() + line + '\n';
    return session.feedLine(line, out);
  };
  return { session, out, type, screen: () => output + session.promptText() };
}

describe('ShellSession with nested shells', () => {
  test('a command that opens a shell hands it the prompt until `exit`, then carries on', async () => {
    const t = transcript();
    expect(await t.type('nest; echo after')).toEqual({ kind: 'entered' });
    expect(t.session.depth).toBe(1);
    expect(await t.type('echo inside')).toEqual({ kind: 'ran', status: 0 });
    expect(await t.type('exit 4')).toEqual({ kind: 'ran', status: 0 });
    expect(t.session.depth).toBe(0);
    expect(t.screen()).toBe(
      'learner@laptop:~$ nest; echo after\n' +
        'inner$ echo inside\n' +
        'inside\n' +
        'inner$ exit 4\n' +
        'nest ended with 4\n' +
        'after\n' +
        'learner@laptop:~$ ',
    );
    expect(t.session.shell.lastStatus).toBe(0);
  });

  test("the inner shell's unfinished commands, history and messages are its own", async () => {
    const t = transcript();
    await t.type('nest');
    expect(await t.type('echo "a')).toEqual({ kind: 'more' });
    expect(t.session.promptText()).toBe('> ');
    await t.type('b"');
    await t.type('nope');
    expect(t.session.current.history).toEqual(['echo "a\nb"', 'nope']);
    expect(t.session.shell.history).toEqual(['nest']);
    await t.type('exit');
    expect(t.screen()).toBe(
      'learner@laptop:~$ nest\n' +
        'inner$ echo "a\n' +
        '> b"\n' +
        'a\nb\n' +
        'inner$ nope\n' +
        'sh: nope: not found\n' +
        'inner$ exit\n' +
        'nest ended with 127\n' +
        'learner@laptop:~$ ',
    );
  });

  test('Ctrl-D at the inner prompt ends that shell with its last status', async () => {
    const t = transcript();
    await t.type('nest');
    await t.type('echo x');
    const result = await t.session.eof(t.out);
    expect(result).toEqual({ kind: 'ran', status: 0 });
    expect(t.screen()).toBe('learner@laptop:~$ nest\ninner$ echo x\nx\n\nnest ended with 0\nlearner@laptop:~$ ');
  });

  test('end of input closes nested shells and runs what follows them', async () => {
    const t = transcript();
    await t.type('nest && echo done');
    await t.type('echo in');
    expect(await t.session.finish(t.out)).toBe(0);
    expect(t.screen()).toBe(
      'learner@laptop:~$ nest && echo done\ninner$ echo in\nin\n\nnest ended with 0\ndone\nlearner@laptop:~$ ',
    );
  });

  test('two shells in one line open one after the other', async () => {
    const t = transcript();
    expect(await t.type('nest; nest')).toEqual({ kind: 'entered' });
    expect(await t.type('exit 1')).toEqual({ kind: 'entered' });
    expect(t.session.depth).toBe(1);
    expect(await t.type('exit 2')).toEqual({ kind: 'ran', status: 2 });
    expect(t.screen()).toContain('nest ended with 1\ninner$ exit 2\nnest ended with 2\n');
  });

  test('commands know whether a terminal types the input', async () => {
    const seen: (boolean | undefined)[] = [];
    const probe: ShellCommand = { name: 'probe', summary: '', run: ({ host }) => (seen.push(host.stdinIsTerminal), 0) };
    const session = createSession({ clock: new VirtualClock(), seed: 1, commands: [probe] });
    const out = { stdout: () => {}, stderr: () => {} };
    await session.feedLine('probe', out);
    session.tty = true;
    await session.feedLine('probe', out);
    expect(seen).toEqual([false, true]);
  });
});
