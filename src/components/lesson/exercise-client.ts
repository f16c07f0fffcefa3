// an exercise block in the page: sets up the starting state by typing its lines into the
// terminal, grades the live cluster with the exercise's checks, reveals hints one at a time
// and the solution after asking; the outcome is kept with the learner's progress
import { t } from '../../i18n/index.ts';
import type { Check } from '../../grading/checks.ts';
import { exerciseProgress } from '../../workspace/storage-schema.ts';
import { pageStorage, reportWriteFailure } from '../workspace/progress.ts';
import { pageWorkspace } from '../workspace/workspace.ts';
import { resultItem } from './exercise-ui.ts';

interface ExerciseSetup {
  id: string;
  lines: string[];
  files: { path: string; content: string }[];
  checks: Check[];
  params: Record<string, string | number>;
}

function record(id: string, change: (entry: ReturnType<typeof exerciseProgress>) => void): void {
  const result = pageStorage().updateProgress((p) => change(exerciseProgress(p, id)));
  if (!result.ok) reportWriteFailure(result);
}

type Action = 'setup' | 'check' | 'hint' | 'solution';
const controllers = new WeakMap<HTMLElement, (action: Action) => void>();

/** runs a button's action for its exercise section (the page's click listener calls this) */
export function exerciseAction(button: HTMLElement): void {
  const section = button.closest<HTMLElement>('[data-exercise]');
  if (!section) return;
  let run = controllers.get(section);
  if (!run) {
    run = controller(section);
    controllers.set(section, run);
  }
  const action: Action | null = button.hasAttribute('data-exercise-setup')
    ? 'setup'
    : button.hasAttribute('data-exercise-check')
      ? 'check'
      : button.hasAttribute('data-exercise-hint')
        ? 'hint'
        : button.hasAttribute('data-exercise-solution')
          ? 'solution'
          : null;
  if (action) run(action);
}

function controller(section: HTMLElement): (action: Action) => void {
  const setup = JSON.parse(section.dataset['exercise']!) as ExerciseSetup;
  const status = section.querySelector<HTMLElement>('.exercise-status')!;
  const results = section.querySelector<HTMLOListElement>('.exercise-results')!;
  const hints = section.querySelector<HTMLOListElement>('.exercise-hints')!;
  const hintButton = section.querySelector<HTMLButtonElement>('[data-exercise-hint]')!;
  const allHints = JSON.parse(hintButton.dataset['hints'] ?? '[]') as string[];
  const workspace = pageWorkspace();

  const setUp = async () => {
    for (const file of setup.files) await workspace.openFile(file.path, file.content);
    // heredocs included: the lines run as one typed block, as if pasted
    if (setup.lines.length > 0) await workspace.run(setup.lines.join('\n'));
  };

  const check = async () => {
    status.textContent = t('exercise.checking');
    const live = await workspace.ready();
    const { runChecks, defaultContext } = await import('../../grading/evaluate.ts');
    const { scoreOf } = await import('../../grading/score.ts');
    const outcome = runChecks(live.machine.world.cluster, setup.checks, defaultContext(setup.params));
    const passed = outcome.filter((r) => r.pass).length;
    const score = scoreOf(outcome);
    results.replaceChildren(...outcome.map(resultItem));
    results.hidden = false;
    status.textContent =
      passed === outcome.length
        ? t('exercise.passed', { total: outcome.length })
        : t('exercise.failed', { passed, total: outcome.length, score });
    record(setup.id, (entry) => {
      entry.attempts += 1;
      entry.status = passed === outcome.length ? 'passed' : entry.status === 'passed' ? 'passed' : 'failed';
      entry.score = Math.max(entry.score ?? 0, score);
      entry.lastCheckedAt = Date.now();
    });
  };

  let shown = 0;
  const hint = () => {
    if (shown >= allHints.length) return;
    const item = document.createElement('li');
    item.textContent = allHints[shown]!;
    hints.append(item);
    hints.hidden = false;
    shown += 1;
    hintButton.textContent =
      shown < allHints.length ? t('exercise.hint', { n: shown + 1, total: allHints.length }) : t('exercise.noMoreHints');
    hintButton.disabled = shown >= allHints.length;
  };

  const showSolution = () => {
    const solution = section.querySelector<HTMLElement>('.exercise-solution')!;
    if (!solution.hidden) return;
    if (!window.confirm(t('exercise.solutionConfirm'))) return;
    solution.hidden = false;
    record(setup.id, (entry) => void (entry.solutionShown = true));
  };

  return (action) => {
    if (action === 'setup') void setUp();
    else if (action === 'check') void check();
    else if (action === 'hint') hint();
    else showSolution();
  };
}
