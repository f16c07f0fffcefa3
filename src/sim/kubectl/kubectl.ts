// the kubectl command: global flags, the verb table, cobra's messages for unknown commands,
// and a settle of the cluster after every verb so the next command sees its effects

import type { CommandContext, ShellCommand } from '../shell/command.ts';
import { parseFlags, parseGoDuration, type ParsedFlags } from './flags.ts';
import type { KubectlEnv, Subcommand, Verb } from './env.ts';
import { findVerb, VERBS } from './verbs/index.ts';
import { subcommandOf } from './verbs/select.ts';
import { completeKubectl } from './completion.ts';
import type { KubeConfig } from './kubeconfig.ts';

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
  'taint',
  'uncordon',
];

/**
 * kubectl's commands in the order NewKubectlCommand adds them (its help groups, then the others);
 * cobra suggests in this order. `alpha` is left out: with no alpha commands it is not available
 */
const REGISTERED = [
  ...['create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale'],
  ...['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach'],
  ...['exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait'],
  ...['kustomize', 'label', 'annotate', 'completion', 'config', 'plugin', 'version', 'api-versions', 'api-resources'],
  'options',
];

/** the commands' cobra SuggestFor words: suggested for these whatever the distance */
const SUGGEST_FOR: Record<string, string[]> = { get: ['list', 'ps'], delete: ['rm'], wait: ['list', 'ps'] };

/** cobra's SuggestionsFor: within a Levenshtein distance of 2 (ignoring case), a prefix, or a SuggestFor word */
function suggestions(typed: string): string[] {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const lower = typed.toLowerCase();
  return REGISTERED.flatMap((name) => [
    ...(distance(lower, name) <= 2 || name.startsWith(lower) ? [name] : []),
    ...(SUGGEST_FOR[name]?.some((word) => word === lower) ? [name] : []),
  ]);
}

/** kubectl's global flags that take no value: cobra's stripFlags does not skip the word after them */
const GLOBAL_SWITCHES = new Set([
  '--insecure-skip-tls-verify',
  '--match-server-version',
  '--warnings-as-errors',
  '--disable-compression',
]);

/**
 * splits the words before the command from it and what follows, as cobra's stripFlags reads them
 * to find the command: a flag without `=` is taken to swallow the next word unless it is one of
 * the root's switches (so `kubectl -A get pods` looks for a command named `pods`)
 */
function splitLeading(args: string[]): { leading: string[]; command: string | undefined; rest: string[] } {
  let i = 0;
  while (i < args.length) {
    const word = args[i]!;
    if (word === '--') return { leading: args, command: undefined, rest: [] };
    if (!word.startsWith('-')) break;
    const swallows = !word.includes('=') && ((word.startsWith('--') && !GLOBAL_SWITCHES.has(word)) || word.length === 2);
    // a flag with at most one word after it ends the search: there is no command
    if (swallows && args.length - i <= 2) return { leading: args, command: undefined, rest: [] };
    i += swallows ? 2 : 1;
  }
  return { leading: args.slice(0, i), command: args[i], rest: args.slice(i + 1) };
}

function topLevelHelp(): string {
  const lines = VERBS.filter((v) => !v.name.startsWith('_')).map((v) => `  ${v.name.padEnd(15)}${v.summary}`);
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands (simulated by kubesim):\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

/** the command groups whose own help text is simulated (the groups print it for -h) */
const GROUP_HELP = new Set([
  'set',
  'rollout',
  'create service',
  'top',
  'config',
  'config delete-context',
  'config rename-context',
  'config set-context',
  'config use-context',
]);

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

/** a global flag's value anywhere in args (-n/--namespace, --context), for verbs that parse their own flags */
function scanGlobal(args: string[], name: string, short?: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if ((a === `--${name}` || (short && a === `-${short}`)) && i + 1 < args.length) found = args[++i];
    else if (a.startsWith(`--${name}=`)) found = a.slice(name.length + 3);
    else if (short && a.startsWith(`-${short}`) && a.length > 2 && a[2] !== '-') found = a.slice(2).replace(/^=/, '');
  }
  return found;
}

/** commands that take -k (kustomize) and leave it to this check; apply, delete and patch check it in their own order */
const KUSTOMIZE_TAKERS = new Set(['get', 'describe', 'label', 'annotate', 'scale', 'edit']);

/** global flags that change who the client is or where it connects: not simulated */
const IDENTITY_FLAGS = [
  'server',
  'token',
  'as',
  'as-group',
  'as-uid',
  'username',
  'password',
  'certificate-authority',
  'client-certificate',
  'client-key',
  'tls-server-name',
];

/** clientcmd's refusal of --cluster or --user naming what the kubeconfig lacks or of a bad --request-timeout, or the identity flags' note */
function overrideProblem(kubeconfig: KubeConfig, flags: ParsedFlags): string | null {
  const value = (name: string) => {
    const v = flags.values.get(name);
    return typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : '';
  };
  const cluster = value('cluster');
  if (cluster && !kubeconfig.clusters.includes(cluster)) return `error: no server found for cluster "${cluster}"`;
  const user = value('user');
  if (user && !kubeconfig.users.includes(user)) return `error: auth info "${user}" does not exist`;
  // clientcmd.ParseTimeout: whole seconds, or a Go duration
  const timeout = value('request-timeout');
  if (timeout && !/^\+?\d+$/.test(timeout) && !parseGoDuration(timeout).ok)
    return 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';
  const identity = IDENTITY_FLAGS.find((name) => value(name) !== '');
  return identity ? `kubesim: the global flag --${identity} is not simulated; this cluster has one user and one server` : null;
}

/** the commands whose first use of the kubeconfig builds a client rather than asking for the namespace */
const CLIENT_FIRST = new Set(['api-resources', 'apply', 'cluster-info', 'create', 'explain', 'expose', 'replace', 'run', 'wait']);

/** the subcommands that differ from their verb there (`set env` builds a client first, `set image` does not) */
const CLIENT_FIRST_SUBCOMMANDS = new Set(['set env']);

/** the commands that work without reaching the cluster: config edits the file, version can say its own */
const OFFLINE = new Set(['config', 'version']);

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
    const { leading, command, rest } = splitLeading(ctx.args);
    let verbName = command;
    let args = rest;
    if (verbName === 'help') {
      // cobra's help command: `kubectl help rollout status` is `kubectl rollout status --help`
      if (args.length === 0) verbName = undefined;
      else if (!findVerb(args[0]!) && !NOT_SIMULATED.includes(args[0]!)) {
        ctx.out.stderr(`Unknown help topic [\`${args.join(' ')}\`]\n${topLevelHelp()}`);
        return 0;
      } else {
        verbName = args[0];
        args = [...args.slice(1), '--help'];
      }
    }
    if (!verbName) {
      // the root command: its flags are parsed, then it prints its help
      const parsed = parseFlags(leading, [], 'kubectl');
      if (!parsed.ok) {
        ctx.out.stderr(parsed.error + '\n');
        return 1;
      }
      ctx.out.stdout(topLevelHelp());
      return 0;
    }
    const verb = findVerb(verbName);
    if (!verb && NOT_SIMULATED.includes(verbName)) {
      ctx.out.stderr(`kubesim: 'kubectl ${verbName}' is not simulated\n`);
      return 1;
    }
    if (!verb) {
      // kubectl looks for a plugin first, and refuses flags before its name
      if (leading.length > 0) {
        ctx.out.stderr(`Error: flags cannot be placed before plugin name: ${leading[0]}\n`);
        return 1;
      }
      const near = suggestions(verbName);
      const hint = near.length > 0 ? `\n\nDid you mean this?\n${near.map((n) => `\t${n}\n`).join('')}` : '\n';
      ctx.out.stderr(`error: unknown command "${verbName}" for "kubectl"${hint}`);
      return 1;
    }
    // cobra answers -h before it looks at anything else; only some help texts are simulated
    const help = helpAsked(verb, args);
    const ownHelp = help && help.length === 1 ? verb.help : undefined;
    if (help && !ownHelp && !GROUP_HELP.has(help.join(' '))) {
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
      const namespace = scanGlobal(verbArgs, 'namespace', 'n');
      if (namespace !== undefined) flags.values.set('namespace', namespace);
      const context = scanGlobal(verbArgs, 'context');
      if (context !== undefined) flags.values.set('context', context);
      for (const name of ['kubeconfig', 'cluster', 'user', 'request-timeout', ...IDENTITY_FLAGS]) {
        const value = scanGlobal(verbArgs, name);
        if (value !== undefined) flags.values.set(name, value);
      }
    } else {
      const parsed = parseFlags([...leading, ...args], verb.flags, commandPath);
      if (!parsed.ok) {
        ctx.out.stderr(parsed.error + '\n');
        return 1;
      }
      flags = parsed.flags;
      verbArgs = flags.rest ? [...flags.positionals, '--', ...flags.rest] : flags.positionals;
      for (const warning of flags.warnings) ctx.out.stderr(warning + '\n');
      // cobra parses the flags first, then answers -h
      if (ownHelp) {
        ctx.out.stdout(ownHelp);
        return 0;
      }
      if (KUSTOMIZE_TAKERS.has(verb.name) && flags.values.has('kustomize')) {
        ctx.out.stderr(`kubesim: 'kubectl ${verb.name} -k' is not simulated; use -f\n`);
        return 1;
      }
    }
    // the client is built from the kubeconfig before anything is asked of the server: a file named
    // with --kubeconfig must exist (its contents are not read here: the learner's kubeconfig stands in)
    const kubeconfigFlag = flags.values.get('kubeconfig');
    if (typeof kubeconfigFlag === 'string' && kubeconfigFlag !== '' && !OFFLINE.has(verb.name) && !ctx.fs.stat(kubeconfigFlag)) {
      ctx.out.stderr(`error: stat ${kubeconfigFlag}: no such file or directory\n`);
      return 1;
    }
    if (!OFFLINE.has(verb.name)) {
      const problem = overrideProblem(world.kubeconfig, flags);
      if (problem) {
        ctx.out.stderr(problem + '\n');
        return 1;
      }
    }
    const contextFlag = flags.values.get('context');
    const contextName = typeof contextFlag === 'string' && contextFlag !== '' ? contextFlag : undefined;
    const subcommand = verb.subcommands ? subcommandOf(verbArgs).sub : undefined;
    const clientFirst = CLIENT_FIRST.has(verb.name) || CLIENT_FIRST_SUBCOMMANDS.has(`${verb.name} ${subcommand}`);
    const unreachable = world.kubeconfig.connectionProblem(contextName, clientFirst ? 'client' : 'namespace');
    if (unreachable && !OFFLINE.has(verb.name)) {
      ctx.out.stderr(unreachable + '\n');
      return 1;
    }
    // an empty --namespace is no namespace: the context's applies (clientcmd's Namespace())
    const namespaceValue = flags.values.get('namespace');
    const namespaceFlag = typeof namespaceValue === 'string' && namespaceValue !== '' ? namespaceValue : undefined;
    const env: KubectlEnv = {
      cluster: world.cluster,
      kubeconfig: world.kubeconfig,
      fs: ctx.fs,
      stdin: ctx.stdin,
      out: ctx.out,
      clock: ctx.clock,
      interrupt: ctx.interrupt,
      host: ctx.host,
      namespace: typeof namespaceFlag === 'string' ? namespaceFlag : world.kubeconfig.namespace(contextName),
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
