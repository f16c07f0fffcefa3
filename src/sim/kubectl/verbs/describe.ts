// kubectl describe: TYPE, TYPE NAME..., TYPE/NAME, -l, -A, -f and --show-events; when a single
// TYPE NAME is not found it describes every object whose name starts with NAME, as upstream does

import { qualifiedName, type ResourceType } from '../../api/resources.ts';
import { notFound } from '../../api/status-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { describeObject, type DescribeContext } from '../describe/index.ts';
import { warnDeprecated } from '../deprecation.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { flagBool, flagList, flagString } from '../flags.ts';
import { readManifests } from '../manifests.ts';
import { formatApiError, labelFilter, mapManifest, reportErrors } from '../objects.ts';
import { resolveTargets } from '../targets.ts';

const MISSING_TYPE =
  'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n';

interface Found {
  objects: KubeObject[];
  errors: { text: string; notFound: boolean }[];
  /** the apiserver warned about v1 Endpoints while answering */
  endpoints: boolean;
}

type Collected = { ok: true; found: Found } | { ok: false; error: string };

function missing(type: ResourceType, name: string): Found['errors'][number] {
  return { text: formatApiError(notFound(qualifiedName(type), name)), notFound: true };
}

/** the builder's objects for -f: each manifest's object as the cluster has it now */
function fromFiles(
  env: KubectlEnv,
  files: string[],
  recursive: boolean,
  match: (l?: Record<string, string>) => boolean,
): Collected {
  const read = readManifests(files, env.fs, env.stdin, recursive);
  if (!read.ok) return { ok: false, error: read.error };
  const found: Found = { objects: [], errors: [], endpoints: false };
  for (const manifest of read.manifests) {
    const mapped = mapManifest(env, manifest);
    if (!mapped.ok) {
      found.errors.push({ text: mapped.error, notFound: false });
      continue;
    }
    // -l filters the objects as the files spell them
    if (!match(mapped.object.metadata.labels)) continue;
    const name = mapped.object.metadata.name ?? '';
    found.endpoints ||= mapped.type.kind === 'Endpoints';
    const obj = env.cluster.api.get(mapped.object.kind, mapped.namespace, name);
    if (obj) found.objects.push(obj);
    else found.errors.push(missing(mapped.type, name));
  }
  return { ok: true, found };
}

/** the builder's objects for TYPE [NAME...] and TYPE/NAME arguments */
function fromArgs(
  env: KubectlEnv,
  args: string[],
  selectorGiven: boolean,
  match: (l?: Record<string, string>) => boolean,
  all: boolean,
): Collected {
  const resolved = resolveTargets(args, 'describe');
  if (!resolved.ok) return resolved;
  if (selectorGiven && resolved.byName) {
    const slashForm = args.some((a) => a.includes('/'));
    return {
      ok: false,
      error: slashForm
        ? 'error: selectors and the all flag cannot be used when passing resource/name arguments'
        : 'error: name cannot be provided when a selector is specified',
    };
  }
  if (all && resolved.byName && resolved.targets.some((t) => t.type.namespaced)) {
    return { ok: false, error: 'error: a resource cannot be retrieved by name across all namespaces' };
  }
  const found: Found = { objects: [], errors: [], endpoints: false };
  for (const target of resolved.targets) {
    const namespace = target.type.namespaced ? env.namespace : undefined;
    found.endpoints ||= target.type.kind === 'Endpoints';
    if (target.names.length === 0) {
      const listed = env.cluster.api.list(target.type.kind, target.type.namespaced && !all ? env.namespace : undefined);
      found.objects.push(...listed.filter((o) => match(o.metadata.labels)));
      continue;
    }
    for (const name of target.names) {
      const obj = env.cluster.api.get(target.type.kind, namespace, name);
      if (obj) found.objects.push(obj);
      else found.errors.push(missing(target.type, name));
    }
  }
  return { ok: true, found };
}

/** DescribeMatchingResources: `describe pods web` finds web-abc and web-def when there is no `web` */
function describeMatching(env: KubectlEnv, ctx: DescribeContext, typeArg: string, prefix: string, original: string): number {
  const resolved = resolveTargets([typeArg], 'describe');
  const target = resolved.ok ? resolved.targets[0] : undefined;
  // a TYPE/NAME pair never matches: names cannot hold a slash
  const listed =
    target && !typeArg.includes('/')
      ? env.cluster.api.list(target.type.kind, target.type.namespaced ? env.namespace : undefined)
      : [];
  const matching = listed.filter((o) => (o.metadata.name ?? '').startsWith(prefix));
  if (matching.length === 0) return reportErrors(env, [original]);
  for (const obj of matching) env.out.stdout(describeObject(obj, ctx) + '\n');
  return 0;
}

export const describeVerb: Verb = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  operands: { kind: 'objects', repeat: true },
  flags: [
    { name: 'filename', short: 'f', kind: 'stringArray' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'show-events', kind: 'bool' },
    { name: 'chunk-size', kind: 'int' },
  ],
  run(env, flags) {
    const args = flags.positionals;
    const files = flagList(flags, 'filename');
    if (args.length === 0 && files.length === 0) {
      env.out.stderr(MISSING_TYPE);
      return 1;
    }
    const selectorText = flagString(flags, 'selector');
    const selector = labelFilter(selectorText);
    if (!selector.ok) return reportErrors(env, [selector.error]);
    if (files.length > 0 && args.length > 0) {
      return reportErrors(env, [
        'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      ]);
    }
    const allNamespaces = flagBool(flags, 'all-namespaces');
    const collected =
      files.length > 0
        ? fromFiles(env, files, flagBool(flags, 'recursive'), selector.match)
        : fromArgs(env, args, selectorText !== undefined, selector.match, allNamespaces);
    if (!collected.ok) return reportErrors(env, [collected.error]);
    const { objects, errors, endpoints } = collected.found;
    if (endpoints) warnDeprecated(env, 'Endpoints');
    const ctx: DescribeContext = {
      now: env.cluster.clock.now(),
      cluster: env.cluster,
      showEvents: flagBool(flags, 'show-events', true),
    };
    const [onlyError] = errors;
    if (errors.length === 1 && onlyError?.notFound && args.length === 2) {
      return describeMatching(env, ctx, args[0]!, args[1]!, onlyError.text);
    }
    // upstream prints the first description as is and each later one after two newlines
    objects.forEach((obj, i) => env.out.stdout((i === 0 ? '' : '\n\n') + describeObject(obj, ctx)));
    if (objects.length === 0 && errors.length === 0) {
      env.out.stderr(allNamespaces ? 'No resources found\n' : `No resources found in ${env.namespace} namespace.\n`);
      return 0;
    }
    return reportErrors(
      env,
      errors.map((e) => e.text),
    );
  },
};
