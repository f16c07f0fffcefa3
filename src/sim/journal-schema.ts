// a journal is everything a learner did at a workspace, in cluster time: what they typed,
// when they pressed Ctrl-C or Ctrl-D, what the editor saved. replayed into a fresh cluster with
// the same seed it rebuilds the same cluster, which is how a page reload keeps a lesson's state
// and how `kubesim grade --submission` re-grades what a learner did.
import { z } from './zod.ts';

export const JOURNAL_VERSION = 1;

/** `at`: cluster time in ms since the journal's `startedAt` */
export type JournalEntry =
  /** one line typed at a prompt (top level, a `>` continuation, or inside a pod's shell) */
  | { at: number; kind: 'line'; text: string }
  /** Ctrl-D at an empty prompt inside a nested shell (it exits) */
  | { at: number; kind: 'eof' }
  /** Ctrl-C: interrupts the running command; at a prompt it drops the unfinished line and sets $? to 130 */
  | { at: number; kind: 'interrupt' }
  /** a file the editor wrote (content) or deleted (null); the shell's own writes replay from its lines */
  | { at: number; kind: 'file'; path: string; content: string | null }
  /** what the learner saved in the editor `kubectl edit` opened; null when they cancelled */
  | { at: number; kind: 'edit'; text: string | null };

export interface Journal {
  version: 1;
  /** the cluster's seed: names, uids, IPs and every other random choice follow from it */
  seed: number;
  /** which cluster was started (see PRESETS in world.ts) */
  preset: string;
  /** the cluster clock when the learner got the machine, in ms since the epoch */
  startedAt: number;
  entries: JournalEntry[];
}

const at = z.number().finite().nonnegative();

export const journalEntrySchema = z.discriminatedUnion('kind', [
  z.object({ at, kind: z.literal('line'), text: z.string() }).strict(),
  z.object({ at, kind: z.literal('eof') }).strict(),
  z.object({ at, kind: z.literal('interrupt') }).strict(),
  z.object({ at, kind: z.literal('file'), path: z.string().min(1), content: z.string().nullable() }).strict(),
  z.object({ at, kind: z.literal('edit'), text: z.string().nullable() }).strict(),
]);

export const journalSchema = z
  .object({
    version: z.literal(JOURNAL_VERSION),
    seed: z.number().int().min(0).max(0xffff_ffff),
    preset: z.string().min(1),
    startedAt: z.number().int().nonnegative(),
    entries: z.array(journalEntrySchema),
  })
  .strict() satisfies z.ZodType<Journal>;

export type JournalParse = { ok: true; journal: Journal } | { ok: false; error: string };

/** checks untrusted input (a saved page state, a submitted file) against the schema; never throws */
export function parseJournal(input: unknown): JournalParse {
  const result = journalSchema.safeParse(input);
  if (result.success) return { ok: true, journal: result.data };
  return { ok: false, error: `not a kubesim journal: ${describeIssues(result.error)}` };
}

/** zod's issues on one line, each with where it is: `entries[3].kind: Invalid input` */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ')
    .concat(error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '');
}

/** a journal with nothing in it yet */
export function emptyJournal(seed: number, preset: string, startedAt: number): Journal {
  return { version: JOURNAL_VERSION, seed, preset, startedAt, entries: [] };
}
