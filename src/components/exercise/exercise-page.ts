// an exercise's own page: works out the learner's variant (its seed kept per browser, or drawn
// from the learner's name for a challenge), starts the workspace in its starting state, and
// binds Check my work, the hints and the solution. the outcome and the last check's per-check
// results go to progress: an assignment's submission claims them.
import { t } from '../../i18n/index.ts';
import type { CheckResult } from '../../grading/evaluate.ts';
import type { Exercise } from '../../grading/exercise-schema.ts';
import type { ExerciseVariant } from '../../grading/parameters.ts';
import { exerciseProgress, type ExerciseProgress } from '../../workspace/storage-schema.ts';
import { inlineParts, paragraphs } from '../lesson/inline-markdown.ts';
import { inlineParagraph, resultItem } from '../lesson/exercise-ui.ts';
import { pageStorage, reportNotices, reportWriteFailure } from '../workspace/progress.ts';
import { pageWorkspace } from '../workspace/workspace.ts';
import { bindChallenge } from './challenge-page.ts';

export interface PageData {
  exercise: Exercise;
  workspaceId: string;
}

export interface ExercisePage {
  root: HTMLElement;
  data: PageData;
  /** the element of the page marked `data-<name>` */
  part<T extends HTMLElement = HTMLElement>(name: string): T;
  /** the exercise's saved progress */
  progress(): ExerciseProgress | undefined;
  record(change: (entry: ExerciseProgress) => void): void;
  /** fills in the goal, the seed and the solution for the variant, and starts the workspace with it */
  startVariant(seed: number): Promise<ExerciseVariant>;
  /** the variant's checks against the live cluster */
  grade(variant: ExerciseVariant): Promise<{ results: CheckResult[]; score: number }>;
  showResults(results: CheckResult[]): void;
}

function page(root: HTMLElement): ExercisePage {
  const data = JSON.parse(root.dataset['exercisePage']!) as PageData;
  const id = data.exercise.id;
  const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-${name}]`)!;
  const workspace = pageWorkspace(data.workspaceId);
  const self: ExercisePage = {
    root,
    data,
    part,
    progress: () => pageStorage().loadProgress().progress.exercises[id],
    record(change) {
      const result = pageStorage().updateProgress((p) => change(exerciseProgress(p, id)));
      if (!result.ok) reportWriteFailure(result);
      else reportNotices(result.notices);
      document.dispatchEvent(new CustomEvent('kubesim:progress'));
    },
    async startVariant(seed) {
      const [{ variantOf }, { startLines }] = await Promise.all([
        import('../../grading/parameters.ts'),
        import('../../grading/runner.ts'),
      ]);
      const variant = variantOf(data.exercise, seed);
      const goal = part('goal');
      goal.replaceChildren(...paragraphs(variant.exercise.goal).map((p) => inlineParagraph(inlineParts(p))));
      const seedLine = part('seed');
      seedLine.textContent = t('exercisePage.seed', { seed });
      seedLine.title = t('exercisePage.seedNote');
      seedLine.hidden = false;
      const solution = root.querySelector('[data-solution-text] code');
      if (solution) {
        const { files, commands } = variant.exercise.solution;
        solution.textContent = [...files.map((f) => `# ${f.path}\n${f.content}`), ...(commands ? [commands] : [])].join('\n');
      }
      workspace.configureFresh({
        seed,
        preset: variant.exercise.preset,
        start: { lines: startLines(variant), files: variant.exercise.starterFiles.map((f) => ({ ...f })) },
      });
      return variant;
    },
    async grade(variant) {
      const live = await workspace.ready();
      const [{ runChecks, defaultContext }, { scoreOf }] = await Promise.all([
        import('../../grading/evaluate.ts'),
        import('../../grading/score.ts'),
      ]);
      const results = runChecks(live.machine.world.cluster, variant.checks, defaultContext(variant.params));
      return { results, score: scoreOf(results) };
    },
    showResults(results) {
      const list = part<HTMLOListElement>('results');
      list.replaceChildren(...results.map(resultItem));
      list.hidden = false;
    },
  };
  return self;
}

/** the seed of a practice exercise: the saved session's, else the one kept in progress, else a new one */
function practiceSeed(p: ExercisePage): number {
  const saved = pageStorage().loadLesson(p.data.workspaceId);
  reportNotices(saved.notices);
  return saved.record?.journal.seed ?? p.progress()?.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!;
}

function bindHints(p: ExercisePage): void {
  const button = p.part<HTMLButtonElement>('hint');
  const list = p.part<HTMLOListElement>('hints');
  const hints = p.data.exercise.hints;
  let shown = 0;
  button.disabled = hints.length === 0;
  button.addEventListener('click', () => {
    if (shown >= hints.length) return;
    const item = document.createElement('li');
    item.append(inlineParagraph(inlineParts(hints[shown]!)));
    list.append(item);
    list.hidden = false;
    shown += 1;
    button.textContent =
      shown < hints.length ? t('exercise.hint', { n: shown + 1, total: hints.length }) : t('exercise.noMoreHints');
    button.disabled = shown >= hints.length;
  });
}

async function bindPractice(p: ExercisePage): Promise<void> {
  const seed = practiceSeed(p);
  if (p.progress()?.seed !== seed) p.record((entry) => void (entry.seed = seed));
  const status = p.part('status');
  const before = p.progress();
  if (before?.lastCheck) {
    status.textContent =
      before.status === 'passed' && before.lastCheck.score === 100
        ? t('exercisePage.lastStatus.passed')
        : t('exercisePage.lastStatus.failed', { score: before.lastCheck.score });
  }
  const variant = await p.startVariant(seed);

  p.part('check').addEventListener('click', async () => {
    status.textContent = t('exercise.checking');
    const { results, score } = await p.grade(variant);
    const passed = results.filter((r) => r.pass).length;
    p.showResults(results);
    status.textContent =
      passed === results.length
        ? t('exercise.passed', { total: results.length })
        : t('exercise.failed', { passed, total: results.length, score });
    p.record((entry) => {
      entry.attempts += 1;
      entry.status = passed === results.length || entry.status === 'passed' ? 'passed' : 'failed';
      entry.score = Math.max(entry.score ?? 0, score);
      entry.lastCheckedAt = Date.now();
      entry.seed = seed;
      entry.lastCheck = { checks: results.map((r) => ({ id: r.id, pass: r.pass })), score };
    });
  });

  p.part('solution').addEventListener('click', () => {
    const solution = p.part('solution-text');
    if (!solution.hidden) return;
    if (!window.confirm(t('exercise.solutionConfirm'))) return;
    solution.hidden = false;
    p.record((entry) => void (entry.solutionShown = true));
  });
}

const root = document.querySelector<HTMLElement>('[data-exercise-page]');
if (root) {
  const p = page(root);
  bindHints(p);
  void (root.hasAttribute('data-challenge') ? bindChallenge(p) : bindPractice(p));
}
