// what the object-changing verbs share, as cli-runtime does it for them: resource.Builder turning
// TYPE NAME, TYPE/NAME, -f, -l and --all into objects (ContinueOnError: missing objects become
// errors reported at the end), PrintFlags' `deployment.apps/web scaled` lines and -o, --dry-run,
// and cmdutil.CheckErr's way of printing one error or several

import { PRINT_FORMATS } from '../output.ts';
import { qualifiedName, type ResourceType } from '../../api/resources.ts';
import { kubectlMessage, notFound, type StatusError } from '../../api/status-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { warnDeprecated } from '../deprecation.ts';
import type { KubectlEnv } from '../env.ts';
import { flagString, goBool, parseGoDuration, type ParsedFlags } from '../flags.ts';
import { readManifests } from '../manifests.ts';
import { labelFilter, mapManifest } from '../objects.ts';
import { printObjects } from '../output.ts';
import { resourceName } from '../printers/name.ts';
import { argsBesidePathsError, resolveTargets } from '../targets.ts';

/** the builder's missingResourceError */
export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** an error as the command returns it; `standard` ones (server errors) print as they are */
export interface CmdError {
  message: string;
  standard?: boolean;
}

export const plain = (message: string): CmdError => ({ message });
export const standard = (message: string): CmdError => ({ message, standard: true });
export const fromServer = (error: StatusError): CmdError => standard(kubectlMessage(error));

/**
 * cmdutil.CheckErr: one error gets an `error: ` prefix unless it is a server error or has one;
 * several (an aggregate) print one per line as they are. returns the exit status.
 */
export function checkErr(env: KubectlEnv, errors: CmdError[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    const e = errors[0]!;
    let text = e.standard || e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
    if (!text.endsWith('\n')) text += '\n';
    env.out.stderr(text);
    return 1;
  }
  env.out.stderr(errors.map((e) => e.message.replace(/\n$/, '') + '\n').join(''));
  return 1;
}

export interface SelectOptions {
  /** resource arguments: TYPE NAME..., TYPE/NAME..., TYPE[,TYPE] */
  args: string[];
  files?: string[];
  recursive?: boolean;
  /** -l */
  selector?: string | undefined;
  /** --all: every object of the bare TYPEs given */
  all?: boolean;
  /** ResourceTypeOrNameArgs(true, ...): a bare TYPE means every object of it even without --all */
  bareType?: boolean;
  allNamespaces?: boolean;
  /** --local: objects come from the files as written, the server is not asked */
  local?: boolean;
  /** the verb, for messages about unknown types */
  verb: string;
}

export interface Selected {
  type: ResourceType;
  object: KubeObject;
}

export type Selection = { ok: true; items: Selected[]; errors: CmdError[]; single: boolean } | { ok: false; error: CmdError };

/** resource.Builder with ContinueOnError and Latest: what to act on, plus the NotFound errors to report last */
export function selectObjects(env: KubectlEnv, o: SelectOptions): Selection {
  const files = o.files ?? [];
  const items: Selected[] = [];
  const errors: CmdError[] = [];
  const selector = labelFilter(o.selector);
  if (!selector.ok) return { ok: false, error: standard(selector.error) };
  const selecting = o.selector !== undefined || o.all === true;

  if (files.length > 0) {
    const read = readManifests(files, env.fs, env.stdin, o.recursive ?? false);
    if (!read.ok) return { ok: false, error: standard(read.error) };
    const besidePaths = argsBesidePathsError(o.args);
    if (besidePaths) return { ok: false, error: standard(besidePaths) };
    for (const manifest of read.manifests) {
      const mapped = mapManifest(env, manifest);
      if (!mapped.ok) {
        errors.push(standard(mapped.error.replace(/\n$/, '')));
        continue;
      }
      const name = mapped.object.metadata.name ?? '';
      if (o.local) {
        // a local object stays as the file has it: no namespace is filled in
        if (selector.match(manifest.object.metadata.labels)) items.push({ type: mapped.type, object: manifest.object });
        continue;
      }
      const found = env.cluster.api.get(mapped.object.kind, mapped.namespace, name);
      if (!found) errors.push(fromServer(notFound(qualifiedName(mapped.type), name)));
      else if (selector.match(found.metadata.labels)) items.push({ type: mapped.type, object: found });
    }
    return { ok: true, items, errors, single: read.manifests.length === 1 };
  }

  // the builder's visitBySelector wants a type (--all alone leaves ResourceBuilderFlags with missingResourceError)
  if (o.args.length === 0 && o.selector !== undefined)
    return { ok: false, error: plain('at least one resource must be specified to use a selector') };
  if (o.args.length === 0) return { ok: false, error: plain(NO_RESOURCES) };
  const resolved = resolveTargets(o.args, o.verb);
  if (!resolved.ok) {
    // upstream's hint always names `get`, whatever the command
    const message = resolved.error.replace(
      `(e.g. 'kubectl ${o.verb} resource/<resource_name>' instead of 'kubectl ${o.verb} resource resource/<resource_name>'`,
      "(e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
    return { ok: false, error: standard(message) };
  }
  const slashForm = o.args.some((a) => a.includes('/'));
  const namesGiven = resolved.targets.some((t) => t.names.length > 0);
  if (selecting) {
    if (slashForm)
      return { ok: false, error: plain('selectors and the all flag cannot be used when passing resource/name arguments') };
    if (namesGiven) return { ok: false, error: plain('name cannot be provided when a selector is specified') };
  }
  if (!selecting && !namesGiven && !o.bareType) {
    return { ok: false, error: plain('resource(s) were provided, but no name was specified') };
  }
  let named = 0;
  for (const target of resolved.targets) {
    const type = target.type;
    warnDeprecated(env, type.kind);
    if (target.names.length === 0) {
      const namespace = type.namespaced && !o.allNamespaces ? env.namespace : undefined;
      for (const obj of env.cluster.api.list(type.kind, namespace)) {
        if (selector.match(obj.metadata.labels)) items.push({ type, object: obj });
      }
      continue;
    }
    for (const name of target.names) {
      named++;
      const found = env.cluster.api.get(type.kind, type.namespaced ? env.namespace : undefined, name);
      if (found) items.push({ type, object: found });
      else errors.push(fromServer(notFound(qualifiedName(type), name)));
    }
  }
  return { ok: true, items, errors, single: named === 1 && resolved.targets.length === 1 };
}

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy */
export function dryRunOf(flags: ParsedFlags): { ok: true; value: DryRun } | { ok: false; error: CmdError } {
  const text = flagString(flags, 'dry-run');
  // a boolean (and --dry-run alone, "unchanged") is deprecated: kubectl warns through klog, not simulated here
  const asBool = text === undefined ? false : goBool(text);
  if (text === undefined || text === 'none' || asBool === false) return { ok: true, value: 'none' };
  if (text === 'client' || asBool === true || text === 'unchanged') return { ok: true, value: 'client' };
  if (text === 'server') return { ok: true, value: 'server' };
  return { ok: false, error: plain(`Invalid dry-run value (${text}). Must be "none", "server", or "client".`) };
}

/** cmdutil.GetValidationDirective: --validate as strict (the default), warn or ignore; a boolean is strict or ignore */
export function validationDirectiveOf(
  flags: ParsedFlags,
): { ok: true; value: 'strict' | 'warn' | 'ignore' } | { ok: false; error: CmdError } {
  const text = flagString(flags, 'validate');
  if (text === undefined) return { ok: true, value: 'strict' };
  const asBool = goBool(text);
  if (asBool !== null) return { ok: true, value: asBool ? 'strict' : 'ignore' };
  if (text === 'strict' || text === 'warn' || text === 'ignore') return { ok: true, value: text };
  return {
    ok: false,
    error: plain(`invalid - validate option "${text}"; must be one of: strict (or true), warn, ignore (or false)`),
  };
}

/** PrintFlags.ToPrinter's check of -o; NoCompatiblePrinterError lists the formats sorted */
export function validatePrintFlags(flags: ParsedFlags): CmdError | null {
  const output = flagString(flags, 'output');
  if (output === undefined || output === '') return null;
  const format = output.split('=')[0]!;
  if (!PRINT_FORMATS.includes(format)) {
    return plain(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${[...PRINT_FORMATS].sort().join(',')}`,
    );
  }
  if (format.startsWith('go-template') || format.startsWith('template'))
    return standard(`kubesim: -o ${format} is not simulated; use -o jsonpath or -o yaml`);
  return null;
}

/**
 * the printer PrintFlags builds: `deployment.apps/web scaled` (with ` (dry run)` or
 * ` (server dry run)`), `-o name` without the operation, or the object itself for -o yaml/json/jsonpath.
 * `typed`: the command holds the object as its Go type (a builder WithScheme, as the set commands
 * use), so -o json keeps the struct's field order and empty structs held by value (`strategy: {}`,
 * `resources: {}`, `status: {}`) are printed
 */
export function printOperation(
  env: KubectlEnv,
  obj: KubeObject,
  operation: string,
  flags: ParsedFlags,
  dryRun: DryRun = 'none',
  options: { typed?: boolean } = {},
): number {
  const output = flagString(flags, 'output') ?? '';
  if (output === '') {
    const op = dryRun === 'client' ? `${operation} (dry run)` : dryRun === 'server' ? `${operation} (server dry run)` : operation;
    env.out.stdout(`${resourceName(obj)} ${op}\n`);
    return 0;
  }
  if (output === 'name') {
    env.out.stdout(`${resourceName(obj)}\n`);
    return 0;
  }
  return printObjects(env, [obj], flags, true, { typed: options.typed ?? false });
}

/** a Go duration flag's value in ms (parseFlags has checked it is one), or the fallback when not given */
export function durationFlag(flags: ParsedFlags, name: string, fallbackMs: number): number {
  const text = flagString(flags, name);
  const parsed = text === undefined ? null : parseGoDuration(text);
  return parsed?.ok ? parsed.ms : fallbackMs;
}

/** GroupKind.String(): `Deployment.apps`, `Pod` */
export function groupKind(type: ResourceType): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

/** the non-flag words of `args` in order, skipping values of global flags given separately */
export function subcommandOf(args: string[]): { sub: string | undefined; rest: string[] } {
  const withValue = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--request-timeout', '-v']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (withValue.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-') && a !== '-') continue;
    return { sub: a, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { sub: undefined, rest: args };
}
