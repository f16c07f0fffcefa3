// a timed challenge on its exercise page: a start screen (the learner's name gives their
// variant), then a countdown, the visible checks' titles, and Submit, which grades the live
// cluster and reveals every check. each attempt is kept; time up submits once on its own.
import { t } from '../../i18n/index.ts';
import type { ExerciseVariant } from '../../grading/parameters.ts';
import { pageStorage } from '../workspace/progress.ts';
import { pageWorkspace } from '../workspace/workspace.ts';
import { crossedMark, formatClock } from './clock.ts';
import type { ExercisePage } from './exercise-page.ts';

type Challenge = typeof import('../../grading/challenge.ts');

function renderAttempts(p: ExercisePage, c: Challenge): void {
  const attempts = p.progress()?.challenge?.attempts ?? [];
  const section = p.part('attempts');
  section.hidden = attempts.length === 0;
  const best = c.bestScore(attempts);
  p.part('best').textContent = best === null ? t('challenge.noBest') : t('challenge.best', { score: best });
  const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
  p.part('attempt-list').replaceChildren(
    ...attempts.map((a) => {
      const item = document.createElement('li');
      item.textContent = t('challenge.attempt', {
        when: when.format(a.submittedAt),
        score: a.score,
        late: a.late ? t('challenge.lateMark') : '',
      });
      return item;
    }),
  );
}

/** forgets the challenge's workspace and reloads: the next attempt starts from a fresh cluster */
function freshWorkspace(p: ExercisePage): void {
  pageWorkspace().resetHandler?.();
  pageStorage().resetLesson(p.data.workspaceId);
  window.location.reload();
}

function showVisibleChecks(p: ExercisePage, c: Challenge, variant: ExerciseVariant): void {
  const checks = c.visibleChecks(variant, false);
  p.part('visible-checks').replaceChildren(
    ...checks
      .filter((v) => v.title !== null)
      .map((v) => {
        const item = document.createElement('li');
        item.textContent = v.title!;
        return item;
      }),
  );
  const hidden = checks.filter((v) => v.title === null).length;
  p.part('hidden-count').textContent = hidden > 0 ? t('challenge.hiddenCount', { n: hidden }) : '';
  p.part('challenge-checks').hidden = false;
}

async function run(p: ExercisePage, c: Challenge, learner: string, startedAt: number): Promise<void> {
  const exercise = p.data.exercise;
  const limitMs = exercise.challenge!.timeLimitMinutes * 60_000;
  const seed = c.challengeSeed(learner, exercise.id);
  p.part('challenge-start').hidden = true;
  p.part('challenge-clock').hidden = false;
  p.part('goal-section').hidden = false;
  p.part('actions').hidden = false;
  p.part('learner').textContent = t('challenge.learner', { name: learner });
  const variant = await p.startVariant(seed);
  showVisibleChecks(p, c, variant);

  const timer = p.part('timer');
  const announce = p.part('announce');
  const submitButton = p.part<HTMLButtonElement>('submit');
  const status = p.part('status');
  let submitted = false;
  let interval: ReturnType<typeof setInterval> | null = null;

  const submit = async (auto: boolean) => {
    if (submitted) return;
    submitted = true;
    submitButton.disabled = true;
    if (interval) clearInterval(interval);
    status.textContent = t('challenge.submitting');
    const { results, score } = await p.grade(variant);
    // time up submits what the cluster was at the deadline, so a timer that fires late does not make it late
    const submittedAt = auto ? Math.min(Date.now(), startedAt + limitMs) : Date.now();
    const attempt = c.attemptRecord(exercise, seed, results, { startedAt, submittedAt });
    p.record((entry) => {
      const challenge = entry.challenge ?? { learner, attempts: [] };
      challenge.attempts = c.keepAttempt(challenge.attempts, attempt);
      delete challenge.startedAt;
      entry.challenge = challenge;
      entry.attempts += 1;
      entry.seed = seed;
      entry.score = c.bestScore(challenge.attempts) ?? entry.score;
      entry.status = entry.status === 'passed' || (score === 100 && !attempt.late) ? 'passed' : 'failed';
      entry.lastCheckedAt = submittedAt;
      entry.lastCheck = { checks: attempt.checks, score };
    });
    p.showResults(results);
    status.textContent = attempt.late ? t('challenge.scoreLate', { score }) : t('challenge.score', { score });
    timer.textContent = t('challenge.timeUp');
    p.part('challenge-checks').hidden = true;
    renderAttempts(p, c);
    p.part('again').hidden = false;
  };

  let before = c.timeLeft(exercise, startedAt, Date.now());
  const tick = () => {
    const left = c.timeLeft(exercise, startedAt, Date.now());
    timer.textContent = left > 0 ? t('challenge.timeLeft', { time: formatClock(left) }) : t('challenge.timeUp');
    const mark = crossedMark(before, left);
    before = left;
    if (mark)
      announce.textContent = t(
        mark === 'five' ? 'challenge.announce5' : mark === 'one' ? 'challenge.announce1' : 'challenge.announceUp',
      );
    if (left <= 0) void submit(mark === 'up');
  };
  tick();
  interval = setInterval(tick, 1000);
  submitButton.addEventListener('click', () => void submit(false));
}

export async function bindChallenge(p: ExercisePage): Promise<void> {
  const c = await import('../../grading/challenge.ts');
  const id = p.data.exercise.id;
  renderAttempts(p, c);
  p.part('again').addEventListener('click', () => {
    if (window.confirm(t('challenge.againConfirm'))) freshWorkspace(p);
  });
  const state = p.progress()?.challenge;
  if (state?.startedAt !== undefined) return run(p, c, state.learner, state.startedAt);

  const start = p.part('challenge-start');
  const form = p.part<HTMLFormElement>('challenge-form');
  const input = form.querySelector<HTMLInputElement>('input')!;
  const preview = p.part('seed-preview');
  const learner = () => input.value.trim() || t('challenge.anonymous');
  const showSeed = () => (preview.textContent = t('challenge.seedPreview', { seed: c.challengeSeed(learner(), id) }));
  input.value = state?.learner && state.learner !== t('challenge.anonymous') ? state.learner : '';
  showSeed();
  input.addEventListener('input', showSeed);
  start.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = learner();
    const startedAt = Date.now();
    p.record((entry) => {
      entry.challenge = { learner: name, startedAt, attempts: entry.challenge?.attempts ?? [] };
    });
    // an earlier attempt's workspace is forgotten: every attempt starts from the starting state
    if (pageStorage().loadLesson(p.data.workspaceId).record) freshWorkspace(p);
    else void run(p, c, name, startedAt);
  });
}
