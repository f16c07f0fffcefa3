// -o and friends: one place that turns objects into what kubectl prints for tables, wide,
// yaml, json, name, jsonpath and custom-columns

import { typeForKind } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagList, flagString } from './flags.ts';
import type { KubectlEnv } from './env.ts';
import { objectRef } from './objects.ts';
import { printCustomColumns } from './printers/custom-columns.ts';
import { printJsonPath } from './printers/jsonpath.ts';
import { listWrapper, toJson } from './printers/json.ts';
import { printTable, type TableOptions } from './printers/table.ts';
import { toYaml } from './printers/yaml.ts';
import { toTypedJson } from './typed-json.ts';

/** genericclioptions.PrintFlags: the flags of a command that prints what it changed */
export const PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
];

export const OUTPUT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'show-labels', kind: 'bool' },
  { name: 'label-columns', short: 'L', kind: 'stringArray' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'show-kind', kind: 'bool' },
  { name: 'sort-by', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
];

/** PrintFlags' formats for commands that print what they changed (get adds wide and custom-columns) */
export const PRINT_FORMATS = [
  'json',
  'yaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
];

/** kubectl get accepts the printing formats plus its own, and lists them sorted when one is wrong (and on Tab after -o) */
export const FORMATS = [...PRINT_FORMATS, 'custom-columns', 'custom-columns-file', 'wide'].sort();
/** checks -o before anything happens, with kubectl's message for an unknown format */
export function validateOutput(flags: ParsedFlags): string | null {
  const output = flagString(flags, 'output');
  if (output === undefined || output === '') return null;
  const format = output.split('=')[0]!;
  if (FORMATS.includes(format)) {
    if (format.startsWith('go-template') || format.startsWith('template'))
      return `kubesim: -o ${format} is not simulated; use -o jsonpath or -o custom-columns`;
    return null;
  }
  return `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS.join(',')}`;
}

function labelColumns(flags: ParsedFlags): string[] {
  return flagList(flags, 'label-columns')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
}

export interface TableGroup {
  objects: KubeObject[];
}

/** how -o wide, --no-headers, --show-labels, -L, -A and several kinds shape a table */
export function tableOptions(env: KubectlEnv, flags: ParsedFlags, withNamespace: boolean, severalKinds: boolean): TableOptions {
  return {
    now: env.cluster.clock.now(),
    wide: (flagString(flags, 'output') ?? '') === 'wide',
    noHeaders: flagBool(flags, 'no-headers'),
    showLabels: flagBool(flags, 'show-labels'),
    labelColumns: labelColumns(flags),
    withNamespace,
    withKind: severalKinds || flagBool(flags, 'show-kind'),
  };
}

export interface PrintOptions {
  withNamespace?: boolean;
  /**
   * kubectl holds the object as its Go type (a generator's object, or the server's answer decoded
   * by a typed client): `-o json` writes the struct's fields in declaration order, not sorted, and
   * every format shows the empty structs the type holds by value
   */
  typed?: boolean;
}

/** prints objects (possibly of several kinds) in the format -o asks for; `single` = one named object */
export function printObjects(
  env: KubectlEnv,
  objects: KubeObject[],
  flags: ParsedFlags,
  single: boolean,
  options: PrintOptions = {},
): number {
  const output = flagString(flags, 'output') ?? '';
  const [format, ...rest] = output.split('=');
  const arg = rest.join('=');
  // every printer but json's own sees a typed object as its JSON encoding does: the empty structs
  // it holds by value (`status: {}`, `resources: {}`) are there
  if (options.typed && format !== 'json') objects = objects.map((o) => JSON.parse(toTypedJson(o)) as KubeObject);
  if (format === 'yaml') {
    env.out.stdout(single && objects.length === 1 ? toYaml(objects[0]!) : toYaml(listWrapper(objects)));
    return 0;
  }
  if (format === 'json') {
    const one = single && objects.length === 1 ? objects[0]! : undefined;
    env.out.stdout(one ? (options.typed ? toTypedJson(one) : toJson(one)) : toJson(listWrapper(objects)));
    return 0;
  }
  if (format === 'name') {
    env.out.stdout(objects.map((o) => `${objectRef(typeForKind(o.kind)!, o)}\n`).join(''));
    return 0;
  }
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
    const data = single && objects.length === 1 ? objects[0]! : listWrapper(objects);
    const result = printJsonPath(arg, data, { allowMissingKeys: flagBool(flags, 'allow-missing-template-keys', true) });
    if (!result.ok) {
      env.out.stderr(result.error.endsWith('\n') ? result.error : result.error + '\n');
      return 1;
    }
    env.out.stdout(result.text);
    return 0;
  }
  if (format === 'custom-columns') {
    const result = printCustomColumns(arg, objects, { noHeaders: flagBool(flags, 'no-headers') });
    if (!result.ok) {
      env.out.stderr(result.error.endsWith('\n') ? result.error : result.error + '\n');
      return 1;
    }
    env.out.stdout(result.text);
    return 0;
  }
  // tables: one per kind, in the order kinds first appear, separated by a blank line
  const kinds = [...new Set(objects.map((o) => o.kind))];
  const table = tableOptions(env, flags, options.withNamespace ?? false, kinds.length > 1);
  const tables = kinds.map((kind) =>
    printTable(
      objects.filter((o) => o.kind === kind),
      table,
    ),
  );
  env.out.stdout(tables.join('\n'));
  return 0;
}
