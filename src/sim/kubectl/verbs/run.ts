// kubectl run: one pod from an image, labelled run=NAME, with optional command, env and port

import { DRY_RUN_FLAG, flagBool, flagInt, flagList, flagString } from '../flags.ts';
import type { Verb } from '../env.ts';
import { formatApiError, objectRef } from '../objects.ts';
import { OUTPUT_FLAGS, printObjects, validateOutput } from '../output.ts';
import { goQuote } from '../../api/go-quote.ts';
import { typeForKind } from '../../api/resources.ts';
import { podFor } from './generators.ts';
import { attachInteractive } from './attach.ts';
import { checkErr, dryRunOf } from './select.ts';

// distribution/reference's ReferenceRegexp, which run.go matches the image against before anything
// else: [domain[:port]/]path[:tag][@digest], path components lower-case with . _ __ - between them
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*` +
    '(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
);

function parsePairs(text: string | undefined): Record<string, string> | string {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return pair;
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export const runVerb: Verb = {
  name: 'run',
  summary: 'Run a particular image on the cluster',
  flags: [
    { name: 'image', kind: 'string' },
    { name: 'port', kind: 'int' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'env', kind: 'stringArray' },
    { name: 'annotations', kind: 'stringArray' },
    { name: 'command', kind: 'bool' },
    { name: 'restart', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'rm', kind: 'bool' },
    { name: 'attach', kind: 'bool' },
    DRY_RUN_FLAG,
    { name: 'image-pull-policy', kind: 'string' },
    { name: 'overrides', kind: 'string' },
    { name: 'expose', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    ...OUTPUT_FLAGS,
  ],
  async run(env, flags, args) {
    // cobra's required flag comes before anything run.go does
    const image = flagString(flags, 'image');
    if (image === undefined) {
      env.out.stderr('error: required flag(s) "image" not set\n');
      return 1;
    }
    // Complete: the dry-run strategy, then the printer
    const dryRun = dryRunOf(flags);
    if (!dryRun.ok) return checkErr(env, [dryRun.error]);
    const outputError = validateOutput(flags);
    if (outputError) {
      env.out.stderr(outputError + '\n');
      return 1;
    }
    const dashes = args.indexOf('--');
    const positionals = dashes < 0 ? args : args.slice(0, dashes);
    const trailing = dashes < 0 ? positionals.slice(1) : args.slice(dashes + 1);
    const name = positionals[0];
    if (!name) {
      env.out.stderr("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
      return 1;
    }
    if (image === '') {
      env.out.stderr('error: --image is required\n');
      return 1;
    }
    if (!REFERENCE.test(image)) {
      env.out.stderr(`error: Invalid image name ${goQuote(image)}: invalid reference format\n`);
      return 1;
    }
    if (flagString(flags, 'overrides') !== undefined || flagBool(flags, 'expose')) {
      env.out.stderr("kubesim: 'kubectl run --overrides' and '--expose' are not simulated\n");
      return 1;
    }
    const interactive = flagBool(flags, 'stdin') || flagBool(flags, 'attach');
    // run.go getRestartPolicy: the flag defaults to Always; set empty, it is OnFailure for an
    // interactive pod; anything else is a usage error
    const given = flagString(flags, 'restart') ?? 'Always';
    const restart = given === '' ? (interactive ? 'OnFailure' : 'Always') : given;
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
      env.out.stderr(`error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples\n`);
      return 1;
    }
    if (flagBool(flags, 'rm') && !interactive) {
      env.out.stderr("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
      return 1;
    }
    // run.go: no dry run of either kind with an attached pod
    if (interactive && dryRun.value !== 'none') {
      env.out.stderr(
        "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
      );
      return 1;
    }
    // verifyImagePullPolicy, then the generator's labels and env
    const policy = flagString(flags, 'image-pull-policy');
    if (policy && !['Always', 'IfNotPresent', 'Never'].includes(policy)) {
      env.out.stderr(`error: invalid image pull policy: ${policy}\nSee 'kubectl run -h' for help and examples\n`);
      return 1;
    }
    const labels = parsePairs(flagString(flags, 'labels'));
    if (typeof labels === 'string') {
      env.out.stderr(`error: unexpected label spec: ${labels}\n`);
      return 1;
    }
    const badEnv = flagList(flags, 'env').find((pair) => !pair.includes('='));
    if (badEnv !== undefined) {
      env.out.stderr(`error: invalid env: ${badEnv}\n`);
      return 1;
    }
    const envVars = flagList(flags, 'env').map((pair) => {
      const eq = pair.indexOf('=');
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
    const annotations = parsePairs(flagList(flags, 'annotations').join(','));
    const pod = podFor({
      name,
      image,
      namespace: env.namespaceGiven ? env.namespace : '',
      labels: Object.keys(labels).length > 0 ? labels : { run: name },
      port: flagInt(flags, 'port'),
      env: envVars,
      command: flagBool(flags, 'command'),
      args: trailing,
      restart: restart as 'Always',
      stdin: interactive,
      tty: flagBool(flags, 'tty'),
      annotations: typeof annotations === 'string' ? {} : annotations,
    } as Parameters<typeof podFor>[0]);
    if (policy) pod.spec.containers[0]!.imagePullPolicy = policy as 'Always';
    const output = flagString(flags, 'output');
    if (dryRun.value === 'client') {
      if (output) return printObjects(env, [pod], flags, true, { typed: true });
      env.out.stdout(`${objectRef(typeForKind('Pod')!, pod)} created (dry run)\n`);
      return 0;
    }
    delete (pod as { status?: unknown }).status;
    const result = env.cluster.api.create(pod, env.namespace, { dryRun: dryRun.value === 'server' });
    env.cluster.settle();
    if (!result.ok) {
      env.out.stderr(formatApiError(result.error));
      return 1;
    }
    if (interactive)
      return attachInteractive(env, result.object, {
        tty: flagBool(flags, 'tty'),
        remove: flagBool(flags, 'rm'),
        quiet: flagBool(flags, 'quiet'),
      });
    // run.go decodes the server's answer into a typed Pod, so -o json has the Go field order
    if (output) return printObjects(env, [result.object], flags, true, { typed: true });
    const suffix = dryRun.value === 'server' ? ' (server dry run)' : '';
    env.out.stdout(`${objectRef(typeForKind('Pod')!, result.object)} created${suffix}\n`);
    return 0;
  },
};
