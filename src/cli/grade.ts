// `kubesim grade`: instructors re-grade outside the browser. an exercise id with manifest files
// grades those files against the exercise's starting cluster; --submission replays learners'
// submission files in fresh clusters and re-grades them. the output is a table, JSON, JUnit XML
// or CSV; the exit status says whether everything passed.
import { basename, isAbsolute, normalize } from 'node:path';
import { loadExercises } from '../grading/exercise-files.ts';
import type { Exercise } from '../grading/exercise-schema.ts';
import { closeNames } from '../grading/facts.ts';
import { regradeSubmission } from '../grading/regrade.ts';
import { allPassed, formatReport, type GradedExercise } from '../grading/report.ts';
import { gradeAttempt } from '../grading/runner.ts';
import { parseSubmission } from '../grading/submission.ts';
import { GRADE_USAGE, parseGradeArgs } from './grade-args.ts';

export interface GradeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** reads a file; the CLI passes the real disk */
  readFile: (path: string) => string;
  exercises?: () => ReturnType<typeof loadExercises>;
}

function readError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const what = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : String(error);
  return `kubesim grade: ${path}: ${what}`;
}

/** where a learner's file goes in the virtual home directory: its relative path, or its name */
function homePath(path: string): string {
  const clean = normalize(path);
  return isAbsolute(clean) || clean.startsWith('..') ? basename(clean) : clean;
}

function unknownExercise(id: string, exercises: readonly Exercise[]): string {
  const ids = exercises.map((e) => e.id);
  const close = [...new Set([...closeNames(id, ids), ...ids.filter((x) => x.split('/')[1] === id.split('/').at(-1))])];
  const guess = close.length ? `; did you mean ${close.join(' or ')}?` : '';
  return `kubesim grade: there is no exercise '${id}'${guess}\nExercises: ${ids.join(', ')}\n(kubesim grade --list shows them with their titles)`;
}

export async function runGrade(argv: string[], io: GradeIo): Promise<number> {
  const parsed = parseGradeArgs(argv);
  if (!parsed.ok) {
    io.stderr(parsed.message + '\n');
    return 2;
  }
  const { args } = parsed;
  if (args.mode === 'help') {
    io.stdout(GRADE_USAGE);
    return 0;
  }
  const loaded = (io.exercises ?? loadExercises)();
  for (const error of loaded.errors) io.stderr(`kubesim grade: warning: ${error}\n`);
  const exercises = loaded.exercises;
  if (args.mode === 'list') {
    const width = Math.max(...exercises.map((e) => e.id.length));
    io.stdout(exercises.map((e) => `${e.id.padEnd(width)}  ${e.title}${e.challenge ? ' (challenge)' : ''}\n`).join(''));
    return 0;
  }

  // every file is read before anything is graded: a typo in a path is a usage error
  const texts: { path: string; content: string }[] = [];
  for (const path of args.files) {
    try {
      texts.push({ path, content: io.readFile(path) });
    } catch (error) {
      io.stderr(readError(path, error) + '\n');
      return 2;
    }
  }

  const graded: GradedExercise[] = [];
  if (args.mode === 'exercise') {
    const exercise = exercises.find((e) => e.id === args.exerciseId);
    if (!exercise) {
      io.stderr(unknownExercise(args.exerciseId!, exercises) + '\n');
      return 2;
    }
    const files = texts.map((t) => ({ path: homePath(t.path), content: t.content }));
    const commands = files.map((f) => `kubectl apply -f '${f.path.replace(/'/g, `'\\''`)}'`).join('\n');
    const report = await gradeAttempt(exercise, { files, commands }, args.seed);
    graded.push({
      exerciseId: report.exerciseId,
      title: report.title,
      seed: report.seed,
      params: report.params,
      results: report.results,
      score: report.score,
      passed: report.passed,
      ...(report.transcript.status !== 0 ? { output: report.transcript.output } : {}),
    });
  } else {
    for (const { path, content } of texts) {
      const submission = parseSubmission(content);
      if (!submission.ok) {
        graded.push({
          learner: path,
          exerciseId: '(submission)',
          title: '',
          seed: 0,
          params: {},
          results: [],
          score: 0,
          passed: false,
          error: submission.error,
        });
        continue;
      }
      const regrade = await regradeSubmission(submission.submission, exercises);
      for (const e of regrade.exercises) {
        graded.push({
          learner: regrade.learner,
          exerciseId: e.exerciseId,
          title: e.title,
          seed: e.seed,
          params: {},
          results: e.results,
          score: e.score,
          passed: e.passed,
          claimed: e.claimed,
          mismatches: e.mismatches,
          warnings: [...regrade.warnings, ...e.warnings],
          ...(e.error ? { error: e.error } : {}),
        });
      }
    }
  }
  io.stdout(formatReport(args.format, graded));
  return allPassed(graded) ? 0 : 1;
}
