// kubectl delete: names, TYPE/NAME, -f, -l, --all, grace periods, --cascade; like the real
// one it prints as it deletes, then waits until the objects are gone

import type { PropagationPolicy } from '../../api/apiserver.ts';
import { qualifiedName } from '../../api/resources.ts';
import { notFound } from '../../api/status-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { DRY_RUN_FLAG, flagBool, flagInt, flagList, flagString, goBool, type ParsedFlags } from '../flags.ts';
import { fieldFilter } from '../field-selector.ts';
import { waitFor, type KubectlEnv, type Verb } from '../env.ts';
import { warnDeprecated } from '../deprecation.ts';
import { readManifests, type Manifest } from '../manifests.ts';
import { formatApiError, labelFilter, mapManifest, reportErrors } from '../objects.ts';
import { argsBesidePathsError, resolveTargets } from '../targets.ts';
import { checkErr, dryRunOf, type DryRun } from './select.ts';

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

function kindString(obj: KubeObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return `${obj.kind.toLowerCase()}${group ? '.' + group : ''}`;
}

/**
 * DeleteOptions.PrintObj: `pod "web" deleted from default namespace` (since kubectl 1.32 the
 * namespace of namespaced objects is named), `force deleted` for a grace period of 0, the dry
 * run's words; `pod/web` with -o name
 */
export function deletedLine(obj: KubeObject, options: { grace: number; dryRun: DryRun; output: string }): string {
  if (options.output === 'name') return `${kindString(obj)}/${obj.metadata.name}\n`;
  const operation =
    (options.grace === 0 ? 'force deleted' : 'deleted') +
    (obj.metadata.namespace ? ` from ${obj.metadata.namespace} namespace` : '') +
    (options.dryRun === 'client' ? ' (dry run)' : options.dryRun === 'server' ? ' (server dry run)' : '');
  return `${kindString(obj)} "${obj.metadata.name}" ${operation}\n`;
}

const POLICIES: Record<string, PropagationPolicy> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };

/** DeleteFlags.ToOptions' parseCascadingFlag: --cascade as a policy; a boolean still works, with a warning */
export function propagationPolicyOf(
  env: KubectlEnv,
  flags: ParsedFlags,
): { ok: true; policy: PropagationPolicy } | { ok: false; error: string } {
  const cascade = flagString(flags, 'cascade') ?? 'background';
  const cascadeBool = goBool(cascade);
  if (cascadeBool !== null) {
    const replacement = cascadeBool ? 'background' : 'orphan';
    env.out.stderr(
      `warning: --cascade=${cascade} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`,
    );
    return { ok: true, policy: cascadeBool ? 'Background' : 'Orphan' };
  }
  const policy = POLICIES[cascade];
  if (!policy)
    return { ok: false, error: `error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"` };
  return { ok: true, policy };
}

export const deleteVerb: Verb = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  operands: { kind: 'objects', repeat: true },
  flags: [
    { name: 'filename', short: 'f', kind: 'stringArray' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'field-selector', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'cascade', kind: 'string', noOptDefault: 'background' },
    { name: 'now', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'timeout', kind: 'duration' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'wait', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'raw', kind: 'string' },
    { name: 'interactive', short: 'i', kind: 'bool' },
    DRY_RUN_FLAG,
  ],
  async run(env, flags) {
    const fail = (message: string) => reportErrors(env, [`error: ${message}`]);
    // DeleteFlags.ToOptions: --cascade, a boolean only with a warning
    const cascade = propagationPolicyOf(env, flags);
    if (!cascade.ok) return reportErrors(env, [cascade.error]);
    const propagationPolicy = cascade.policy;

    // Complete: grace periods, the dry-run strategy, then the builder's own checks
    const selectorText = flagString(flags, 'selector')?.trim() || undefined;
    const fieldText = flagString(flags, 'field-selector')?.trim() || undefined;
    const all = flagBool(flags, 'all');
    const selecting = all || selectorText !== undefined || fieldText !== undefined;
    // --all, -l and --field-selector ignore NotFound unless --ignore-not-found is given
    const ignoreNotFound = flags.values.has('ignore-not-found') ? flagBool(flags, 'ignore-not-found') : selecting;
    let grace = flagInt(flags, 'grace-period') ?? -1;
    const force = flagBool(flags, 'force');
    if (flagBool(flags, 'now')) {
      if (grace !== -1) return fail('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const dryRunResult = dryRunOf(flags);
    if (!dryRunResult.ok) return checkErr(env, [dryRunResult.error]);
    const dryRun = dryRunResult.value;
    if (flagString(flags, 'raw') !== undefined) {
      env.out.stderr("kubesim: 'kubectl delete --raw' is not simulated\n");
      return 1;
    }
    if (flagString(flags, 'kustomize') !== undefined) {
      env.out.stderr("kubesim: 'kubectl delete -k' is not simulated; use -f\n");
      return 1;
    }

    const errors: string[] = [];
    const victims: KubeObject[] = [];
    const files = flagList(flags, 'filename');
    const args = flags.positionals;
    let manifests: Manifest[] = [];
    if (files.length > 0) {
      const read = readManifests(files, env.fs, env.stdin, flagBool(flags, 'recursive'));
      if (!read.ok) return reportErrors(env, [read.error]);
      manifests = read.manifests;
    }
    // SelectAllParam after LabelSelectorParam and FieldSelectorParam
    if (all && (selectorText !== undefined || fieldText !== undefined))
      return fail("setting 'all' parameter but found a non empty selector. ");
    if (files.length > 0) {
      const besidePaths = argsBesidePathsError(args);
      if (besidePaths) return reportErrors(env, [besidePaths]);
    } else if (args.length === 0 && !selecting) {
      env.out.stderr(NO_RESOURCES);
      return 1;
    }
    if (files.length === 0 && args.length === 0) return fail('at least one resource must be specified to use a selector');
    const resolved = files.length > 0 ? null : resolveTargets(args, 'delete');
    if (resolved && !resolved.ok) return reportErrors(env, [resolved.error]);
    if (resolved && selecting) {
      if (resolved.byName && args.some((a) => a.includes('/')))
        return fail('selectors and the all flag cannot be used when passing resource/name arguments');
      if (resolved.byName) return fail('name cannot be provided when a selector is specified');
      if (resolved.targets.length === 0) return fail('at least one resource must be specified to use a selector');
    }
    if (resolved && !selecting && !resolved.byName) return fail('resource(s) were provided, but no name was specified');

    // Validate
    const output = flagString(flags, 'output') ?? '';
    if (output !== '' && output !== 'name') return fail(`unexpected -o output mode: ${output}. We only support '-o name'`);
    if (all && fieldText !== undefined) return fail('cannot set --all and --field-selector at the same time');
    if (force && grace > 0) return fail('--force and --grace-period greater than 0 cannot be specified together');
    if (force && grace === 0) {
      env.out.stderr(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    }
    if (flagBool(flags, 'interactive')) {
      env.out.stderr("kubesim: 'kubectl delete --interactive' is not simulated\n");
      return 1;
    }

    // the objects: from the files, by name, or every one a selector (or --all) picks
    for (const manifest of manifests) {
      const mapped = mapManifest(env, manifest, { warn: false });
      if (!mapped.ok) {
        errors.push(mapped.error);
        continue;
      }
      const found = env.cluster.api.get(mapped.object.kind, mapped.namespace, mapped.object.metadata.name ?? '');
      if (found) victims.push(found);
      else {
        warnDeprecated(env, mapped.type.kind);
        if (!ignoreNotFound) errors.push(formatApiError(notFound(qualifiedName(mapped.type), mapped.object.metadata.name ?? '')));
      }
    }
    const selector = labelFilter(selectorText);
    if (!selector.ok) return reportErrors(env, [selector.error]);
    const allNamespaces = flagBool(flags, 'all-namespaces');
    for (const target of resolved?.targets ?? []) {
      if (target.names.length === 0) {
        const fields = fieldFilter(target.type, fieldText, selectorText);
        if (!fields.ok) return reportErrors(env, [fields.error]);
        const namespace = target.type.namespaced && !allNamespaces ? env.namespace : undefined;
        victims.push(
          ...env.cluster.api
            .list(target.type.kind, namespace)
            .filter((o) => selector.match(o.metadata.labels) && fields.match(o)),
        );
        continue;
      }
      for (const name of target.names) {
        const found = env.cluster.api.get(target.type.kind, target.type.namespaced ? env.namespace : undefined, name);
        if (found) victims.push(found);
        else {
          warnDeprecated(env, target.type.kind);
          if (!ignoreNotFound) errors.push(formatApiError(notFound(qualifiedName(target.type), name)));
        }
      }
    }
    // named objects (and a file's) count as found even when the DELETE then finds nothing
    const named = manifests.length + (resolved?.targets ?? []).reduce((n, t) => n + t.names.length, 0);
    if (named === 0 && victims.length === 0) {
      env.out.stdout('No resources found\n');
      return 0;
    }
    const deleted: KubeObject[] = [];
    for (const obj of victims) {
      // the warning comes back with the response to the DELETE itself (a client dry run sends none)
      if (dryRun !== 'client') warnDeprecated(env, obj.kind);
      if (dryRun === 'none') {
        const result = env.cluster.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name!, {
          propagationPolicy,
          ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        });
        if (!result.ok) {
          errors.push(formatApiError(result.error));
          continue;
        }
        deleted.push(obj);
      }
      env.out.stdout(deletedLine(obj, { grace, dryRun, output }));
    }
    env.cluster.settle();
    if (flagBool(flags, 'wait', true) && deleted.length > 0 && grace !== 0) {
      const gone = () =>
        deleted.every(
          (o) => env.cluster.api.get(o.kind, o.metadata.namespace, o.metadata.name!)?.metadata.uid !== o.metadata.uid,
        );
      const outcome = await waitFor(env, gone, 24 * 3600_000);
      if (outcome === 'interrupted') return 130;
    }
    return reportErrors(env, errors);
  },
};
