// turning `pods web`, `pod/web svc/x`, `deploy,rs` and `all` into resource types and names,
// with kubectl's messages for what cannot be resolved

import { resolveType, SIMULATED_TYPES, type ResourceType } from '../api/resources.ts';
import { findApiResource } from './api-resources-data.ts';

export interface Target {
  type: ResourceType;
  /** empty means every object of the type */
  names: string[];
}

export type TargetResult = { ok: true; targets: Target[]; byName: boolean } | { ok: false; error: string };

/** the resources `kubectl get all` expands to, in kubectl's order (of the ones simulated) */
const ALL = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets'];

/** true for any resource a real v1.36 cluster serves (simulated or not) */
export function isKnownResourceName(name: string): boolean {
  return findApiResource(name.split('.')[0]!) !== undefined;
}

export function notSimulatedOrUnknown(name: string, verb: string, known: (n: string) => boolean): string {
  if (known(name))
    return `kubesim: 'kubectl ${verb} ${name}' is not simulated; this cluster simulates ${SIMULATED_TYPES.map((t) => t.resource).join(', ')}`;
  return `error: the server doesn't have a resource type "${name}"`;
}

const MIXED_FORMS =
  "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/**
 * the builder's hasCombinedTypeArgs and splitResourceTypeName: TYPE/NAME arguments split (null
 * when there are none), or the error for mixing forms or for a malformed one
 */
function splitTuples(args: string[]): { ok: true; tuples: [string, string][] | null } | { ok: false; error: string } {
  const slashForm = args.filter((a) => a.includes('/'));
  if (slashForm.length === 0) return { ok: true, tuples: null };
  if (slashForm.length !== args.length) return { ok: false, error: MIXED_FORMS };
  const tuples: [string, string][] = [];
  for (const arg of args) {
    const segments = arg.split('/');
    if (segments.length !== 2)
      return { ok: false, error: 'error: arguments in resource/name form may not have more than one slash' };
    const [typeName, name] = segments as [string, string];
    // SplitResourceArgument keeps empty words and drops repeated ones
    if (!typeName || !name || new Set(typeName.split(',')).size !== 1)
      return { ok: false, error: 'error: arguments in resource/name form must have a single resource and name' };
    tuples.push([typeName, name]);
  }
  return { ok: true, tuples };
}

/** the builder's visitByPaths: resource arguments beside -f are refused, or null when there are none */
export function argsBesidePathsError(args: string[]): string | null {
  if (args.length === 0) return null;
  const split = splitTuples(args);
  if (!split.ok) return split.error;
  return split.tuples
    ? 'error: resource/name arguments cannot be provided when a path is specified'
    : 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well';
}

export function resolveTargets(args: string[], verb: string, known: (n: string) => boolean = isKnownResourceName): TargetResult {
  const split = splitTuples(args);
  if (!split.ok) return split;
  if (split.tuples) {
    const targets: Target[] = [];
    for (const [typeName, name] of split.tuples) {
      const type = resolveType(typeName);
      if (!type) return { ok: false, error: notSimulatedOrUnknown(typeName, verb, known) };
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names.push(name);
      else targets.push({ type, names: [name] });
    }
    return { ok: true, targets, byName: true };
  }
  const [typeArg, ...names] = args;
  if (!typeArg) return { ok: false, error: 'error: Required resource not specified.' };
  const targets: Target[] = [];
  for (const typeName of typeArg.split(',')) {
    if (typeName === 'all') {
      for (const resource of ALL) targets.push({ type: SIMULATED_TYPES.find((t) => t.resource === resource)!, names: [] });
      continue;
    }
    const type = resolveType(typeName);
    if (!type) return { ok: false, error: notSimulatedOrUnknown(typeName, verb, known) };
    if (!targets.some((t) => t.type === type)) targets.push({ type, names: [...names] });
  }
  if (names.length > 0 && targets.length > 1) {
    return { ok: false, error: `error: you may only specify a single resource type` };
  }
  return { ok: true, targets, byName: names.length > 0 };
}
