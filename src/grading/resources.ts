// objects as the apiserver holds them: one exists (or is gone), a field has a value. these are
// the only checks that read fields, and they read the stored object — defaults and all — never
// the learner's manifest, so `kubectl create`, `expose` and `apply` all count the same
import type { Cluster } from '../sim/cluster.ts';
import type { KubeObject } from '../sim/api/types.ts';
import type { CheckOf } from './checks.ts';
import { closeNames, code, listing, otherNamespacesWith, readPath } from './facts.ts';
import { failed, passed, type CheckOutcome, type Evaluator } from './outcome.ts';

type Lookup = { obj: KubeObject } | { failure: CheckOutcome };

function where(cluster: Cluster, kind: string, namespace: string): string {
  return cluster.api.typeOf(kind).namespaced ? ` in namespace ${code(namespace)}` : '';
}

/** the object, or a failure saying where a similar one is */
export function findObject(cluster: Cluster, kind: string, name: string, namespace: string): Lookup {
  let obj: KubeObject | undefined;
  try {
    obj = cluster.api.get(kind, namespace, name);
  } catch {
    return {
      failure: failed(
        `the simulator has no resource of kind ${code(kind)}`,
        'This check names an unknown kind: report it to the course authors.',
      ),
    };
  }
  if (obj) return { obj };
  const at = where(cluster, kind, namespace);
  const elsewhere = at ? otherNamespacesWith(cluster, kind, name, namespace) : [];
  if (elsewhere.length > 0) {
    return {
      failure: failed(
        `there is no ${kind} ${code(name)}${at}; there is one in ${listing(elsewhere.map(code))}`,
        `Create it in namespace \`${namespace}\` (metadata.namespace, or \`-n ${namespace}\`).`,
      ),
    };
  }
  const names = cluster.api.list(kind, at ? namespace : undefined).map((o) => o.metadata.name!);
  const close = closeNames(name, names);
  return {
    failure: failed(
      `there is no ${kind} ${code(name)}${at}${close.length ? ` (there is ${listing(close.map(code))})` : ''}`,
      `Create a ${kind} named \`${name}\`.`,
    ),
  };
}

export const resourceExists: Evaluator<CheckOf<'resource-exists'>> = (cluster, check) => {
  const found = findObject(cluster, check.kind, check.name, check.namespace);
  if ('failure' in found) return found.failure;
  return passed({ uid: found.obj.metadata.uid });
};

export const resourceAbsent: Evaluator<CheckOf<'resource-absent'>> = (cluster, check) => {
  const obj = cluster.api.get(check.kind, check.namespace, check.name);
  if (!obj) return passed();
  const terminating = obj.metadata.deletionTimestamp ? ' (it is still terminating)' : '';
  return failed(
    `${check.kind} ${code(check.name)} still exists${where(cluster, check.kind, check.namespace)}${terminating}`,
    `Delete it: \`kubectl delete ${check.kind.toLowerCase()} ${check.name}\`.`,
  );
};

function show(value: unknown): string {
  return value === undefined ? 'nothing' : code(typeof value === 'string' ? value : JSON.stringify(value));
}

export const fieldEquals: Evaluator<CheckOf<'field-equals'>> = (cluster, check) => {
  const found = findObject(cluster, check.kind, check.name, check.namespace);
  if ('failure' in found) return found.failure;
  const { found: has, value } = readPath(found.obj, check.path);
  const observed = { value: value === undefined ? null : value };
  if (has && JSON.stringify(value) === JSON.stringify(check.equals)) return passed(observed);
  return failed(
    `${check.kind} ${code(check.name)}'s ${code(check.path)} is ${has ? `${show(value)}, not ${show(check.equals)}` : `not set (it should be ${show(check.equals)})`}`,
    `Set ${check.path} to ${typeof check.equals === 'string' ? check.equals : JSON.stringify(check.equals)}.`,
    observed,
  );
};

export const fieldMatches: Evaluator<CheckOf<'field-matches'>> = (cluster, check) => {
  const found = findObject(cluster, check.kind, check.name, check.namespace);
  if ('failure' in found) return found.failure;
  const { found: has, value } = readPath(found.obj, check.path);
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const observed = { value: value === undefined ? null : value };
  if (has && new RegExp(check.pattern).test(text)) return passed(observed);
  return failed(
    `${check.kind} ${code(check.name)}'s ${code(check.path)} is ${has ? show(value) : 'not set'}, which does not match ${code(check.pattern)}`,
    `Look at the field with \`kubectl get ${check.kind.toLowerCase()} ${check.name} -o yaml\`.`,
    observed,
  );
};
