// the escape hatch: checks written in TypeScript, registered here by name and referenced from
// exercise files as `type: custom, name: …`. each is a pure function of the cluster, like the
// built-in evaluators, and returns the same outcome with a diagnosis on failure.
import type { Pod } from '../sim/api/types.ts';
import type { CheckOf } from './checks.ts';
import { code, listing } from './facts.ts';
import { failed, passed, type CustomCheck, type Evaluator } from './outcome.ts';
import { findObject } from './resources.ts';

function stringParam(params: Record<string, unknown>, name: string, fallback?: string): string {
  const value = params[name] ?? fallback;
  if (typeof value !== 'string') throw new Error(`custom check parameter ${name} must be a string`);
  return value;
}

/** a pod made by hand: no controller owns it, so nothing recreates it when it is deleted */
const barePod: CustomCheck = (cluster, params) => {
  const name = stringParam(params, 'pod');
  const namespace = stringParam(params, 'namespace', 'default');
  const found = findObject(cluster, 'Pod', name, namespace);
  if ('failure' in found) return found.failure;
  const owners = (found.obj as Pod).metadata.ownerReferences ?? [];
  if (owners.length === 0) return passed();
  return failed(
    `pod ${code(name)} is managed by ${listing(owners.map((o) => `${o.kind} ${code(o.name)}`))}, not written by you as a Pod`,
    'Write a manifest with `kind: Pod` (or use `kubectl run`), not a Deployment.',
  );
};

/** the built-in custom checks; exercises may only name these */
export const CUSTOM_CHECKS: ReadonlyMap<string, CustomCheck> = new Map([['bare-pod', barePod]]);

export const custom: Evaluator<CheckOf<'custom'>> = (cluster, check, ctx) => {
  const fn = ctx.custom.get(check.name);
  if (!fn) return failed(`no custom check is registered as ${code(check.name)}`, 'Report this to the course authors.');
  return fn(cluster, check.params, ctx);
};
