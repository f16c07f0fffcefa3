// kubectl top: the simulated cluster is a kind cluster, which ships no Metrics Server, so the
// metrics.k8s.io group is not served and `top pod` and `top node` end as they do on one:
// "Metrics API not available", after kubectl's own argument checks (top_pod.go, top_node.go)
import type { KubectlEnv, Verb } from '../env.ts';
import { fieldSelectorError } from '../field-selector.ts';
import { flagString, parseFlags, type FlagSpec } from '../flags.ts';
import { labelFilter } from '../objects.ts';
import { checkErr, plain, standard, subcommandOf } from './select.ts';

/** top.go's help since kubectl 1.34 (kubernetes#132567 rewrote topLong), rendered as kubectl renders markdown */
const TOP_HELP = `Display resource (CPU/memory) usage.

 This command provides a view of recent resource consumption for nodes and pods. It fetches metrics from the Metrics Server, which aggregates this data from the kubelet on each node. The Metrics Server must be installed and running in the cluster for this command to work.

 The metrics shown are specifically optimized for Kubernetes autoscaling decisions, such as those made by the Horizontal Pod Autoscaler (HPA) and Vertical Pod Autoscaler (VPA). Because of this, the values may not match those from standard OS tools like 'top', as the metrics are designed to provide a stable signal for autoscalers rather than for pinpoint accuracy.

 When to use this command:

  *  For on-the-fly spot-checks of resource usage (e.g. identify which pods are consuming the most resources at a glance, or get a quick sense of the load on your nodes)
  *  Understand current resource consumption patterns
  *  Validate the behavior of your HPA or VPA configurations by seeing the metrics they use for scaling decisions.

 It is not intended to be a replacement for full-featured monitoring solutions. Its primary design goal is to provide a low-overhead signal for autoscalers, not to be a perfectly accurate monitoring tool. For high-accuracy reporting, historical analysis, dashboarding, or alerting, you should use a dedicated monitoring solution.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const TOP_NODE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'sort-by', kind: 'string' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'use-protocol-buffers', kind: 'bool' },
];

const TOP_POD_FLAGS: FlagSpec[] = [
  ...TOP_NODE_FLAGS,
  { name: 'field-selector', kind: 'string' },
  { name: 'containers', kind: 'bool' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
];

/** `top node` and `top pod`: Complete, Validate, then the discovery check that ends every run here */
function topCommand(env: KubectlEnv, kind: 'node' | 'pod', args: string[]): number {
  const path = `kubectl top ${kind}`;
  const parsed = parseFlags(args, kind === 'pod' ? TOP_POD_FLAGS : TOP_NODE_FLAGS, path);
  if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
  const flags = parsed.flags;
  for (const warning of flags.warnings) env.out.stderr(warning + '\n');
  const names = flags.positionals;
  if (names.length > 1) {
    env.out.stderr(`error: ${kind} [NAME | -l label]\nSee '${path} -h' for help and examples\n`);
    return 1;
  }
  const sortBy = flagString(flags, 'sort-by');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') return checkErr(env, [plain('--sort-by accepts only cpu or memory')]);
  const selector = flagString(flags, 'selector');
  const fieldSelector = kind === 'pod' ? flagString(flags, 'field-selector') : undefined;
  if (names.length === 1 && (selector || fieldSelector)) {
    return checkErr(env, [
      plain(kind === 'pod' ? 'only one of NAME or selector can be provided' : 'only one of NAME or --selector can be provided'),
    ]);
  }
  if (selector) {
    const labels = labelFilter(selector);
    if (!labels.ok) {
      env.out.stderr(labels.error + '\n');
      return 1;
    }
  }
  const fieldError = fieldSelector ? fieldSelectorError(fieldSelector) : null;
  if (fieldError) return checkErr(env, [plain(fieldError)]);
  // discovery lists no metrics.k8s.io group: nothing serves the Metrics API in this cluster
  return checkErr(env, [plain('Metrics API not available')]);
}

export const topVerb: Verb = {
  name: 'top',
  summary: 'Display resource (CPU/memory) usage',
  flags: [],
  parsesOwnFlags: true,
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], flags: TOP_NODE_FLAGS, operands: { kind: 'objects', types: ['nodes'] } },
    { name: 'pod', aliases: ['pods', 'po'], flags: TOP_POD_FLAGS, operands: { kind: 'objects', types: ['pods'] } },
  ],
  run(env, _flags, args) {
    const { sub, rest } = subcommandOf(args);
    if (sub === undefined) {
      if (args.some((a) => a === '-h' || a === '--help')) {
        env.out.stdout(TOP_HELP);
        return 0;
      }
      env.out.stderr(TOP_HELP);
      return 1;
    }
    if (sub === 'node' || sub === 'nodes' || sub === 'no') return topCommand(env, 'node', rest);
    if (sub === 'pod' || sub === 'pods' || sub === 'po') return topCommand(env, 'pod', rest);
    // RequireNoArguments names every argument cobra left over
    const words = [sub, ...rest.filter((a) => !a.startsWith('-'))].join(' ');
    env.out.stderr(`error: unknown command "${words}"\nSee 'kubectl top -h' for help and examples\n`);
    return 1;
  },
};
