// kubectl get: types, names, TYPE/NAME, several types, `all`, -l, -A, -f, every -o, and -w
// (which ends on Ctrl-C in the browser and when the cluster falls quiet in scripts)

import type { KubeObject } from '../../api/types.ts';
import { flagBool, flagList, flagString } from '../flags.ts';
import { fieldFilter } from '../field-selector.ts';
import type { Verb } from '../env.ts';
import { readManifests } from '../manifests.ts';
import { formatApiError, labelFilter, mapManifest, reportErrors } from '../objects.ts';
import { OUTPUT_FLAGS, printObjects, validateOutput } from '../output.ts';
import { argsBesidePathsError, resolveTargets } from '../targets.ts';
import { watchChanges } from './watch.ts';
import { warnDeprecated } from '../deprecation.ts';
import { notFound } from '../../api/status-errors.ts';
import { qualifiedName } from '../../api/resources.ts';

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

export const getVerb: Verb = {
  name: 'get',
  summary: 'Display one or many resources',
  operands: { kind: 'objects', repeat: true },
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'watch', short: 'w', kind: 'bool' },
    { name: 'watch-only', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'stringArray' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'field-selector', kind: 'string' },
    { name: 'chunk-size', kind: 'int' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'raw', kind: 'string' },
    { name: 'subresource', kind: 'string' },
    { name: 'output-watch-events', kind: 'bool' },
    { name: 'server-print', kind: 'bool' },
    { name: 'show-managed-fields', kind: 'bool' },
  ],
  async run(env, flags) {
    const fail = (message: string) => reportErrors(env, [`error: ${message}`]);
    const output = flagString(flags, 'output') ?? '';
    const watching = flagBool(flags, 'watch') || flagBool(flags, 'watch-only');
    // Complete, then Validate: --raw asks the server for a path and takes nothing else
    const raw = flagString(flags, 'raw') ?? '';
    if (raw !== '') {
      if (flags.positionals.length > 0) return fail('arguments may not be passed when --raw is specified');
      if (watching || flagString(flags, 'selector'))
        return fail('--raw may not be specified with other flags that filter the server request or alter the output');
      if (output !== '') return fail('--raw and --output are mutually exclusive');
      // url.ParseRequestURI: an absolute URL or an absolute path
      if (!raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw))
        return fail(`--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
      env.out.stderr("kubesim: 'kubectl get --raw' is not simulated\n");
      return 1;
    }
    if (watching && flagString(flags, 'sort-by'))
      env.out.stderr('warning: --watch requested, --sort-by will be ignored for watch events received\n');
    if (flags.positionals.length === 0 && flagList(flags, 'filename').length === 0) {
      env.out.stderr(MISSING_TYPE);
      return 1;
    }
    if (flagBool(flags, 'show-labels') && output !== '' && output !== 'wide')
      return fail(`--show-labels option cannot be used with ${output} printer`);
    if (flagBool(flags, 'output-watch-events') && !watching)
      return fail('--output-watch-events option can only be used with --watch or --watch-only');
    const subresource = flagString(flags, 'subresource');
    if (subresource) {
      if (!flags.positionals.some((a) => a.includes('/')) && flags.positionals.length < 2)
        return fail('subresource cannot be used when bulk resources are specified');
      env.out.stderr("kubesim: 'kubectl get --subresource' is not simulated\n");
      return 1;
    }
    const outputError = validateOutput(flags);
    if (outputError) {
      env.out.stderr(outputError + '\n');
      return 1;
    }
    const allNamespaces = flagBool(flags, 'all-namespaces');
    const selector = labelFilter(flagString(flags, 'selector'));
    if (!selector.ok) {
      env.out.stderr(selector.error + '\n');
      return 1;
    }
    const files = flagList(flags, 'filename');
    const errors: string[] = [];
    const objects: KubeObject[] = [];
    // the kinds asked for, which a watch follows even when none exist yet
    const kinds = new Set<string>();
    let single: boolean;
    if (files.length > 0) {
      const read = readManifests(files, env.fs, env.stdin, flagBool(flags, 'recursive'));
      if (!read.ok) return reportErrors(env, [read.error]);
      const besidePaths = argsBesidePathsError(flags.positionals);
      if (besidePaths) return reportErrors(env, [besidePaths]);
      for (const manifest of read.manifests) {
        const mapped = mapManifest(env, manifest);
        if (!mapped.ok) {
          errors.push(mapped.error);
          continue;
        }
        const found = env.cluster.api.get(mapped.object.kind, mapped.namespace, mapped.object.metadata.name ?? '');
        if (found) objects.push(found);
        else errors.push(formatApiError(notFound(qualifiedName(mapped.type), mapped.object.metadata.name ?? '')));
      }
      single = read.manifests.length === 1;
    } else {
      const resolved = resolveTargets(flags.positionals, 'get');
      if (!resolved.ok) return reportErrors(env, [resolved.error]);
      const namesGiven = resolved.targets.reduce((n, t) => n + t.names.length, 0);
      single = namesGiven === 1 && resolved.targets.length === 1;
      for (const target of resolved.targets) {
        kinds.add(target.type.kind);
        warnDeprecated(env, target.type.kind);
        const namespace = target.type.namespaced && !allNamespaces ? env.namespace : undefined;
        if (target.names.length === 0) {
          const fields = fieldFilter(target.type, flagString(flags, 'field-selector'), flagString(flags, 'selector'));
          if (!fields.ok) {
            errors.push(fields.error + '\n');
            continue;
          }
          let listed = env.cluster.api.list(target.type.kind, namespace);
          listed = listed.filter((o) => selector.match(o.metadata.labels) && fields.match(o));
          objects.push(...listed);
          continue;
        }
        for (const name of target.names) {
          const found = env.cluster.api.get(target.type.kind, target.type.namespaced ? env.namespace : undefined, name);
          if (found) objects.push(found);
          else if (!flagBool(flags, 'ignore-not-found')) errors.push(formatApiError(notFound(qualifiedName(target.type), name)));
        }
      }
    }
    if (
      objects.length === 0 &&
      errors.length === 0 &&
      !flagBool(flags, 'watch') &&
      !(flagString(flags, 'output') ?? '').match(/^(json|yaml)/)
    ) {
      env.out.stderr(allNamespaces ? 'No resources found\n' : `No resources found in ${env.namespace} namespace.\n`);
      return 0;
    }
    if (!flagBool(flags, 'watch-only') && (objects.length > 0 || /^(json|yaml)/.test(flagString(flags, 'output') ?? ''))) {
      const status = printObjects(env, objects, flags, single, { withNamespace: allNamespaces });
      if (status !== 0) return status;
    }
    const errorStatus = reportErrors(env, errors);
    if (flagBool(flags, 'watch') || flagBool(flags, 'watch-only')) {
      for (const obj of objects) kinds.add(obj.kind);
      return watchChanges(env, [...kinds], objects, flags, allNamespaces, selector.match);
    }
    return errorStatus;
  },
};
