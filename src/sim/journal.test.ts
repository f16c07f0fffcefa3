import { afterEach, describe, expect, test, vi } from 'vitest';
import { Interrupt } from './clock.ts';
import {
  JournalRecorder,
  parseJournal,
  recordSession,
  replayJournal,
  resumeRealtime,
  type Journal,
  type JournalEntry,
} from './journal.ts';
import { outputOf, useWallClock, WALL_START } from './journal.test-helper.ts';
import { createLearnerMachine } from './machine.ts';
import type { Output } from './shell/command.ts';
import { VirtualFs } from './shell/vfs.ts';

const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const DAY = 24 * 3600_000;
const journal = (entries: JournalEntry[], seed = 3): Journal => ({ version: 1, seed, preset: 'kind', startedAt: START, entries });
const line = (at: number, text: string): JournalEntry => ({ at, kind: 'line', text });
const quiet: Output = { stdout: () => {}, stderr: () => {} };

async function replayed(entries: JournalEntry[], options = {}) {
  const result = await replayJournal(journal(entries), options);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('parseJournal', () => {
  test('returns the journal when it matches the schema', () => {
    const input = journal([line(0, 'kubectl get pods'), { at: 5, kind: 'file', path: '/home/learner/a.yaml', content: null }]);
    expect(parseJournal(JSON.parse(JSON.stringify(input)))).toEqual({ ok: true, journal: input });
  });

  test('returns an error naming each field that does not match', () => {
    expect(parseJournal(null)).toEqual({
      ok: false,
      error: 'not a kubesim journal: Invalid input: expected object, received null',
    });
    expect(parseJournal({ ...journal([]), version: 2 })).toEqual({
      ok: false,
      error: 'not a kubesim journal: version: Invalid input: expected 1',
    });
    expect(parseJournal(journal([{ at: -1, kind: 'line', text: 'x' }, { at: 0, kind: 'bogus' } as never]))).toEqual({
      ok: false,
      error:
        "not a kubesim journal: entries[0].at: Too small: expected number to be >=0; entries[1].kind: Invalid discriminator value. Expected 'line' | 'eof' | 'interrupt' | 'file' | 'edit'",
    });
  });
});

describe('JournalRecorder', () => {
  test('stamps each entry with cluster time since the machine was handed over, and goes on from an earlier journal', () => {
    const machine = createLearnerMachine({ seed: 9, mode: 'script', startAt: START });
    const recorder = JournalRecorder.forMachine(machine);
    recorder.line('kubectl get pods');
    machine.world.cluster.advance(1500);
    recorder.interrupt();
    recorder.file('/home/learner/web.yaml', 'kind: Pod\n');
    machine.world.cluster.advance(250);
    recorder.edit(null);
    recorder.eof();
    const first = recorder.toJSON();
    expect(first).toEqual({
      version: 1,
      seed: 9,
      preset: 'kind',
      startedAt: START,
      entries: [
        { at: 0, kind: 'line', text: 'kubectl get pods' },
        { at: 1500, kind: 'interrupt' },
        { at: 1500, kind: 'file', path: '/home/learner/web.yaml', content: 'kind: Pod\n' },
        { at: 1750, kind: 'edit', text: null },
        { at: 1750, kind: 'eof' },
      ],
    });
    expect(() => JournalRecorder.forMachine(machine, { ...first, seed: 10 })).toThrow(
      'JournalRecorder.forMachine: the journal is not the one this machine was replayed from',
    );
    const saved: JournalEntry[] = [];
    const goingOn = JournalRecorder.forMachine(machine, first, (entry) => saved.push(entry));
    goingOn.line('exit');
    expect(goingOn.toJSON().entries).toEqual([...first.entries, { at: 1750, kind: 'line', text: 'exit' }]);
    expect(saved).toEqual([{ at: 1750, kind: 'line', text: 'exit' }]);
  });

  test('recordSession records lines, Ctrl-C (running or at a prompt) and Ctrl-D in a nested shell, until stopped', async () => {
    const machine = createLearnerMachine({ seed: 9, mode: 'script', startAt: START });
    const recorder = JournalRecorder.forMachine(machine);
    const stop = recordSession(machine.session, recorder);
    const { session } = machine;
    session.tty = true;
    await session.feedLine('kubectl run p --image=nginx', quiet);
    await session.feedLine('sleep 5', quiet);
    const interrupt = new Interrupt();
    await session.feedLine('echo hi', quiet, interrupt);
    interrupt.fire();
    session.cancel();
    await session.eof(quiet); // at the top level: nothing to record
    await session.feedLine('kubectl exec -it p -- sh', quiet);
    await session.eof(quiet);
    stop();
    await session.feedLine('echo unrecorded', quiet);
    expect(recorder.toJSON().entries).toEqual([
      { at: 0, kind: 'line', text: 'kubectl run p --image=nginx' },
      { at: 0, kind: 'line', text: 'sleep 5' },
      { at: 5000, kind: 'line', text: 'echo hi' },
      { at: 5000, kind: 'interrupt' },
      { at: 5000, kind: 'interrupt' },
      { at: 5000, kind: 'line', text: 'kubectl exec -it p -- sh' },
      { at: 5000, kind: 'eof' },
    ]);
  });
});

describe('replayJournal', () => {
  test('returns an error value for input that is not a journal or names an unknown cluster', async () => {
    expect(await replayJournal('{"version":1}')).toEqual({
      ok: false,
      error: 'not a kubesim journal: Invalid input: expected object, received string',
    });
    expect(await replayJournal({ ...journal([]), preset: 'gke' })).toEqual({
      ok: false,
      error: 'not a kubesim journal: unknown preset "gke" (known: kind, on-premises)',
    });
  });

  test('a line that failed fails again as it did, and Ctrl-C at a prompt drops an unfinished heredoc', async () => {
    const result = await replayed([
      line(0, 'kubectl get pod nope'),
      line(0, 'echo "two'),
      line(0, 'lines"'),
      line(0, 'nosuchcmd; echo $?'),
      line(0, 'echo ('),
      line(0, 'cat <<EOF'),
      line(0, 'hello'),
      { at: 900, kind: 'interrupt' },
      line(1000, 'echo $?'),
    ]);
    expect(result.transcript).toBe(`learner@laptop:~$ kubectl get pod nope
Error from server (NotFound): pods "nope" not found
learner@laptop:~$ echo "two
> lines"
two
lines
learner@laptop:~$ nosuchcmd; echo $?
bash: nosuchcmd: command not found
127
learner@laptop:~$ echo (
bash: syntax error near unexpected token \`('
learner@laptop:~$ cat <<EOF
> hello
> ^C
learner@laptop:~$ echo $?
130
`);
    expect(result.steps.map((s) => s.output)).toEqual([
      'Error from server (NotFound): pods "nope" not found\n',
      '',
      'two\nlines\n',
      'bash: nosuchcmd: command not found\n127\n',
      "bash: syntax error near unexpected token `('\n",
      '',
      '',
      '130\n',
    ]);
    expect(result.warnings).toEqual([]);
  });

  test('ends an interrupted command at the cluster time of the Ctrl-C', async () => {
    const result = await replayed([
      line(0, 'kubectl run p --image=nginx'),
      line(0, 'kubectl get pods -w'),
      { at: 1200, kind: 'interrupt' },
      line(1200, 'kubectl get pods'),
      line(1300, 'sleep 100'),
      { at: 31_300, kind: 'interrupt' },
    ]);
    expect(result.transcript).toBe(`learner@laptop:~$ kubectl run p --image=nginx
pod/p created
learner@laptop:~$ kubectl get pods -w
NAME   READY   STATUS              RESTARTS   AGE
p      0/1     ContainerCreating   0          0s
^C
learner@laptop:~$ kubectl get pods
NAME   READY   STATUS              RESTARTS   AGE
p      0/1     ContainerCreating   0          1s
learner@laptop:~$ sleep 100
^C
`);
    expect(result.machine.world.cluster.clock.now() - START).toBe(31_300);
    expect(await outputOf(result.machine, ['echo $?'])).toBe('$ echo $?\n130\n');
  });

  test('a command still running when the journal ends stops there, or runs on until `until`', async () => {
    const cut = await replayed([line(0, 'sleep 100')]);
    expect(cut.machine.world.cluster.clock.now() - START).toBe(0);
    expect(await outputOf(cut.machine, ['echo $?'])).toBe('$ echo $?\n130\n');
    const finished = await replayed([line(0, 'sleep 100')], { until: 200_000 });
    expect(finished.machine.world.cluster.clock.now() - START).toBe(100_000);
    expect(await outputOf(finished.machine, ['echo $?'])).toBe('$ echo $?\n0\n');
  });

  test('a command that outlives the next typed line went another way: it is interrupted there, with a warning', async () => {
    const result = await replayed([line(0, 'kubectl get pods -w'), line(5000, 'echo next')]);
    expect(result.transcript).toBe(`learner@laptop:~$ kubectl get pods -w
^C
learner@laptop:~$ echo next
next
`);
    expect(result.warnings).toEqual(['entry 2 (line at 5000 ms): "kubectl get pods -w" was still running; interrupted it there']);
  });

  test("the editor's saves answer kubectl edit; a save with no edit waiting is skipped, an edit with no save is cancelled", async () => {
    const create = line(0, 'kubectl create deployment web --image=nginx --replicas=1');
    const shown = await replayed([create, line(20, 'kubectl get deployment web -o yaml')]);
    const saved = shown.steps[1]!.output.replace('replicas: 1', 'replicas: 4');
    const result = await replayed([
      create,
      { at: 10, kind: 'edit', text: 'stray' },
      line(20, 'kubectl edit deployment web'),
      { at: 9000, kind: 'edit', text: saved },
      line(9100, 'kubectl edit deployment web'),
      line(9200, 'kubectl get deployment web -o jsonpath={.spec.replicas}'),
    ]);
    expect(result.steps.map((s) => s.output)).toEqual([
      'deployment.apps/web created\n',
      'deployment.apps/web edited\n',
      'Edit cancelled, no changes made.\n',
      '4',
    ]);
    expect(result.warnings).toEqual([
      'entry 2 (edit at 10 ms): an editor save with no kubectl edit waiting for it; skipped',
      'entry 6 (line at 9200 ms): kubectl edit was waiting for the editor; cancelled it',
    ]);
  });

  test("file entries write and delete the learner's files (relative paths from home), also while a command runs", async () => {
    const fs = new VirtualFs();
    fs.writeFile('/home/learner/starter.yaml', 'kind: Pod\n');
    const result = await replayed(
      [
        line(0, 'mkdir /home/learner/work; cd work'),
        line(0, 'sleep 10'),
        { at: 4000, kind: 'file', path: 'manifests/svc.yaml', content: 'kind: Service\n' },
        { at: 5000, kind: 'file', path: '/home/learner/starter.yaml', content: null },
        line(10_000, 'ls -l /home/learner /home/learner/manifests'),
      ],
      { fs },
    );
    expect(result.steps.at(-1)!.output).toBe(`/home/learner:
total 8
drwxr-xr-x 2 learner learner 4096 Mar  2 09:00 manifests
drwxr-xr-x 2 learner learner 4096 Mar  2 09:00 work

/home/learner/manifests:
total 4
-rw-r--r-- 1 learner learner 14 Mar  2 09:00 svc.yaml
`);
  });

  test('after the replay, with no learner to press Ctrl-C, a watch ends after an hour of cluster time', async () => {
    const result = await replayed([line(0, 'kubectl run p --image=nginx')]);
    expect(await outputOf(result.machine, ['kubectl get pods -w', 'echo $?'])).toBe(`$ kubectl get pods -w
NAME   READY   STATUS              RESTARTS   AGE
p      0/1     ContainerCreating   0          0s
p      1/1     Running             0          2s
$ echo $?
130
`);
    expect(result.machine.world.cluster.clock.now() - START).toBe(3600_000);
  });

  test('a day-long gap replays as one jump', async () => {
    const started = performance.now();
    const result = await replayed([
      line(0, 'kubectl create deployment web --image=nginx --replicas=3'),
      line(0, 'kubectl create deployment typo --image=ngnix --replicas=2'),
      line(0, 'kubectl run crash --image=busybox -- false'),
      line(DAY, 'kubectl get deployments'),
    ]);
    const ms = performance.now() - started;
    expect(result.steps.at(-1)!.output).toBe(`NAME   READY   UP-TO-DATE   AVAILABLE   AGE
typo   0/2     2            0           24h
web    3/3     3            3           24h
`);
    expect(ms).toBeLessThan(2000);
  });
});

describe('resumeRealtime', () => {
  afterEach(() => vi.useRealTimers());

  test('the cluster catches up with the wall clock at once, then follows it; the shell waits on the wall clock', async () => {
    useWallClock();
    const hourAgo = {
      ...journal([line(0, 'kubectl run p --image=nginx'), line(5000, 'sleep 3')]),
      startedAt: WALL_START - 3600_000,
    };
    const result = await replayJournal(hourAgo, { until: 8000 });
    if (!result.ok) throw new Error(result.error);
    const { cluster } = result.machine.world;
    expect(cluster.clock.now()).toBe(WALL_START - 3600_000 + 8000);
    const machine = resumeRealtime(result.machine);
    expect(cluster.clock.now()).toBe(WALL_START);
    await vi.advanceTimersByTimeAsync(1000);
    expect(cluster.clock.now()).toBe(WALL_START + 1000);

    const recorder = JournalRecorder.forMachine(machine, result.journal);
    recordSession(machine.session, recorder);
    let done = false;
    void machine.session.feedLine('sleep 2', quiet).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1990);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(true);
    expect(cluster.clock.now()).toBe(WALL_START + 3000);
    expect(recorder.toJSON().entries.at(-1)).toEqual({ at: 3600_000 + 1000, kind: 'line', text: 'sleep 2' });
    machine.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(cluster.clock.now()).toBe(WALL_START + 3000);
    expect(() => resumeRealtime(machine)).toThrow('resumeRealtime: the machine is not a replay');
  });
});
