// kubectl api-resources and kubectl explain: what the cluster serves and what the fields mean

import { apiResources } from '../api-resources.ts';
import { explain } from '../explain/index.ts';
import { flagBool, flagString } from '../flags.ts';
import type { Verb } from '../env.ts';

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  flags: [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'namespaced', kind: 'bool' },
    { name: 'api-group', kind: 'string' },
    { name: 'sort-by', kind: 'string' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'verbs', kind: 'stringArray' },
    { name: 'cached', kind: 'bool' },
  ],
  run(env, flags) {
    if (flags.positionals.length > 0) {
      env.out.stderr(
        `error: unexpected arguments: [${flags.positionals.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples\n`,
      );
      return 1;
    }
    const output = flagString(flags, 'output');
    if (output !== undefined && output !== 'wide' && output !== 'name') {
      env.out.stderr(`error: --output ${output} is not available\n`);
      return 1;
    }
    const sortBy = flagString(flags, 'sort-by');
    if (sortBy !== undefined && sortBy !== 'name' && sortBy !== 'kind') {
      env.out.stderr(`error: --sort-by accepts only name or kind\n`);
      return 1;
    }
    env.out.stdout(
      apiResources({
        wide: output === 'wide',
        output: output === 'name' ? 'name' : null,
        namespaced: flags.values.has('namespaced') ? flagBool(flags, 'namespaced') : null,
        apiGroup: flagString(flags, 'api-group') ?? null,
        sortBy: (sortBy as 'name' | 'kind' | undefined) ?? null,
        noHeaders: flagBool(flags, 'no-headers'),
      }),
    );
    return 0;
  },
};

export const explainVerb: Verb = {
  name: 'explain',
  summary: 'Get documentation for a resource',
  operands: { kind: 'types' },
  flags: [
    { name: 'recursive', kind: 'bool' },
    { name: 'api-version', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  run(env, flags) {
    // ExplainOptions.Validate
    const path = flags.positionals[0];
    if (!path) {
      env.out.stderr(
        'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      );
      return 1;
    }
    if (flags.positionals.length > 1) {
      env.out.stderr('error: We accept only this format: explain RESOURCE\n');
      return 1;
    }
    const result = explain(path, { recursive: flagBool(flags, 'recursive'), apiVersion: flagString(flags, 'api-version') });
    if (!result.ok) {
      env.out.stderr(result.error + '\n');
      return 1;
    }
    env.out.stdout(result.text);
    return 0;
  },
};
