// an assignment in the page (from a file or from a shared link): each exercise's status from
// progress, and the submission file built from the saved workspaces of the exercises' pages
import { t } from '../../i18n/index.ts';
import type { Submission } from '../../grading/submission.ts';
import { buildSubmission, exercisePath, exerciseWorkspaceId, submissionFileName } from '../../workspace/submission-build.ts';
import { pageStorage, reportNotices } from '../workspace/progress.ts';

export interface KnownExercise {
  id: string;
  title: string;
  chapter: number;
  challenge: boolean;
}

export interface AssignmentView {
  ref: Submission['assignment'];
  exercises: KnownExercise[];
}

function statusText(exercise: KnownExercise): string {
  const entry = pageStorage().loadProgress().progress.exercises[exercise.id];
  if (!entry || entry.status === 'untried') return t('assignment.status.untried');
  if (exercise.challenge && entry.score !== undefined) return t('assignment.status.challenge', { score: entry.score });
  return t(entry.status === 'passed' ? 'assignment.status.passed' : 'assignment.status.failed');
}

/** the exercises as a list of links, each with a status filled in from progress */
export function exerciseItems(exercises: readonly KnownExercise[]): HTMLLIElement[] {
  return exercises.map((exercise) => {
    const item = document.createElement('li');
    item.dataset['exerciseItem'] = exercise.id;
    const link = document.createElement('a');
    link.href = exercisePath(exercise.id);
    link.textContent = exercise.title;
    const status = document.createElement('span');
    status.className = 'exercise-status';
    status.dataset['statusFor'] = exercise.id;
    item.append(link, document.createTextNode(' '), status);
    return item;
  });
}

function showStatuses(root: HTMLElement, view: AssignmentView): void {
  for (const exercise of view.exercises) {
    const status = root.querySelector<HTMLElement>(`[data-status-for="${CSS.escape(exercise.id)}"]`);
    if (status) status.textContent = statusText(exercise);
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** statuses and the download form of an assignment shown in `root` */
export function bindAssignment(root: HTMLElement, view: AssignmentView): void {
  const { notices } = pageStorage().loadProgress();
  reportNotices(notices);
  showStatuses(root, view);
  const form = root.querySelector<HTMLFormElement>('[data-submission-form]')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const message = root.querySelector<HTMLElement>('[data-submission-message]')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const storage = pageStorage();
    const progress = storage.loadProgress().progress;
    const saved = view.exercises.map((exercise) => {
      const loaded = storage.loadLesson(exerciseWorkspaceId(exercise.id, exercise.challenge));
      reportNotices(loaded.notices);
      return { id: exercise.id, record: loaded.record, progress: progress.exercises[exercise.id] };
    });
    const built = buildSubmission(input.value, view.ref, saved, new Date().toISOString());
    const missing = built.missing.length ? ' ' + t('assignment.missing', { list: built.missing.join(', ') }) : '';
    if (!built.ok) {
      message.textContent = (built.reason === 'no-name' ? t('assignment.noName') : t('assignment.nothingSaved')) + missing;
      if (built.reason === 'no-name') input.focus();
      return;
    }
    const file = submissionFileName(view.ref.title, built.submission.learner.name);
    download(file, JSON.stringify(built.submission, null, 2) + '\n');
    message.textContent =
      t('assignment.downloaded', { file, n: built.submission.exercises.length, total: view.exercises.length }) + missing;
  });
}
