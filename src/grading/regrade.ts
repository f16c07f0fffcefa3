// re-grading a submission: each exercise's journal replayed into a fresh cluster, the cluster
// left to settle, the exercise's checks run again, and the learner's claims compared with what
// the replay shows
import { replayJournal } from '../sim/journal.ts';
import { SIMULATOR_VERSION } from '../sim/version.ts';
import { defaultContext, runChecks, type CheckResult } from './evaluate.ts';
import type { Exercise } from './exercise-schema.ts';
import { variantOf } from './parameters.ts';
import { startLines, starterFs } from './runner.ts';
import { scoreOf } from './score.ts';
import { waitUntilSettled } from './settle.ts';
import type { Submission, SubmittedExercise } from './submission.ts';

export interface ExerciseRegrade {
  exerciseId: string;
  title: string;
  seed: number;
  /** the replay's results; empty when the exercise could not be replayed */
  results: CheckResult[];
  score: number;
  passed: boolean;
  claimed: SubmittedExercise['claimed'];
  /** where the claims differ from the replay, one sentence each */
  mismatches: string[];
  /** things that do not change the grade but an instructor should know */
  warnings: string[];
  /** why it could not be re-graded at all */
  error?: string;
}

export interface SubmissionRegrade {
  learner: string;
  assignment: string;
  exercises: ExerciseRegrade[];
  warnings: string[];
}

function compareClaims(claimed: SubmittedExercise['claimed'], results: CheckResult[], score: number): string[] {
  const out: string[] = [];
  for (const result of results) {
    const claim = claimed.checks.find((c) => c.id === result.id);
    if (!claim) out.push(`check ${result.id}: no claim (the replay says ${result.pass ? 'PASS' : 'FAIL'})`);
    else if (claim.pass !== result.pass) {
      out.push(`check ${result.id}: claimed ${claim.pass ? 'PASS' : 'FAIL'}, the replay says ${result.pass ? 'PASS' : 'FAIL'}`);
    }
  }
  for (const claim of claimed.checks) {
    if (!results.some((r) => r.id === claim.id)) out.push(`check ${claim.id}: claimed, but the exercise has no such check`);
  }
  if (claimed.score !== score) out.push(`score: claimed ${claimed.score}, the replay gives ${score}`);
  return out;
}

export async function regradeExercise(exercise: Exercise | undefined, submitted: SubmittedExercise): Promise<ExerciseRegrade> {
  const base = {
    exerciseId: submitted.id,
    seed: submitted.seed,
    claimed: submitted.claimed,
    results: [] as CheckResult[],
    score: 0,
    passed: false,
    warnings: [] as string[],
  };
  if (!exercise) {
    return { ...base, title: '', mismatches: [], error: `there is no exercise ${submitted.id} in this version of the course` };
  }
  const variant = variantOf(exercise, submitted.seed);
  const journal = submitted.journal;
  const warnings = base.warnings;
  if (journal.seed !== submitted.seed)
    warnings.push(`the journal's seed ${journal.seed} is not the exercise's seed ${submitted.seed}`);
  if (journal.preset !== variant.exercise.preset) {
    warnings.push(`the journal ran on preset ${journal.preset}, the exercise uses ${variant.exercise.preset}`);
  }
  const start = startLines(variant);
  const typed = journal.entries.flatMap((e) => (e.kind === 'line' ? [e.text] : [])).slice(0, start.length);
  if (typed.join('\n') !== start.join('\n')) warnings.push("the journal does not begin with the exercise's starting state");
  const replay = await replayJournal(journal, { fs: starterFs(variant) });
  if (!replay.ok) return { ...base, title: exercise.title, mismatches: [], error: replay.error };
  warnings.push(...replay.warnings);
  const cluster = replay.machine.world.cluster;
  waitUntilSettled(cluster);
  const fs = replay.machine.session.shell.fs;
  for (const file of submitted.files) {
    const path = file.path.startsWith('/') ? fs.resolve(file.path) : fs.resolve(`${fs.home}/${file.path}`);
    const content = fs.readFile(path);
    if (typeof content !== 'string' || content !== file.content)
      warnings.push(`file ${file.path} differs from the one the replay leaves`);
  }
  const results = runChecks(cluster, variant.checks, defaultContext(variant.params));
  const score = scoreOf(results);
  replay.machine.stop();
  return {
    ...base,
    title: exercise.title,
    results,
    score,
    passed: results.every((r) => r.pass),
    mismatches: compareClaims(submitted.claimed, results, score),
  };
}

export async function regradeSubmission(submission: Submission, exercises: readonly Exercise[]): Promise<SubmissionRegrade> {
  const warnings: string[] = [];
  if (submission.simulatorVersion !== SIMULATOR_VERSION) {
    warnings.push(`made with simulator ${submission.simulatorVersion}, re-graded with ${SIMULATOR_VERSION}`);
  }
  const out: ExerciseRegrade[] = [];
  for (const entry of submission.exercises) {
    out.push(
      await regradeExercise(
        exercises.find((e) => e.id === entry.id),
        entry,
      ),
    );
  }
  return { learner: submission.learner.name, assignment: submission.assignment.title, exercises: out, warnings };
}
