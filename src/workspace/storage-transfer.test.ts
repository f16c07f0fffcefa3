import { describe, expect, test } from 'vitest';
import type { LessonRecord } from './storage-schema.ts';
import { memoryStore } from './storage.test-helper.ts';
import { ProgressStorage } from './storage.ts';
import { applyImport, exportProgress, readImport } from './storage-transfer.ts';

const lesson = (revision: number, writer = 'tab-a'): string =>
  JSON.stringify({
    v: 1,
    journal: { version: 1, seed: 1, preset: 'kind', startedAt: 0, entries: [] },
    files: {},
    history: ['kubectl get pods'],
    updatedAt: 10,
    writer,
    revision,
  } satisfies LessonRecord);
const progress = JSON.stringify({
  v: 1,
  lessons: { pods: { visited: true, completedSteps: [], quiz: {}, done: false } },
  exercises: {},
});

describe('exportProgress', () => {
  test('writes every kubesim entry as stored, set-aside ones too, and nothing else', () => {
    const store = memoryStore({
      'kubesim:progress': progress,
      'kubesim:lesson:pods': lesson(3),
      'kubesim:quarantine:5:kubesim:lesson:svc': '{broken',
      'other-site': 'x',
    });
    expect(exportProgress(store, Date.UTC(2026, 2, 2, 9, 0, 0))).toEqual({
      format: 'kubesim-progress',
      version: 1,
      exportedAt: '2026-03-02T09:00:00.000Z',
      entries: {
        'kubesim:lesson:pods': lesson(3),
        'kubesim:progress': progress,
        'kubesim:quarantine:5:kubesim:lesson:svc': '{broken',
      },
    });
  });
});

describe('readImport', () => {
  test('explains why a file is not an export it can read', () => {
    const store = memoryStore();
    expect(readImport('<html>', store)).toEqual({
      ok: false,
      error: 'not-json',
      message: `This file is not a kubesim progress export: it is not JSON (Unexpected token '<', "<html>" is not valid JSON).`,
    });
    expect(readImport('{"lessons":{}}', store)).toEqual({
      ok: false,
      error: 'wrong-format',
      message: 'This file is not a kubesim progress export: it has no "format": "kubesim-progress".',
    });
    expect(readImport('{"format":"kubesim-progress","version":2,"entries":{}}', store)).toEqual({
      ok: false,
      error: 'newer-version',
      message:
        'This progress export is version 2, newer than this page reads (1). Reload the course to update it, then import again.',
    });
    expect(
      readImport(
        JSON.stringify({ format: 'kubesim-progress', version: 1, exportedAt: 'x', entries: { theme: 'dark', 'kubesim:a': 3 } }),
        store,
      ),
    ).toEqual({
      ok: false,
      error: 'damaged',
      message: 'This progress export is damaged: entries.kubesim:a: Invalid input: expected string, received number.',
    });
  });

  test('refuses keys that are not kubesim keys', () => {
    const file = { format: 'kubesim-progress', version: 1, exportedAt: 'x', entries: { theme: 'dark' } };
    expect(readImport(JSON.stringify(file), memoryStore())).toEqual({
      ok: false,
      error: 'damaged',
      message: 'This progress export is damaged: entries.theme: not a kubesim key (they start with "kubesim:").',
    });
  });

  test('says what it will replace, add and leave, and which entries it cannot read', () => {
    const here = memoryStore({ 'kubesim:progress': progress, 'kubesim:lesson:pods': lesson(2), 'kubesim:lesson:svc': lesson(1) });
    const file = exportProgress(
      memoryStore({
        'kubesim:progress': progress,
        'kubesim:lesson:pods': lesson(7, 'laptop'),
        'kubesim:lesson:dns': lesson(1, 'laptop'),
        'kubesim:lesson:bad': '{"v":2}',
        'kubesim:quarantine:5:kubesim:lesson:old': '{broken',
      }),
      0,
    );
    const plan = readImport(JSON.stringify(file), here);
    expect(plan).toEqual({
      ok: true,
      file,
      replaces: ['kubesim:lesson:pods'],
      adds: ['kubesim:lesson:dns', 'kubesim:quarantine:5:kubesim:lesson:old'],
      unchanged: ['kubesim:progress'],
      skipped: [{ key: 'kubesim:lesson:bad', reason: 'foreign', detail: 'saved in format v2; this page reads v1' }],
    });
  });
});

describe('applyImport', () => {
  test('writes the plan; an imported lesson outranks the stored one, so open tabs see it changed', () => {
    const here = memoryStore({ 'kubesim:lesson:pods': lesson(9) });
    const tab = new ProgressStorage(here, { tabId: 'tab-a' });
    tab.loadLesson('pods');
    const plan = readImport(
      JSON.stringify(exportProgress(memoryStore({ 'kubesim:lesson:pods': lesson(4, 'laptop'), 'kubesim:progress': progress }))),
      here,
    );
    if (!plan.ok) throw new Error(plan.message);
    expect(applyImport(plan, here)).toEqual({ ok: true, written: ['kubesim:progress', 'kubesim:lesson:pods'] });
    expect(here.getItem('kubesim:lesson:pods')).toBe(lesson(10, 'laptop'));
    expect(tab.staleReason({ key: 'kubesim:lesson:pods', newValue: here.getItem('kubesim:lesson:pods') }, 'pods')).toBe(
      'changed',
    );
    expect(tab.loadProgress().progress.lessons['pods']?.visited).toBe(true);
  });

  test('stops at a full store and says what it wrote', () => {
    const here = memoryStore({}, 200);
    const plan = readImport(
      JSON.stringify(exportProgress(memoryStore({ 'kubesim:a': 'x'.repeat(50), 'kubesim:b': 'y'.repeat(500) }))),
      here,
    );
    if (!plan.ok) throw new Error(plan.message);
    expect(applyImport(plan, here)).toEqual({ ok: false, reason: 'quota', bytes: 2 * (9 + 500), written: ['kubesim:a'] });
  });
});
