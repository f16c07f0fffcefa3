import { describe, expect, test } from 'vitest';
import type { Journal } from '../sim/journal.ts';
import { exerciseProgress, lessonProgress, type LessonRecord } from './storage-schema.ts';
import { memoryStore } from './storage.test-helper.ts';
import { isQuotaError, ProgressStorage, staleReason, webStorage } from './storage.ts';

const journal: Journal = {
  version: 1,
  seed: 7,
  preset: 'kind',
  startedAt: 1_000,
  entries: [{ at: 5, kind: 'line', text: 'kubectl get pods' }],
};
const state = { journal, files: { '/home/learner/web.yaml': 'kind: Pod\n' }, history: ['kubectl get pods'] };
const clock = (start: number) => {
  let t = start;
  return () => t++;
};

describe('ProgressStorage lessons', () => {
  test('saves a lesson with its tab and revision, and loads it back', () => {
    const store = memoryStore();
    const tab = new ProgressStorage(store, { tabId: 'tab-a', now: clock(50) });
    expect(tab.loadLesson('pods')).toEqual({ record: null, notices: [] });
    expect(tab.saveLesson('pods', state)).toEqual({ ok: true, revision: 1, notices: [] });
    expect(tab.saveLesson('pods', state)).toEqual({ ok: true, revision: 2, notices: [] });
    const record: LessonRecord = { v: 1, ...state, updatedAt: 51, writer: 'tab-a', revision: 2 };
    expect(JSON.parse(store.getItem('kubesim:lesson:pods')!)).toEqual(record);
    expect(new ProgressStorage(store, { tabId: 'tab-b' }).loadLesson('pods')).toEqual({ record, notices: [] });
  });

  test('sets a corrupt or foreign entry aside, reports it, and starts fresh', () => {
    const store = memoryStore({
      'kubesim:lesson:pods': '{"v":1,"journal":',
      'kubesim:lesson:svc': JSON.stringify({ v: 2, everything: 'new' }),
      'kubesim:lesson:dns': JSON.stringify({ ...state, v: 1, updatedAt: 1, writer: 'x', revision: 0 }),
      'kubesim:progress': '[]',
    });
    const tab = new ProgressStorage(store, { tabId: 'tab-a', now: () => 1_700_000_000_000 });
    expect(tab.loadLesson('pods')).toEqual({
      record: null,
      notices: [
        {
          key: 'kubesim:lesson:pods',
          reason: 'corrupt',
          detail: 'not JSON (Unexpected end of JSON input)',
          movedTo: 'kubesim:quarantine:1700000000000:kubesim:lesson:pods',
        },
      ],
    });
    expect(tab.loadLesson('svc').notices).toEqual([
      {
        key: 'kubesim:lesson:svc',
        reason: 'foreign',
        detail: 'saved in format v2; this page reads v1',
        movedTo: 'kubesim:quarantine:1700000000000:kubesim:lesson:svc',
      },
    ]);
    expect(tab.loadLesson('dns').notices).toEqual([
      {
        key: 'kubesim:lesson:dns',
        reason: 'foreign',
        detail: 'revision: Too small: expected number to be >0',
        movedTo: 'kubesim:quarantine:1700000000000:kubesim:lesson:dns',
      },
    ]);
    expect(tab.loadProgress()).toEqual({
      progress: { v: 1, lessons: {}, exercises: {} },
      notices: [
        {
          key: 'kubesim:progress',
          reason: 'foreign',
          detail: 'not a kubesim entry (it has no "v")',
          movedTo: 'kubesim:quarantine:1700000000000:kubesim:progress',
        },
      ],
    });
    expect(tab.quarantined()).toEqual([
      'kubesim:quarantine:1700000000000:kubesim:lesson:dns',
      'kubesim:quarantine:1700000000000:kubesim:lesson:pods',
      'kubesim:quarantine:1700000000000:kubesim:lesson:svc',
      'kubesim:quarantine:1700000000000:kubesim:progress',
    ]);
    expect(store.getItem('kubesim:quarantine:1700000000000:kubesim:lesson:pods')).toBe('{"v":1,"journal":');
    // the learner goes on: the fresh lesson saves over nothing
    expect(tab.saveLesson('pods', state)).toEqual({ ok: true, revision: 1, notices: [] });
  });

  test('two entries set aside in the same millisecond get distinct keys', () => {
    const store = memoryStore({ 'kubesim:lesson:a': 'x' });
    const tab = new ProgressStorage(store, { tabId: 't', now: () => 9 });
    tab.loadLesson('a');
    store.setItem('kubesim:lesson:a', 'y');
    expect(tab.loadLesson('a').notices[0]!.movedTo).toBe('kubesim:quarantine:10:kubesim:lesson:a');
  });

  test('refuses to save over what another tab saved (or reset) after this tab loaded, unless forced', () => {
    const store = memoryStore();
    const a = new ProgressStorage(store, { tabId: 'tab-a', now: () => 100 });
    const b = new ProgressStorage(store, { tabId: 'tab-b', now: () => 200 });
    a.loadLesson('pods');
    b.loadLesson('pods');
    expect(a.saveLesson('pods', state)).toEqual({ ok: true, revision: 1, notices: [] });
    expect(b.saveLesson('pods', state)).toEqual({ ok: false, reason: 'conflict', writer: 'tab-a', revision: 1, updatedAt: 100 });
    expect(b.saveLesson('pods', state, { force: true })).toEqual({ ok: true, revision: 2, notices: [] });
    expect(a.saveLesson('pods', state)).toEqual({ ok: false, reason: 'conflict', writer: 'tab-b', revision: 2, updatedAt: 200 });
    b.resetLesson('pods');
    expect(store.getItem('kubesim:lesson:pods')).toBeNull();
    expect(a.loadLesson('pods').record).toBeNull();
    a.saveLesson('pods', state);
    a.resetLesson('pods');
    expect(b.saveLesson('pods', state)).toEqual({ ok: true, revision: 1, notices: [] });
  });

  test("a save over another tab's reset is a conflict too", () => {
    const store = memoryStore();
    const a = new ProgressStorage(store, { tabId: 'tab-a' });
    const b = new ProgressStorage(store, { tabId: 'tab-b' });
    a.loadLesson('pods');
    a.saveLesson('pods', state);
    b.loadLesson('pods');
    b.resetLesson('pods');
    expect(a.saveLesson('pods', state)).toEqual({ ok: false, reason: 'conflict', writer: null, revision: 0, updatedAt: null });
  });

  test('reports a full store as a value, and leaves what was stored', () => {
    const key = 'kubesim:lesson:pods';
    const store = memoryStore({}, 400);
    const tab = new ProgressStorage(store, { tabId: 'tab-a', now: () => 1 });
    tab.loadLesson('pods');
    expect(tab.saveLesson('pods', state)).toEqual({ ok: true, revision: 1, notices: [] });
    const big = { ...state, history: ['x'.repeat(500)] };
    const refused = JSON.stringify({ v: 1, ...big, updatedAt: 1, writer: 'tab-a', revision: 2 });
    expect(tab.saveLesson('pods', big)).toEqual({ ok: false, reason: 'quota', bytes: 2 * (key.length + refused.length) });
    expect(tab.loadLesson('pods').record?.revision).toBe(1);
    const kept = 2 * (key.length + store.getItem(key)!.length);
    expect(tab.usage()).toEqual({ bytes: kept, entries: [{ key, bytes: kept }] });
  });

  test('an unreadable entry that cannot be moved aside (store full) stays where it is, and is still reported', () => {
    const store = memoryStore({ 'kubesim:progress': '{"v":1,"lessons":' }, 40);
    const tab = new ProgressStorage(store, { tabId: 'tab-a', now: () => 3 });
    expect(tab.loadProgress()).toEqual({
      progress: { v: 1, lessons: {}, exercises: {} },
      notices: [{ key: 'kubesim:progress', reason: 'corrupt', detail: 'not JSON (Unexpected end of JSON input)', movedTo: null }],
    });
    expect(store.getItem('kubesim:progress')).toBe('{"v":1,"lessons":');
  });

  test('a store that refuses for another reason is reported as unavailable', () => {
    const store = memoryStore();
    store.setItem = () => {
      throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
    };
    const tab = new ProgressStorage(store, { tabId: 'tab-a' });
    expect(tab.saveLesson('pods', state)).toEqual({ ok: false, reason: 'unavailable', detail: 'The operation is insecure.' });
  });
});

describe('ProgressStorage progress', () => {
  test('updates merge with what another tab stored in the meantime', () => {
    const store = memoryStore();
    const a = new ProgressStorage(store, { tabId: 'tab-a' });
    const b = new ProgressStorage(store, { tabId: 'tab-b' });
    a.updateProgress((p) => void (lessonProgress(p, 'pods').visited = true));
    b.updateProgress((p) => {
      const e = exerciseProgress(p, 'scale-web');
      e.status = 'passed';
      e.score = 1;
      e.attempts += 1;
      e.lastCheckedAt = 5;
    });
    const result = a.updateProgress((p) => {
      const l = lessonProgress(p, 'pods');
      l.completedSteps.push('apply');
      l.quiz['q1'] = { answer: ['b', 'c'], correct: true };
    });
    const progress = {
      v: 1,
      lessons: {
        pods: { visited: true, completedSteps: ['apply'], quiz: { q1: { answer: ['b', 'c'], correct: true } }, done: false },
      },
      exercises: { 'scale-web': { status: 'passed', score: 1, solutionShown: false, attempts: 1, lastCheckedAt: 5 } },
    };
    expect(result).toEqual({ ok: true, notices: [], progress });
    expect(b.loadProgress()).toEqual({ progress, notices: [] });
  });
});

describe('staleReason', () => {
  const saved = (revision: number, writer = 'tab-b') =>
    JSON.stringify({ v: 1, ...state, updatedAt: 1, writer, revision } satisfies LessonRecord);

  test('a tab is stale when another one saved a different revision of its lesson, or removed it', () => {
    expect(staleReason({ key: 'kubesim:lesson:pods', newValue: saved(3) }, 'pods', 2)).toBe('changed');
    expect(staleReason({ key: 'kubesim:lesson:pods', newValue: saved(1) }, 'pods', 2)).toBe('changed');
    expect(staleReason({ key: 'kubesim:lesson:pods', newValue: null }, 'pods', 2)).toBe('reset');
    expect(staleReason({ key: null, newValue: null }, 'pods', 2)).toBe('reset');
  });

  test('it is not stale for its own revision, other keys, a removal of nothing, or an unreadable value', () => {
    expect(staleReason({ key: 'kubesim:lesson:pods', newValue: saved(2, 'tab-a') }, 'pods', 2)).toBeNull();
    expect(staleReason({ key: 'kubesim:lesson:svc', newValue: saved(9) }, 'pods', 2)).toBeNull();
    expect(staleReason({ key: 'kubesim:progress', newValue: '{}' }, 'pods', 2)).toBeNull();
    expect(staleReason({ key: 'kubesim:lesson:pods', newValue: null }, 'pods', 0)).toBeNull();
    expect(staleReason({ key: 'kubesim:lesson:pods', newValue: '{oops' }, 'pods', 2)).toBeNull();
  });

  test('ProgressStorage.staleReason uses the revision this tab loaded or saved', () => {
    const store = memoryStore();
    const a = new ProgressStorage(store, { tabId: 'tab-a' });
    a.loadLesson('pods');
    a.saveLesson('pods', state);
    expect(a.staleReason({ key: 'kubesim:lesson:pods', newValue: store.getItem('kubesim:lesson:pods') }, 'pods')).toBeNull();
    expect(a.staleReason({ key: 'kubesim:lesson:pods', newValue: saved(2) }, 'pods')).toBe('changed');
  });
});

describe('isQuotaError', () => {
  test('recognises the names and codes browsers use', () => {
    expect(
      [{ name: 'QuotaExceededError' }, { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, { code: 22 }, { code: 1014 }].map(isQuotaError),
    ).toEqual([true, true, true, true]);
    expect([new Error('x'), null, 'QuotaExceededError', { name: 'SecurityError' }].map(isQuotaError)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('webStorage', () => {
  test('adapts the Web Storage API, listing keys through key(i)', () => {
    const map = new Map([['kubesim:progress', '{}']]);
    const local = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const store = webStorage(local);
    store.setItem('kubesim:lesson:a', 'x');
    expect(store.keys()).toEqual(['kubesim:progress', 'kubesim:lesson:a']);
    store.removeItem('kubesim:progress');
    expect([store.keys(), store.getItem('kubesim:lesson:a'), store.getItem('nope')]).toEqual([['kubesim:lesson:a'], 'x', null]);
  });
});
