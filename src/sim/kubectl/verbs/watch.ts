// kubectl get -w: after the first table, one row per change. in the browser it runs until
// Ctrl-C; in scripts (virtual time) it stops once nothing more is scheduled, so it never hangs

import type { KubeObject } from '../../api/types.ts';
import type { ParsedFlags } from '../flags.ts';
import type { KubectlEnv } from '../env.ts';
import { tableOptions } from '../output.ts';
import { printTable, type TableOptions } from '../printers/table.ts';

/** in scripts a watch ends after this much quiet cluster time at most */
const SCRIPT_WATCH_LIMIT_MS = 10 * 60_000;

/**
 * one change as kubectl's watch prints it: kubectl's tabwriter remembers column widths, so a row
 * is padded to the widest cell seen so far — the same as the last row of a table of all of them.
 * the first object of a kind that had no table yet brings its header along.
 */
function changeRow(seen: KubeObject[], obj: KubeObject, options: TableOptions): string {
  if (seen.length === 0) return printTable([obj], options);
  const lines = printTable([...seen, obj], { ...options, noHeaders: false }).split('\n');
  return lines[lines.length - 2]! + '\n';
}

export async function watchChanges(
  env: KubectlEnv,
  kinds: string[],
  initial: KubeObject[],
  flags: ParsedFlags,
  allNamespaces: boolean,
  matches: (labels: Record<string, string> | undefined) => boolean,
): Promise<number> {
  const changes: KubeObject[] = [];
  // per kind, the latest version of every object shown so far
  const seen = new Map<string, Map<string, KubeObject>>(kinds.map((k) => [k, new Map()]));
  for (const obj of initial) seen.get(obj.kind)?.set(obj.metadata.uid!, obj);
  const unsubscribe = env.cluster.store.watch((event) => {
    const obj = event.object;
    if (!kinds.includes(obj.kind)) return;
    if (!allNamespaces && obj.metadata.namespace && obj.metadata.namespace !== env.namespace) return;
    if (!matches(obj.metadata.labels)) return;
    changes.push(obj);
  });
  try {
    return await watchLoop(env, () => {
      while (changes.length > 0) {
        const obj = changes.shift()!;
        const shown = seen.get(obj.kind)!;
        env.out.stdout(changeRow([...shown.values()], obj, tableOptions(env, flags, allNamespaces, kinds.length > 1)));
        shown.set(obj.metadata.uid!, obj);
      }
    });
  } finally {
    unsubscribe();
  }
}

/**
 * a watch's loop: lets the cluster settle, has `drain` print what arrived, waits a moment; until
 * Ctrl-C in the browser, and in scripts (virtual time) until nothing more is scheduled
 */
export async function watchLoop(env: KubectlEnv, drain: () => void): Promise<number> {
  const virtual = (env.clock as unknown) === env.cluster.clock;
  const start = env.cluster.clock.now();
  for (;;) {
    env.cluster.settle();
    drain();
    if (virtual && (!env.cluster.clock.hasTimers() || env.cluster.clock.now() - start > SCRIPT_WATCH_LIMIT_MS)) return 0;
    const finished = await env.clock.sleep(virtual ? 100 : 200, env.interrupt);
    if (!finished) return 130;
  }
}
