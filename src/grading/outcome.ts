// what an evaluator returns and what it is given: a check passes, or fails with a diagnosis
// computed from the cluster and a hint for the next step
import type { Cluster } from '../sim/cluster.ts';
import type { Check } from './checks.ts';

export interface CheckOutcome {
  pass: boolean;
  /** on failure: what is wrong, in the learner's terms, naming the objects involved */
  diagnosis?: string;
  /** on failure: what to try next */
  hint?: string;
  /** what the probe saw, for reports and tests (plain JSON) */
  observed?: Record<string, unknown>;
}

/** a custom check: a named TypeScript function of the cluster */
export type CustomCheck = (cluster: Cluster, params: Record<string, unknown>, ctx: GradeContext) => CheckOutcome;

export interface GradeContext {
  /** the exercise's parameters for this variant */
  params: Readonly<Record<string, string | number>>;
  /** custom checks by name */
  custom: ReadonlyMap<string, CustomCheck>;
}

export type Evaluator<C extends Check> = (cluster: Cluster, check: C, ctx: GradeContext) => CheckOutcome;

export const passed = (observed?: Record<string, unknown>): CheckOutcome =>
  observed ? { pass: true, observed } : { pass: true };

export function failed(diagnosis: string, hint?: string, observed?: Record<string, unknown>): CheckOutcome {
  return { pass: false, diagnosis, ...(hint ? { hint } : {}), ...(observed ? { observed } : {}) };
}
