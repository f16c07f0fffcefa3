// test helper: a cluster after a script, settled as the grader settles it, and checks written
// as plain objects (defaults filled in by the schema, as an exercise file's are)
import type { Cluster } from '../sim/cluster.ts';
import { createLearnerMachine } from '../sim/machine.ts';
import { checkSchema, type Check } from './checks.ts';
import { defaultContext, runCheck, type CheckResult } from './evaluate.ts';
import { runLines } from './runner.ts';
import { waitUntilSettled } from './settle.ts';

export async function clusterAfter(script: string, options: { seed?: number; preset?: string } = {}): Promise<Cluster> {
  const machine = createLearnerMachine({
    seed: options.seed ?? 1,
    mode: 'script',
    ...(options.preset ? { preset: options.preset } : {}),
  });
  const transcript = await runLines(machine, script.replace(/^\n/, ''));
  if (transcript.status !== 0) throw new Error(`the setup script failed:\n${transcript.output}`);
  waitUntilSettled(machine.world.cluster);
  return machine.world.cluster;
}

export function check(input: Record<string, unknown>): Check {
  return checkSchema.parse({ id: 'c', title: 'a check', ...input });
}

/** runs one check and keeps what a learner sees: pass, diagnosis, hint */
export function grade(cluster: Cluster, input: Record<string, unknown>): Pick<CheckResult, 'pass' | 'diagnosis' | 'hint'> {
  const { pass, diagnosis, hint } = runCheck(cluster, check(input), defaultContext());
  return { pass, ...(diagnosis !== undefined ? { diagnosis } : {}), ...(hint !== undefined ? { hint } : {}) };
}

/** a Deployment of echo-hostname pods and a busybox client, the course's usual cast */
export const HOSTNAME_AND_CLIENT = `kubectl create deployment hostname --image=alicek106/rr-test:echo-hostname --replicas=3 --port=80
kubectl run client --image=busybox -- sleep 3600
`;
