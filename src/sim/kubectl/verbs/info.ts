// kubectl version, cluster-info and config: small verbs about the connection itself

import { KUBERNETES_VERSION, KUSTOMIZE_VERSION } from '../../version.ts';
import { flagBool, flagString, parseFlags, type FlagSpec } from '../flags.ts';
import type { Verb } from '../env.ts';

export const versionVerb: Verb = {
  name: 'version',
  summary: 'Print the client and server version information',
  flags: [
    { name: 'client', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  run(env, flags) {
    const client = flagBool(flags, 'client');
    const output = flagString(flags, 'output');
    const info = (platform = 'linux/amd64') => ({
      major: '1',
      minor: KUBERNETES_VERSION.split('.')[1]!,
      gitVersion: KUBERNETES_VERSION,
      gitTreeState: 'clean',
      goVersion: 'go1.26.1',
      compiler: 'gc',
      platform,
    });
    if (output === 'json' || output === 'yaml') {
      const doc: Record<string, unknown> = { clientVersion: info(), kustomizeVersion: KUSTOMIZE_VERSION };
      if (!client) doc['serverVersion'] = info();
      if (output === 'json') env.out.stdout(JSON.stringify(doc, null, 2) + '\n');
      else env.out.stdout(toSimpleYaml(doc));
      return 0;
    }
    if (output !== undefined) {
      env.out.stderr(`error: --output must be 'yaml' or 'json'\n`);
      return 1;
    }
    let text = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!client) text += `Server Version: ${KUBERNETES_VERSION}\n`;
    env.out.stdout(text);
    return 0;
  },
};

function toSimpleYaml(doc: Record<string, unknown>, indent = ''): string {
  let out = '';
  for (const key of Object.keys(doc).sort()) {
    const value = doc[key];
    if (value && typeof value === 'object')
      out += `${indent}${key}:\n${toSimpleYaml(value as Record<string, unknown>, indent + '  ')}`;
    else out += `${indent}${key}: ${value}\n`;
  }
  return out;
}

export const clusterInfoVerb: Verb = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  flags: [],
  run(env, _flags, args) {
    if (args[0] === 'dump') {
      env.out.stderr("kubesim: 'kubectl cluster-info dump' is not simulated\n");
      return 1;
    }
    const server = env.kubeconfig.server;
    env.out.stdout(
      `Kubernetes control plane is running at ${server}\n` +
        `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n` +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    return 0;
  },
};

/** the flags every simulated `config` subcommand accepts */
const CONFIG_FLAGS: FlagSpec[] = [
  { name: 'current', kind: 'bool' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'minify', kind: 'bool' },
  { name: 'raw', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'user', kind: 'string' },
];

export const configVerb: Verb = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  flags: [],
  parsesOwnFlags: true,
  subcommands: ['current-context', 'get-contexts', 'set-context', 'use-context', 'view'].map((name) => ({
    name,
    flags: CONFIG_FLAGS,
    ...(name.endsWith('-context') && name !== 'current-context' ? { operands: { kind: 'contexts' } as const } : {}),
  })),
  run(env, _flags, args) {
    const [sub, ...rest] = args;
    const kc = env.kubeconfig;
    const parsed = parseFlags(rest, CONFIG_FLAGS, `kubectl config ${sub ?? ''}`.trim());
    if (!parsed.ok) {
      env.out.stderr(parsed.error + '\n');
      return 1;
    }
    const flags = parsed.flags;
    switch (sub) {
      case 'current-context':
        env.out.stdout(`${kc.currentContext}\n`);
        return 0;
      case 'get-contexts': {
        const ns = kc.current()?.namespace ?? '';
        env.out.stdout(
          `CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE\n*         kind-kind   kind-kind   kind-kind   ${ns}\n`,
        );
        return 0;
      }
      case 'use-context': {
        const name = flags.positionals[0];
        if (!name || !kc.contexts.has(name)) {
          env.out.stderr(`error: no context exists with the name: "${name ?? ''}"\n`);
          return 1;
        }
        kc.currentContext = name;
        env.out.stdout(`Switched to context "${name}".\n`);
        return 0;
      }
      case 'set-context': {
        const current = flagBool(flags, 'current');
        const name = current ? kc.currentContext : flags.positionals[0];
        if (!name) {
          env.out.stderr('error: you must specify a non-empty context name or --current\n');
          return 1;
        }
        const existing = kc.contexts.get(name);
        const namespace = flagString(flags, 'namespace');
        const context = existing ?? { cluster: flagString(flags, 'cluster') ?? '', user: flagString(flags, 'user') ?? '' };
        if (namespace !== undefined) context.namespace = namespace;
        kc.contexts.set(name, context);
        env.out.stdout(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
        return 0;
      }
      case 'view': {
        const ctx = kc.current();
        const output = flagString(flags, 'output');
        if (output?.startsWith('jsonpath=')) {
          const path = output.slice('jsonpath='.length).replace(/^'|'$/g, '');
          if (/namespace\}?$/.test(path)) env.out.stdout(ctx?.namespace ?? '');
          else env.out.stderr("kubesim: only jsonpath='{..namespace}' is simulated for 'kubectl config view'\n");
          return 0;
        }
        env.out.stdout(
          'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n' +
            `    server: ${kc.server}\n  name: kind-kind\ncontexts:\n- context:\n    cluster: kind-kind\n` +
            (ctx?.namespace ? `    namespace: ${ctx.namespace}\n` : '') +
            `    user: kind-kind\n  name: kind-kind\ncurrent-context: ${kc.currentContext}\nkind: Config\n` +
            'preferences: {}\n' +
            'users:\n- name: kind-kind\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n',
        );
        return 0;
      }
      default:
        env.out.stderr(
          sub
            ? `error: unknown command "${sub}" for "kubectl config"\n`
            : 'kubesim: kubectl config needs a subcommand: current-context, get-contexts, use-context, set-context, view\n',
        );
        return 1;
    }
  },
};
