// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME: the Service that
// pkg/cmd/create/create_service.go builds (ports named after their --tcp text, `app: NAME` as
// label and selector), its Validate and Run messages, --dry-run and -o

import { clone } from '../../api/meta.ts';
import type { Service, ServicePort } from '../../api/types.ts';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../api/validation/names.ts';
import type { KubectlEnv, Subcommand } from '../env.ts';
import { DRY_RUN_FLAG, flagInt, flagList, flagString, parseFlags, type FlagSpec } from '../flags.ts';
import { checkErr, dryRunOf, plain, printOperation, standard, subcommandOf, validatePrintFlags } from './select.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const SUBCOMMANDS: Record<string, ServiceType> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

const COMMON: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
  { name: 'save-config', kind: 'bool' },
  { name: 'validate', kind: 'string' },
  { name: 'tcp', kind: 'stringArray' },
  { name: 'field-manager', kind: 'string' },
  DRY_RUN_FLAG,
];

const EXTRA: Record<ServiceType, FlagSpec[]> = {
  ClusterIP: [{ name: 'clusterip', kind: 'string' }],
  NodePort: [{ name: 'node-port', kind: 'int' }],
  LoadBalancer: [],
  ExternalName: [{ name: 'external-name', kind: 'string' }],
};

/** `create service`'s subcommands with their flags, for Tab */
export const SERVICE_SUBCOMMANDS: Subcommand[] = Object.entries(SUBCOMMANDS).map(([name, type]) => ({
  name,
  flags: [...COMMON, ...EXTRA[type]],
}));

export const CREATE_SERVICE_HELP = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** net.ParsePort(s, true) with strconv.ParseUint's errors */
function parsePort(text: string): { ok: true; port: number } | { ok: false; error: string } {
  if (!/^\d+$/.test(text)) return { ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax` };
  const port = Number(text);
  if (port > 65535) return { ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range` };
  return { ok: true, port };
}

/** parsePorts: `port[:targetPort]`, the target a number or a port name */
function parsePorts(text: string): { ok: true; port: number; targetPort: number | string } | { ok: false; error: string } {
  const parts = text.split(':');
  const port = parsePort(parts[0]!);
  if (!port.ok) return port;
  if (parts.length === 1) return { ok: true, port: port.port, targetPort: port.port };
  const target = parts[1]!;
  if (!/^[+-]?\d+$/.test(target)) {
    const errs = isValidPortName(target);
    if (errs.length > 0) return { ok: false, error: errs.join(',') };
    return { ok: true, port: port.port, targetPort: target };
  }
  const errs = isValidPortNum(Number(target));
  if (errs.length > 0) return { ok: false, error: errs.join(',') };
  return { ok: true, port: port.port, targetPort: Number(target) };
}

function createServiceOf(env: KubectlEnv, type: ServiceType, args: string[]): number {
  const sub = Object.keys(SUBCOMMANDS).find((k) => SUBCOMMANDS[k] === type)!;
  const path = `kubectl create service ${sub}`;
  const parsed = parseFlags(args, [...COMMON, ...EXTRA[type]], path);
  if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
  const flags = parsed.flags;
  for (const w of flags.warnings) env.out.stderr(w + '\n');
  if (type === 'ExternalName' && flagString(flags, 'external-name') === undefined)
    return checkErr(env, [plain('required flag(s) "external-name" not set')]);
  const names = flags.positionals;
  if (names.length !== 1) {
    env.out.stderr(`error: exactly one NAME is required, got ${names.length}\nSee '${path} -h' for help and examples\n`);
    return 1;
  }
  const name = names[0]!;
  const dryRun = dryRunOf(flags);
  if (!dryRun.ok) return checkErr(env, [dryRun.error]);
  const printError = validatePrintFlags(flags);
  if (printError) return checkErr(env, [printError]);

  // Validate
  const clusterIP = flagString(flags, 'clusterip') ?? '';
  const tcp = flagList(flags, 'tcp').flatMap((v) => v.split(','));
  const externalName = flagString(flags, 'external-name') ?? '';
  if (clusterIP === 'None' && type !== 'ClusterIP')
    return checkErr(env, [plain('ClusterIP=None can only be used with ClusterIP service type')]);
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName')
    return checkErr(env, [plain('at least one tcp port specifier must be provided')]);
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length > 0)
    return checkErr(env, [plain(`invalid service external name ${externalName}`)]);

  // Run
  const nodePort = flagInt(flags, 'node-port') ?? 0;
  const ports: ServicePort[] = [];
  for (const text of tcp) {
    const parsedPort = parsePorts(text);
    if (!parsedPort.ok) return checkErr(env, [plain(parsedPort.error)]);
    ports.push({
      name: text.replaceAll(':', '-'),
      port: parsedPort.port,
      targetPort: parsedPort.targetPort,
      protocol: 'TCP',
      ...(nodePort ? { nodePort } : {}),
    });
  }
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: { app: name }, ...(env.namespaceGiven ? { namespace: env.namespace } : {}) },
    spec: {
      ...(ports.length > 0 ? { ports } : {}),
      selector: { app: name },
      type,
      ...(clusterIP ? { clusterIP } : {}),
      ...(externalName ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
  // --save-config is accepted and does nothing: create_service.go never reads it into
  // CreateAnnotation (kubectl 1.32 confirmed: no last-applied annotation is stored)
  if (dryRun.value === 'client') return printOperation(env, service, 'created', flags, 'client', { typed: true });
  const toCreate = clone(service);
  delete toCreate.status;
  const result = env.cluster.api.create(toCreate, env.namespace, { dryRun: dryRun.value === 'server' });
  env.cluster.settle();
  if (!result.ok) return checkErr(env, [plain(`failed to create ${type} service: ${result.error.message}`)]);
  return printOperation(env, result.object, 'created', flags, dryRun.value, { typed: true });
}

/** `kubectl create service ...` after `create` has taken its own word off */
export function createService(env: KubectlEnv, args: string[]): number {
  const { sub, rest } = subcommandOf(args);
  if (sub === undefined) {
    if (args.some((a) => a === '-h' || a === '--help')) {
      env.out.stdout(CREATE_SERVICE_HELP);
      return 0;
    }
    env.out.stderr(CREATE_SERVICE_HELP);
    return 1;
  }
  const type = SUBCOMMANDS[sub];
  if (!type) {
    // cobra runs `create service` itself: its flags parse, then every argument is an unknown command
    const parsed = parseFlags(args, [], 'kubectl create service');
    if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
    const words = parsed.flags.positionals.join(' ');
    env.out.stderr(`error: unknown command "${words}"\nSee 'kubectl create service -h' for help and examples\n`);
    return 1;
  }
  return createServiceOf(env, type, rest);
}
