// an exercise file (content/exercises/<chapter>/<name>.yaml): what the learner is asked to do,
// the cluster it starts from, the checks that grade it, and the proof material — a reference
// solution and known-wrong attempts — that the test suite runs to show the checks are right.
// the Astro content collection `exercises` validates the same files with this schema.
import { z } from '../sim/zod.ts';
import { checkTemplateSchema, PARAM_REF } from './checks.ts';

const file = z.object({
  /** relative to the learner's home directory */
  path: z.string().regex(/^[\w.-]+(\/[\w.-]+)*$/, 'a relative path such as web/service.yaml'),
  content: z.string(),
});

/** shell lines as typed in the terminal (heredocs welcome) and/or files to write */
const attempt = {
  /** a shell script, run line by line as the learner would type it */
  commands: z.string().min(1).optional(),
  /** files written into the home directory first; without commands, each YAML file is applied with `kubectl apply -f` */
  files: z.array(file).default([]),
};

export const attemptSchema = z
  .object(attempt)
  .refine((a) => a.commands !== undefined || a.files.length > 0, 'give commands, files or both');

/** a value drawn from the learner's seed: one of a list, or a whole number in a range */
export const parameterSchema = z.union([
  z.object({ choices: z.array(z.union([z.string(), z.number()])).min(1) }),
  z
    .object({ min: z.number().int(), max: z.number().int(), step: z.number().int().positive().default(1) })
    .refine((r) => r.max >= r.min, 'max must not be below min'),
]);

export const exerciseSchema = z
  .object({
    /** `<chapter-dir>/<name>`, matching the file's path under content/exercises */
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'chapter-dir/name in lower case'),
    title: z.string().min(1),
    /** the chapter's number in the course map */
    chapter: z.number().int().positive(),
    /** what the learner must achieve, in Markdown; may use {{parameters}} */
    goal: z.string().min(1),
    /** the cluster to start: kind (the default) or on-premises (no load-balancer provider) */
    preset: z.enum(['kind', 'on-premises']).default('kind'),
    /** a timed challenge: checks stay hidden until submit, the score counts */
    challenge: z.object({ timeLimitMinutes: z.number().int().positive() }).optional(),
    /** values drawn per learner from a seed, used as {{name}} anywhere below */
    parameters: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), parameterSchema).default({}),
    /** the starting state: shell lines run in a fresh cluster, and manifests applied */
    start: z
      .object({ commands: z.string().min(1).optional(), manifests: z.array(z.string().min(1)).default([]) })
      .default({ manifests: [] }),
    /** files the learner's editor opens with */
    starterFiles: z.array(file).default([]),
    checks: z.array(checkTemplateSchema).min(1),
    /** hints, revealed one at a time */
    hints: z.array(z.string().min(1)).min(1),
    /** a reference solution: it must pass every check */
    solution: attemptSchema,
    /** near misses: each must fail exactly the checks it names */
    wrongAttempts: z
      .array(
        z
          .object({
            /** what the near miss is, in a few words */
            name: z.string().min(1),
            ...attempt,
            /** the ids of the checks it fails */
            fails: z.array(z.string()).min(1),
          })
          .refine((a) => a.commands !== undefined || a.files.length > 0, 'give commands, files or both'),
      )
      .default([]),
  })
  .superRefine((exercise, ctx) => {
    const ids = exercise.checks.map((c) => c.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id ${id}` });
    });
    exercise.wrongAttempts.forEach((attempt, i) => {
      attempt.fails.forEach((id, j) => {
        if (!ids.includes(id)) {
          ctx.addIssue({ code: 'custom', path: ['wrongAttempts', i, 'fails', j], message: `no check has id ${id}` });
        }
      });
    });
    for (const name of parameterRefs(exercise)) {
      if (!(name in exercise.parameters)) {
        ctx.addIssue({ code: 'custom', path: ['parameters'], message: `{{${name}}} is used but not declared` });
      }
    }
  });

export type Exercise = z.output<typeof exerciseSchema>;
export type ExerciseInput = z.input<typeof exerciseSchema>;
export type Attempt = z.output<typeof attemptSchema>;
export type WrongAttempt = Exercise['wrongAttempts'][number];

const EMBEDDED_REF = /\{\{([a-zA-Z][a-zA-Z0-9_]*)\}\}/g;

/** every {{name}} used anywhere in the exercise */
export function parameterRefs(value: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(EMBEDDED_REF)) found.add(m[1]!);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/** replaces {{name}} everywhere: a string that is only a reference takes the value's own type */
export function substitute<T>(value: T, params: Readonly<Record<string, string | number>>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const whole = PARAM_REF.exec(v);
      if (whole && whole[1]! in params) return params[whole[1]!];
      return v.replace(EMBEDDED_REF, (all, name: string) => (name in params ? String(params[name]) : all));
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
