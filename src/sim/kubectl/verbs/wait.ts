// kubectl wait: --for=condition=NAME[=VALUE], --for=jsonpath='{...}'[=VALUE], --for=delete and
// --for=create on TYPE/NAME, TYPE NAME, -l, --all or -f; one deadline (--timeout, 30s by default)
// for everything, `pod/web condition met` per object, errors reported at the end

import type { KubeObject } from '../../api/types.ts';
import { waitFor, type KubectlEnv, type Verb } from '../env.ts';
import { flagBool, flagList, flagString, type FlagSpec } from '../flags.ts';
import { compileJsonPath, evaluateJsonPath, valueText } from '../printers/jsonpath.ts';
import { isPlainObject } from '../printers/go-fmt.ts';
import { toUnstructured } from '../printers/json.ts';
import {
  checkErr,
  durationFlag,
  plain,
  printOperation,
  selectObjects,
  standard,
  validatePrintFlags,
  type CmdError,
  type Selected,
} from './select.ts';

const WAIT_FLAGS: FlagSpec[] = [
  { name: 'for', kind: 'string' },
  { name: 'timeout', kind: 'duration' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'field-selector', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'local', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
];

/** a week, what a negative --timeout means */
const FOREVER_MS = 168 * 3600_000;

/** true/false when the object's state decides, or the error that ends the wait for it */
type Check = (obj: KubeObject) => boolean | { error: string };

type Condition = { kind: 'delete' } | { kind: 'create' } | { kind: 'check'; check: Check };

/** cmdget.RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}` */
function relaxedJsonPath(expression: string): { ok: true; value: string } | { ok: false; error: string } {
  if (expression === '') return { ok: true, value: '' };
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!m)
    return {
      ok: false,
      error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  return { ok: true, value: `{.${m[1] ?? m[2]}}` };
}

/** splits on single '=' only: `==` inside a filter stays */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        element += '==';
        i++;
        continue;
      }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  out.push(element);
  return out;
}

function conditionCheck(name: string, value: string): Check {
  return (obj) => {
    const status = obj.status as { conditions?: unknown; observedGeneration?: number } | undefined;
    const conditions = Array.isArray(status?.conditions) ? (status.conditions as Record<string, unknown>[]) : [];
    for (const c of conditions) {
      if (typeof c['type'] !== 'string' || c['type'].toLowerCase() !== name.toLowerCase()) continue;
      if (typeof c['status'] !== 'string') continue;
      const generation = obj.metadata.generation;
      if (generation !== undefined) {
        const observed = typeof c['observedGeneration'] === 'number' ? c['observedGeneration'] : status?.observedGeneration;
        if (observed !== undefined && observed < generation) return false;
      }
      return c['status'].toLowerCase() === value.toLowerCase();
    }
    return false;
  };
}

/** waitFor's --for parsing; the error is upstream's */
function parseCondition(text: string): { ok: true; condition: Condition } | { ok: false; error: string } {
  if (text.toLowerCase() === 'delete') return { ok: true, condition: { kind: 'delete' } };
  if (text.toLowerCase() === 'create') return { ok: true, condition: { kind: 'create' } };
  if (text.startsWith('condition=')) {
    let name = text.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { ok: true, condition: { kind: 'check', check: conditionCheck(name, value) } };
  }
  if (text.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(text.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2)
      return {
        ok: false,
        error:
          "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
      };
    const relaxed = relaxedJsonPath(parts[0]!);
    if (!relaxed.ok) return relaxed;
    let wanted: string | null = null;
    if (parts.length === 2) {
      wanted = parts[1]!.replace(/^['"]+|['"]+$/g, '');
      if (wanted === '')
        return {
          ok: false,
          error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
        };
    }
    if (relaxed.value === '') return { ok: false, error: 'jsonpath expression cannot be empty' };
    const compiled = compileJsonPath(relaxed.value);
    if (!compiled.ok) return { ok: false, error: compiled.message };
    const check: Check = (obj) => {
      const run = evaluateJsonPath(compiled.nodes, toUnstructured(obj), true);
      if (!run.ok) return { error: run.message };
      const results = run.results;
      if (results.length === 0 || results[0]!.length === 0) return false;
      if (results.length > 1) return { error: 'given jsonpath expression matches more than one list' };
      if (results[0]!.length > 1) return { error: 'given jsonpath expression matches more than one value' };
      if (wanted === null) return true;
      const found = results[0]![0];
      if (Array.isArray(found) || isPlainObject(found))
        return { error: 'jsonpath leads to a nested object or list which is not supported' };
      return valueText(found).trim() === wanted.trim();
    };
    return { ok: true, condition: { kind: 'check', check } };
  }
  return { ok: false, error: `unrecognized condition: ${JSON.stringify(text)}` };
}

const isNotFound = (e: CmdError) => e.message.startsWith('Error from server (NotFound)');

async function waitForCreate(
  env: KubectlEnv,
  select: () => ReturnType<typeof selectObjects>,
  timeoutMs: number,
  print: (o: KubeObject) => void,
) {
  let selection = select();
  const exists = () => {
    selection = select();
    return !selection.ok || !selection.errors.some(isNotFound);
  };
  const outcome = await waitFor(env, exists, timeoutMs, 2000);
  if (outcome === 'interrupted') return 130;
  if (outcome === 'timeout') return checkErr(env, [plain('timed out waiting for the condition')]);
  if (!selection.ok) return checkErr(env, [selection.error]);
  for (const item of selection.items) print(item.object);
  return checkErr(env, selection.errors);
}

export const waitVerb: Verb = {
  name: 'wait',
  summary: 'Experimental: Wait for a specific condition on one or many resources',
  operands: { kind: 'objects', repeat: true },
  flags: WAIT_FLAGS,
  async run(env, flags, args) {
    const outputError = validatePrintFlags(flags);
    if (outputError) return checkErr(env, [outputError]);
    const given = durationFlag(flags, 'timeout', 30_000);
    const timeoutMs = given < 0 ? FOREVER_MS : given;
    const parsed = parseCondition(flagString(flags, 'for') ?? '');
    if (!parsed.ok) return checkErr(env, [plain(parsed.error)]);
    const condition = parsed.condition;
    if (flagString(flags, 'field-selector') !== undefined)
      return checkErr(env, [standard('kubesim: --field-selector is not simulated for kubectl wait')]);

    const select = () =>
      selectObjects(env, {
        args,
        files: flagList(flags, 'filename'),
        recursive: flagBool(flags, 'recursive'),
        selector: flagString(flags, 'selector'),
        all: flagBool(flags, 'all'),
        allNamespaces: flagBool(flags, 'all-namespaces'),
        verb: 'wait',
      });
    const print = (obj: KubeObject) => printOperation(env, obj, 'condition met', flags);
    if (condition.kind === 'create') return waitForCreate(env, select, timeoutMs, print);

    const selection = select();
    if (!selection.ok) return checkErr(env, [selection.error]);
    const errors: CmdError[] =
      condition.kind === 'delete' ? selection.errors.filter((e) => !isNotFound(e)) : [...selection.errors];
    if (selection.items.length === 0 && errors.length === 0 && condition.kind !== 'delete')
      return checkErr(env, [plain('no matching resources found')]);

    const deadline = env.cluster.clock.now() + timeoutMs;
    for (const item of selection.items) {
      const outcome = await waitOne(env, item, condition, timeoutMs, deadline);
      if (outcome === 'interrupted') return 130;
      if ('error' in outcome) errors.push(outcome.error);
      else print(outcome.object);
    }
    return checkErr(env, errors);
  },
};

async function waitOne(
  env: KubectlEnv,
  { type, object }: Selected,
  condition: Exclude<Condition, { kind: 'create' }>,
  timeoutMs: number,
  deadline: number,
): Promise<{ object: KubeObject } | { error: CmdError } | 'interrupted'> {
  const where = `${type.resource}/${object.metadata.name}`;
  const current = () => env.cluster.api.get(object.kind, object.metadata.namespace, object.metadata.name!);
  let last: KubeObject = object;
  let failure: string | null = null;
  let met: () => boolean;
  if (condition.kind === 'delete') {
    met = () => {
      const now = current();
      if (!now || now.metadata.uid !== object.metadata.uid) return true;
      last = now;
      return false;
    };
  } else {
    met = () => {
      const now = current();
      if (!now) return false;
      last = now;
      const result = condition.check(now);
      if (typeof result === 'object') {
        failure = result.error;
        return true;
      }
      return result;
    };
  }
  if (condition.kind !== 'delete' && !current())
    return {
      error: {
        message: `Error from server (NotFound): ${type.group ? `${type.resource}.${type.group}` : type.resource} "${object.metadata.name}" not found`,
        standard: true,
      },
    };
  if (timeoutMs === 0) {
    env.cluster.settle();
    if (met()) return failure ? { error: plain(failure) } : { object: last };
    return { error: plain(`condition not met for ${where}`) };
  }
  const remaining = deadline - env.cluster.clock.now();
  if (remaining < 0) return { error: plain(`timed out waiting for the condition on ${where}`) };
  const outcome = await waitFor(env, met, remaining);
  if (outcome === 'interrupted') return 'interrupted';
  if (outcome === 'timeout') return { error: plain(`timed out waiting for the condition on ${where}`) };
  if (failure) return { error: plain(failure) };
  return { object: last };
}
