import { Terminal } from '@xterm/headless';
import { describe, expect, test } from 'vitest';
import type { Clock, Interrupt } from '../sim/clock.ts';
import { kubectl } from '../sim/kubectl/kubectl.ts';
import { createSession } from '../sim/shell/index.ts';
import { kubectlSession } from '../sim/testing/kubectl-session.ts';
import { createWorld, type World } from '../sim/world.ts';
import { TerminalSession } from './terminal-session.ts';

/** a terminal's clock in miniature: each wait takes a moment of real time (so Ctrl-C can land), then moves the cluster */
function tickingClock(world: World): Clock {
  return {
    now: () => world.cluster.clock.now(),
    sleep: (ms: number, interrupt?: Interrupt) =>
      new Promise<boolean>((resolve) => {
        if (interrupt?.interrupted) return resolve(false);
        const timer = setTimeout(() => {
          stop?.();
          world.cluster.advance(ms);
          resolve(true);
        }, 1);
        const stop = interrupt?.onInterrupt(() => {
          clearTimeout(timer);
          resolve(false);
        });
      }),
  };
}

/** a terminal session on a headless xterm: what the learner sees, line by line */
function setup(cols = 80, { ticking = false } = {}) {
  const term = new Terminal({ cols, rows: 40, allowProposedApi: true });
  let session = kubectlSession(1).session;
  if (ticking) {
    const world = createWorld(1);
    session = createSession({ clock: tickingClock(world), seed: 1, world, commands: [kubectl] });
  }
  let ended = false;
  const titles: string[] = [];
  term.onTitleChange((title) => titles.push(title));
  const terminal = new TerminalSession(
    {
      write: (data) => term.write(data),
      get cols() {
        return term.cols;
      },
      onResize: (listener) => term.onResize(listener),
    },
    session,
    { color: false, onEof: () => (ended = true) },
  );
  terminal.start();
  const flush = () => new Promise<void>((resolve) => term.write('', resolve));
  const screen = async (): Promise<string> => {
    await flush();
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    // down to the cursor's row, or further where text was left below it
    while (lines.length > buffer.baseY + buffer.cursorY + 1 && lines.at(-1) === '') lines.pop();
    return lines.join('\n');
  };
  /** the screen with the cursor shown as `|` before the cell it is on: what is typed next goes there */
  const withCursor = async (): Promise<string> => {
    await flush();
    const buffer = term.buffer.active;
    const row = buffer.baseY + buffer.cursorY;
    const lines = (await screen()).split('\n');
    const line = lines[row]!.padEnd(buffer.cursorX);
    lines[row] = line.slice(0, buffer.cursorX) + '|' + line.slice(buffer.cursorX);
    return lines.join('\n');
  };
  const press = async (keys: string) => {
    terminal.input(keys);
    await terminal.whenIdle();
  };
  return { term, terminal, session, screen, withCursor, press, titles, ended: () => ended };
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

describe('TerminalSession line editing', () => {
  test('Home, End, Ctrl-A, Ctrl-E and the arrows move the cursor; text goes in where it is', async () => {
    const t = setup();
    await t.press('cho hi');
    await t.press('\x01e');
    expect(await t.withCursor()).toBe('learner@laptop:~$ e|cho hi');
    await t.press('\x05!');
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo hi!|');
    await t.press('\x1b[H\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C');
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo |hi!');
    await t.press('\x1b[D\x1b[F?');
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo hi!?|');
    await t.press('\x1bOH\x1b[1~\x1b[4~\x1bOF\x1b[Dyou\r');
    expect(await t.screen()).toBe(['learner@laptop:~$ echo hi!you?', 'hi!you?', 'learner@laptop:~$ '].join('\n'));
  });

  test('Ctrl-W removes the word before the cursor, Ctrl-K the rest of the line, Ctrl-U all before the cursor', async () => {
    const t = setup();
    await t.press('echo one two three');
    await t.press('\x17');
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo one two |');
    await t.press('\x1b[D\x1b[D\x1b[D\x1b[D\x0b');
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo one |');
    await t.press('\x1b[D\x1b[D\x1b[D\x1b[D\x15');
    expect(await t.withCursor()).toBe('learner@laptop:~$ |one ');
    await t.press('echo \r');
    expect(await t.screen()).toBe(['learner@laptop:~$ echo one ', 'one', 'learner@laptop:~$ '].join('\n'));
  });

  test('Ctrl-L clears the screen and keeps the line being typed', async () => {
    const t = setup();
    await t.terminal.type('echo before');
    await t.press('echo aft');
    await t.press('\x0c');
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo aft|');
    await t.press('er\r');
    expect(await t.screen()).toBe(['learner@laptop:~$ echo after', 'after', 'learner@laptop:~$ '].join('\n'));
  });

  test('up and down walk the history and come back to the line being typed', async () => {
    const t = setup();
    await t.terminal.type('echo one');
    await t.terminal.type('echo two');
    await t.press('ec');
    await t.press('\x1b[A');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ echo two|');
    await t.press('\x1b[A\x1b[A');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ echo one|');
    await t.press('\x1b[B');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ echo two|');
    await t.press('\x1b[B');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ ec|');
    await t.press('\x10\r');
    expect((await t.screen()).split('\n').slice(-3)).toEqual(['learner@laptop:~$ echo two', 'two', 'learner@laptop:~$ ']);
  });

  test('Ctrl-C at a > continuation prompt drops the unfinished command; $? is 130', async () => {
    const t = setup();
    await t.press('echo "one\r');
    await t.press('two');
    await t.press('\x03');
    await t.terminal.type('echo $?');
    expect(await t.screen()).toBe(
      ['learner@laptop:~$ echo "one', '> two^C', 'learner@laptop:~$ echo $?', '130', 'learner@laptop:~$ '].join('\n'),
    );
  });

  test('Ctrl-D in the middle of a line deletes the character under the cursor', async () => {
    const t = setup();
    await t.press('echo hix\x1b[D\x04');
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo hi|');
    expect(t.ended()).toBe(false);
  });
});

describe('TerminalSession after the width changes', () => {
  test('the shell learns the width, and the line being edited is drawn again to wrap at it', async () => {
    const t = setup(40);
    const long = 'echo ' + 'abcdefghij'.repeat(5);
    await t.press(long);
    expect(await t.screen()).toBe(['learner@laptop:~$ echo abcdefghijabcdefg', 'hijabcdefghijabcdefghijabcdefghij'].join('\n'));
    t.term.resize(30, 40);
    expect(t.session.columns).toBe(30);
    expect(await t.withCursor()).toBe(
      ['learner@laptop:~$ echo abcdefg', 'hijabcdefghijabcdefghijabcdefg', 'hijabcdefghij|'].join('\n'),
    );
    await t.press('\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C>');
    expect(await t.withCursor()).toBe(
      ['learner@laptop:~$ echo >|abcdef', 'ghijabcdefghijabcdefghijabcdef', 'ghijabcdefghij'].join('\n'),
    );
    t.term.resize(80, 40);
    expect(t.session.columns).toBe(80);
    expect(await t.withCursor()).toBe('learner@laptop:~$ echo >|' + 'abcdefghij'.repeat(5));
    await t.press('\x05\x15' + long + '\r');
    expect(await t.screen()).toBe(
      [
        'learner@laptop:~$ echo abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij',
        'abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij',
        'learner@laptop:~$ ',
      ].join('\n'),
    );
  });
});

describe('TerminalSession Ctrl-C while a command runs', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('interrupts kubectl get -w and kubectl wait, and drops what was typed meanwhile', async () => {
    const t = setup(80, { ticking: true });
    await t.terminal.type('kubectl run web --image=nginx');
    await t.terminal.type('sleep 10');
    t.terminal.input('kubectl get pods -w\r');
    await pause(20);
    expect(t.terminal.busy).toBe(true);
    t.terminal.input('echo typed ahead\r');
    t.term.resize(60, 40);
    expect(t.session.columns).toBe(60);
    await t.press('\x03');
    t.terminal.input('kubectl wait --for=delete pod/web --timeout=1h\r');
    await pause(20);
    expect(t.terminal.busy).toBe(true);
    await t.press('\x03');
    await t.terminal.type('echo $?');
    expect(await t.screen()).toBe(
      [
        'learner@laptop:~$ kubectl run web --image=nginx',
        'pod/web created',
        'learner@laptop:~$ sleep 10',
        'learner@laptop:~$ kubectl get pods -w',
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          10s',
        '^C',
        // the terminal is 60 wide now
        'learner@laptop:~$ kubectl wait --for=delete pod/web --timeou',
        't=1h',
        '^C',
        'learner@laptop:~$ echo $?',
        '130',
        'learner@laptop:~$ ',
      ].join('\n'),
    );
  });
});

describe('TerminalSession tab completion', () => {
  test('completes command names, kubectl verbs, subcommands, types and names from the cluster', async () => {
    const t = setup();
    await t.terminal.type('kubectl create deployment web --image=nginx --replicas=2');
    await t.press('kub\t');
    expect(await t.withCursor()).toContain('learner@laptop:~$ kubectl |');
    await t.press('rol\tst\tdep\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ kubectl rollout status deployment |');
    await t.press('\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ kubectl rollout status deployment web |');
    await t.press('\r');
    expect((await t.screen()).split('\n').slice(-2)).toEqual(['deployment "web" successfully rolled out', 'learner@laptop:~$ ']);
    await t.press('kubectl get deploy/\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ kubectl get deploy/web |');
  });

  test('several candidates: the common prefix goes in and they are listed in columns under the line', async () => {
    const t = setup();
    await t.press('kubectl get \t');
    await t.press('po\t');
    await t.press('d\t');
    expect(await t.withCursor()).toBe(
      [
        'learner@laptop:~$ kubectl get ',
        'configmaps              events                  replicationcontrollers',
        'daemonsets              namespaces              serviceaccounts',
        'deployments             nodes                   services',
        'endpoints               pods',
        'endpointslices          replicasets',
        'learner@laptop:~$ kubectl get po',
        'po    pod   pods',
        'learner@laptop:~$ kubectl get pod',
        'pod   pods',
        'learner@laptop:~$ kubectl get pod|',
      ].join('\n'),
    );
  });

  test('namespaces after -n, pods after exec, containers after -c', async () => {
    const t = setup();
    await t.press('kubectl get pods -n kube-s\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ kubectl get pods -n kube-system |');
    await t.press('kube-proxy\t');
    expect((await t.screen()).split('\n').slice(-2)).toEqual([
      'kube-proxy-6bfqt  kube-proxy-6xwm9  kube-proxy-v8v4t',
      'learner@laptop:~$ kubectl get pods -n kube-system kube-proxy-',
    ]);
    await t.press('\x15');
    await t.terminal.type('kubectl run web --image=nginx');
    await t.press('kubectl exec -it w\t-c \t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ kubectl exec -it web -c web |');
  });

  test('file names after -f and for other commands: directories end in /, lists show the last part, spaces are escaped', async () => {
    const t = setup();
    const fs = t.session.current.fs;
    fs.mkdir('manifests');
    fs.writeFile('manifests/web.yaml', '');
    fs.writeFile('manifests/svc.yaml', '');
    fs.writeFile('manifests/notes.txt', '');
    fs.writeFile('my notes.txt', '');
    await t.press('kubectl apply -f ma\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ kubectl apply -f manifests/|');
    await t.press('\t');
    expect((await t.screen()).split('\n').slice(-2)).toEqual([
      'svc.yaml  web.yaml',
      'learner@laptop:~$ kubectl apply -f manifests/',
    ]);
    await t.press('\x15cat manifests/\t');
    expect((await t.screen()).split('\n').slice(-2)).toEqual([
      'notes.txt  svc.yaml   web.yaml',
      'learner@laptop:~$ cat manifests/',
    ]);
    await t.press('\x15cat my\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ cat my\\ notes.txt |');
    await t.press('\r');
    expect((await t.screen()).split('\n').at(-1)).toBe('learner@laptop:~$ ');
    await t.press('echo hi > my\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('learner@laptop:~$ echo hi > my\\ notes.txt |');
  });

  test("inside a pod's shell it completes the container's commands and files, and kubectl is not there", async () => {
    const t = setup();
    await t.terminal.type('kubectl run web --image=nginx');
    await t.terminal.type('sleep 5');
    await t.terminal.type('kubectl exec -it web -- bash');
    await t.press('hostn\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('root@web:/# hostname |');
    await t.press('\x15kub\t');
    expect((await t.withCursor()).split('\n').at(-1)).toBe('root@web:/# kub|');
    await t.press('\x15cat /etc/host\t');
    expect((await t.screen()).split('\n').slice(-2)).toEqual(['hostname  hosts', 'root@web:/# cat /etc/host']);
    await t.press('n\t\r');
    expect((await t.screen()).split('\n').slice(-3)).toEqual(['root@web:/# cat /etc/hostname ', 'web', 'root@web:/# ']);
  });
});

describe('TerminalSession keeps control characters from reaching the terminal', () => {
  test('cat of a file with escape sequences prints them in caret notation; the screen and title stay', async () => {
    const t = setup();
    t.session.current.fs.writeFile('evil.txt', 'before\x1b]0;pwned\x07\x1b[2Jafter\n');
    await t.terminal.type('echo still here');
    await t.terminal.type('cat evil.txt');
    expect(await t.screen()).toBe(
      [
        'learner@laptop:~$ echo still here',
        'still here',
        'learner@laptop:~$ cat evil.txt',
        'before^[]0;pwned^G^[[2Jafter',
        'learner@laptop:~$ ',
      ].join('\n'),
    );
    expect(t.titles).toEqual([]);
  });

  test('escape sequences typed or pasted never reach the line; pasted lines run one by one', async () => {
    const t = setup();
    await t.terminal.type('echo still here');
    await t.press('echo \x1b]0;pwned\x07a\x1b[2Jb\x9b2Jc\r');
    // a bracketed paste of two lines, as xterm hands it over (newlines already made Enter)
    await t.press('\x1b[200~echo one\recho \x1b[3Jtwo\r\x1b[201~');
    expect(await t.screen()).toBe(
      [
        'learner@laptop:~$ echo still here',
        'still here',
        'learner@laptop:~$ echo 0;pwnedab2Jc',
        '0',
        'bash: pwnedab2Jc: command not found',
        'learner@laptop:~$ echo one',
        'one',
        'learner@laptop:~$ echo two',
        'two',
        'learner@laptop:~$ ',
      ].join('\n'),
    );
    expect(t.titles).toEqual([]);
  });
});
