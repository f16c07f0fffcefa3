// what the browser keeps for a learner, as zod schemas: per lesson the workspace (journal, files,
// shell history) and overall the progress (lessons, quizzes, exercises). every entry carries `v`;
// an entry of another version, or of another shape, is foreign and is set aside on load.
import { z } from '../sim/zod.ts';
import { journalSchema, type Journal } from '../sim/journal-schema.ts';
import type { AttemptRecord } from '../grading/challenge.ts';

import { LESSON_PREFIX, PROGRESS_KEY } from './storage-keys.ts';

export { KEY_PREFIX, LESSON_PREFIX, PROGRESS_KEY, QUARANTINE_PREFIX, lessonKey } from './storage-keys.ts';

export const STORAGE_VERSION = 1;

/** one lesson's workspace, as the last tab that saved it left it */
export interface LessonRecord {
  v: 1;
  /** replayed on load to rebuild the cluster */
  journal: Journal;
  /** the learner's files, path → content (the journal rebuilds them too; this is for showing them before it has) */
  files: Record<string, string>;
  /** the shell's history, oldest first */
  history: string[];
  /** when it was saved, ms since the epoch */
  updatedAt: number;
  /** the tab that saved it */
  writer: string;
  /** counts saves, so that a tab can tell that another one saved after it loaded */
  revision: number;
}

export const lessonRecordSchema = z.object({
  v: z.literal(STORAGE_VERSION),
  journal: journalSchema,
  files: z.record(z.string(), z.string()),
  history: z.array(z.string()),
  updatedAt: z.number().int().nonnegative(),
  writer: z.string().min(1),
  revision: z.number().int().positive(),
}) satisfies z.ZodType<LessonRecord>;

export interface QuizAnswer {
  /** the option ids chosen, or the text typed */
  answer: string[] | string;
  correct: boolean;
}

export interface LessonProgress {
  visited: boolean;
  /** ids of the workspace steps done */
  completedSteps: string[];
  quiz: Record<string, QuizAnswer>;
  done: boolean;
}

export interface ExerciseProgress {
  status: 'passed' | 'failed' | 'untried';
  /** the checks' score of the last check, when it had one */
  score?: number | undefined;
  solutionShown: boolean;
  attempts: number;
  /** ms since the epoch */
  lastCheckedAt?: number | undefined;
  /** the seed of the learner's variant on the exercise's page (kept, so a reload keeps the variant) */
  seed?: number | undefined;
  /** the last check on the exercise's page, per check: what a submission claims */
  lastCheck?: CheckClaim | undefined;
  /** a timed challenge: who takes it, the running attempt's start and every submitted attempt */
  challenge?: ChallengeProgress | undefined;
}

export interface CheckClaim {
  checks: { id: string; pass: boolean }[];
  score: number;
}

export interface ChallengeProgress {
  learner: string;
  /** ms since the epoch; absent when no attempt is running */
  startedAt?: number | undefined;
  attempts: AttemptRecord[];
}

export interface Progress {
  v: 1;
  lessons: Record<string, LessonProgress>;
  exercises: Record<string, ExerciseProgress>;
}

const lessonProgressSchema = z.object({
  visited: z.boolean(),
  completedSteps: z.array(z.string()),
  quiz: z.record(z.string(), z.object({ answer: z.union([z.array(z.string()), z.string()]), correct: z.boolean() })),
  done: z.boolean(),
}) satisfies z.ZodType<LessonProgress>;

const claimedChecks = z.array(z.object({ id: z.string(), pass: z.boolean() }));

// the shape of challenge.ts's attempt record, repeated here so that the storage chunk does not
// pull in the grader (the type check below keeps the two the same)
const attemptRecordSchema = z.object({
  exerciseId: z.string().min(1),
  seed: z.number().int().min(0),
  startedAt: z.number().int().nonnegative(),
  submittedAt: z.number().int().nonnegative(),
  late: z.boolean(),
  score: z.number().min(0).max(100),
  checks: claimedChecks,
}) satisfies z.ZodType<AttemptRecord>;

const exerciseProgressSchema = z.object({
  status: z.enum(['passed', 'failed', 'untried']),
  score: z.number().finite().optional(),
  solutionShown: z.boolean(),
  attempts: z.number().int().nonnegative(),
  lastCheckedAt: z.number().int().nonnegative().optional(),
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  lastCheck: z.object({ checks: claimedChecks, score: z.number().min(0).max(100) }).optional(),
  challenge: z
    .object({
      learner: z.string().min(1),
      startedAt: z.number().int().nonnegative().optional(),
      attempts: z.array(attemptRecordSchema),
    })
    .optional(),
}) satisfies z.ZodType<ExerciseProgress>;

export const progressSchema = z.object({
  v: z.literal(STORAGE_VERSION),
  lessons: z.record(z.string(), lessonProgressSchema),
  exercises: z.record(z.string(), exerciseProgressSchema),
}) satisfies z.ZodType<Progress>;

export const emptyProgress = (): Progress => ({ v: STORAGE_VERSION, lessons: {}, exercises: {} });

/** a lesson's progress in `progress`, added fresh when there is none yet (for changing it) */
export function lessonProgress(progress: Progress, lessonId: string): LessonProgress {
  return (progress.lessons[lessonId] ??= { visited: false, completedSteps: [], quiz: {}, done: false });
}

/** an exercise's progress in `progress`, added fresh when there is none yet (for changing it) */
export function exerciseProgress(progress: Progress, exerciseId: string): ExerciseProgress {
  return (progress.exercises[exerciseId] ??= { status: 'untried', solutionShown: false, attempts: 0 });
}

/** which schema a key's value must match; null for keys kept as they are (quarantined entries, unknown keys) */
export function schemaFor(key: string): z.ZodType<unknown> | null {
  if (key === PROGRESS_KEY) return progressSchema;
  if (key.startsWith(LESSON_PREFIX) && key.length > LESSON_PREFIX.length) return lessonRecordSchema;
  return null;
}
