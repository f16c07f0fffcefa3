// the kubectl command: global flags, the verb table, cobra's messages for unknown commands,
// and a settle of the cluster after every verb so the next command sees its effects

import type { CommandContext, ShellCommand } from '../shell/command.ts';
import { parseFlags, type ParsedFlags } from './flags.ts';
import type { KubectlEnv, Subcommand, Verb } from './env.ts';
import { findVerb, VERBS } from './verbs/index.ts';
import { subcommandOf } from './verbs/select.ts';
import { completeKubectl } from './completion.ts';

const USAGE_HINT = "Run 'kubectl --help' for usage.";

/** kubectl's other commands: real, so neither unknown nor suggested away, but not simulated here */
const NOT_SIMULATED = [
  'alpha',
  'api-versions',
  'auth',
  'autoscale',
  'certificate',
  'completion',
  'cordon',
  'cp',
  'debug',
  'diff',
  'drain',
  'kustomize',
  'options',
  'plugin',
  'port-forward',
  'proxy',
  'replace',
  'taint',
  'uncordon',
];

/** cobra suggests commands within a Levenshtein distance of 2, or that start with what was typed */
function suggestions(typed: string): string[] {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  return [...VERBS.map((v) => v.name), ...NOT_SIMULATED]
    .sort()
    .filter((name) => distance(typed.toLowerCase(), name) <= 2 || name.startsWith(typed.toLowerCase()));
}

function topLevelHelp(): string {
  const lines = VERBS.filter((v) => !v.name.startsWith('_')).map((v) => `  ${v.name.padEnd(15)}${v.summary}`);
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands (simulated by kubesim):\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

/** the command groups whose own help text is simulated (the groups print it for -h) */
const GROUP_HELP = new Set(['set', 'rollout', 'create service', 'top']);

/** the command a -h/--help before any `--` asks about (`set image`), or null when none is asked for */
function helpAsked(verb: Verb, args: string[]): string[] | null {
  const end = args.indexOf('--');
  const own = end === -1 ? args : args.slice(0, end);
  if (!own.some((a) => a === '-h' || a === '--help')) return null;
  const path = [verb.name];
  let node: Subcommand = verb;
  let rest = own;
  for (;;) {
    const { sub, rest: after } = subcommandOf(rest);
    const next = node.subcommands?.find((c) => c.name === sub || c.aliases?.includes(sub ?? ''));
    if (!next) return path;
    path.push(next.name);
    node = next;
    rest = after;
  }
}

/** where kubernetes.io keeps the reference page kubectl's help is generated from */
function referencePage(path: string[]): string {
  const base = 'https://kubernetes.io/docs/reference/kubectl/generated/';
  const [verb] = path;
  return path.length === 1 ? `${base}kubectl_${verb}/` : `${base}kubectl_${verb}/kubectl_${path.join('_')}/`;
}

/** -n/--namespace anywhere in args, for verbs that parse their own flags */
function scanNamespace(args: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '-n' || a === '--namespace') && i + 1 < args.length) found = args[++i];
    else if (a.startsWith('--namespace=')) found = a.slice('--namespace='.length);
    else if (/^-n[^-]/.test(a)) found = a.slice(2).replace(/^=/, '');
  }
  return found;
}

export const kubectl: ShellCommand = {
  name: 'kubectl',
  summary: 'talk to the simulated Kubernetes cluster',
  complete: completeKubectl,
  async run(ctx: CommandContext) {
    const world = ctx.world;
    if (!world) {
      ctx.out.stderr('bash: kubectl: command not found\n');
      return 127;
    }
    // global flags may come before the verb: kubectl -n kube-system get pods
    const args = [...ctx.args];
    const leading: string[] = [];
    while (args.length > 0 && args[0]!.startsWith('-')) {
      const flag = args.shift()!;
      leading.push(flag);
      if (/^(-n|--namespace|--context|--kubeconfig)$/.test(flag) && args.length > 0) leading.push(args.shift()!);
    }
    const verbName = args.shift();
    if (!verbName) {
      ctx.out.stdout(topLevelHelp());
      return 0;
    }
    const verb = findVerb(verbName);
    if (!verb && NOT_SIMULATED.includes(verbName)) {
      ctx.out.stderr(`kubesim: 'kubectl ${verbName}' is not simulated\n`);
      return 1;
    }
    if (!verb) {
      const near = suggestions(verbName);
      const hint = near.length > 0 ? `\n\nDid you mean this?\n${near.map((n) => `\t${n}`).join('\n')}\n` : '\n';
      ctx.out.stderr(`error: unknown command "${verbName}" for "kubectl"${hint}${near.length > 0 ? '\n' : ''}${USAGE_HINT}\n`);
      return 1;
    }
    // cobra answers -h before it looks at anything else; only some help texts are simulated
    const help = helpAsked(verb, args);
    if (help && !GROUP_HELP.has(help.join(' '))) {
      ctx.out.stderr(
        `kubesim: 'kubectl ${help.join(' ')} --help' is not simulated; the reference is at ${referencePage(help)}\n`,
      );
      return 1;
    }
    const commandPath = `kubectl ${verb.name}`;
    let flags: ParsedFlags;
    let verbArgs: string[];
    if (verb.parsesOwnFlags) {
      // subcommands (rollout status, config view, create deployment) parse everything themselves
      verbArgs = [...leading, ...args];
      flags = { values: new Map(), positionals: verbArgs, rest: null, warnings: [] };
      const namespace = scanNamespace(verbArgs);
      if (namespace !== undefined) flags.values.set('namespace', namespace);
    } else {
      const parsed = parseFlags([...leading, ...args], verb.flags, commandPath);
      if (!parsed.ok) {
        ctx.out.stderr(parsed.error + '\n');
        return 1;
      }
      flags = parsed.flags;
      verbArgs = flags.rest ? [...flags.positionals, '--', ...flags.rest] : flags.positionals;
      for (const warning of flags.warnings) ctx.out.stderr(warning + '\n');
    }
    const namespaceFlag = flags.values.get('namespace');
    const env: KubectlEnv = {
      cluster: world.cluster,
      kubeconfig: world.kubeconfig,
      fs: ctx.fs,
      stdin: ctx.stdin,
      out: ctx.out,
      clock: ctx.clock,
      interrupt: ctx.interrupt,
      host: ctx.host,
      namespace: typeof namespaceFlag === 'string' ? namespaceFlag : world.kubeconfig.namespace(),
      namespaceGiven: typeof namespaceFlag === 'string',
      commandPath,
      argv: [...ctx.args],
    };
    world.cluster.settle();
    try {
      return await verb.run(env, flags, verbArgs);
    } finally {
      world.cluster.settle();
    }
  },
};
