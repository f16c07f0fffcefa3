// helpers shared by verbs that take objects from manifests: mapping kinds to resources,
// picking namespaces, naming objects as kubectl does, and printing server errors as
// kubectl's checkErr does

import { apiVersionOf, typeForKind, type ResourceType } from '../api/resources.ts';
import { kubectlMessage, type StatusError } from '../api/status-errors.ts';
import { matchesRequirements, parseSelector } from '../api/validation/selectors.ts';
import type { KubeObject } from '../api/types.ts';
import { warnDeprecated } from './deprecation.ts';
import type { KubectlEnv } from './env.ts';
import type { Manifest } from './manifests.ts';
import { jsonDecodingError, strictDecodingError, unknownFields } from './strict-decoding.ts';

/** kinds a real cluster serves that this simulator does not: they get a plain "not simulated" */
const REAL_BUT_NOT_SIMULATED = new Set([
  'Secret',
  'Ingress',
  'IngressClass',
  'StatefulSet',
  'Job',
  'CronJob',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'LimitRange',
  'ResourceQuota',
  'StorageClass',
  'ControllerRevision',
  'PriorityClass',
  'CustomResourceDefinition',
]);

export type Mapped =
  { ok: true; type: ResourceType; object: KubeObject; namespace: string | undefined } | { ok: false; error: string };

/**
 * `warn: false` leaves the apiserver's deprecation warning to the caller, for verbs that send
 * their requests later than they read the manifests (delete)
 */
export function mapManifest(
  env: Pick<KubectlEnv, 'namespace' | 'namespaceGiven' | 'out'>,
  manifest: Manifest,
  options: { warn?: boolean } = {},
): Mapped {
  const object = manifest.object;
  const name = object.metadata?.name ?? '';
  const type = typeForKind(object.kind);
  if (!type || apiVersionOf(type) !== object.apiVersion) {
    if (REAL_BUT_NOT_SIMULATED.has(object.kind)) {
      return {
        ok: false,
        error: `kubesim: kind ${object.kind} is not simulated (from "${manifest.source}"); this course's cluster runs Pods, workloads and Services\n`,
      };
    }
    return {
      ok: false,
      error: `error: resource mapping not found for name: "${name}" namespace: "${object.metadata?.namespace ?? ''}" from "${manifest.source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first\n`,
    };
  }
  if (options.warn !== false) warnDeprecated(env, type.kind);
  if (!type.namespaced) return { ok: true, type, object, namespace: undefined };
  const own = object.metadata.namespace;
  if (own && env.namespaceGiven && own !== env.namespace) {
    return {
      ok: false,
      error: `error: the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.\n`,
    };
  }
  const namespace = own ?? env.namespace;
  return { ok: true, type, object: { ...object, metadata: { ...object.metadata, namespace } }, namespace };
}

/** `deployment.apps/web`: how kubectl names an object in messages and with -o name */
export function objectRef(type: ResourceType, obj: KubeObject): string {
  return `${type.kind.toLowerCase()}${type.group ? '.' + type.group : ''}/${obj.metadata.name}`;
}

/** a server error as kubectl prints it, optionally wrapped with the file it came from */
export function formatApiError(error: StatusError, action?: { verb: string; source: string }): string {
  const wrapped =
    action && error.reason !== 'Invalid'
      ? { ...error, message: `error when ${action.verb} "${action.source}": ${error.message}` }
      : error;
  return kubectlMessage(wrapped) + '\n';
}

/** prints collected errors; the exit status is 1 when there were any */
export function reportErrors(env: KubectlEnv, errors: string[]): number {
  for (const error of errors) env.out.stderr(error.endsWith('\n') ? error : error + '\n');
  return errors.length > 0 ? 1 : 0;
}

/** `-l` as a predicate over labels; no flag matches everything */
export function labelFilter(
  text: string | undefined,
): { ok: true; match: (labels: Record<string, string> | undefined) => boolean } | { ok: false; error: string } {
  if (text === undefined) return { ok: true, match: () => true };
  const parsed = parseSelector(text);
  if ('error' in parsed)
    return { ok: false, error: parsed.error.startsWith('error: ') ? parsed.error : `error: ${parsed.error}` };
  return { ok: true, match: (labels) => matchesRequirements(parsed.requirements, labels ?? {}) };
}

/**
 * server-side field validation as kubectl asks for it (--validate: strict by default, warn,
 * ignore/false): an error to report, warnings to print, or nothing. with `decode`, the body must
 * first decode into the kind's struct, whatever --validate says (a value of the wrong type is the
 * JSON decoder's error): so it is for a body sent to be created; an existing object is patched,
 * which decodes differently
 */
export function fieldValidation(
  obj: KubeObject,
  validate: string | undefined,
  decode = true,
): { error: StatusError | null; warnings: string[] } {
  const decodeError = decode ? jsonDecodingError(obj) : null;
  if (decodeError) return { error: decodeError, warnings: [] };
  const mode =
    validate === undefined || validate === 'true' || validate === 'strict' ? 'strict' : validate === 'warn' ? 'warn' : 'ignore';
  if (mode === 'ignore') return { error: null, warnings: [] };
  if (mode === 'warn') return { error: null, warnings: unknownFields(obj).map((f) => `Warning: unknown field "${f}"`) };
  return { error: strictDecodingError(obj), warnings: [] };
}
