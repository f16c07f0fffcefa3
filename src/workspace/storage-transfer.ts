// moving progress between browsers: one JSON file with every kubesim entry as stored (set-aside
// entries too, so nothing is lost), and an import that checks the file and says what it will
// replace before it writes anything.
import { z } from '../sim/zod.ts';
import { describeIssues } from '../sim/journal-schema.ts';
import { checkEntry, isQuotaError, type KeyValueStore, type Notice, type WriteFailure } from './storage.ts';
import { KEY_PREFIX, lessonRecordSchema, LESSON_PREFIX, schemaFor } from './storage-schema.ts';

export const EXPORT_FORMAT = 'kubesim-progress';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 */
  exportedAt: string;
  /** every `kubesim:` key and its value exactly as stored */
  entries: Record<string, string>;
}

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  entries: z.record(z.string(), z.string()).superRefine((entries, ctx) => {
    for (const key of Object.keys(entries)) {
      if (!key.startsWith(KEY_PREFIX))
        ctx.addIssue({ code: 'custom', path: [key], message: `not a kubesim key (they start with "${KEY_PREFIX}")` });
    }
  }),
}) satisfies z.ZodType<ExportFile>;

export function exportProgress(store: KeyValueStore, now = Date.now()): ExportFile {
  const entries: Record<string, string> = {};
  for (const key of store.keys().sort()) {
    const value = key.startsWith(KEY_PREFIX) ? store.getItem(key) : null;
    if (value !== null) entries[key] = value;
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), entries };
}

export type ImportError = {
  ok: false;
  error: 'not-json' | 'wrong-format' | 'newer-version' | 'damaged';
  /** for the learner, in English (the page may show its own text per `error`) */
  message: string;
};

export interface ImportPlan {
  ok: true;
  file: ExportFile;
  /** keys stored here now whose value the import replaces */
  replaces: string[];
  /** keys the import adds */
  adds: string[];
  /** keys already stored with the same value */
  unchanged: string[];
  /** entries of the file that this page cannot read; they are not imported */
  skipped: Omit<Notice, 'movedTo'>[];
}

/** checks an export file (its text) and works out what importing it would do; writes nothing */
export function readImport(text: string, store: KeyValueStore): ImportPlan | ImportError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: 'not-json', message: `This file is not a kubesim progress export: it is not JSON (${why}).` };
  }
  const head = typeof json === 'object' && json !== null ? (json as { format?: unknown; version?: unknown }) : {};
  if (head.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error: 'wrong-format',
      message: `This file is not a kubesim progress export: it has no "format": "${EXPORT_FORMAT}".`,
    };
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    return {
      ok: false,
      error: 'newer-version',
      message: `This progress export is version ${head.version}, newer than this page reads (${EXPORT_VERSION}). Reload the course to update it, then import again.`,
    };
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: 'damaged', message: `This progress export is damaged: ${describeIssues(parsed.error)}.` };
  }
  const plan: ImportPlan = { ok: true, file: parsed.data, replaces: [], adds: [], unchanged: [], skipped: [] };
  for (const [key, value] of Object.entries(parsed.data.entries).sort(([a], [b]) => a.localeCompare(b))) {
    const schema = schemaFor(key);
    const checked = schema ? checkEntry(value, schema) : null;
    if (checked && !checked.ok) {
      plan.skipped.push({ key, reason: checked.reason, detail: checked.detail });
      continue;
    }
    const current = store.getItem(key);
    if (current === null) plan.adds.push(key);
    else if (current === value) plan.unchanged.push(key);
    else plan.replaces.push(key);
  }
  return plan;
}

/**
 * writes what `readImport` planned. a lesson comes in with a revision above the one stored, so
 * every tab open on it (this one too) sees it as changed and reloads it
 */
export function applyImport(
  plan: ImportPlan,
  store: KeyValueStore,
): { ok: true; written: string[] } | (WriteFailure & { written: string[] }) {
  const written: string[] = [];
  for (const key of [...plan.adds, ...plan.replaces]) {
    let value = plan.file.entries[key]!;
    if (key.startsWith(LESSON_PREFIX)) {
      const incoming = lessonRecordSchema.parse(JSON.parse(value));
      const stored = checkEntry(store.getItem(key) ?? 'null', lessonRecordSchema);
      const revision = Math.max(incoming.revision, stored.ok ? stored.value.revision : 0) + 1;
      value = JSON.stringify({ ...incoming, revision });
    }
    try {
      store.setItem(key, value);
    } catch (error) {
      const failure: WriteFailure = isQuotaError(error)
        ? { ok: false, reason: 'quota', bytes: 2 * (key.length + value.length) }
        : { ok: false, reason: 'unavailable', detail: error instanceof Error ? error.message : String(error) };
      return { ...failure, written };
    }
    written.push(key);
  }
  return { ok: true, written };
}
