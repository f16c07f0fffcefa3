// kubectl edit: the object's YAML (a List for several) with upstream's header goes to the host's
// editor under /tmp/kubectl-edit-*.yaml; what comes back is applied. Invalid edits reopen the
// editor with the reasons in the header, as upstream does. Without an editor (the CLI, scripts)
// it says so and fails.

import { parseAllDocuments } from 'yaml';
import { clone } from '../../api/meta.ts';
import type { StatusError } from '../../api/status-errors.ts';
import { typeForKind, qualifiedName } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { createOrUpdateAnnotation } from '../apply-merge.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { flagBool, flagList, flagString, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { parseManifestText } from '../manifests.ts';
import { toJson } from '../printers/json.ts';
import { toYaml } from '../printers/yaml.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import { checkErr, plain, printOperation, selectObjects, type Selected } from './select.ts';

const NO_EDITOR = "kubesim: 'kubectl edit' needs the browser's editor; use kubectl apply -f in scripts\n";

const EDIT_FLAGS: FlagSpec[] = [
  { name: 'kustomize', short: 'k', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'save-config', kind: 'bool' },
  { name: 'validate', kind: 'string' },
  { name: 'windows-line-endings', kind: 'bool' },
  { name: 'field-manager', kind: 'string' },
  { name: 'subresource', kind: 'string' },
  { name: 'output-patch', kind: 'bool' },
  { name: 'show-managed-fields', kind: 'bool' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  RECORD_FLAG,
];

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

const hashOnLineBreak = (s: string) => s.replace(/\n(?!#)/g, '\n# ');

function header(reasons: Reason[]): string {
  let text = HEADER;
  for (const r of reasons) {
    text += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) text += `# * ${hashOnLineBreak(o)}\n`;
    text += '#\n';
  }
  return text;
}

/** cmdutil.ManualStrip: drops comment lines */
const manualStrip = (text: string) =>
  text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');

/** cmdutil.StripComments: the document as JSON, or without comment lines when it does not parse */
function stripComments(text: string): string {
  try {
    const docs = parseAllDocuments(text);
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => d.errors.length > 0)) return manualStrip(text);
    return JSON.stringify(list.map((d) => d.toJS() as unknown));
  } catch {
    return manualStrip(text);
  }
}

/** a line with something besides whitespace and comments */
const hasLines = (text: string) => text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));

const comparable = (obj: KubeObject) => JSON.stringify(JSON.parse(JSON.stringify(obj)));

function resourceString(item: Selected): string {
  return qualifiedName(item.type);
}

function causesOf(error: StatusError): string[] {
  return (error.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
}

export const editVerb: Verb = {
  name: 'edit',
  summary: 'Edit a resource on the server',
  operands: { kind: 'objects', repeat: true },
  flags: EDIT_FLAGS,
  async run(env, flags, args) {
    const editor = env.host.edit?.bind(env.host);
    if (!editor) {
      env.out.stderr(NO_EDITOR);
      return 1;
    }
    const output = flagString(flags, 'output') ?? 'yaml';
    if (output !== 'yaml' && output !== 'json')
      return checkErr(env, [plain(`invalid output format ${output}, only yaml|json supported`)]);
    const selection = selectObjects(env, {
      args,
      files: flagList(flags, 'filename'),
      recursive: flagBool(flags, 'recursive'),
      bareType: true,
      verb: 'edit',
    });
    if (!selection.ok) return checkErr(env, [selection.error]);
    if (selection.errors.length > 0) return checkErr(env, selection.errors);
    if (selection.items.length === 0) return checkErr(env, [plain('edit cancelled, no objects found')]);
    return editLoop(env, flags, selection.items, output, editor);
  },
};

async function editLoop(
  env: KubectlEnv,
  flags: ParsedFlags,
  infos: Selected[],
  output: 'yaml' | 'json',
  editor: (path: string, text: string, title: string) => Promise<string | null>,
): Promise<number> {
  const title = `kubectl edit ${infos.map((i) => `${i.type.kind.toLowerCase()}/${i.object.metadata.name}`).join(' ')}`;
  const originalObj: unknown =
    infos.length === 1 ? infos[0]!.object : { apiVersion: 'v1', items: infos.map((i) => i.object), kind: 'List', metadata: {} };
  const print = (obj: unknown) => (output === 'json' ? toJson(obj) : toYaml(obj));
  const path = `/tmp/kubectl-edit-${Math.floor(env.cluster.clock.now() / 1000) % 4294967296}.${output}`;
  env.fs.mkdir('/tmp', true);
  let reasons: Reason[] = [];
  let containsError = false;
  let original = '';
  let edited = '';
  const preserved = (message: string): number => {
    env.out.stderr(`A copy of your changes has been stored to "${path}"\n`);
    return checkErr(env, [plain(message)]);
  };
  for (;;) {
    let buffer = header(reasons);
    if (!containsError) {
      buffer += print(originalObj);
      original = buffer;
    } else {
      buffer += manualStrip(edited);
    }
    const previous = edited;
    env.fs.writeFile(path, buffer);
    const result = await editor(path, buffer, title);
    edited = result ?? buffer;
    env.fs.writeFile(path, edited);
    if (containsError && stripComments(previous) === stripComments(edited))
      return preserved('Edit cancelled, no valid changes were saved.');
    if (stripComments(original) === stripComments(edited)) {
      env.fs.remove(path);
      env.out.stderr('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      env.fs.remove(path);
      env.out.stderr('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    reasons = [];
    const parsed = parseManifestText(edited, 'edited-file');
    if (!parsed.ok) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${parsed.error.replace(/^error: /, '')}`, other: [] });
      continue;
    }
    let retryable = 0;
    let notFound = 0;
    let invalid = 0;
    for (const manifest of parsed.manifests) {
      const changed = manifest.object;
      const info = infos.find((i) => i.object.metadata.uid === changed.metadata?.uid);
      if (!info) return preserved(`no original object found for ${JSON.stringify(changed)}`);
      const orig = info.object;
      if (comparable(changed) === comparable(orig)) {
        printOperation(env, orig, 'skipped', flags);
        continue;
      }
      if (
        changed.apiVersion !== orig.apiVersion ||
        changed.kind !== orig.kind ||
        changed.metadata?.name !== orig.metadata.name ||
        !typeForKind(changed.kind)
      )
        return preserved('At least one of apiVersion, kind and name was changed');
      const next = clone(changed);
      if (orig.metadata.namespace) next.metadata.namespace = orig.metadata.namespace;
      // editoptions.go: CreateOrUpdateAnnotation(true, …) when --save-config is given
      if (flagBool(flags, 'save-config')) createOrUpdateAnnotation(next, true);
      recordChange(env, flags, EDIT_FLAGS, next);
      if (next.metadata.resourceVersion === orig.metadata.resourceVersion) delete next.metadata.resourceVersion;
      const stored = env.cluster.api.update(next);
      env.cluster.settle();
      const name = `${resourceString(info)} "${orig.metadata.name}"`;
      if (!stored.ok) {
        const error = stored.error;
        if (error.reason === 'Invalid') {
          invalid++;
          reasons.push({ head: `${name} was not valid`, other: causesOf(error) });
          env.out.stderr(`error: ${name} is invalid\n`);
        } else if (error.reason === 'NotFound') {
          notFound++;
          env.out.stderr(`error: ${name} could not be found on the server\n`);
        } else {
          retryable++;
          env.out.stderr(`error: ${name} could not be patched: ${error.message}\n`);
        }
        continue;
      }
      printOperation(env, stored.object, 'edited', flags);
    }
    if (retryable > 0) {
      env.out.stderr(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`);
      return 1;
    }
    if (notFound > 0) {
      env.out.stderr(`The edits you made on deleted resources have been saved to "${path}"\n`);
      return 1;
    }
    if (invalid === 0) {
      env.fs.remove(path);
      return 0;
    }
    containsError = true;
  }
}
