import { Terminal } from '@xterm/headless';
import { describe, expect, test } from 'vitest';
import { kubectlSession } from '../sim/testing/kubectl-session.ts';
import { TerminalSession } from './terminal-session.ts';

/** a terminal session on a headless xterm: what the learner sees, line by line */
function setup() {
  const term = new Terminal({ cols: 80, rows: 40, allowProposedApi: true });
  const { session } = kubectlSession(1);
  let ended = false;
  const terminal = new TerminalSession({ write: (data) => term.write(data), cols: 80 }, session, {
    color: false,
    onEof: () => (ended = true),
  });
  terminal.start();
  const screen = async (): Promise<string> => {
    await new Promise<void>((resolve) => term.write('', resolve));
    const lines: string[] = [];
    for (let i = 0; i <= term.buffer.active.cursorY + term.buffer.active.baseY; i++) {
      lines.push(term.buffer.active.getLine(i)?.translateToString(true) ?? '');
    }
    return lines.join('\n');
  };
  const press = async (keys: string) => {
    terminal.input(keys);
    await terminal.whenIdle();
  };
  return { terminal, session, screen, press, ended: () => ended };
}

describe('TerminalSession with a shell inside a container', () => {
  test("shows the pod's prompt, runs what is typed there, and Ctrl-D leaves it", async () => {
    const t = setup();
    await t.terminal.type('kubectl run web --image=nginx');
    await t.terminal.type('sleep 5');
    await t.terminal.type('kubectl exec -it web -- bash');
    expect((await t.screen()).split('\n').at(-1)).toBe('root@web:/# ');
    await t.terminal.type('hostname');
    await t.press('\x04');
    expect(t.ended()).toBe(false);
    expect(await t.screen()).toBe(
      [
        'learner@laptop:~$ kubectl run web --image=nginx',
        'pod/web created',
        'learner@laptop:~$ sleep 5',
        'learner@laptop:~$ kubectl exec -it web -- bash',
        'root@web:/# hostname',
        'web',
        'root@web:/# exit',
        'learner@laptop:~$ ',
      ].join('\n'),
    );
    await t.press('\x04');
    expect(t.ended()).toBe(true);
  });

  test("Ctrl-C at the pod's prompt drops the line and stays in the pod; history is the pod shell's", async () => {
    const t = setup();
    await t.terminal.type('kubectl run bb --image=busybox -- sleep 3600');
    await t.terminal.type('sleep 5');
    await t.terminal.type('kubectl exec -it bb -- sh');
    await t.press('echo half');
    await t.press('\x03');
    await t.terminal.type('echo $?');
    await t.press('\x1b[A');
    expect((await t.screen()).split('\n').slice(-5)).toEqual([
      'learner@laptop:~$ kubectl exec -it bb -- sh',
      '/ # echo half^C',
      '/ # echo $?',
      '130',
      '/ # echo $?',
    ]);
    expect(t.session.current.history).toEqual(['echo $?']);
  });
});
