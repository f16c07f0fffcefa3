// the page's side of saved progress: one ProgressStorage over localStorage for the page, the
// notices it raises (an entry set aside, storage full or unavailable), and the current lesson's
// steps and quiz answers. loaded after the first prompt: it brings the validating schemas.
import { t } from '../../i18n/index.ts';
import { ProgressStorage, webStorage, type KeyValueStore, type Notice, type WriteFailure } from '../../workspace/storage.ts';
import { lessonProgress as lessonEntry, type QuizAnswer } from '../../workspace/storage-schema.ts';
import { showNotice } from './notices.ts';

/** an in-memory store for when the browser refuses localStorage (disabled, sandboxed frames) */
function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

function browserStore(): KeyValueStore {
  try {
    const storage = window.localStorage;
    const probe = 'kubesim:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return webStorage(storage);
  } catch {
    showNotice({ id: 'storage-unavailable', tone: 'warning', text: t('notice.storageUnavailable') });
    return memoryStore();
  }
}

let store: KeyValueStore | null = null;
let storage: ProgressStorage | null = null;
export const TAB_ID = `tab-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;

/** the raw key-value store under the page's storage (export and import work on it) */
export function pageStore(): KeyValueStore {
  store ??= browserStore();
  return store;
}

/** the page's storage */
export function pageStorage(): ProgressStorage {
  storage ??= new ProgressStorage(pageStore(), { tabId: TAB_ID });
  return storage;
}

/** tells the learner about entries set aside: their work is kept for export, the page goes on */
export function reportNotices(notices: readonly Notice[]): void {
  for (const notice of notices) {
    showNotice({
      id: `set-aside:${notice.key}`,
      tone: 'warning',
      text: t(notice.reason === 'corrupt' ? 'notice.corrupt' : 'notice.foreign', { key: notice.key }),
      detail: notice.detail,
      exportAction: true,
    });
  }
}

export function reportWriteFailure(failure: WriteFailure): void {
  showNotice({
    id: `write-${failure.reason}`,
    tone: 'warning',
    text: failure.reason === 'quota' ? t('notice.quota') : t('notice.storageUnavailable'),
    exportAction: failure.reason === 'quota',
  });
}

/** the current lesson's steps and quiz answers */
export interface LessonProgress {
  stepsDone(): Set<string>;
  markStep(id: string): void;
  quizAnswer(id: string): QuizAnswer | undefined;
  saveQuiz(id: string, answer: string[] | string, correct: boolean): void;
}

function currentLessonId(): string {
  return document.querySelector<HTMLElement>('[data-lesson]')?.dataset['lesson'] ?? 'unknown';
}

function update(change: Parameters<ProgressStorage['updateProgress']>[0]): void {
  const result = pageStorage().updateProgress(change);
  if (!result.ok) reportWriteFailure(result);
  else reportNotices(result.notices);
  document.dispatchEvent(new CustomEvent('kubesim:progress'));
}

let current: LessonProgress | null = null;

export function lessonProgress(): LessonProgress {
  if (current) return current;
  const lessonId = currentLessonId();
  const { notices } = pageStorage().loadProgress();
  reportNotices(notices);
  update((p) => {
    const entry = lessonEntry(p, lessonId);
    entry.visited = true;
    // a lesson without steps is read, not done step by step
    if (document.querySelectorAll('[data-step]').length === 0) entry.done = true;
  });
  const read = () => pageStorage().loadProgress().progress.lessons[lessonId];
  current = {
    stepsDone: () => new Set(read()?.completedSteps ?? []),
    markStep: (id) =>
      update((p) => {
        const entry = lessonEntry(p, lessonId);
        if (!entry.completedSteps.includes(id)) entry.completedSteps.push(id);
        const all = [...document.querySelectorAll<HTMLElement>('[data-step]')].map((s) => s.dataset['step']!);
        entry.done = all.every((s) => entry.completedSteps.includes(s));
      }),
    quizAnswer: (id) => read()?.quiz[id],
    saveQuiz: (id, answer, correct) => update((p) => void (lessonEntry(p, lessonId).quiz[id] = { answer, correct })),
  };
  return current;
}
