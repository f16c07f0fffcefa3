// an exercise, end to end, on a fresh simulated cluster: its starting state, then an attempt
// (shell lines and/or files, exactly as a learner's terminal would run them), virtual time until
// the cluster settles, then its checks. the CLI, the proof tests and submission re-grading all
// go through here, so what passes in one passes in all.
import { JournalRecorder, recordSession, type Journal } from '../sim/journal.ts';
import { createLearnerMachine, type LearnerMachine } from '../sim/machine.ts';
import { VirtualFs } from '../sim/shell/vfs.ts';
import type { Exercise } from './exercise-schema.ts';
import { defaultContext, runChecks, type CheckResult } from './evaluate.ts';
import { variantOf, type ExerciseVariant, type Parameters } from './parameters.ts';
import { scoreOf } from './score.ts';
import { waitUntilSettled } from './settle.ts';

export const HOME = '/home/learner';

export interface AttemptInput {
  commands?: string | undefined;
  files?: readonly { path: string; content: string }[] | undefined;
}

export interface Transcript {
  /** what the terminal showed, stdout and stderr interleaved */
  output: string;
  /** the status of the last command (non-zero: something the learner typed failed) */
  status: number;
}

export interface ExerciseRun {
  variant: ExerciseVariant;
  machine: LearnerMachine;
  /** the starting state's commands and what they printed */
  start: Transcript;
}

export interface GradeReport {
  exerciseId: string;
  title: string;
  seed: number;
  params: Parameters;
  results: CheckResult[];
  score: number;
  passed: boolean;
  /** what applying the attempt printed */
  transcript: Transcript;
}

/** runs a script through the session line by line, as `kubesim script.sh` does */
export async function runLines(machine: LearnerMachine, script: string): Promise<Transcript> {
  const t: Transcript = { output: '', status: 0 };
  const out = { stdout: (x: string) => void (t.output += x), stderr: (x: string) => void (t.output += x) };
  const lines = script.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const result = await machine.session.feedLine(line.replace(/\r$/, ''), out);
    if (result.kind === 'ran') t.status = result.status;
  }
  const last = await machine.session.finish(out);
  if (last !== null) t.status = last;
  return t;
}

function writeFiles(fs: VirtualFs, files: readonly { path: string; content: string }[]): void {
  for (const file of files) {
    const path = fs.resolve(file.path);
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
    fs.writeFile(path, file.content);
  }
}

const quote = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;

/**
 * the starting state as terminal lines: the exercise's commands, then each manifest applied
 * through a heredoc. the workspace types the same lines into its recorded session, so a
 * learner's journal begins with them and a re-grade's replay rebuilds the same start.
 */
export function startLines(variant: ExerciseVariant): string[] {
  const start = variant.exercise.start;
  const lines = start.commands ? start.commands.replace(/\n$/, '').split('\n') : [];
  for (const manifest of start.manifests) {
    lines.push(`kubectl apply -f - <<'KUBESIM_EOF'`, ...manifest.replace(/\n$/, '').split('\n'), 'KUBESIM_EOF');
  }
  return lines;
}

/** the learner's home directory with the exercise's starter files in it */
export function starterFs(variant: ExerciseVariant): VirtualFs {
  const fs = new VirtualFs(HOME);
  writeFiles(fs, variant.exercise.starterFiles);
  return fs;
}

/** a fresh cluster in the exercise's starting state, settled */
export async function startExercise(exercise: Exercise, seed: number): Promise<ExerciseRun> {
  const variant = variantOf(exercise, seed);
  const machine = createLearnerMachine({ seed, mode: 'script', fs: starterFs(variant), preset: variant.exercise.preset });
  const lines = startLines(variant);
  const transcript = lines.length ? await runLines(machine, lines.join('\n') + '\n') : { output: '', status: 0 };
  waitUntilSettled(machine.world.cluster);
  return { variant, machine, start: transcript };
}

/** the attempt's files written, then its commands run (or, without commands, each YAML file applied) */
export async function applyAttempt(run: ExerciseRun, attempt: AttemptInput): Promise<Transcript> {
  const fs = run.machine.session.shell.fs;
  const files = attempt.files ?? [];
  writeFiles(fs, files);
  const script =
    attempt.commands ??
    files
      .filter((f) => /\.ya?ml$/.test(f.path))
      .map((f) => `kubectl apply -f ${quote(f.path)}`)
      .join('\n');
  const transcript = script ? await runLines(run.machine, script) : { output: '', status: 0 };
  waitUntilSettled(run.machine.world.cluster);
  return transcript;
}

/** the exercise's checks against the run's cluster as it is now */
export function gradeRun(run: ExerciseRun, transcript: Transcript): GradeReport {
  const { variant } = run;
  const results = runChecks(run.machine.world.cluster, variant.checks, defaultContext(variant.params));
  return {
    exerciseId: variant.exercise.id,
    title: variant.exercise.title,
    seed: variant.seed,
    params: variant.params,
    results,
    score: scoreOf(results),
    passed: results.every((r) => r.pass),
    transcript,
  };
}

/**
 * starting state, attempt, checks: the whole grade of one attempt. an attempt from the exercise
 * file itself (its solution, a wrong attempt) is a function of the variant, so that its
 * {{parameters}} are filled in; a learner's files are taken as they are
 */
export async function gradeAttempt(
  exercise: Exercise,
  attempt: AttemptInput | ((variant: ExerciseVariant) => AttemptInput),
  seed: number,
): Promise<GradeReport> {
  const run = await startExercise(exercise, seed);
  const transcript = await applyAttempt(run, typeof attempt === 'function' ? attempt(run.variant) : attempt);
  return gradeRun(run, transcript);
}

export interface RecordedAttempt {
  report: GradeReport;
  /** the session as the workspace records it: the starting state's lines, the editor's saves, the learner's lines */
  journal: Journal;
  /** the learner's files at the end */
  files: { path: string; content: string }[];
}

/**
 * an attempt made the way the workspace makes it, recorded into a journal: the starting state
 * typed as lines, files saved from the editor, commands typed. a submission carries the journal;
 * re-grading replays it (regrade.ts)
 */
export async function recordAttempt(
  exercise: Exercise,
  attempt: AttemptInput | ((variant: ExerciseVariant) => AttemptInput),
  seed: number,
): Promise<RecordedAttempt> {
  const variant = variantOf(exercise, seed);
  const machine = createLearnerMachine({ seed, mode: 'script', fs: starterFs(variant), preset: variant.exercise.preset });
  const recorder = JournalRecorder.forMachine(machine);
  recordSession(machine.session, recorder);
  const lines = startLines(variant);
  if (lines.length) await runLines(machine, lines.join('\n') + '\n');
  const run: ExerciseRun = { variant, machine, start: { output: '', status: 0 } };
  const input = typeof attempt === 'function' ? attempt(variant) : attempt;
  const fs = machine.session.shell.fs;
  for (const file of input.files ?? []) recorder.file(fs.resolve(file.path), file.content);
  const transcript = await applyAttempt(run, input);
  return { report: gradeRun(run, transcript), journal: recorder.toJSON(), files: (input.files ?? []).map((f) => ({ ...f })) };
}
