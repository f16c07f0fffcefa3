// submissions built from saved workspaces, as the assignment page builds them: valid files, and
// a re-grade of a recorded session agrees with what the page claimed
import { describe, expect, test } from 'vitest';
import { challengeSeed } from '../grading/challenge.ts';
import { loadExercises } from '../grading/exercise-files.ts';
import { regradeSubmission } from '../grading/regrade.ts';
import { HOME, recordAttempt } from '../grading/runner.ts';
import { submissionSchema } from '../grading/submission.ts';
import { SIMULATOR_VERSION } from '../sim/version.ts';
import type { Journal } from '../sim/journal.ts';
import type { ExerciseProgress } from './storage-schema.ts';
import {
  buildSubmission,
  exercisePath,
  exerciseWorkspaceId,
  formatDue,
  submissionFileName,
  submittedExercise,
  type SavedExercise,
} from './submission-build.ts';

const { exercises } = loadExercises();
const byId = (id: string) => exercises.find((e) => e.id === id)!;

/** what the page keeps after a recorded session and a check: the workspace record and the progress */
async function saved(id: string, seed: number, which: 'solution' | number): Promise<SavedExercise> {
  const recorded = await recordAttempt(
    byId(id),
    (v) => (which === 'solution' ? v.exercise.solution : v.exercise.wrongAttempts[which]!),
    seed,
  );
  const files = Object.fromEntries(recorded.files.map((f) => [`${HOME}/${f.path}`, f.content]));
  const progress: ExerciseProgress = {
    status: recorded.report.passed ? 'passed' : 'failed',
    solutionShown: false,
    attempts: 1,
    seed,
    lastCheck: { checks: recorded.report.results.map((r) => ({ id: r.id, pass: r.pass })), score: recorded.report.score },
  };
  return { id, record: { journal: recorded.journal, files }, progress };
}

const journal: Journal = { version: 1, seed: 42, preset: 'kind', startedAt: 0, entries: [] };

describe('submittedExercise', () => {
  test('takes the seed from the journal, lists the files and copies the last check', () => {
    const out = submittedExercise({
      id: 'pods/first-pod',
      record: { journal, files: { '/home/learner/pod.yaml': 'kind: Pod\n' } },
      progress: {
        status: 'failed',
        solutionShown: false,
        attempts: 1,
        lastCheck: { checks: [{ id: 'a', pass: false }], score: 0 },
      },
    });
    expect(out).toEqual({
      id: 'pods/first-pod',
      seed: 42,
      journal,
      files: [{ path: '/home/learner/pod.yaml', content: 'kind: Pod\n' }],
      claimed: { checks: [{ id: 'a', pass: false }], score: 0 },
    });
  });

  test('claims nothing when the exercise was never checked, and is null without a saved workspace', () => {
    expect(submittedExercise({ id: 'x/y', record: { journal, files: {} }, progress: undefined })?.claimed).toEqual({
      checks: [],
      score: 0,
    });
    expect(submittedExercise({ id: 'x/y', record: null, progress: undefined })).toBeNull();
  });
});

describe('buildSubmission', () => {
  test('needs a name and at least one saved exercise, and lists those left out', () => {
    const assignment = { id: 'a', title: 'A' };
    const none: SavedExercise = { id: 'x/y', record: null, progress: undefined };
    expect(buildSubmission('  ', assignment, [none], 't')).toEqual({ ok: false, reason: 'no-name', missing: ['x/y'] });
    expect(buildSubmission('ann', assignment, [none], 't')).toEqual({ ok: false, reason: 'nothing-saved', missing: ['x/y'] });
  });

  test('a recorded solution and a wrong attempt: the file is valid and a re-grade agrees with every claim', async () => {
    const entries = [
      await saved('services/expose-hostname', 1234, 'solution'),
      await saved('nodeport/fixed-port', 99, 0),
      { id: 'pods/first-pod', record: null, progress: undefined },
    ];
    const built = buildSubmission(' Ann Lee ', { id: 'services-basics', title: 'Week 3' }, entries, '2026-03-01T10:00:00Z');
    if (!built.ok) throw new Error(built.reason);
    expect(built.missing).toEqual(['pods/first-pod']);
    // through the file and back, as the instructor receives it
    const file = submissionSchema.parse(JSON.parse(JSON.stringify(built.submission)));
    expect(file.learner.name).toBe('Ann Lee');
    expect(file.simulatorVersion).toBe(SIMULATOR_VERSION);
    const regrade = await regradeSubmission(file, exercises);
    expect(regrade.exercises.map((e) => [e.exerciseId, e.score, e.mismatches, e.warnings])).toEqual([
      ['services/expose-hostname', 100, [], []],
      ['nodeport/fixed-port', entries[1]!.progress!.lastCheck!.score, [], []],
    ]);
    expect(regrade.exercises[0]!.passed).toBe(true);
    expect(regrade.exercises[1]!.passed).toBe(false);
  });

  test("a challenge's variant follows the learner's name, and its re-grade agrees", async () => {
    const seed = challengeSeed('Ann Lee', 'nodeport/numbers-api-challenge');
    const entry = await saved('nodeport/numbers-api-challenge', seed, 'solution');
    const built = buildSubmission('Ann Lee', { link: 'v1.x', title: 'Quiz' }, [entry], '2026-03-01T10:00:00Z');
    if (!built.ok) throw new Error(built.reason);
    expect(built.submission.exercises[0]!.seed).toBe(seed);
    const regrade = await regradeSubmission(built.submission, exercises);
    expect(regrade.exercises.map((e) => [e.score, e.mismatches])).toEqual([[100, []]]);
  });
});

describe('paths and names', () => {
  test('exercise pages and workspaces', () => {
    expect(exercisePath('services/expose-hostname')).toBe('/exercises/services/expose-hostname/');
    expect(exerciseWorkspaceId('services/expose-hostname', false)).toBe('exercise:services/expose-hostname');
    expect(exerciseWorkspaceId('nodeport/numbers-api-challenge', true)).toBe('challenge:nodeport/numbers-api-challenge');
  });

  test('submissionFileName is safe on every system', () => {
    expect(submissionFileName('Week 3: reaching your pods', 'Ann Lee / ÉCOLE')).toBe(
      'week-3-reaching-your-pods-ann-lee-ecole.kubesim.json',
    );
    expect(submissionFileName('', '')).toBe('submission-submission.kubesim.json');
  });
});

describe('formatDue', () => {
  test('returns a day, or a day and time with its offset as written', () => {
    expect(formatDue('2026-03-20')).toBe('20 March 2026');
    expect(formatDue('2026-03-20T23:59:00+09:00')).toBe('20 March 2026, 23:59 (UTC+09:00)');
    expect(formatDue('2026-01-02T08:05:00Z')).toBe('2 January 2026, 08:05 (UTC)');
    expect(formatDue('soon')).toBe('soon');
  });
});
