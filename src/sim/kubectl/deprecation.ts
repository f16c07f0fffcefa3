// the apiserver's deprecation warnings (APILifecycleDeprecated/Replacement): every request for a
// deprecated kind comes back with a Warning header, which kubectl prints to stderr as
// `Warning: ...` once per distinct text in a command, as the response arrives

import type { KubectlEnv } from './env.ts';

/** v1 Endpoints has been deprecated since 1.33 in favour of EndpointSlice */
export const ENDPOINTS_DEPRECATION = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

const DEPRECATED: Record<string, string> = { Endpoints: ENDPOINTS_DEPRECATION };

/** the warnings each kubectl invocation has printed already (kubectl deduplicates them) */
const printed = new WeakMap<object, Set<string>>();

/** prints the server's warning for a request about `kind`, unless this command printed it before */
export function warnDeprecated(env: Pick<KubectlEnv, 'out'>, kind: string): void {
  const text = DEPRECATED[kind];
  if (!text) return;
  let seen = printed.get(env);
  if (!seen) printed.set(env, (seen = new Set()));
  if (seen.has(text)) return;
  seen.add(text);
  env.out.stderr(`Warning: ${text}\n`);
}
