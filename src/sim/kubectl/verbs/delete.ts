// kubectl delete: names, TYPE/NAME, -f, -l, --all, grace periods, --cascade; like the real
// one it prints as it deletes, then waits until the objects are gone

import type { PropagationPolicy } from '../../api/apiserver.ts';
import { qualifiedName } from '../../api/resources.ts';
import { notFound } from '../../api/status-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { flagBool, flagInt, flagList, flagString } from '../flags.ts';
import { waitFor, type Verb } from '../env.ts';
import { warnDeprecated } from '../deprecation.ts';
import { readManifests } from '../manifests.ts';
import { formatApiError, labelFilter, mapManifest, reportErrors } from '../objects.ts';
import { resolveTargets } from '../targets.ts';

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

export const deleteVerb: Verb = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  operands: { kind: 'objects', repeat: true },
  flags: [
    { name: 'filename', short: 'f', kind: 'stringArray' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'now', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'wait', kind: 'bool' },
    { name: 'cascade', kind: 'string' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'timeout', kind: 'string' },
    { name: 'dry-run', kind: 'string' },
  ],
  async run(env, flags) {
    const cascade = flagString(flags, 'cascade') ?? 'background';
    const policies: Record<string, PropagationPolicy> = {
      background: 'Background',
      foreground: 'Foreground',
      orphan: 'Orphan',
      true: 'Background',
      false: 'Orphan',
    };
    const propagationPolicy = policies[cascade];
    if (!propagationPolicy) {
      env.out.stderr(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"\n`);
      return 1;
    }
    let grace = flagInt(flags, 'grace-period') ?? -1;
    if (flagBool(flags, 'now')) grace = 1;
    const force = flagBool(flags, 'force');
    if (force && grace < 0) grace = 0;
    if (grace === 0 && !force) grace = 1;
    if (force && grace === 0) {
      env.out.stderr(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    }
    const errors: string[] = [];
    const victims: KubeObject[] = [];
    const files = flagList(flags, 'filename');
    const ignoreNotFound = flagBool(flags, 'ignore-not-found');
    if (files.length > 0) {
      const read = readManifests(files, env.fs, env.stdin, flagBool(flags, 'recursive'));
      if (!read.ok) return reportErrors(env, [read.error]);
      for (const manifest of read.manifests) {
        const mapped = mapManifest(env, manifest, { warn: false });
        if (!mapped.ok) {
          errors.push(mapped.error);
          continue;
        }
        const found = env.cluster.api.get(mapped.object.kind, mapped.namespace, mapped.object.metadata.name ?? '');
        if (found) victims.push(found);
        else {
          warnDeprecated(env, mapped.type.kind);
          if (!ignoreNotFound)
            errors.push(formatApiError(notFound(qualifiedName(mapped.type), mapped.object.metadata.name ?? '')));
        }
      }
    } else {
      if (flags.positionals.length === 0) {
        env.out.stderr(NO_RESOURCES);
        return 1;
      }
      const resolved = resolveTargets(flags.positionals, 'delete');
      if (!resolved.ok) return reportErrors(env, [resolved.error]);
      const selectorText = flagString(flags, 'selector');
      const selector = labelFilter(selectorText);
      if (!selector.ok) return reportErrors(env, [selector.error]);
      const all = flagBool(flags, 'all');
      const allNamespaces = flagBool(flags, 'all-namespaces');
      for (const target of resolved.targets) {
        if (target.names.length === 0) {
          if (!all && selectorText === undefined) {
            env.out.stderr('error: resource(s) were provided, but no name was specified\n');
            return 1;
          }
          const namespace = target.type.namespaced && !allNamespaces ? env.namespace : undefined;
          victims.push(...env.cluster.api.list(target.type.kind, namespace).filter((o) => selector.match(o.metadata.labels)));
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
      if (victims.length === 0 && errors.length === 0 && !ignoreNotFound) {
        env.out.stdout('No resources found\n');
        return 0;
      }
    }
    const dryRun = flagString(flags, 'dry-run');
    // since kubectl 1.32 the message names the namespace of namespaced objects
    const operation = (obj: KubeObject) =>
      (grace === 0 ? 'force deleted' : 'deleted') +
      (obj.metadata.namespace ? ` from ${obj.metadata.namespace} namespace` : '') +
      (dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '');
    const deleted: KubeObject[] = [];
    for (const obj of victims) {
      // the warning comes back with the response to the DELETE itself (a client dry run sends none)
      if (dryRun !== 'client') warnDeprecated(env, obj.kind);
      if (!dryRun || dryRun === 'none') {
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
      env.out.stdout(
        flagString(flags, 'output') === 'name'
          ? `${kindString(obj)}/${obj.metadata.name}\n`
          : `${kindString(obj)} "${obj.metadata.name}" ${operation(obj)}\n`,
      );
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
