// the learner's progress in the browser, over any key-value store (localStorage in the page, a
// Map in tests). loading never throws: a corrupt or foreign entry is set aside under
// `kubesim:quarantine:…` (kept for export) and reported as a notice, and the page goes on with a
// fresh value. a lesson's save refuses to overwrite what another tab saved after this one loaded.
import type { z } from 'zod';
import { describeIssues } from '../sim/journal-schema.ts';
import {
  emptyProgress,
  lessonKey,
  lessonRecordSchema,
  PROGRESS_KEY,
  progressSchema,
  QUARANTINE_PREFIX,
  STORAGE_VERSION,
  type LessonRecord,
  type Progress,
} from './storage-schema.ts';

/** the part of localStorage this needs; `keys` lists every key (localStorage: Object.keys(localStorage)) */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

/** the part of the Web Storage API (localStorage) `webStorage` adapts */
export interface WebStorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage as a KeyValueStore */
export function webStorage(storage: WebStorageLike): KeyValueStore {
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    keys: () => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null),
  };
}

/** an entry that was set aside: `corrupt` (not JSON) or `foreign` (another version or shape) */
export interface Notice {
  key: string;
  reason: 'corrupt' | 'foreign';
  /** what was wrong, in English, for the console and bug reports */
  detail: string;
  /** where it was moved; null when it could not be (storage full) and was left in place */
  movedTo: string | null;
}

export type WriteFailure =
  /** the browser's storage is full; `bytes` is the size of what did not fit */
  | { ok: false; reason: 'quota'; bytes: number }
  /** storage refused for another reason (disabled, private mode) */
  | { ok: false; reason: 'unavailable'; detail: string };

export type SaveResult =
  /** `notices`: an unreadable entry the save replaced was set aside first */
  | { ok: true; revision: number; notices: Notice[] }
  /** another tab saved (or reset, writer null) this lesson after this tab loaded it */
  | { ok: false; reason: 'conflict'; writer: string | null; revision: number; updatedAt: number | null }
  | WriteFailure;

export type ProgressSaveResult = ({ ok: true; notices: Notice[] } | WriteFailure) & { progress: Progress };

type Read<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'bad'; notice: Notice };

export interface StorageOptions {
  /** this tab's id, recorded with each lesson save */
  tabId: string;
  now?: () => number;
}

/** what a lesson save writes besides its bookkeeping */
export type LessonState = Pick<LessonRecord, 'journal' | 'files' | 'history'>;

export class ProgressStorage {
  /** per lesson, the revision this tab loaded or last saved (0: there was none) */
  private readonly loaded = new Map<string, number>();
  private readonly now: () => number;

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: StorageOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  /** the lesson's saved workspace, or null for a fresh start */
  loadLesson(lessonId: string): { record: LessonRecord | null; notices: Notice[] } {
    const read = this.read(lessonKey(lessonId), lessonRecordSchema);
    const record = read.kind === 'ok' ? read.value : null;
    this.loaded.set(lessonId, record?.revision ?? 0);
    return { record, notices: read.kind === 'bad' ? [read.notice] : [] };
  }

  /** the revision of the lesson this tab works on (0 before any save) */
  loadedRevision(lessonId: string): number {
    return this.loaded.get(lessonId) ?? 0;
  }

  /** saves the lesson unless another tab saved it since this one loaded it (`force` overwrites anyway) */
  saveLesson(lessonId: string, state: LessonState, options: { force?: boolean } = {}): SaveResult {
    const key = lessonKey(lessonId);
    const mine = this.loadedRevision(lessonId);
    const read = this.read(key, lessonRecordSchema);
    const stored = read.kind === 'ok' ? read.value : null;
    // an entry set aside just now cannot have been written by a tab of this version: it does not count
    if (!options.force && (stored?.revision ?? 0) !== mine && read.kind !== 'bad') {
      return {
        ok: false,
        reason: 'conflict',
        writer: stored?.writer ?? null,
        revision: stored?.revision ?? 0,
        updatedAt: stored?.updatedAt ?? null,
      };
    }
    const revision = Math.max(mine, stored?.revision ?? 0) + 1;
    const record: LessonRecord = { v: STORAGE_VERSION, ...state, updatedAt: this.now(), writer: this.options.tabId, revision };
    const result = this.write(key, JSON.stringify(record));
    if (!result.ok) return result;
    this.loaded.set(lessonId, revision);
    return { ok: true, revision, notices: read.kind === 'bad' ? [read.notice] : [] };
  }

  /** forgets the lesson's workspace (the page asks the learner first) */
  resetLesson(lessonId: string): void {
    this.store.removeItem(lessonKey(lessonId));
    this.loaded.set(lessonId, 0);
  }

  loadProgress(): { progress: Progress; notices: Notice[] } {
    const read = this.read(PROGRESS_KEY, progressSchema);
    return { progress: read.kind === 'ok' ? read.value : emptyProgress(), notices: read.kind === 'bad' ? [read.notice] : [] };
  }

  /**
   * changes the progress as stored now (another tab's changes are kept: progress merges,
   * it does not conflict) and saves it; `progress` is the value saved
   */
  updateProgress(change: (progress: Progress) => void): ProgressSaveResult {
    const { progress, notices } = this.loadProgress();
    change(progress);
    const result = this.write(PROGRESS_KEY, JSON.stringify(progress));
    return result.ok ? { ok: true, notices, progress } : { ...result, progress };
  }

  /** the keys of entries set aside, oldest first */
  quarantined(): string[] {
    return this.store
      .keys()
      .filter((k) => k.startsWith(QUARANTINE_PREFIX))
      .sort();
  }

  /** drops an entry that was set aside */
  discard(quarantinedKey: string): void {
    if (quarantinedKey.startsWith(QUARANTINE_PREFIX)) this.store.removeItem(quarantinedKey);
  }

  /** how much kubesim keeps, in bytes as browsers count them (UTF-16), largest first */
  usage(): { bytes: number; entries: { key: string; bytes: number }[] } {
    const entries = this.store
      .keys()
      .filter((key) => key.startsWith('kubesim:'))
      .map((key) => ({ key, bytes: 2 * (key.length + (this.store.getItem(key)?.length ?? 0)) }))
      .sort((a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key));
    return { bytes: entries.reduce((sum, e) => sum + e.bytes, 0), entries };
  }

  /** a tab's view of an incoming change (storage event, BroadcastChannel): whether its lesson is now stale */
  staleReason(change: StorageChange, lessonId: string): StaleReason | null {
    return staleReason(change, lessonId, this.loadedRevision(lessonId));
  }

  private read<T>(key: string, schema: z.ZodType<T>): Read<T> {
    const raw = this.store.getItem(key);
    if (raw === null) return { kind: 'missing' };
    const checked = checkEntry(raw, schema);
    if (checked.ok) return { kind: 'ok', value: checked.value };
    return { kind: 'bad', notice: this.setAside(key, raw, checked.reason, checked.detail) };
  }

  private setAside(key: string, raw: string, reason: Notice['reason'], detail: string): Notice {
    let stamp = this.now();
    while (this.store.getItem(`${QUARANTINE_PREFIX}${stamp}:${key}`) !== null) stamp += 1;
    const movedTo = `${QUARANTINE_PREFIX}${stamp}:${key}`;
    if (!this.write(movedTo, raw).ok) return { key, reason, detail, movedTo: null };
    this.store.removeItem(key);
    return { key, reason, detail, movedTo };
  }

  private write(key: string, value: string): { ok: true } | WriteFailure {
    try {
      this.store.setItem(key, value);
      return { ok: true };
    } catch (error) {
      if (isQuotaError(error)) return { ok: false, reason: 'quota', bytes: 2 * (key.length + value.length) };
      return { ok: false, reason: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** a stored value against its schema: corrupt when it is not JSON, foreign when it is of another version or shape */
export function checkEntry<T>(
  raw: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; reason: Notice['reason']; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const v = typeof json === 'object' && json !== null && 'v' in json ? json.v : undefined;
  if (v === undefined) return { ok: false, reason: 'foreign', detail: 'not a kubesim entry (it has no "v")' };
  if (v !== STORAGE_VERSION) {
    return { ok: false, reason: 'foreign', detail: `saved in format v${JSON.stringify(v)}; this page reads v${STORAGE_VERSION}` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'foreign', detail: describeIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}

/** a change to one key (a storage event's key and newValue); key null: the whole store was cleared */
export interface StorageChange {
  key: string | null;
  newValue: string | null;
}

/** changed: another tab saved the lesson; reset: another tab removed it (or cleared everything) */
export type StaleReason = 'changed' | 'reset';

/** whether a tab that loaded (or last saved) `loadedRevision` of the lesson is stale after `change` */
export function staleReason(change: StorageChange, lessonId: string, loadedRevision: number): StaleReason | null {
  if (change.key !== null && change.key !== lessonKey(lessonId)) return null;
  if (change.key === null || change.newValue === null) return loadedRevision > 0 ? 'reset' : null;
  const checked = checkEntry(change.newValue, lessonRecordSchema);
  // something this version cannot read took its place: the next save will set it aside, not lose work
  if (!checked.ok) return null;
  return checked.value.revision !== loadedRevision ? 'changed' : null;
}

/** QuotaExceededError across browsers (Firefox used NS_ERROR_DOM_QUOTA_REACHED, old WebKit code 22) */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}
