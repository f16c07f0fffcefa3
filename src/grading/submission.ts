// the file a learner downloads and hands in: who they are, which assignment, and per exercise
// the seed of their variant, their session as a journal, their final files and what the browser
// graded. nothing in it is trusted: `kubesim grade --submission` replays each journal in a fresh
// cluster and grades it again, and flags claims the replay does not bear out.
//
// the journal starts from a fresh cluster with the exercise's seed and preset, and begins with
// the exercise's starting state typed as lines (see `startLines` in runner.ts); the starter files
// are in the home directory before it starts.
import { z } from '../sim/zod.ts';
import { journalSchema } from '../sim/journal-schema.ts';
import { SIMULATOR_VERSION } from '../sim/version.ts';

export const SUBMISSION_FORMAT = 'kubesim-submission';

const file = z.object({ path: z.string().min(1), content: z.string() });

export const submittedExerciseSchema = z.object({
  /** the exercise id, e.g. services/expose-hostname */
  id: z.string().min(1),
  /** the seed of the learner's variant (and of their cluster) */
  seed: z.number().int().min(0).max(0xffff_ffff),
  /** everything the learner did, from the starting state on */
  journal: journalSchema,
  /** the learner's files when they submitted */
  files: z.array(file).default([]),
  /** what the browser graded */
  claimed: z.object({
    checks: z.array(z.object({ id: z.string(), pass: z.boolean() })),
    score: z.number().min(0).max(100),
  }),
});

export const submissionSchema = z.object({
  format: z.literal(SUBMISSION_FORMAT),
  version: z.literal(1),
  learner: z.object({ name: z.string().min(1) }),
  /** an assignment file's id, or the shareable link the learner opened */
  assignment: z.union([
    z.object({ id: z.string().min(1), title: z.string().min(1) }),
    z.object({ link: z.string().min(1), title: z.string().min(1) }),
  ]),
  /** the simulator that produced the journals (src/sim/version.ts) */
  simulatorVersion: z.string().min(1),
  /** when the learner downloaded the file (ISO 8601) */
  submittedAt: z.string().optional(),
  exercises: z.array(submittedExerciseSchema).min(1),
});

export type Submission = z.output<typeof submissionSchema>;
export type SubmittedExercise = z.output<typeof submittedExerciseSchema>;

export type SubmissionParse = { ok: true; submission: Submission } | { ok: false; error: string };

/** reads an untrusted submission file's text; never throws */
export function parseSubmission(text: string): SubmissionParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== SUBMISSION_FORMAT) {
    return { ok: false, error: `not a kubesim submission (the "format" field must be "${SUBMISSION_FORMAT}")` };
  }
  const parsed = submissionSchema.safeParse(data);
  if (parsed.success) return { ok: true, submission: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, error: `not a valid kubesim submission: ${issues}` };
}

/** a submission file's content, as the workspace writes it for download */
export function makeSubmission(
  learner: string,
  assignment: Submission['assignment'],
  exercises: SubmittedExercise[],
  submittedAt?: string,
): Submission {
  return {
    format: SUBMISSION_FORMAT,
    version: 1,
    learner: { name: learner },
    assignment,
    simulatorVersion: SIMULATOR_VERSION,
    ...(submittedAt ? { submittedAt } : {}),
    exercises,
  };
}
