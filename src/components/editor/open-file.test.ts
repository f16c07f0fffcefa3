import { describe, expect, test } from 'vitest';
import { OpenFile } from './open-file.ts';

describe('OpenFile', () => {
  test('a clean buffer follows the file; each change is reported once', () => {
    const file = new OpenFile('/home/learner/web.yaml', 'a\n');
    expect(file.isDirty('a\n')).toBe(false);
    expect(file.observe('a\n', 'a\n')).toBe('unchanged');
    expect(file.observe('a\nb\n', 'a\n')).toBe('reload');
    expect(file.observe('a\nb\n', 'a\nb\n')).toBe('unchanged');
    expect(file.isDirty('a\nb\n')).toBe(false);
  });

  test('a modified buffer is warned about, not replaced', () => {
    const file = new OpenFile('/home/learner/web.yaml', 'a\n');
    expect(file.isDirty('mine\n')).toBe(true);
    expect(file.observe('theirs\n', 'mine\n')).toBe('conflict');
    expect(file.observe('theirs\n', 'mine\n')).toBe('unchanged');
    file.wrote('mine\n');
    expect(file.isDirty('mine\n')).toBe(false);
  });

  test('a deleted file leaves the buffer modified, so saving creates it again', () => {
    const file = new OpenFile('/home/learner/web.yaml', 'a\n');
    expect(file.observe(null, 'a\n')).toBe('deleted');
    expect(file.observe(null, 'a\n')).toBe('unchanged');
    expect(file.isDirty('a\n')).toBe(true);
    file.wrote('a\n');
    expect(file.isDirty('a\n')).toBe(false);
    expect(new OpenFile('/home/learner/new.yaml', null).isDirty('')).toBe(true);
  });

  test('a file written with what the buffer holds is simply clean', () => {
    const file = new OpenFile('/home/learner/web.yaml', 'a\n');
    expect(file.observe('b\n', 'b\n')).toBe('unchanged');
    expect(file.isDirty('b\n')).toBe(false);
  });
});
