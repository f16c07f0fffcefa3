// when a lesson step ticks itself: pure checks of the cluster and of the commands the learner
// ran. (exercises are graded by src/grading; a step only needs to notice that the learner did it)
import { resolveType } from '../sim/api/resources.ts';
import type { Pod } from '../sim/api/types.ts';
import type { Cluster } from '../sim/cluster.ts';
import { isPodReady } from '../sim/controllers/replicaset.ts';

/** what ticks a lesson step (the Step block validates it with zod at build time) */
export type StepCondition =
  | { ran: string; match: 'prefix' | 'regex' }
  | { exists: string; namespace: string; ready: boolean }
  | { absent: string; namespace: string };

/** a command the learner ran and how it ended */
export interface RanCommand {
  line: string;
  status: number;
}

function lookup(cluster: Cluster, ref: string, namespace: string) {
  const [kind, name] = ref.split('/') as [string, string];
  const type = resolveType(kind);
  if (!type) return undefined;
  return cluster.store.get(type.resource, type.namespaced ? namespace : undefined, name);
}

function ranMatches(condition: { ran: string; match: 'prefix' | 'regex' }, line: string): boolean {
  const typed = line.trim().replace(/\s+/g, ' ');
  if (condition.match === 'prefix') return typed.startsWith(condition.ran.trim().replace(/\s+/g, ' '));
  try {
    return new RegExp(condition.ran).test(typed);
  } catch {
    return false;
  }
}

export function conditionHolds(condition: StepCondition, cluster: Cluster, commands: readonly RanCommand[]): boolean {
  if ('ran' in condition) return commands.some((c) => c.status === 0 && ranMatches(condition, c.line));
  if ('absent' in condition) return lookup(cluster, condition.absent, condition.namespace) === undefined;
  const obj = lookup(cluster, condition.exists, condition.namespace);
  if (!obj) return false;
  if (!condition.ready) return true;
  return obj.kind === 'Pod' ? (obj as Pod).status?.phase === 'Running' && isPodReady(obj as Pod) : true;
}
