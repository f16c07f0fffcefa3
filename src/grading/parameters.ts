// a variant of an exercise: its parameters drawn from a seed (the same seed always gives the
// same variant) and substituted into the goal, the starting state, the checks and the proofs
import { Random } from '../sim/random.ts';
import { checkSchema, type Check } from './checks.ts';
import { substitute, type Exercise } from './exercise-schema.ts';

export type Parameters = Readonly<Record<string, string | number>>;

/** FNV-1a of a string, to mix an exercise's id into the seed */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** the parameters of the exercise's variant for `seed`, drawn in name order */
export function drawParameters(exercise: Pick<Exercise, 'id' | 'parameters'>, seed: number): Parameters {
  const random = new Random((hashString(exercise.id) ^ seed) >>> 0);
  const out: Record<string, string | number> = {};
  for (const name of Object.keys(exercise.parameters).sort()) {
    const spec = exercise.parameters[name]!;
    if ('choices' in spec) out[name] = random.pick(spec.choices);
    else out[name] = spec.min + random.int(Math.floor((spec.max - spec.min) / spec.step) + 1) * spec.step;
  }
  return out;
}

/** an exercise with its parameters in place, and its checks ready to run */
export interface ExerciseVariant {
  exercise: Exercise;
  seed: number;
  params: Parameters;
  checks: Check[];
}

export function variantOf(exercise: Exercise, seed: number): ExerciseVariant {
  const params = drawParameters(exercise, seed);
  const concrete = substitute(exercise, params);
  const checks = concrete.checks.map((c, i) => {
    const parsed = checkSchema.safeParse(c);
    if (!parsed.success) throw new Error(`${exercise.id}: check ${i} after substitution: ${parsed.error.message}`);
    return parsed.data;
  });
  return { exercise: concrete, seed, params, checks };
}
