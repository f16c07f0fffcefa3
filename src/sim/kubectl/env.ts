// what a kubectl verb runs with: the cluster, the kubeconfig, the learner's files and
// terminal, and small helpers every verb needs (server errors, namespaces, waiting)

import type { StatusError } from '../api/status-errors.ts';
import type { Clock, Interrupt } from '../clock.ts';
import type { Cluster } from '../cluster.ts';
import type { HostServices, Output } from '../shell/command.ts';
import type { VirtualFs } from '../shell/vfs.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import type { KubeConfig } from './kubeconfig.ts';

export type KubectlHost = HostServices;

export interface KubectlEnv {
  cluster: Cluster;
  kubeconfig: KubeConfig;
  fs: VirtualFs;
  stdin: string;
  out: Output;
  /** the shell's clock: waiting on it lets cluster time pass (virtual in scripts, real in the browser) */
  clock: Clock;
  interrupt: Interrupt;
  host: KubectlHost;
  /** -n, or the context's namespace */
  namespace: string;
  /** true when -n/--namespace was given */
  namespaceGiven: boolean;
  /** `kubectl get` etc., for usage messages */
  commandPath: string;
  /** the words after `kubectl` as typed (after shell expansion), for --record's change-cause */
  argv: string[];
}

/** what a command's positional arguments are, for Tab (kubectl's ValidArgsFunction) */
export type Operands =
  /** `TYPE NAME…` or `TYPE/NAME…`; `types` limits the types offered, `repeat` offers more names after one */
  | { kind: 'objects'; types?: readonly string[]; repeat?: boolean }
  /** resource types only (explain) */
  | { kind: 'types' }
  /** one pod, or `TYPE/NAME` of something with pods (logs, exec, attach) */
  | { kind: 'pod' }
  /** kubeconfig context names */
  | { kind: 'contexts' };

/** a subcommand (`rollout status`, `create service nodeport`): its flags and arguments, for Tab */
export interface Subcommand {
  name: string;
  aliases?: string[];
  flags: FlagSpec[];
  operands?: Operands;
  subcommands?: Subcommand[];
}

export interface Verb {
  name: string;
  aliases?: string[];
  summary: string;
  /** parsed before `run` unless `parsesOwnFlags`; Tab offers them either way */
  flags: FlagSpec[];
  /** subcommands (rollout status, config view, create deployment) parse their own flags */
  parsesOwnFlags?: boolean;
  /** what Tab offers for the arguments; none when absent */
  operands?: Operands;
  /** what Tab offers as the next word; the verb's own `run` dispatches them */
  subcommands?: Subcommand[];
  /** the verb's own help text, printed for -h/--help once the flags parse; without it -h says it is not simulated */
  help?: string;
  run(env: KubectlEnv, flags: ParsedFlags, args: string[]): Promise<number> | number;
}

export function printServerError(env: KubectlEnv, error: StatusError, context?: string): void {
  const prefix = context ? `${context}: ` : '';
  env.out.stderr(`Error from server (${error.reason}): ${prefix}${error.message}\n`);
}

/** polls `done` every `stepMs` of cluster time until it holds, the timeout passes or Ctrl-C */
export async function waitFor(
  env: KubectlEnv,
  done: () => boolean,
  timeoutMs: number,
  stepMs = 250,
): Promise<'done' | 'timeout' | 'interrupted'> {
  const start = env.cluster.clock.now();
  for (;;) {
    env.cluster.settle();
    if (done()) return 'done';
    if (env.cluster.clock.now() - start >= timeoutMs) return 'timeout';
    const finished = await env.clock.sleep(stepMs, env.interrupt);
    if (!finished) return 'interrupted';
  }
}
