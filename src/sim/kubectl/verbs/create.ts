// kubectl create: -f manifests, and the generators `create deployment`, `create namespace`,
// `create serviceaccount`, `create configmap` (create-configmap.ts) and `create service`
// (create-service.ts)

import type { KubeObject, ServiceAccount } from '../../api/types.ts';
import { createOrUpdateAnnotation } from '../apply-merge.ts';
import { typeForKind } from '../../api/resources.ts';
import { DRY_RUN_FLAG, flagBool, flagInt, flagList, flagString, parseFlags, type FlagSpec } from '../flags.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { readManifests } from '../manifests.ts';
import { fieldValidation, formatApiError, mapManifest, objectRef, reportErrors } from '../objects.ts';
import { OUTPUT_FLAGS, printObjects, validateOutput } from '../output.ts';
import { CONFIGMAP_FLAGS, configMapFor } from './create-configmap.ts';
import { createService, SERVICE_SUBCOMMANDS } from './create-service.ts';
import { deploymentFor, namespaceFor } from './generators.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import { checkErr, dryRunOf, subcommandOf, type DryRun } from './select.ts';

const COMMON: FlagSpec[] = [
  DRY_RUN_FLAG,
  { name: 'save-config', kind: 'bool' },
  { name: 'validate', kind: 'string' },
  { name: 'field-manager', kind: 'string' },
  ...OUTPUT_FLAGS,
];

/** the dry-run strategy of flags already checked (or, not yet checked, what a create will refuse) */
function dryRunValue(flags: Parameters<typeof printObjects>[2]): DryRun | undefined {
  const strategy = dryRunOf(flags);
  return strategy.ok ? strategy.value : undefined;
}

/**
 * --save-config: util.CreateOrUpdateAnnotation, before any dry run, as create.go and the
 * generators do (an annotation a file already has is brought up to date without the flag too).
 * `typed`: a generator's object, encoded in its Go type's field order
 */
function saveConfig(object: KubeObject, flags: Parameters<typeof printObjects>[2], typed: boolean): void {
  createOrUpdateAnnotation(object, flagBool(flags, 'save-config'), typed);
}

/**
 * creates objects (or, with --dry-run=client, only prints them) and reports like kubectl;
 * `typed`: a generator's object, which kubectl holds (and prints) as its Go type
 */
function createAll(
  env: KubectlEnv,
  objects: { object: KubeObject; source?: string }[],
  flags: Parameters<typeof printObjects>[2],
  typed: boolean,
): number {
  const strategy = dryRunOf(flags);
  if (!strategy.ok) return checkErr(env, [strategy.error]);
  const dryRun = strategy.value;
  const output = flagString(flags, 'output');
  const errors: string[] = [];
  const created: KubeObject[] = [];
  for (const { object, source } of objects) {
    const type = typeForKind(object.kind)!;
    if (dryRun === 'client') {
      created.push(object);
      if (!output) env.out.stdout(`${objectRef(type, object)} created (dry run)\n`);
      continue;
    }
    const checked = fieldValidation(object, flagString(flags, 'validate'));
    for (const warning of checked.warnings) env.out.stderr(warning + '\n');
    if (checked.error) {
      errors.push(formatApiError(checked.error, source ? { verb: 'creating', source } : undefined));
      continue;
    }
    const result = env.cluster.api.create(object, object.metadata.namespace ?? env.namespace, {
      dryRun: dryRun === 'server',
    });
    env.cluster.settle();
    if (!result.ok) {
      errors.push(formatApiError(result.error, source ? { verb: 'creating', source } : undefined));
      continue;
    }
    created.push(result.object);
    if (!output) env.out.stdout(`${objectRef(type, result.object)} created${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
  }
  if (output && created.length > 0) printObjects(env, created, flags, created.length === 1, { typed });
  return reportErrors(env, errors);
}

const DEPLOYMENT_FLAGS: FlagSpec[] = [
  ...COMMON,
  { name: 'image', kind: 'stringArray' },
  { name: 'replicas', short: 'r', kind: 'int' },
  { name: 'port', kind: 'int' },
];

/** `kubectl create -f`: the verb's own flags when no generator is named */
const FILE_FLAGS: FlagSpec[] = [
  ...COMMON,
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'edit', kind: 'bool' },
  RECORD_FLAG,
];

function usageError(env: KubectlEnv, message: string, path: string): number {
  env.out.stderr(`error: ${message}\nSee '${path} -h' for help and examples\n`);
  return 1;
}

function createDeployment(env: KubectlEnv, args: string[]): number {
  const path = 'kubectl create deployment';
  const parsed = parseFlags(args, DEPLOYMENT_FLAGS, path);
  if (!parsed.ok) return reportErrors(env, [parsed.error]);
  const flags = parsed.flags;
  // cobra's required flag is checked before the command runs
  const images = flagList(flags, 'image');
  if (images.length === 0) return reportErrors(env, ['error: required flag(s) "image" not set']);
  const outputError = validateOutput(flags);
  if (outputError) return reportErrors(env, [outputError]);
  const names = flags.positionals;
  if (names.length !== 1) return usageError(env, `exactly one NAME is required, got ${names.length}`, path);
  if (flags.rest && images.length > 1) return reportErrors(env, ['error: cannot specify multiple --image options and command']);
  // like kubectl, the generated object names a namespace only when -n was given
  const deployment = deploymentFor(
    names[0]!,
    images,
    flagInt(flags, 'replicas') ?? 1,
    flagInt(flags, 'port'),
    env.namespaceGiven ? env.namespace : '',
  );
  if (flags.rest && flags.rest.length > 0) deployment.spec.template.spec.containers[0]!.command = flags.rest;
  saveConfig(deployment, flags, true);
  if (dryRunValue(flags) !== 'client') delete (deployment as { status?: unknown }).status;
  return createAll(env, [{ object: deployment }], flags, true);
}

function createNamespace(env: KubectlEnv, args: string[]): number {
  const path = 'kubectl create namespace';
  const parsed = parseFlags(args, COMMON, path);
  if (!parsed.ok) return reportErrors(env, [parsed.error]);
  const names = parsed.flags.positionals;
  if (names.length !== 1) return usageError(env, `exactly one NAME is required, got ${names.length}`, path);
  const ns = namespaceFor(names[0]!);
  saveConfig(ns, parsed.flags, true);
  if (dryRunValue(parsed.flags) !== 'client') {
    delete (ns as { status?: unknown }).status;
    delete (ns as { spec?: unknown }).spec;
  }
  return createAll(env, [{ object: ns }], parsed.flags, true);
}

/**
 * the start the configmap and serviceaccount generators share: their flags parsed, -o checked,
 * exactly one NAME, and a known --dry-run (else the exit status, the error written)
 */
function startGenerator(
  env: KubectlEnv,
  args: string[],
  specs: FlagSpec[],
  path: string,
): { flags: Parameters<typeof printObjects>[2]; name: string } | number {
  const parsed = parseFlags(args, specs, path);
  if (!parsed.ok) return reportErrors(env, [parsed.error]);
  const flags = parsed.flags;
  for (const w of flags.warnings) env.out.stderr(w + '\n');
  const outputError = validateOutput(flags);
  if (outputError) return reportErrors(env, [outputError]);
  const names = flags.positionals;
  if (names.length !== 1) return usageError(env, `exactly one NAME is required, got ${names.length}`, path);
  const strategy = dryRunOf(flags);
  if (!strategy.ok) return checkErr(env, [strategy.error]);
  return { flags, name: names[0]! };
}

/** create_serviceaccount.go: like create configmap, it wraps the server's refusal in its own words */
function createServiceAccount(env: KubectlEnv, args: string[]): number {
  const started = startGenerator(env, args, COMMON, 'kubectl create serviceaccount');
  if (typeof started === 'number') return started;
  const { flags, name } = started;
  // the generated object names a namespace only when -n was given
  const account: ServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, ...(env.namespaceGiven ? { namespace: env.namespace } : {}) },
  };
  return createWrapped(env, account, flags, 'serviceaccount');
}

/**
 * the end of create_configmap.go's and create_serviceaccount.go's Run: --save-config, then the
 * create (unless a client dry run), a refusal wrapped as `failed to create <what>: ...`, and
 * the object printed
 */
function createWrapped(
  env: KubectlEnv,
  object: KubeObject,
  flags: Parameters<typeof printObjects>[2],
  what: 'configmap' | 'serviceaccount',
): number {
  const dryRun = dryRunValue(flags);
  saveConfig(object, flags, true);
  if (dryRun !== 'client') {
    const result = env.cluster.api.create(object, object.metadata.namespace ?? env.namespace, {
      dryRun: dryRun === 'server',
    });
    env.cluster.settle();
    if (!result.ok) return reportErrors(env, [`error: failed to create ${what}: ${result.error.message}`]);
    object = result.object;
  }
  if (flagString(flags, 'output')) return printObjects(env, [object], flags, true, { typed: true });
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  env.out.stdout(`${what}/${object.metadata.name} created${suffix}\n`);
  return 0;
}

const CONFIGMAP_COMMAND_FLAGS: FlagSpec[] = [...COMMON, ...CONFIGMAP_FLAGS];

/** create_configmap.go Run: unlike the other generators it wraps the server's refusal in its own words */
function createConfigMap(env: KubectlEnv, args: string[]): number {
  const started = startGenerator(env, args, CONFIGMAP_COMMAND_FLAGS, 'kubectl create configmap');
  if (typeof started === 'number') return started;
  const { flags, name } = started;
  const built = configMapFor(env, name, flags);
  if (!built.ok) return reportErrors(env, [built.error.startsWith('kubesim: ') ? built.error : `error: ${built.error}`]);
  return createWrapped(env, built.configMap, flags, 'configmap');
}

/** kubectl create's generators (and their aliases) that this simulator does not have */
const OTHER_GENERATORS = new Set(
  'clusterrole clusterrolebinding cronjob cj ingress ing job poddisruptionbudget pdb priorityclass pc quota resourcequota role rolebinding secret token'.split(
    ' ',
  ),
);

function notSimulated(env: KubectlEnv, what: string): number {
  env.out.stderr(
    `kubesim: 'kubectl create ${what}' is not simulated; the generators here are configmap, deployment, namespace, service and serviceaccount, or use -f\n`,
  );
  return 1;
}

export const createVerb: Verb = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  flags: FILE_FLAGS,
  parsesOwnFlags: true,
  subcommands: [
    { name: 'configmap', aliases: ['cm'], flags: CONFIGMAP_COMMAND_FLAGS },
    { name: 'deployment', aliases: ['deploy'], flags: DEPLOYMENT_FLAGS },
    { name: 'namespace', aliases: ['ns'], flags: COMMON },
    { name: 'service', aliases: ['svc'], flags: [], subcommands: SERVICE_SUBCOMMANDS },
    { name: 'serviceaccount', aliases: ['sa'], flags: COMMON },
  ],
  run(env, _flags, args) {
    // the subcommand word goes, and only it: `-n NAMESPACE` before it is not a subcommand, and a
    // deployment may itself be called `deployment`
    const { sub, rest } = subcommandOf(args);
    if (sub === 'deployment' || sub === 'deploy') return createDeployment(env, rest);
    if (sub === 'namespace' || sub === 'ns') return createNamespace(env, rest);
    if (sub === 'configmap' || sub === 'cm') return createConfigMap(env, rest);
    if (sub === 'service' || sub === 'svc') return createService(env, rest);
    if (sub === 'serviceaccount' || sub === 'sa') return createServiceAccount(env, rest);
    // kubectl's other generators take flags of their own: say what is missing before parsing them
    if (sub !== undefined && OTHER_GENERATORS.has(sub)) return notSimulated(env, sub);
    const specs = FILE_FLAGS;
    const parsed = parseFlags(args, specs, 'kubectl create');
    if (!parsed.ok) return reportErrors(env, [parsed.error]);
    const flags = parsed.flags;
    for (const w of flags.warnings) env.out.stderr(w + '\n');
    if (flags.positionals.length > 0) return notSimulated(env, flags.positionals[0]!);
    const files = flagList(flags, 'filename');
    if (files.length === 0) {
      env.out.stderr('error: must specify one of -f and -k\n');
      return 1;
    }
    const read = readManifests(files, env.fs, env.stdin, flagBool(flags, 'recursive'));
    if (!read.ok) return reportErrors(env, [read.error]);
    if (read.manifests.length === 0) return reportErrors(env, ['error: no objects passed to create']);
    const objects: { object: KubeObject; source: string }[] = [];
    const errors: string[] = [];
    for (const manifest of read.manifests) {
      const mapped = mapManifest(env, manifest);
      // create.go: the annotation first, then --record's change-cause (so it is not in the annotation)
      if (mapped.ok) saveConfig(mapped.object, flags, false);
      if (mapped.ok) recordChange(env, flags, specs, mapped.object);
      if (mapped.ok) objects.push({ object: mapped.object, source: manifest.source });
      else errors.push(mapped.error);
    }
    const status = createAll(env, objects, flags, false);
    return reportErrors(env, errors) || status;
  },
};
