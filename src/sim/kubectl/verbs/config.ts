// kubectl config (staging/src/k8s.io/kubectl/pkg/cmd/config): the learner's kubeconfig, one kind
// cluster and its user and the contexts made over them. view prints it as clientcmd's v1 Config
// (secrets redacted), get-contexts as its tab-separated table; the subcommands that edit clusters,
// users or single properties are real but not simulated
import { toJson } from '../printers/json.ts';
import { printJsonPath } from '../printers/jsonpath.ts';
import { tabwrite } from '../printers/tabwriter.ts';
import { toYaml } from '../printers/yaml.ts';
import type { KubectlEnv, Subcommand, Verb } from '../env.ts';
import { flagBool, flagString, parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { KubeConfig } from '../kubeconfig.ts';
import { checkErr, plain, standard, subcommandOf, validatePrintFlags } from './select.ts';

/** `kubectl config` alone (on stderr, status 1) or with -h (on stdout) */
const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** the help of the subcommands that print it when their arguments are wrong (cmd.Help(), on stdout) */
const SUBCOMMAND_HELP: Record<string, string> = {
  'delete-context': `Delete the specified context from the kubeconfig.

Examples:
  # Delete the context for the minikube cluster
  kubectl config delete-context minikube

Usage:
  kubectl config delete-context NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  'rename-context': `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.

Examples:
  # Rename the context 'old-name' to 'new-name' in your kubeconfig file
  kubectl config rename-context old-name new-name

Usage:
  kubectl config rename-context CONTEXT_NAME NEW_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  'set-context': `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.

Examples:
  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin

Options:
    --cluster='':
	cluster for the context entry in kubeconfig

    --current=false:
	Modify the current context

    --namespace='':
	namespace for the context entry in kubeconfig

    --user='':
	user for the context entry in kubeconfig

Usage:
  kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  'use-context': `Set the current-context in a kubeconfig file.

Aliases:
use-context, use

Examples:
  # Use the context for the minikube cluster
  kubectl config use-context minikube

Usage:
  kubectl config use-context CONTEXT_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
};
const VIEW_FLAGS: FlagSpec[] = [
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'flatten', kind: 'bool' },
  { name: 'merge', kind: 'bool' },
  { name: 'minify', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'raw', kind: 'bool' },
  { name: 'show-managed-fields', kind: 'bool' },
  { name: 'template', kind: 'string' },
];

/** set-context's own --cluster, --user and --namespace hide the global flags (and -n with them) */
const SET_CONTEXT_FLAGS: FlagSpec[] = [
  { name: 'cluster', kind: 'string' },
  { name: 'current', kind: 'bool' },
  { name: 'namespace', kind: 'string' },
  { name: 'user', kind: 'string' },
];

const CONTEXTS = { kind: 'contexts' } as const;

/** the subcommands simulated here, with their flags (for parsing and for Tab) */
const SIMULATED: Subcommand[] = [
  { name: 'current-context', flags: [] },
  { name: 'delete-context', flags: [], operands: CONTEXTS },
  { name: 'get-clusters', flags: [] },
  {
    name: 'get-contexts',
    flags: [
      { name: 'no-headers', kind: 'bool' },
      { name: 'output', short: 'o', kind: 'string' },
    ],
    operands: CONTEXTS,
  },
  { name: 'get-users', flags: [] },
  { name: 'rename-context', flags: [], operands: CONTEXTS },
  { name: 'set-context', flags: SET_CONTEXT_FLAGS, operands: CONTEXTS },
  { name: 'use-context', aliases: ['use'], flags: [], operands: CONTEXTS },
  { name: 'view', flags: VIEW_FLAGS },
];

/** kubectl's other config subcommands */
const NOT_SIMULATED = ['delete-cluster', 'delete-user', 'set', 'set-cluster', 'set-credentials', 'unset'];

/** where the messages say the kubeconfig is */
const configFile = (env: KubectlEnv) => `${env.fs.home}/.kube/config`;

const fail = (env: KubectlEnv, message: string) => checkErr(env, [plain(message)]);

/** helpErrorf: the subcommand's help on stdout, then the error */
function helpError(env: KubectlEnv, sub: string, message: string): number {
  env.out.stdout(SUBCOMMAND_HELP[sub]!);
  return fail(env, message);
}

/** Go's %v of a []string: [a b] */
const goList = (words: string[]) => `[${words.join(' ')}]`;

/** the kubeconfig as clientcmd's v1 Config, fields in the Go type's order, lists sorted by name */
function configDocument(kc: KubeConfig, currentContext: string, contextNames: string[], clusters: string[], users: string[]) {
  const list = <T>(items: T[]) => (items.length > 0 ? items : null);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: list(
      [...clusters]
        .sort()
        .map((name) => ({ name, cluster: { server: kc.server, 'certificate-authority-data': 'DATA+OMITTED' } })),
    ),
    users: list(
      [...users]
        .sort()
        .map((name) => ({ name, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } })),
    ),
    contexts: list(
      [...contextNames].sort().map((name) => {
        const { cluster, user, namespace } = kc.contexts.get(name)!;
        return { name, context: { cluster, user, ...(namespace ? { namespace } : {}) } };
      }),
    ),
    'current-context': currentContext,
  };
}

/** objects as Maps, so the JSON printer keeps the Go struct's field order */
function asStruct(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asStruct);
  if (value && typeof value === 'object') return new Map(Object.entries(value).map(([k, v]) => [k, asStruct(v)]));
  return value;
}

/** clientcmdapi.MinifyConfig: the current context with its cluster and user, or why not */
function minified(kc: KubeConfig, current: string): { contexts: string[]; clusters: string[]; users: string[] } | string {
  if (current === '') return 'current-context must exist in order to minify';
  const context = kc.contexts.get(current);
  if (!context) return `cannot locate context ${current}`;
  if (context.cluster && !kc.clusters.includes(context.cluster)) return `cannot locate cluster ${context.cluster}`;
  if (context.user && !kc.users.includes(context.user)) return `cannot locate user ${context.user}`;
  return {
    contexts: [current],
    clusters: context.cluster ? [context.cluster] : [],
    users: context.user ? [context.user] : [],
  };
}

function view(env: KubectlEnv, flags: ParsedFlags): number {
  const kc = env.kubeconfig;
  // Complete: no arguments, a printer for -o; Validate: --merge=false needs --kubeconfig
  if (flags.positionals.length > 0) {
    return checkErr(env, [
      plain(`unexpected arguments: ${goList(flags.positionals)}\nSee 'kubectl config view -h' for help and examples`),
    ]);
  }
  const output = flagString(flags, 'output') || 'yaml';
  const printError = validatePrintFlags({ ...flags, values: new Map([...flags.values, ['output', output]]) });
  if (printError) return checkErr(env, [printError]);
  if (!flagBool(flags, 'merge', true) && flagString(flags, 'kubeconfig') === undefined)
    return fail(env, 'if merge==false a precise file must be specified');
  let current = kc.currentContext;
  let parts = { contexts: [...kc.contexts.keys()], clusters: kc.clusters, users: kc.users };
  if (flagBool(flags, 'minify')) {
    current = flagString(flags, 'context') || current;
    const kept = minified(kc, current);
    if (typeof kept === 'string') return fail(env, kept);
    parts = kept;
  }
  const doc = configDocument(kc, current, parts.contexts, parts.clusters, parts.users);
  const [format, ...template] = output.split('=');
  if (format === 'json') env.out.stdout(toJson(asStruct(doc)));
  else if (format === 'name') env.out.stdout('config/<unknown>\n');
  else if (format === 'jsonpath' || format === 'jsonpath-as-json' || format === 'jsonpath-file') {
    if (format !== 'jsonpath') return checkErr(env, [standard(`kubesim: -o ${format} is not simulated; use -o jsonpath`)]);
    const result = printJsonPath(template.join('='), doc, {
      allowMissingKeys: flagBool(flags, 'allow-missing-template-keys', true),
    });
    if (!result.ok) {
      env.out.stderr(result.error.endsWith('\n') ? result.error : result.error + '\n');
      return 1;
    }
    env.out.stdout(result.text);
  } else env.out.stdout(toYaml(doc));
  return 0;
}

function getContexts(env: KubectlEnv, flags: ParsedFlags): number {
  const kc = env.kubeconfig;
  const output = flagString(flags, 'output') ?? '';
  if (output !== '' && output !== 'name') {
    return fail(env, `--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
  }
  const nameOnly = output === 'name';
  const names = flags.positionals.length > 0 ? flags.positionals : [...kc.contexts.keys()];
  const missing = names.filter((name) => !kc.contexts.has(name));
  let text = flagBool(flags, 'no-headers') || nameOnly ? '' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';
  for (const name of names.filter((n) => kc.contexts.has(n)).sort()) {
    const context = kc.contexts.get(name)!;
    text += nameOnly
      ? `${name}\n`
      : `${kc.currentContext === name ? '*' : ' '}\t${name}\t${context.cluster}\t${context.user}\t${context.namespace ?? ''}\n`;
  }
  env.out.stdout(tabwrite(text));
  return checkErr(
    env,
    missing.map((name) => plain(`context ${name} not found`)),
  );
}

function setContext(env: KubectlEnv, flags: ParsedFlags): number {
  const kc = env.kubeconfig;
  const args = flags.positionals;
  if (args.length > 1) return helpError(env, 'set-context', `Unexpected args: ${goList(args)}`);
  const current = flagBool(flags, 'current');
  const given = args[0] ?? '';
  if (given === '' && !current) return fail(env, 'you must specify a non-empty context name or --current');
  if (given !== '' && current) return fail(env, 'you cannot specify both a context name and --current');
  if (current && kc.currentContext === '') return fail(env, 'no current context is set');
  const name = current ? kc.currentContext : given;
  const existing = kc.contexts.get(name);
  // only the fields whose flags were given change, an empty value included
  const context = { ...(existing ?? { cluster: '', user: '' }) };
  const cluster = flagString(flags, 'cluster');
  const user = flagString(flags, 'user');
  const namespace = flagString(flags, 'namespace');
  if (cluster !== undefined) context.cluster = cluster;
  if (user !== undefined) context.user = user;
  if (namespace !== undefined) context.namespace = namespace;
  kc.contexts.set(name, context);
  env.out.stdout(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
  return 0;
}

function useContext(env: KubectlEnv, flags: ParsedFlags): number {
  const kc = env.kubeconfig;
  const args = flags.positionals;
  if (args.length !== 1) return helpError(env, 'use-context', `Unexpected args: ${goList(args)}`);
  const name = args[0]!;
  if (name === '') return fail(env, 'empty context names are not allowed');
  if (!kc.contexts.has(name)) return fail(env, `no context exists with the name: "${name}"`);
  kc.currentContext = name;
  env.out.stdout(`Switched to context "${name}".\n`);
  return 0;
}

function renameContext(env: KubectlEnv, flags: ParsedFlags): number {
  const kc = env.kubeconfig;
  const args = flags.positionals;
  if (args.length !== 2) return helpError(env, 'rename-context', `Unexpected args: ${goList(args)}`);
  const [from, to] = args as [string, string];
  if (to === '') return fail(env, 'You must specify a new non-empty context name');
  const context = kc.contexts.get(from);
  if (!context) return fail(env, `cannot rename the context "${from}", it's not in ${configFile(env)}`);
  if (kc.contexts.has(to)) {
    return fail(env, `cannot rename the context "${from}", the context "${to}" already exists in ${configFile(env)}`);
  }
  kc.contexts.set(to, context);
  kc.contexts.delete(from);
  if (kc.currentContext === from) kc.currentContext = to;
  env.out.stdout(`Context "${from}" renamed to "${to}".\n`);
  return 0;
}

function deleteContext(env: KubectlEnv, flags: ParsedFlags): number {
  const kc = env.kubeconfig;
  const args = flags.positionals;
  if (args.length !== 1) {
    env.out.stdout(SUBCOMMAND_HELP['delete-context']!);
    return 0;
  }
  const name = args[0]!;
  if (!kc.contexts.has(name)) return fail(env, `cannot delete context ${name}, not in ${configFile(env)}`);
  if (kc.currentContext === name) {
    env.out.stderr('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
  }
  kc.contexts.delete(name);
  env.out.stdout(`deleted context ${name} from ${configFile(env)}\n`);
  return 0;
}

export const configVerb: Verb = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  flags: [],
  parsesOwnFlags: true,
  subcommands: SIMULATED,
  run(env, _flags, args) {
    const { sub, rest } = subcommandOf(args);
    const kc = env.kubeconfig;
    const command = SIMULATED.find((c) => c.name === sub || c.aliases?.includes(sub ?? ''));
    if (NOT_SIMULATED.includes(sub ?? '')) {
      env.out.stderr(`kubesim: 'kubectl config ${sub}' is not simulated\n`);
      return 1;
    }
    const path = command ? `kubectl config ${command.name}` : 'kubectl config';
    const parsed = parseFlags(command ? rest : args, command?.flags ?? [], path);
    if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
    const flags = parsed.flags;
    const help = flagBool(flags, 'help');
    if (!command) {
      // DefaultSubCommandRun: the help, or the words it does not know
      if (sub !== undefined) {
        const words = flags.positionals.join(' ');
        return checkErr(env, [plain(`unknown command "${words}"\nSee 'kubectl config -h' for help and examples`)]);
      }
      if (help) env.out.stdout(CONFIG_HELP);
      else env.out.stderr(CONFIG_HELP);
      return help ? 0 : 1;
    }
    const ownHelp = SUBCOMMAND_HELP[command.name];
    if (help && ownHelp) {
      env.out.stdout(ownHelp);
      return 0;
    }
    switch (command.name) {
      case 'current-context':
        if (kc.currentContext === '') return fail(env, 'current-context is not set');
        env.out.stdout(`${kc.currentContext}\n`);
        return 0;
      case 'get-clusters':
        env.out.stdout(`NAME\n${kc.clusters.map((name) => `${name}\n`).join('')}`);
        return 0;
      case 'get-users':
        env.out.stdout(
          `NAME\n${[...kc.users]
            .sort()
            .map((name) => `${name}\n`)
            .join('')}`,
        );
        return 0;
      case 'get-contexts':
        return getContexts(env, flags);
      case 'set-context':
        return setContext(env, flags);
      case 'use-context':
        return useContext(env, flags);
      case 'rename-context':
        return renameContext(env, flags);
      case 'delete-context':
        return deleteContext(env, flags);
      default:
        return view(env, flags);
    }
  },
};
