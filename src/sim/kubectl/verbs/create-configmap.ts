// kubectl create configmap (create_configmap.go): --from-literal, --from-file (a file, key=file,
// or a directory's regular files), --from-env-file, --append-hash, with the checks and messages of
// kubectl's Complete, Validate and key handling; the files come from the learner's machine
import type { ConfigMap } from '../../api/types.ts';
import { goJson } from '../../api/field-errors.ts';
import { isConfigMapKey, isStrictEnvVarName } from '../../api/validation/names.ts';
import type { KubectlEnv } from '../env.ts';
import { flagBool, flagList, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { sha256 } from '../../network/chain-names.ts';

export const CONFIGMAP_FLAGS: FlagSpec[] = [
  { name: 'from-file', kind: 'stringArray' },
  { name: 'from-literal', kind: 'stringArray' },
  { name: 'from-env-file', kind: 'stringArray' },
  { name: 'append-hash', kind: 'bool' },
];

type Built = { ok: true; configMap: ConfigMap } | { ok: false; error: string };

/** addKeyFromLiteralToConfigMap: a valid key, not there already */
function addKey(configMap: ConfigMap, key: string, value: string): string | null {
  const errs = isConfigMapKey(key);
  if (errs.length > 0) return `"${key}" is not a valid key name for a ConfigMap: ${errs.join(',')}`;
  const data = (configMap.data ??= {});
  if (key in data)
    return `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${configMap.metadata.name}"`;
  data[key] = value;
  return null;
}

/** util.ParseFileSource */
function parseFileSource(source: string): { key: string; path: string } | { error: string } {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { key: source.replace(/\/+$/, '').split('/').pop() || '/', path: source };
  if (separators === 1 && source.startsWith('=')) return { error: `key name for file path ${source.slice(1)} missing` };
  if (separators === 1 && source.endsWith('=')) return { error: `file path for key name ${source.slice(0, -1)} missing` };
  if (separators > 1) return { error: "key names or file paths cannot contain '='" };
  const [key = '', path = ''] = source.split('=');
  return { key, path };
}

const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
};

function fromFiles(env: KubectlEnv, configMap: ConfigMap, sources: string[]): string | null {
  for (const source of sources) {
    const parsed = parseFileSource(source);
    if ('error' in parsed) return parsed.error;
    const stat = env.fs.stat(parsed.path);
    if (!stat) return `error reading ${parsed.path}: ${GO_ERRNO['ENOENT']}`;
    if (stat.kind === 'dir') {
      if (source.includes('=')) return 'cannot give a key name for a directory path';
      const names = env.fs.list(parsed.path);
      for (const name of Array.isArray(names) ? names : []) {
        const path = `${parsed.path.replace(/\/+$/, '')}/${name}`;
        if (env.fs.stat(path)?.kind !== 'file') continue;
        const error = addKey(configMap, name, readText(env, path));
        if (error) return error;
      }
      continue;
    }
    const error = addKey(configMap, parsed.key, readText(env, parsed.path));
    if (error) return error;
  }
  return null;
}

function readText(env: KubectlEnv, path: string): string {
  const content = env.fs.readFile(path);
  return typeof content === 'string' ? content : '';
}

/** cmdutil.AddFromEnvFile: KEY=VALUE lines; blank lines and # comments skipped */
function fromEnvFiles(env: KubectlEnv, configMap: ConfigMap, sources: string[]): string | null {
  for (const source of sources) {
    const stat = env.fs.stat(source);
    if (!stat) return `error reading ${source}: ${GO_ERRNO['ENOENT']}`;
    if (stat.kind === 'dir') return 'env config file cannot be a directory';
    const lines = readText(env, source).split('\n');
    if (lines.at(-1) === '') lines.pop();
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!.replace(/\r$/, '');
      if (i === 0) line = line.replace(/^\uFEFF/, '');
      line = line.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const errs = isStrictEnvVarName(key);
      if (errs.length > 0) return `"${key}" is not a valid key name: ${errs.join(';')}`;
      // no `=`: kubectl would take the value from its own process environment, which is not modelled
      if (eq < 0)
        return `kubesim: '${key}' without '=' in ${source} takes its value from kubectl's own environment, which is not simulated`;
      const error = addKey(configMap, key, line.slice(eq + 1));
      if (error) return error;
    }
  }
  return null;
}

/** hash.ConfigMapHash: sha256 of the sorted JSON of kind, name and data, its first ten hex digits with no vowels or 0, 1, 3 */
export function configMapHash(configMap: ConfigMap): string {
  const encoded = goJson({ data: configMap.data ?? {}, kind: 'ConfigMap', name: configMap.metadata.name });
  const hex = [...sha256(encoded)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

/** Validate and createConfigMap: the object to create, or kubectl's error */
export function configMapFor(env: KubectlEnv, name: string, flags: ParsedFlags): Built {
  const split = (list: string[]) => list.flatMap((v) => v.split(','));
  const files = split(flagList(flags, 'from-file'));
  const literals = flagList(flags, 'from-literal');
  const envFiles = split(flagList(flags, 'from-env-file'));
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0))
    return { ok: false, error: 'from-env-file cannot be combined with from-file or from-literal' };
  const configMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(env.namespaceGiven ? { namespace: env.namespace } : {}) },
  };
  const fileError = fromFiles(env, configMap, files);
  if (fileError) return { ok: false, error: fileError };
  for (const literal of literals) {
    const eq = literal.indexOf('=');
    if (eq <= 0) return { ok: false, error: `invalid literal source ${literal}, expected key=value` };
    const error = addKey(configMap, literal.slice(0, eq), literal.slice(eq + 1));
    if (error) return { ok: false, error };
  }
  const envError = fromEnvFiles(env, configMap, envFiles);
  if (envError) return { ok: false, error: envError };
  if (flagBool(flags, 'append-hash')) configMap.metadata.name = `${name}-${configMapHash(configMap)}`;
  return { ok: true, configMap };
}
