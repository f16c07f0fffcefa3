import { describe, expect, test } from 'vitest';
import { VirtualClock } from '../../clock.ts';
import { replayJournal } from '../../journal.ts';
import { runScript } from '../../testing/run-script.ts';
import { createSession } from '../index.ts';

/** a session whose host has an editor that records what it was asked to open */
function withEditor() {
  const session = createSession({ clock: new VirtualClock(), seed: 1 });
  const opened: string[] = [];
  session.shell.host = { openFile: (path) => void opened.push(path) };
  return { session, opened, run: (script: string) => runScript(script, 1, session) };
}

describe('vi, vim and nano', () => {
  test('open the file in the editor and return at once, with no output', async () => {
    const e = withEditor();
    expect(await e.run('echo "kind: Pod" > web.yaml\nvi web.yaml')).toMatchObject({ output: '', status: 0 });
    expect(await e.run('mkdir d\ncd d\nvim -R +3 ../web.yaml\nnano -- ~/web.yaml')).toMatchObject({ output: '', status: 0 });
    expect(e.opened).toEqual(['/home/learner/web.yaml', '/home/learner/web.yaml', '/home/learner/web.yaml']);
    expect((await e.run('cat ~/web.yaml')).output).toBe('kind: Pod\n');
  });

  test('create a missing file empty, as the editors do', async () => {
    const e = withEditor();
    expect(await e.run('vi svc.yaml\nls -l svc.yaml')).toMatchObject({
      output: '-rw-r--r-- 1 learner learner 0 Jan  1 00:00 svc.yaml\n',
      status: 0,
    });
    expect(e.opened).toEqual(['/home/learner/svc.yaml']);
  });

  test('refuse directories, missing directories and no file at all', async () => {
    const e = withEditor();
    expect(await e.run('mkdir d\nvi d')).toMatchObject({
      output: 'kubesim: d is a directory; vi here opens files\n',
      status: 1,
    });
    expect(await e.run('nano nope/x.yaml')).toMatchObject({
      output: 'kubesim: nano cannot create nope/x.yaml: No such file or directory\n',
      status: 1,
    });
    expect(await e.run('vim')).toMatchObject({
      output: 'kubesim: vim without a file name is not simulated; try vim web.yaml\n',
      status: 1,
    });
    expect(e.opened).toEqual([]);
  });

  test('without an editor (the CLI, scripts) say so, and create nothing', async () => {
    expect(await runScript('vi web.yaml\nls')).toMatchObject({
      output: 'kubesim: vi is not simulated in scripts; edit the file on disk\n',
      status: 0,
    });
    expect(await runScript('nano web.yaml')).toMatchObject({
      output: 'kubesim: nano is not simulated in scripts; edit the file on disk\n',
      status: 1,
    });
  });

  test('a reload replays them as the page ran them: the file created, nothing printed', async () => {
    const replay = await replayJournal({
      version: 1,
      seed: 1,
      preset: 'kind',
      startedAt: Date.UTC(2026, 0, 1),
      entries: [
        { at: 0, kind: 'line', text: 'vi web.yaml' },
        { at: 10, kind: 'line', text: 'ls' },
      ],
    });
    expect(replay.ok && replay.steps.map((s) => s.output)).toEqual(['', 'web.yaml\n']);
  });
});
