// a submission built from what the browser saved: per exercise the workspace of its page (journal
// and files) and the last check made there (what the learner claims). the page downloads the
// result; `kubesim grade --submission` replays it and compares the claims.
import { makeSubmission, type Submission, type SubmittedExercise } from '../grading/submission.ts';
import type { CheckClaim, ExerciseProgress, LessonRecord } from './storage-schema.ts';

/** the workspace id an exercise's page saves under: timed challenges apart from practice */
export function exerciseWorkspaceId(exerciseId: string, challenge: boolean): string {
  return `${challenge ? 'challenge' : 'exercise'}:${exerciseId}`;
}

/** the page of an exercise (its id is `<chapter-dir>/<name>`) */
export function exercisePath(exerciseId: string): string {
  return `/exercises/${exerciseId}/`;
}

export interface SavedExercise {
  id: string;
  /** the saved workspace of the exercise's page; null when the learner never opened it */
  record: Pick<LessonRecord, 'journal' | 'files'> | null;
  progress: ExerciseProgress | undefined;
}

/** nothing checked yet: no claims, score 0 (a re-grade lists what the replay finds) */
const NO_CLAIM: CheckClaim = { checks: [], score: 0 };

/** one exercise of a submission; null when there is no saved workspace to hand in */
export function submittedExercise(saved: SavedExercise): SubmittedExercise | null {
  if (!saved.record) return null;
  const { journal, files } = saved.record;
  const claimed = saved.progress?.lastCheck ?? NO_CLAIM;
  return {
    id: saved.id,
    // the cluster's seed is the variant's seed: the page starts the cluster with it
    seed: journal.seed,
    journal,
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    claimed: { checks: claimed.checks.map((c) => ({ id: c.id, pass: c.pass })), score: claimed.score },
  };
}

export type SubmissionBuild =
  { ok: true; submission: Submission; missing: string[] } | { ok: false; reason: 'no-name' | 'nothing-saved'; missing: string[] };

/** the submission file's content, or why there is none; `missing` lists exercises left out */
export function buildSubmission(
  learner: string,
  assignment: Submission['assignment'],
  saved: readonly SavedExercise[],
  submittedAt: string,
): SubmissionBuild {
  const name = learner.trim();
  const exercises: SubmittedExercise[] = [];
  const missing: string[] = [];
  for (const entry of saved) {
    const submitted = submittedExercise(entry);
    if (submitted) exercises.push(submitted);
    else missing.push(entry.id);
  }
  if (name === '') return { ok: false, reason: 'no-name', missing };
  if (exercises.length === 0) return { ok: false, reason: 'nothing-saved', missing };
  return { ok: true, submission: makeSubmission(name, assignment, exercises, submittedAt), missing };
}

/** a file name for the download: `<assignment>-<learner>.kubesim.json`, safe on every system */
export function submissionFileName(assignment: string, learner: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'submission';
  return `${slug(assignment)}-${slug(learner)}.kubesim.json`;
}

/** a due date as written (a day, or an instant with its offset), for people: "20 March 2026, 23:59 (UTC+09:00)" */
export function formatDue(due: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(due);
  if (!m) return due;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const day = `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  if (m[4] === undefined) return day;
  const zone = m[6] === 'Z' ? 'UTC' : `UTC${m[6]}`;
  return `${day}, ${m[4]}:${m[5]} (${zone})`;
}
