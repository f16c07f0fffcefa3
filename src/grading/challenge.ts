// challenges: timed exercises with a variant per learner drawn from a seed (the same seed always
// gives the same variant), checks hidden until submit, a score out of 100, and every attempt kept
import { z } from '../sim/zod.ts';
import type { CheckResult } from './evaluate.ts';
import type { Exercise } from './exercise-schema.ts';
import { hashString, variantOf, type ExerciseVariant } from './parameters.ts';
import { scoreOf } from './score.ts';

/** a learner's seed for a challenge: stable for the same learner and challenge, different between learners */
export function challengeSeed(learner: string, exerciseId: string): number {
  return hashString(`${learner.trim().toLowerCase()}\u0000${exerciseId}`);
}

/** the learner's variant: parameters drawn from the seed and put in place */
export function challengeVariant(exercise: Exercise, seed: number): ExerciseVariant {
  return variantOf(exercise, seed);
}

export interface VisibleCheck {
  id: string;
  /** the check's title, or null while it is hidden */
  title: string | null;
  weight: number;
}

/** what the learner may see of the checks: hidden ones are only counted until submit */
export function visibleChecks(variant: ExerciseVariant, submitted: boolean): VisibleCheck[] {
  return variant.checks.map((c) => ({ id: c.id, title: c.hidden && !submitted ? null : c.title, weight: c.weight }));
}

/** ms left on the clock (negative once over time); Infinity for an exercise that is not timed */
export function timeLeft(exercise: Exercise, startedAt: number, now: number): number {
  if (!exercise.challenge) return Infinity;
  return startedAt + exercise.challenge.timeLimitMinutes * 60_000 - now;
}

export const attemptRecordSchema = z.object({
  exerciseId: z.string().min(1),
  seed: z.number().int().min(0),
  startedAt: z.number().int().nonnegative(),
  submittedAt: z.number().int().nonnegative(),
  /** submitted after the time limit: kept, but flagged */
  late: z.boolean(),
  score: z.number().min(0).max(100),
  checks: z.array(z.object({ id: z.string(), pass: z.boolean() })),
});

export type AttemptRecord = z.output<typeof attemptRecordSchema>;

/** the record of one submitted attempt */
export function attemptRecord(
  exercise: Exercise,
  seed: number,
  results: readonly CheckResult[],
  times: { startedAt: number; submittedAt: number },
): AttemptRecord {
  return {
    exerciseId: exercise.id,
    seed,
    startedAt: times.startedAt,
    submittedAt: times.submittedAt,
    late: timeLeft(exercise, times.startedAt, times.submittedAt) < 0,
    score: scoreOf(results),
    checks: results.map((r) => ({ id: r.id, pass: r.pass })),
  };
}

/** attempts are kept, never replaced: the new one is added at the end */
export function keepAttempt(attempts: readonly AttemptRecord[], attempt: AttemptRecord): AttemptRecord[] {
  return [...attempts, attempt];
}

/** the best score among attempts made in time (null when there is none) */
export function bestScore(attempts: readonly AttemptRecord[]): number | null {
  const inTime = attempts.filter((a) => !a.late);
  return inTime.length ? Math.max(...inTime.map((a) => a.score)) : null;
}
