import { describe, expect, test } from 'vitest';
import { VirtualFs } from '../../sim/shell/vfs.ts';
import { checkNewFileName, displayName, isManifestPath, listFiles, shellPath } from './files.ts';

function files(): VirtualFs {
  const fs = new VirtualFs();
  fs.writeFile('web.yaml', 'kind: Pod\n');
  fs.writeFile('.bashrc', '');
  fs.mkdir('apps/api', true);
  fs.writeFile('apps/api/svc.yml', '');
  fs.writeFile('notes.txt', '');
  fs.mkdir('/tmp');
  fs.writeFile('/tmp/kubectl-edit-1.yaml', '');
  return fs;
}

describe('listFiles', () => {
  test('lists the files under home, hidden ones and other folders left out', () => {
    expect(listFiles(files())).toEqual(['/home/learner/apps/api/svc.yml', '/home/learner/notes.txt', '/home/learner/web.yaml']);
  });
});

describe('displayName', () => {
  test('is relative to home inside it, absolute elsewhere', () => {
    expect(displayName('/home/learner/apps/x.yaml', '/home/learner')).toBe('apps/x.yaml');
    expect(displayName('/tmp/x.yaml', '/home/learner')).toBe('/tmp/x.yaml');
  });
});

describe('isManifestPath', () => {
  test('is true for YAML and JSON files', () => {
    expect(['a.yaml', 'b.YML', 'c.json', 'd.txt', 'yaml'].map(isManifestPath)).toEqual([true, true, true, false, false]);
  });
});

describe('checkNewFileName', () => {
  test('accepts a new name in an existing folder, relative to home', () => {
    const fs = files();
    fs.cwd = '/tmp';
    expect(checkNewFileName(' svc.yaml ', fs)).toEqual({ ok: true, path: '/home/learner/svc.yaml' });
    expect(checkNewFileName('apps/deploy.yaml', fs)).toEqual({ ok: true, path: '/home/learner/apps/deploy.yaml' });
  });

  test('refuses empty, unsafe, taken names and missing folders', () => {
    const fs = files();
    expect(checkNewFileName('  ', fs)).toEqual({ ok: false, message: 'editor.nameRequired' });
    for (const bad of ['../etc/passwd', 'my file.yaml', '/abs.yaml', 'a//b', '.hidden', 'dir/']) {
      expect(checkNewFileName(bad, fs)).toEqual({ ok: false, message: 'editor.nameInvalid' });
    }
    expect(checkNewFileName('web.yaml', fs)).toEqual({ ok: false, message: 'editor.nameExists', params: { name: 'web.yaml' } });
    expect(checkNewFileName('nope/x.yaml', fs)).toEqual({ ok: false, message: 'editor.noFolder', params: { dir: 'nope' } });
  });
});

describe('shellPath', () => {
  test('names a file as the learner would type it at the prompt', () => {
    const home = '/home/learner';
    expect(shellPath('/home/learner/web.yaml', home, home)).toBe('web.yaml');
    expect(shellPath('/home/learner/apps/web.yaml', '/home/learner/apps', home)).toBe('web.yaml');
    expect(shellPath('/home/learner/web.yaml', '/tmp', home)).toBe('~/web.yaml');
    expect(shellPath('/tmp/x.yaml', home, home)).toBe('/tmp/x.yaml');
    expect(shellPath('/home/learner/my file.yaml', home, home)).toBe(`'my file.yaml'`);
    expect(shellPath("/tmp/it's.yaml", home, home)).toBe(`'/tmp/it'\\''s.yaml'`);
  });
});
