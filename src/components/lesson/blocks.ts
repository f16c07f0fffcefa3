// the lesson blocks in the page: run buttons, open-in-editor buttons, steps that tick themselves
// and quizzes. one listener per kind of click; steps are checked against the cluster whenever the
// workspace changes, through a module that arrives with the simulator. saved progress (which
// needs the validating storage code) is read when the learner shows they are there, or at once
// when this browser holds some: it never delays the prompt.
import { t } from '../../i18n/index.ts';
import type { LessonProgress } from '../workspace/progress.ts';
import { PROGRESS_KEY } from '../../workspace/storage-keys.ts';
import { pageWorkspace, whenEngaged } from '../workspace/workspace.ts';
import { quizCorrect, type QuizKind } from './quiz-check.ts';
import type { StepCondition } from './props.ts';

let progressModule: Promise<LessonProgress> | null = null;
function progress(): Promise<LessonProgress> {
  progressModule ??= whenEngaged(PROGRESS_KEY)
    .then(() => import('../workspace/progress.ts'))
    .then((m) => m.lessonProgress());
  return progressModule;
}

function markStepDone(step: HTMLElement): void {
  if (step.hasAttribute('data-done')) return;
  step.setAttribute('data-done', '');
  const label = step.querySelector('[data-state-label]');
  if (label) label.textContent = t('blocks.step.done');
  step.querySelector('[data-step-done]')?.remove();
}

function bindClicks(): void {
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const run = target?.closest<HTMLButtonElement>('[data-run]');
    if (run) {
      void pageWorkspace().run(run.dataset['run']!);
      return;
    }
    const open = target?.closest<HTMLButtonElement>('[data-open-file]');
    if (open) {
      const figure = open.closest('[data-manifest]');
      const text = figure?.querySelector('.manifest-text')?.textContent ?? '';
      void pageWorkspace().openFile(open.dataset['openFile']!, text);
      return;
    }
    const done = target?.closest<HTMLButtonElement>('[data-step-done]');
    if (done) {
      const step = done.closest<HTMLElement>('[data-step]');
      if (!step) return;
      markStepDone(step);
      void progress().then((p) => p.markStep(step.dataset['step']!));
    }
  });
}

async function bindSteps(): Promise<void> {
  const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')];
  if (steps.length === 0) return;
  const saved = await progress();
  const done = saved.stepsDone();
  for (const step of steps) if (done.has(step.dataset['step']!)) markStepDone(step);
  const waiting = steps.filter((s) => s.dataset['when'] && !s.hasAttribute('data-done'));
  if (waiting.length === 0) return;
  const workspace = pageWorkspace();
  void workspace.ready().then(async (live) => {
    const { conditionHolds } = await import('../../workspace/step-conditions.ts');
    const check = () => {
      for (const step of waiting) {
        if (step.hasAttribute('data-done')) continue;
        const condition = JSON.parse(step.dataset['when']!) as StepCondition;
        if (conditionHolds(condition, live.machine.world.cluster, workspace.commands)) {
          markStepDone(step);
          saved.markStep(step.dataset['step']!);
        }
      }
    };
    workspace.onChange(check);
    check();
  });
}

function answerOf(form: HTMLFormElement): string[] {
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input')];
  if (form.dataset['kind'] === 'short') return [inputs[0]?.value ?? ''];
  return inputs.filter((i) => i.checked).map((i) => i.value);
}

function showVerdict(form: HTMLFormElement, correct: boolean): void {
  form.dataset['result'] = correct ? 'correct' : 'wrong';
  form.querySelector('.quiz-verdict')!.textContent = correct ? t('blocks.quiz.correct') : t('blocks.quiz.wrong');
  form.querySelector<HTMLElement>('.quiz-explanation')!.hidden = false;
}

function bindQuizzes(): void {
  const forms = [...document.querySelectorAll<HTMLFormElement>('form[data-quiz]')];
  for (const form of forms) {
    const id = form.dataset['quiz']!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const given = answerOf(form);
      if (given.length === 0 || given.every((g) => g.trim() === '')) {
        delete form.dataset['result'];
        form.querySelector('.quiz-verdict')!.textContent = t('blocks.quiz.empty');
        return;
      }
      const kind = form.dataset['kind'] as QuizKind;
      const correct = quizCorrect(kind, JSON.parse(form.dataset['answer']!), given);
      showVerdict(form, correct);
      void progress().then((p) => p.saveQuiz(id, kind === 'short' ? given[0]! : given, correct));
    });
  }
  if (forms.length === 0) return;
  // answers from an earlier visit come back once the saved progress is read
  void progress().then((store) => {
    for (const form of forms) {
      const saved = store.quizAnswer(form.dataset['quiz']!);
      if (!saved || form.dataset['result']) continue;
      const given = Array.isArray(saved.answer) ? saved.answer : [saved.answer];
      for (const input of form.querySelectorAll<HTMLInputElement>('input')) {
        if (input.type === 'text') input.value = given[0] ?? '';
        else input.checked = given.includes(input.value);
      }
      showVerdict(form, saved.correct);
    }
  });
}

bindClicks();
void bindSteps();
bindQuizzes();
// opening the lesson counts as a visit, for the course map
void progress();
// exercises bring the grader on their first click
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-exercise] button') : null;
  if (button) void import('./exercise-client.ts').then((m) => m.exerciseAction(button));
});
