// kubectl set: `set image` (pods, replica sets, replication controllers, deployments, daemon sets),
// `*=image`, --local -f, --dry-run, --record; `set selector` (Services); `set env` (set-env.ts);
// the other set subcommands are not simulated

import { clone } from '../../api/meta.ts';
import type { Container, LabelSelectorRequirement } from '../../api/types.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { flagBool, flagList, flagString, type FlagSpec } from '../flags.ts';
import { parseToLabelSelector } from '../../api/validation/selectors.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import {
  LOCAL_NEEDS_FILES,
  noPodTemplateError,
  parseSetFlags,
  patchPodTemplate,
  podSpecOf,
  SET_TARGET_FLAGS,
} from './set-common.ts';
import { SET_ENV_FLAGS, setEnvCommand } from './set-env.ts';
import { checkErr, fromServer, plain, printOperation, selectObjects, subcommandOf, type CmdError } from './select.ts';

const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const NOT_SIMULATED = ['resources', 'serviceaccount', 'subject'];

export const SET_IMAGE_FLAGS: FlagSpec[] = [...SET_TARGET_FLAGS, RECORD_FLAG];

/** cmdutil.GetResourcesAndPairs: resource words first, then KEY=VALUE (or KEY-) pairs */
export function resourcesAndPairs(
  args: string[],
  pairType: string,
): { ok: true; resources: string[]; pairs: string[] } | { ok: false; error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return { ok: false, error: `all resources must be specified before ${pairType} changes: ${s}` };
  }
  return { ok: true, resources, pairs };
}

/** cmdutil.ParsePairs: new pairs in order (the last value wins), removals when supported */
export function parsePairs(
  pairs: string[],
  pairType: string,
  supportRemove: boolean,
): { ok: true; set: Map<string, string>; remove: string[] } | { ok: false; error: string } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=') && pair[0] !== '=') {
      const eq = pair.indexOf('=');
      set.set(pair.slice(0, eq), pair.slice(eq + 1));
    } else if (supportRemove && pair.endsWith('-') && pair !== '-') remove.push(pair.slice(0, -1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) return { ok: false, error: `invalid ${pairType} format: ${invalid.join(', ')}` };
  return { ok: true, set, remove };
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      c.image = image;
      found = true;
    }
  }
  return found;
}

async function setImageCommand(env: KubectlEnv, args: string[]): Promise<number> {
  const start = parseSetFlags(env, args, SET_IMAGE_FLAGS, 'kubectl set image');
  if (typeof start === 'number') return start;
  const { flags, dryRun } = start;

  const split = resourcesAndPairs(flags.positionals, 'image');
  if (!split.ok) return checkErr(env, [plain(split.error)]);
  const images = parsePairs(split.pairs, 'image', false);
  if (!images.ok) return checkErr(env, [plain(images.error)]);
  const local = flagBool(flags, 'local');
  const files = flagList(flags, 'filename');
  if (local && split.resources.length > 0) return checkErr(env, [plain(LOCAL_NEEDS_FILES)]);

  // Complete builds the object list before Validate looks at the arguments
  const selection = selectObjects(env, {
    args: split.resources,
    files,
    recursive: flagBool(flags, 'recursive'),
    selector: local ? undefined : flagString(flags, 'selector'),
    all: flagBool(flags, 'all'),
    local,
    verb: 'set',
  });
  if (!selection.ok) return checkErr(env, [selection.error]);
  if (selection.errors.length > 0) return checkErr(env, selection.errors);

  const invalid: CmdError[] = [];
  if (flagBool(flags, 'all') && flagString(flags, 'selector') !== undefined)
    invalid.push(plain('cannot set --all and --selector at the same time'));
  if (split.resources.length < 1 && files.length === 0)
    invalid.push(plain('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
  if (images.set.size < 1) invalid.push(plain('at least one image update is required'));
  else if (images.set.size > 1 && images.set.has('*'))
    invalid.push(plain('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
  if (local && dryRun === 'server')
    invalid.push(plain('cannot specify --local and --dry-run=server - did you mean --dry-run=client?'));
  if (invalid.length > 0) return checkErr(env, invalid);

  const errors: CmdError[] = [];
  for (const { type, object } of selection.items) {
    const next = clone(object);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(noPodTemplateError(type, object));
      continue;
    }
    for (const [name, image] of images.set) {
      const initFound = setImage(spec.initContainers, name, image);
      const found = setImage(spec.containers, name, image);
      if (!found && !initFound) errors.push(plain(`error: unable to find container named "${name}"`));
    }
    recordChange(env, flags, SET_IMAGE_FLAGS, next);
    const outcome = patchPodTemplate(env, object, next, flags, local ? 'local' : dryRun, 'image');
    if (outcome.kind === 'failed') errors.push(outcome.error);
    else if (outcome.kind === 'updated') printOperation(env, outcome.object, 'image updated', flags, 'none', { typed: true });
  }
  return checkErr(env, errors);
}

/** set selector's flags: the resource builder's (no -l), printing, --record, --resource-version */
export const SET_SELECTOR_FLAGS: FlagSpec[] = [
  ...SET_IMAGE_FLAGS.filter((f) => f.name !== 'selector'),
  { name: 'resource-version', kind: 'string' },
];

/** Go's %v of a []metav1.LabelSelectorRequirement */
const goRequirements = (reqs: LabelSelectorRequirement[]) =>
  `[${reqs.map((r) => `{${r.key} ${r.operator} [${(r.values ?? []).join(' ')}]}`).join(' ')}]`;

/** kubectl set selector: the last argument replaces a Service's whole selector */
function setSelectorCommand(env: KubectlEnv, args: string[]): number {
  const start = parseSetFlags(env, args, SET_SELECTOR_FLAGS, 'kubectl set selector');
  if (typeof start === 'number') return start;
  const { flags, dryRun } = start;

  // getResourcesAndSelector: the selector is the last argument, the resources come before it
  const positionals = flags.positionals;
  const resources = positionals.slice(0, -1);
  const selectorText = positionals.at(-1);
  const selector = selectorText === undefined ? null : parseToLabelSelector(selectorText);
  if (selector && !selector.ok) return checkErr(env, [plain(selector.error)]);
  if (!selector) return checkErr(env, [plain('one selector is required')]);

  const local = flagBool(flags, 'local');
  if (local && resources.length > 0) return checkErr(env, [plain(LOCAL_NEEDS_FILES)]);
  const selection = selectObjects(env, {
    args: resources,
    files: flagList(flags, 'filename'),
    recursive: flagBool(flags, 'recursive'),
    all: flagBool(flags, 'all'),
    local,
    verb: 'set',
  });
  if (!selection.ok) return checkErr(env, [selection.error]);
  if (selection.errors.length > 0) return checkErr(env, selection.errors);

  // the first object that cannot take the selector ends the command, as Visit does
  for (const { object } of selection.items) {
    if (object.kind !== 'Service') return checkErr(env, [plain('setting a selector is only supported for Services')]);
    if (selector.matchExpressions.length > 0)
      return checkErr(env, [plain(`match expression ${goRequirements(selector.matchExpressions)} not supported on this object`)]);
    const next = clone(object);
    const spec = (next.spec ??= {}) as { selector?: Record<string, string> };
    // an empty map is omitted when the object is written: the Service is left without a selector
    if (Object.keys(selector.matchLabels).length > 0) spec.selector = { ...selector.matchLabels };
    else delete spec.selector;
    recordChange(env, flags, SET_SELECTOR_FLAGS, next);
    if (local || dryRun === 'client') {
      printOperation(env, next, 'selector updated', flags, local ? 'none' : 'client', { typed: true });
      continue;
    }
    const resourceVersion = flagString(flags, 'resource-version');
    if (resourceVersion !== undefined && resourceVersion !== '') next.metadata.resourceVersion = resourceVersion;
    else delete next.metadata.resourceVersion;
    if (dryRun === 'server') {
      printOperation(env, next, 'selector updated', flags, 'server', { typed: true });
      continue;
    }
    const result = env.cluster.api.update(next);
    env.cluster.settle();
    if (!result.ok) return checkErr(env, [fromServer(result.error)]);
    printOperation(env, result.object, 'selector updated', flags, 'none', { typed: true });
  }
  return 0;
}

export const setVerb: Verb = {
  name: 'set',
  summary: 'Set specific features on objects',
  flags: [],
  parsesOwnFlags: true,
  subcommands: [
    { name: 'env', flags: SET_ENV_FLAGS, operands: { kind: 'objects' } },
    { name: 'image', flags: SET_IMAGE_FLAGS, operands: { kind: 'objects' } },
    { name: 'selector', flags: SET_SELECTOR_FLAGS, operands: { kind: 'objects' } },
  ],
  run(env, _flags, args) {
    const { sub, rest } = subcommandOf(args);
    if (sub === undefined) {
      if (args.some((a) => a === '-h' || a === '--help')) {
        env.out.stdout(SET_HELP);
        return 0;
      }
      env.out.stderr(SET_HELP);
      return 1;
    }
    if (sub === 'image') return setImageCommand(env, rest);
    if (sub === 'selector') return setSelectorCommand(env, rest);
    if (sub === 'env') return setEnvCommand(env, rest);
    // `sa` is serviceaccount's alias
    const notSimulated = sub === 'sa' ? 'serviceaccount' : sub;
    if (NOT_SIMULATED.includes(notSimulated)) {
      env.out.stderr(`kubesim: 'kubectl set ${notSimulated}' is not simulated\n`);
      return 1;
    }
    env.out.stderr(`error: unknown command "${sub}"\nSee 'kubectl set -h' for help and examples\n`);
    return 1;
  },
};
