// the lesson blocks' props, checked at build time: a lesson author who passes a wrong prop gets
// a message naming the block, the prop and what was expected, not a stack trace from deep inside
import { z } from 'astro/zod';

/** a condition that ticks a step by itself once it holds */
export const stepConditionSchema = z.union([
  z
    .object({
      /** a command the learner ran successfully; matched against the line as typed, after trimming */
      ran: z.string().min(1),
      /** how `ran` matches: the line starts with it (default), or it is a regular expression */
      match: z.enum(['prefix', 'regex']).default('prefix'),
    })
    .strict(),
  z
    .object({
      /** an object exists: `pod/nginx`, `deployment/web`, `service/web` */
      exists: z.string().regex(/^[a-z]+\/[a-z0-9.-]+$/, 'write it as kind/name, e.g. pod/nginx'),
      namespace: z.string().default('default'),
      /** and, for a pod, is Running with every container ready */
      ready: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      /** an object no longer exists */
      absent: z.string().regex(/^[a-z]+\/[a-z0-9.-]+$/, 'write it as kind/name, e.g. pod/nginx'),
      namespace: z.string().default('default'),
    })
    .strict(),
]);
export type { StepCondition } from '../../workspace/step-conditions.ts';
// the schema's output and the condition type the step checker reads are one shape
stepConditionSchema satisfies z.ZodType<import('../../workspace/step-conditions.ts').StepCondition, unknown>;

export const runProps = z
  .object({
    /** the command, exactly as it is typed into the terminal (several lines run one after another) */
    cmd: z.string().trim().min(1),
    /** a short label for screen readers and the button; the command itself when left out */
    label: z.string().min(1).optional(),
  })
  .strict();

export const manifestProps = z
  .object({
    /** where the file goes in the learner's home directory, e.g. `nginx-pod.yaml` */
    path: z.string().regex(/^[A-Za-z0-9._-][A-Za-z0-9._/-]*$/, 'a relative file name such as nginx-pod.yaml'),
    /** the file's text */
    code: z.string().min(1),
  })
  .strict();

export const stepProps = z
  .object({
    /** unique within the lesson; progress is kept under it */
    id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
    /** what the learner should do, one line */
    title: z.string().min(1),
    /** the condition that ticks the step; without it the learner ticks it */
    when: stepConditionSchema.optional(),
  })
  .strict();

export const calloutProps = z
  .object({
    type: z.enum(['note', 'tip', 'warning']).default('note'),
    title: z.string().min(1).optional(),
  })
  .strict();

const quizBase = {
  /** unique within the lesson; the learner's answer is kept under it */
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  question: z.string().min(1),
  /** shown after an answer is checked, right or wrong */
  explanation: z.string().min(1),
};

export const quizProps = z.discriminatedUnion('kind', [
  z
    .object({
      ...quizBase,
      kind: z.literal('single'),
      options: z.array(z.string().min(1)).min(2),
      /** index of the right option, from 0 */
      answer: z.number().int().nonnegative(),
    })
    .strict()
    .refine((q) => q.answer < q.options.length, { message: 'answer must be the index of one of the options' }),
  z
    .object({
      ...quizBase,
      kind: z.literal('multiple'),
      options: z.array(z.string().min(1)).min(2),
      /** indexes of every right option, from 0 */
      answer: z.array(z.number().int().nonnegative()).min(1),
    })
    .strict()
    .refine((q) => q.answer.every((a) => a < q.options.length), {
      message: 'every answer must be the index of one of the options',
    }),
  z
    .object({
      ...quizBase,
      kind: z.literal('short'),
      /** accepted answers; compared ignoring case and surrounding spaces */
      answer: z.array(z.string().min(1)).min(1),
    })
    .strict(),
]);
export type QuizProps = z.infer<typeof quizProps>;

export const exerciseProps = z
  .object({
    /** an exercise id from content/exercises, e.g. pods/first-pod */
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'an exercise id such as pods/first-pod'),
  })
  .strict();

/** parses a block's props, or throws one readable message naming the block and every problem */
export function blockProps<S extends z.ZodType>(block: string, schema: S, props: unknown): z.infer<S> {
  // Astro hands every block its slot as `children`; it is content, not a prop to check
  const rest = Object.fromEntries(Object.entries((props ?? {}) as Record<string, unknown>).filter(([key]) => key !== 'children'));
  const result = schema.safeParse(rest);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'props';
    return `  - ${where}: ${issue.message}`;
  });
  throw new Error(`Invalid props passed to the <${block}/> block:\n${problems.join('\n')}\nReceived: ${JSON.stringify(rest)}`);
}
