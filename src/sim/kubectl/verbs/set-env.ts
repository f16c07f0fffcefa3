// kubectl set env (set_env.go, env_parse.go, env_resolve.go): KEY=VALUE and KEY- after the
// resources, -e, `-` for stdin, --from a ConfigMap (--keys, --prefix), -c with wildcards,
// --overwrite=false, --list (--resolve), --local -f, --dry-run and -o; a change to a pod template
// starts a rollout as any other does
import { clone } from '../../api/meta.ts';
import type { ConfigMap, Container, EnvVar, KubeObject } from '../../api/types.ts';
import { isStrictEnvVarName } from '../../api/validation/names.ts';
import type { KubectlEnv } from '../env.ts';
import { flagBool, flagList, flagString, type FlagSpec } from '../flags.ts';
import { noPodTemplateError, parseSetFlags, patchPodTemplate, podSpecOf, SET_TARGET_FLAGS } from './set-common.ts';
import { checkErr, plain, printOperation, selectObjects, type CmdError } from './select.ts';

export const SET_ENV_FLAGS: FlagSpec[] = [
  ...SET_TARGET_FLAGS,
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'containers', short: 'c', kind: 'string' },
  { name: 'from', kind: 'string' },
  { name: 'prefix', kind: 'string' },
  { name: 'env', short: 'e', kind: 'stringArray' },
  { name: 'keys', kind: 'stringArray' },
  { name: 'list', kind: 'bool' },
  { name: 'resolve', kind: 'bool' },
  { name: 'overwrite', kind: 'bool' },
];

/** env_parse.go IsEnvironmentArgument: anything, `=`, anything */
const isEnvironmentArgument = (s: string) => /^[\s\S]+=[\s\S]*$/.test(s);

/** SplitEnvironmentFromResources: resources first, then KEY=VALUE or KEY- words; null when a resource follows them */
function splitEnvironment(args: string[]): { resources: string[]; envArgs: string[] } | null {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = isEnvironmentArgument(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length === 0) resources.push(s);
    else return null;
  }
  return { resources, envArgs };
}

type Parsed = { ok: true; env: EnvVar[]; remove: string[] } | { ok: false; error: string };

/** env_parse.go parseIntoEnvVar: `-` reads KEY=VALUE lines from stdin (# starts a comment) */
function parseEnv(specs: string[], stdin: string): Parsed {
  const env: EnvVar[] = [];
  const set = new Set<string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') {
      for (let line of stdin.split('\n')) {
        const hash = line.indexOf('#');
        if (hash >= 0) line = line.slice(0, hash);
        const eq = line.indexOf('=');
        if (eq >= 0) env.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
      }
    } else if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const errors = isStrictEnvVarName(name);
      if (errors.length > 0) return { ok: false, error: `"${name}" is not a valid key name: ${errors.join(';')}` };
      set.add(name);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      return { ok: false, error: `unknown environment variable: ${spec}` };
    }
  }
  if (remove.some((name) => set.has(name)))
    return { ok: false, error: 'can not both modify and remove the same environment variable in the same command' };
  return { ok: true, env, remove };
}

/** helper.go selectString: a spec with non-greedy `*` wildcards */
function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    // Go compares the index within the rest of the string to the position in the whole one, as written
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}

/** helper.go updateEnv: existing variables keep their places (replaced or removed), new ones follow in order */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

interface ValueFrom {
  configMapKeyRef?: { name?: string; key?: string };
  secretKeyRef?: { name?: string; key?: string };
  fieldRef?: { fieldPath?: string };
  resourceFieldRef?: { containerName?: string; resource?: string };
}

/** env_resolve.go GetEnvVarRefString */
function refString(from: ValueFrom): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key ?? ''}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key ?? ''}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath ?? ''}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${prefix}${from.resourceFieldRef.resource ?? ''}`;
  }
  return 'invalid valueFrom';
}

/** env_resolve.go GetEnvVarRefValue, for the references this cluster can answer */
function refValue(env: KubectlEnv, namespace: string, from: ValueFrom, obj: KubeObject): { value: string } | { error: string } {
  // this cluster keeps no Secrets: a reference to one finds nothing, as it would where none exists
  if (from.secretKeyRef) return { error: `secrets "${from.secretKeyRef.name ?? ''}" not found` };
  if (from.configMapKeyRef) {
    const name = from.configMapKeyRef.name ?? '';
    const map = env.cluster.api.get<ConfigMap>('ConfigMap', namespace, name);
    if (!map) return { error: `configmaps "${name}" not found` };
    const key = from.configMapKeyRef.key ?? '';
    const value = map.data?.[key];
    return value === undefined ? { error: `key ${key} not found in config map ${name}` } : { value };
  }
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath ?? '';
    const meta = obj.metadata;
    const subscript = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path);
    if (subscript) {
      const map = subscript[1] === 'metadata.labels' ? meta.labels : meta.annotations;
      return { value: map?.[subscript[2]!] ?? '' };
    }
    const formatMap = (m: Record<string, string> | undefined) =>
      Object.keys(m ?? {})
        .sort()
        .map((k) => `${k}=${JSON.stringify(m![k])}`)
        .join('\n');
    switch (path) {
      case 'metadata.annotations':
        return { value: formatMap(meta.annotations) };
      case 'metadata.labels':
        return { value: formatMap(meta.labels) };
      case 'metadata.name':
        return { value: meta.name ?? '' };
      case 'metadata.namespace':
        return { value: meta.namespace ?? '' };
      case 'metadata.uid':
        return { value: meta.uid ?? '' };
    }
    return { error: `unsupported fieldPath: ${path}` };
  }
  return { error: 'invalid valueFrom' };
}

export async function setEnvCommand(env: KubectlEnv, args: string[]): Promise<number> {
  const start = parseSetFlags(env, args, SET_ENV_FLAGS, 'kubectl set env');
  if (typeof start === 'number') return start;
  const { flags, dryRun } = start;
  const selector = flagString(flags, 'selector');
  const all = flagBool(flags, 'all');
  const local = flagBool(flags, 'local');
  const list = flagBool(flags, 'list');
  const from = flagString(flags, 'from');
  const files = flagList(flags, 'filename');

  // Complete
  if (all && selector !== undefined) return checkErr(env, [plain('cannot set --all and --selector at the same time')]);
  const split = splitEnvironment(flags.positionals);
  if (!split)
    return checkErr(env, [plain(`all resources must be specified before environment changes: ${flags.positionals.join(' ')}`)]);
  // Validate
  if (local && dryRun === 'server')
    return checkErr(env, [plain('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')]);
  if (files.length === 0 && split.resources.length < 1)
    return checkErr(env, [plain('one or more resources must be specified as <resource> <name> or <resource>/<name>')]);
  if (list && flagString(flags, 'output')) return checkErr(env, [plain('--list and --output may not be specified together')]);
  const keys = flagList(flags, 'keys').flatMap((k) => k.split(','));
  if (keys.length > 0 && !from)
    return checkErr(env, [plain('when specifying --keys, a configmap or secret must be provided with --from')]);

  // RunEnv
  const parsed = parseEnv([...flagList(flags, 'env'), ...split.envArgs], env.stdin);
  if (!parsed.ok) return checkErr(env, [plain(parsed.error)]);
  const vars = parsed.env;
  if (from) {
    const source = selectObjects(env, {
      args: local ? [] : [from],
      files,
      recursive: flagBool(flags, 'recursive'),
      local,
      verb: 'set',
    });
    if (!source.ok) return checkErr(env, [source.error]);
    if (source.errors.length > 0) return checkErr(env, source.errors);
    for (const { object } of source.items) {
      if (object.kind !== 'ConfigMap') return checkErr(env, [plain('unsupported resource specified in --from')]);
      const map = object as ConfigMap;
      // Go ranges over the ConfigMap's data map, in no fixed order: here, sorted
      for (const key of Object.keys(map.data ?? {}).sort()) {
        if (keys.length > 0 && !keys.includes(key)) continue;
        vars.push({
          name: key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase(),
          valueFrom: { configMapKeyRef: { name: map.metadata.name!, key } },
        });
      }
    }
  }
  const prefix = flagString(flags, 'prefix');
  if (prefix) for (const v of vars) v.name = prefix + v.name;

  const selection = selectObjects(env, {
    args: local ? [] : split.resources,
    files,
    recursive: flagBool(flags, 'recursive'),
    selector: local ? undefined : selector,
    all,
    local,
    verb: 'set',
  });
  if (!selection.ok) return checkErr(env, [selection.error]);
  if (selection.errors.length > 0) return checkErr(env, selection.errors);

  const containerSpec = flagString(flags, 'containers') ?? '*';
  const overwrite = flagBool(flags, 'overwrite', true);
  const errors: CmdError[] = [];
  for (const { type, object } of selection.items) {
    const next = clone(object);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(noPodTemplateError(type, object));
      continue;
    }
    const containers: Container[] = [
      ...spec.containers.filter((c) => selectString(c.name, containerSpec)),
      ...(spec.initContainers ?? []).filter((c) => selectString(c.name, containerSpec)),
    ];
    if (containers.length === 0) {
      env.out.stderr(
        `warning: ${object.kind}/${object.metadata.name} does not have any containers matching "${containerSpec}"\n`,
      );
      continue;
    }
    let failed: string | null = null;
    let unresolved = false;
    for (const c of containers) {
      if (!overwrite) {
        const clash = vars.find((v) => {
          const current = c.env?.find((e) => e.name === v.name);
          return current && current.value !== v.value;
        });
        if (clash) {
          const current = c.env!.find((e) => e.name === clash.name)!;
          failed = `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
          break;
        }
      }
      const updated = updateEnv(c.env ?? [], vars, parsed.remove);
      if (updated.length > 0) c.env = updated;
      else delete c.env;
      if (!list) continue;
      env.out.stdout(`# ${object.kind} ${object.metadata.name}, container ${c.name}\n`);
      const resolveErrors = new Map<string, string[]>();
      for (const e of c.env ?? []) {
        const ref = e.valueFrom as ValueFrom | undefined;
        if (!ref) {
          env.out.stdout(`${e.name}=${e.value ?? ''}\n`);
          continue;
        }
        if (flagBool(flags, 'resolve')) {
          const resolved = refValue(env, next.metadata.namespace ?? 'default', ref, next);
          if ('value' in resolved) {
            env.out.stdout(`${e.name}=${resolved.value}\n`);
            continue;
          }
          resolveErrors.set(resolved.error, [...(resolveErrors.get(resolved.error) ?? []), e.name]);
          unresolved = true;
        }
        env.out.stdout(`# ${e.name} from ${refString(ref)}\n`);
      }
      const messages = [...resolveErrors].map(
        ([error, names]) => `error retrieving reference for ${[...names].sort().join(', ')}: ${error}`,
      );
      for (const message of messages.sort()) env.out.stderr(message + '\n');
    }
    if (list) continue;
    if (failed || unresolved) {
      errors.push(
        plain(`error: ${type.resource}/${object.metadata.name} ${failed ?? 'failed to retrieve valueFrom references'}\n`),
      );
      continue;
    }
    const outcome = patchPodTemplate(env, object, next, flags, local ? 'local' : dryRun, 'env');
    if (outcome.kind === 'failed') errors.push(outcome.error);
    if (outcome.kind !== 'updated') continue;
    // checked only once a patch went through, as set_env.go does
    if (vars.length === 0 && split.envArgs.length === 0)
      return checkErr(env, [plain('at least one environment variable must be provided')]);
    printOperation(env, outcome.object, 'env updated', flags, 'none', { typed: true });
  }
  if (list) return 0;
  return checkErr(env, errors);
}
