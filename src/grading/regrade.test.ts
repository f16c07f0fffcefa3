// re-grading submissions: journals recorded as the workspace records them, replayed in a fresh
// cluster; honest claims agree, inflated ones are flagged, broken files say what is wrong
import { describe, expect, test } from 'vitest';
import { loadExercises } from './exercise-files.ts';
import { regradeSubmission } from './regrade.ts';
import { recordAttempt } from './runner.ts';
import { makeSubmission, parseSubmission, type SubmittedExercise } from './submission.ts';

const { exercises } = loadExercises();
const expose = exercises.find((e) => e.id === 'services/expose-hostname')!;
const alias = exercises.find((e) => e.id === 'externalname/database-alias')!;

async function submitted(
  exercise: typeof expose,
  attempt: number | 'solution',
  seed: number,
  claim?: SubmittedExercise['claimed'],
) {
  const recorded = await recordAttempt(
    exercise,
    (v) => (attempt === 'solution' ? v.exercise.solution : v.exercise.wrongAttempts[attempt]!),
    seed,
  );
  const honest = { checks: recorded.report.results.map((r) => ({ id: r.id, pass: r.pass })), score: recorded.report.score };
  return { id: exercise.id, seed, journal: recorded.journal, files: recorded.files, claimed: claim ?? honest };
}

describe('regradeSubmission', () => {
  test('an honest submission re-grades to the same results', async () => {
    const submission = makeSubmission('alice', { id: 'services-basics', title: 'Week 3' }, [
      await submitted(expose, 'solution', 7),
      await submitted(alias, 1, 7),
    ]);
    // through the file and back, as an instructor receives it
    const parsed = parseSubmission(JSON.stringify(submission));
    if (!parsed.ok) throw new Error(parsed.error);
    const regrade = await regradeSubmission(parsed.submission, exercises);
    expect(regrade.warnings).toEqual([]);
    expect(regrade.exercises.map((e) => [e.exerciseId, e.score, e.passed, e.mismatches, e.warnings])).toEqual([
      ['services/expose-hostname', 100, true, [], []],
      ['externalname/database-alias', 0, false, [], []],
    ]);
  });

  test('claims the replay does not bear out are flagged', async () => {
    const inflated = await submitted(expose, 0, 7, {
      checks: [
        { id: 'service-exists', pass: true },
        { id: 'routes-every-replica', pass: true },
      ],
      score: 100,
    });
    const regrade = await regradeSubmission(makeSubmission('bob', { link: 'v1.x', title: 'Week 3' }, [inflated]), exercises);
    expect(regrade.exercises[0]!.mismatches).toEqual([
      'check routes-every-replica: claimed PASS, the replay says FAIL',
      'score: claimed 100, the replay gives 25',
    ]);
    expect(regrade.exercises[0]!.results.find((r) => r.id === 'routes-every-replica')!.diagnosis).toBe(
      'From pod `client`, http://hostname-svc:8080/ was refused: Service `hostname-svc` selects `app=webapp` but the pods of Deployment `hostname` are labelled `app=hostname`, so it has 0 endpoints.',
    );
  });

  test('a journal that skips the starting state, files that differ, an older simulator, an unknown exercise', async () => {
    const entry = await submitted(expose, 'solution', 7);
    const skipped = {
      ...entry,
      journal: {
        ...entry.journal,
        entries: entry.journal.entries.filter((e) => e.kind !== 'line' || !e.text.startsWith('kubectl apply -f - ')),
      },
    };
    const edited = { ...entry, files: [{ path: 'hostname-svc.yaml', content: 'tampered\n' }] };
    const submission = {
      ...makeSubmission('carol', { id: 'a', title: 'A' }, [skipped, edited, { ...entry, id: 'pods/nothing' }]),
      simulatorVersion: '0.0.9',
    };
    const regrade = await regradeSubmission(submission, exercises);
    expect(regrade.warnings).toEqual(['made with simulator 0.0.9, re-graded with 0.1.0']);
    expect(regrade.exercises[0]!.warnings).toContain("the journal does not begin with the exercise's starting state");
    expect(regrade.exercises[1]!.warnings).toEqual(['file hostname-svc.yaml differs from the one the replay leaves']);
    expect(regrade.exercises[2]!.error).toBe('there is no exercise pods/nothing in this version of the course');
  });
});

describe('parseSubmission', () => {
  test('says why a file is not a submission', () => {
    expect(parseSubmission('{')).toMatchObject({ ok: false, error: expect.stringMatching(/^not JSON: /) });
    expect(parseSubmission('{"format":"zip"}')).toEqual({
      ok: false,
      error: 'not a kubesim submission (the "format" field must be "kubesim-submission")',
    });
    expect(parseSubmission('{"format":"kubesim-submission","version":1}')).toEqual({
      ok: false,
      error:
        'not a valid kubesim submission: learner: Invalid input: expected object, received undefined; assignment: Invalid input; simulatorVersion: Invalid input: expected string, received undefined',
    });
  });
});
