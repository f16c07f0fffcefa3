// Tab for kubectl, answering as its cobra `__complete` does: verbs, subcommands, flags, resource
// types, object names from the live cluster (TYPE NAME and TYPE/NAME), namespaces after -n,
// containers after -c, kubeconfig contexts and manifest files after -f. the verb table, the flag
// specs and the resource types are the ones the commands themselves run with.

import { resolveType, SIMULATED_TYPES } from '../api/resources.ts';
import type { Pod } from '../api/types.ts';
import type { CompletionContext, Completions } from '../shell/command.ts';
import { completePaths } from '../shell/path-completion.ts';
import type { World } from '../world.ts';
import type { Operands, Subcommand } from './env.ts';
import { GLOBAL_FLAGS, type FlagSpec } from './flags.ts';
import { FORMATS, PRINT_FORMATS } from './output.ts';
import { VERBS } from './verbs/index.ts';

/** kubectl's resourcesWithPods: what `TYPE/NAME` may name for logs, exec and attach */
const WITH_PODS = [
  'daemonsets',
  'deployments',
  'pods',
  'jobs',
  'replicasets',
  'replicationcontrollers',
  'services',
  'statefulsets',
];

/** MarkFlagFilename("filename", "json", "yaml", "yml"): directories and manifests only */
const MANIFEST = /\.(json|ya?ml)$/;

/** kubectl itself, as the root of the command tree: its verbs, and the global flags before them */
const ROOT: Subcommand = { name: 'kubectl', flags: [], subcommands: VERBS };

const NONE: Completions = { words: [] };

interface Scan {
  positionals: string[];
  /** where each positional stood in the arguments */
  positionalIndex: number[];
  /** the values of the flags given, by flag name */
  values: Map<string, string>;
  given: Set<string>;
  /** a flag waiting for its value: the word being completed is that value */
  pending: FlagSpec | null;
  /** `--` was typed: what follows is a command for the container */
  ended: boolean;
}

/** reads the words as pflag would: `--name=value`, `--name value`, `-n value`, `-nvalue`, `-it` */
function scan(args: string[], specs: FlagSpec[]): Scan {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const result: Scan = { positionals: [], positionalIndex: [], values: new Map(), given: new Set(), pending: null, ended: false };
  const take = (spec: FlagSpec, i: number): number => {
    result.given.add(spec.name);
    if (i + 1 >= args.length) result.pending = spec;
    else result.values.set(spec.name, args[i + 1]!);
    return i + 1;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    result.pending = null;
    if (arg === '--') {
      result.ended = true;
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const spec = byName.get(arg.slice(2, eq < 0 ? undefined : eq));
      if (!spec) continue;
      result.given.add(spec.name);
      if (eq >= 0) result.values.set(spec.name, arg.slice(eq + 1));
      else if (spec.kind !== 'bool') i = take(spec, i);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const spec = byShort.get(arg[j]!);
        if (!spec) continue;
        result.given.add(spec.name);
        if (spec.kind === 'bool') continue;
        if (j + 1 < arg.length) result.values.set(spec.name, arg.slice(j + 1).replace(/^=/, ''));
        else i = take(spec, i);
        break;
      }
      continue;
    }
    result.positionals.push(arg);
    result.positionalIndex.push(i);
  }
  return result;
}

/** the command under the cursor (`rollout status`, `create service nodeport`) and what was typed for it */
function walk(args: string[]): { node: Subcommand; specs: FlagSpec[]; scanned: Scan; namespace: string | undefined } | null {
  let node = ROOT;
  let rest = args;
  let namespace: string | undefined;
  for (;;) {
    const specs = [...node.flags, ...GLOBAL_FLAGS];
    const scanned = scan(rest, specs);
    namespace = scanned.values.get('namespace') ?? namespace;
    if (!node.subcommands || scanned.positionals.length === 0) {
      return { node, specs, scanned, namespace };
    }
    const word = scanned.positionals[0]!;
    const child = node.subcommands.find((c) => c.name === word || c.aliases?.includes(word));
    // an unknown command: kubectl would only print its error
    if (!child) return null;
    const at = scanned.positionalIndex[0]!;
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    node = child;
  }
}

/** completions for the word after `kubectl` and `args`, from the cluster of `ctx.world` */
export function completeKubectl(args: string[], ctx: CompletionContext): Completions {
  const world = ctx.world;
  const found = world ? walk(args) : null;
  if (!world || !found) return NONE;
  const { node, specs, scanned, namespace } = found;
  const partial = ctx.partial;
  const live = new Live(world, namespace ?? world.kubeconfig.namespace());
  const matching = (words: string[]): Completions => ({ words: [...new Set(words)].filter((w) => w.startsWith(partial)) });

  if (scanned.pending) return flagValues(scanned.pending, partial, '', node, scanned, live, ctx);
  if (scanned.ended) return NONE;
  if (partial.startsWith('--') && partial.includes('=')) {
    const eq = partial.indexOf('=');
    const spec = specs.find((s) => s.name === partial.slice(2, eq));
    return spec ? flagValues(spec, partial.slice(eq + 1), partial.slice(0, eq + 1), node, scanned, live, ctx) : NONE;
  }
  if (partial.startsWith('-')) return matching(flagNames(specs, scanned, partial));
  if (node.subcommands) return matching(node.subcommands.map((c) => c.name).filter((name) => !name.startsWith('_')));
  return matching(operands(node.operands, scanned.positionals, partial, live));
}

/** `--name` for each flag not given yet (lists may repeat), and `-x` too when only `-` is typed, as cobra offers them */
function flagNames(specs: FlagSpec[], scanned: Scan, partial: string): string[] {
  const words: string[] = [];
  for (const spec of specs) {
    if (spec.deprecated) continue;
    if (scanned.given.has(spec.name) && spec.kind !== 'stringArray') continue;
    words.push(`--${spec.name}`);
    if (spec.short && partial === '-') words.push(`-${spec.short}`);
  }
  return words;
}

function flagValues(
  spec: FlagSpec,
  partial: string,
  prefix: string,
  node: Subcommand,
  scanned: Scan,
  live: Live,
  ctx: CompletionContext,
): Completions {
  let words: string[] = [];
  let filenames = false;
  switch (spec.name) {
    case 'namespace':
      words = live.names('namespaces');
      break;
    case 'container':
      words = live.containers(scanned.positionals[0]);
      break;
    case 'context':
      words = live.contexts();
      break;
    case 'output':
      words = node.name === 'get' ? FORMATS : PRINT_FORMATS;
      break;
    case 'filename':
      words = completePaths(ctx.fs, partial).filter((p) => p.endsWith('/') || MANIFEST.test(p));
      filenames = true;
      break;
  }
  return {
    words: words.filter((w) => w.startsWith(partial)).map((w) => prefix + w),
    ...(filenames ? { filenames } : {}),
  };
}

/** kubectl's ValidArgsFunctions: TYPE then NAMEs, TYPE/NAME, a pod, a context */
function operands(operands: Operands | undefined, positionals: string[], partial: string, live: Live): string[] {
  if (!operands) return [];
  const slash = partial.indexOf('/');
  const typeSlashName = () => live.names(partial.slice(0, slash)).map((n) => `${partial.slice(0, slash)}/${n}`);
  switch (operands.kind) {
    case 'contexts':
      return positionals.length === 0 ? live.contexts() : [];
    case 'types':
      return positionals.length === 0 ? typeWords(partial) : [];
    case 'pod': {
      if (positionals.length > 0) return [];
      if (slash >= 0) return typeSlashName();
      return [...live.names('pods'), ...WITH_PODS.filter((t) => resolveType(t)).map((t) => `${t}/`)];
    }
    case 'objects': {
      const types = operands.types?.filter((t) => resolveType(t));
      const first = positionals[0];
      if (first !== undefined && !first.includes('/')) {
        // TYPE NAME…: names of that type not already on the line
        if (!operands.repeat && positionals.length > 1) return [];
        return live.names(first).filter((n) => !positionals.slice(1).includes(n));
      }
      if (slash >= 0) return typeSlashName();
      if (first === undefined) return types ?? typeWords(partial);
      // TYPE/NAME…: every further argument takes that form too
      if (!operands.repeat) return [];
      return (types ?? SIMULATED_TYPES.map((t) => t.resource)).map((t) => `${t}/`);
    }
  }
}

/** resource types: plural names, and once something is typed the singular and short names too */
function typeWords(partial: string): string[] {
  return SIMULATED_TYPES.flatMap((t) => (partial === '' ? [t.resource] : [t.resource, t.singular, ...t.shortNames]));
}

/** what the cluster and the kubeconfig hold right now */
class Live {
  constructor(
    private readonly world: World,
    private readonly namespace: string,
  ) {}

  /** names of the objects of a type as typed (`po`, `deployments`), in the namespace for namespaced types */
  names(typed: string): string[] {
    const type = resolveType(typed);
    if (!type) return [];
    return this.world.cluster.api
      .list(type.kind, type.namespaced ? this.namespace : undefined)
      .flatMap((o) => o.metadata.name ?? []);
  }

  /** the containers of the pod named by `NAME` or `pod/NAME`: init containers first, as kubectl lists them */
  containers(target: string | undefined): string[] {
    if (!target) return [];
    const slash = target.indexOf('/');
    if (slash >= 0 && resolveType(target.slice(0, slash))?.kind !== 'Pod') return [];
    const pod = this.world.cluster.api.get<Pod>('Pod', this.namespace, target.slice(slash + 1));
    return [...(pod?.spec.initContainers ?? []), ...(pod?.spec.containers ?? [])].map((c) => c.name);
  }

  contexts(): string[] {
    return [...this.world.kubeconfig.contexts.keys()];
  }
}
