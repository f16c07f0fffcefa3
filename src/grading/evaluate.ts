// one evaluator per check type, and running a list of checks against a cluster
import type { Cluster } from '../sim/cluster.ts';
import type { Check, CheckType } from './checks.ts';
import { custom, CUSTOM_CHECKS } from './custom.ts';
import { dnsResolves } from './dns.ts';
import { envVar } from './env.ts';
import { failed, type CheckOutcome, type Evaluator, type GradeContext } from './outcome.ts';
import { reachableOutside } from './outside.ts';
import { podsReady } from './pods.ts';
import { fieldEquals, fieldMatches, resourceAbsent, resourceExists } from './resources.ts';
import { rollout } from './rollout.ts';
import { httpGet, reachesHost } from './routing-requests.ts';
import { serviceRoutes } from './routing.ts';
import { clientIp } from './traffic.ts';

const EVALUATORS: { [T in CheckType]: Evaluator<Extract<Check, { type: T }>> } = {
  'resource-exists': resourceExists,
  'resource-absent': resourceAbsent,
  'field-equals': fieldEquals,
  'field-matches': fieldMatches,
  'pods-ready': podsReady,
  'service-routes': serviceRoutes,
  'http-get': httpGet,
  'reaches-host': reachesHost,
  'reachable-outside': reachableOutside,
  'dns-resolves': dnsResolves,
  'env-var': envVar,
  'client-ip': clientIp,
  rollout,
  custom,
};

export interface CheckResult extends CheckOutcome {
  id: string;
  title: string;
  weight: number;
  hidden: boolean;
}

export function defaultContext(params: GradeContext['params'] = {}): GradeContext {
  return { params, custom: CUSTOM_CHECKS };
}

/** runs one check; a bug in an evaluator becomes a failure that says so, never a crash of the whole grade */
export function runCheck(cluster: Cluster, check: Check, ctx: GradeContext = defaultContext()): CheckResult {
  let outcome: CheckOutcome;
  try {
    const evaluate = EVALUATORS[check.type] as Evaluator<Check>;
    outcome = evaluate(cluster, check, ctx);
  } catch (error) {
    outcome = failed(
      `the checker itself failed: ${error instanceof Error ? error.message : String(error)}`,
      'Report this to the course authors.',
    );
  }
  if (!outcome.pass && check.hint) outcome = { ...outcome, hint: check.hint };
  if (!outcome.pass && outcome.diagnosis) outcome = { ...outcome, diagnosis: sentence(outcome.diagnosis) };
  return { id: check.id, title: check.title, weight: check.weight, hidden: check.hidden, ...outcome };
}

/** a diagnosis reads as a sentence: capital first letter, full stop at the end */
function sentence(text: string): string {
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export function runChecks(cluster: Cluster, checks: readonly Check[], ctx: GradeContext = defaultContext()): CheckResult[] {
  return checks.map((check) => runCheck(cluster, check, ctx));
}
