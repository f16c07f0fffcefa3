// kubectl get -w: after the first table, one row per change. in the browser it runs until
// Ctrl-C; in scripts (virtual time) it stops once nothing more is scheduled, so it never hangs

import type { KubeObject } from '../../api/types.ts';
import { flagBool } from '../flags.ts';
import type { ParsedFlags } from '../flags.ts';
import type { KubectlEnv } from '../env.ts';
import { printTable } from '../printers/table.ts';

/** in scripts a watch ends after this much quiet cluster time at most */
const SCRIPT_WATCH_LIMIT_MS = 10 * 60_000;

export async function watchChanges(
  env: KubectlEnv,
  kinds: string[],
  flags: ParsedFlags,
  allNamespaces: boolean,
  matches: (labels: Record<string, string> | undefined) => boolean,
): Promise<number> {
  const changes: KubeObject[] = [];
  const unsubscribe = env.cluster.store.watch((event) => {
    const obj = event.object;
    if (!kinds.includes(obj.kind)) return;
    if (!allNamespaces && obj.metadata.namespace && obj.metadata.namespace !== env.namespace) return;
    if (!matches(obj.metadata.labels)) return;
    changes.push(obj);
  });
  const virtual = (env.clock as unknown) === env.cluster.clock;
  const start = env.cluster.clock.now();
  try {
    for (;;) {
      env.cluster.settle();
      while (changes.length > 0) {
        const obj = changes.shift()!;
        env.out.stdout(
          printTable([obj], {
            now: env.cluster.clock.now(),
            wide: false,
            noHeaders: true,
            showLabels: flagBool(flags, 'show-labels'),
            labelColumns: [],
            withNamespace: allNamespaces,
            withKind: kinds.length > 1,
          }),
        );
      }
      if (virtual && (!env.cluster.clock.hasTimers() || env.cluster.clock.now() - start > SCRIPT_WATCH_LIMIT_MS)) return 0;
      const finished = await env.clock.sleep(virtual ? 100 : 200, env.interrupt);
      if (!finished) return 130;
    }
  } finally {
    unsubscribe();
  }
}
