// kubectl version and cluster-info: small verbs about the connection itself

import { KUBERNETES_VERSION, KUSTOMIZE_VERSION } from '../../version.ts';
import { flagBool, flagString, parseFlags, type FlagSpec } from '../flags.ts';
import { PRINT_FLAGS } from '../output.ts';
import { toYaml } from '../printers/yaml.ts';
import { subcommandOf } from './select.ts';
import type { Verb } from '../env.ts';

export const versionVerb: Verb = {
  name: 'version',
  summary: 'Print the client and server version information',
  flags: [
    { name: 'client', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  run(env, flags, args) {
    if (args.length > 0) {
      env.out.stderr(`error: extra arguments: [${args.join(' ')}]\n`);
      return 1;
    }
    const client = flagBool(flags, 'client');
    // Complete builds the discovery client before anything is printed: a missing context stops it
    const context = flagString(flags, 'context') || undefined;
    const unreachable = client ? null : env.kubeconfig.connectionProblem(context, 'client');
    if (unreachable?.startsWith('error: ')) {
      env.out.stderr(unreachable + '\n');
      return 1;
    }
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
      if (!client && !unreachable) doc['serverVersion'] = info();
      // fmt.Fprintln of json.MarshalIndent, or of yaml.Marshal (whose own final newline leaves a blank line)
      if (output === 'json') env.out.stdout(JSON.stringify(doc, null, 2) + '\n');
      else env.out.stdout(toYaml(doc) + '\n');
      if (unreachable) env.out.stderr(unreachable + '\n');
      return unreachable ? 1 : 0;
    }
    if (output !== undefined) {
      env.out.stderr(`error: --output must be 'yaml' or 'json'\n`);
      return 1;
    }
    env.out.stdout(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (client) return 0;
    // the server's version needs the cluster the kubeconfig leads to
    if (unreachable) {
      env.out.stderr(unreachable + '\n');
      return 1;
    }
    env.out.stdout(`Server Version: ${KUBERNETES_VERSION}\n`);
    return 0;
  },
};

/** cluster-info dump's flags, so its flag errors name it */
const DUMP_FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'namespaces', kind: 'stringArray' },
  { name: 'output-directory', kind: 'string' },
  { name: 'pod-running-timeout', kind: 'duration' },
  ...PRINT_FLAGS,
];

export const clusterInfoVerb: Verb = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  flags: [],
  parsesOwnFlags: true,
  subcommands: [{ name: 'dump', flags: DUMP_FLAGS }],
  run(env, _flags, args) {
    const { sub, rest } = subcommandOf(args);
    const dump = sub === 'dump';
    const parsed = parseFlags(
      dump ? rest : args,
      dump ? DUMP_FLAGS : [],
      dump ? 'kubectl cluster-info dump' : 'kubectl cluster-info',
    );
    if (!parsed.ok) {
      env.out.stderr(parsed.error + '\n');
      return 1;
    }
    if (dump) {
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
