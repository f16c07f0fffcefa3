// custom checks: named TypeScript functions that exercises reference by name
import { describe, expect, test } from 'vitest';
import { checkSchema } from './checks.ts';
import { runCheck } from './evaluate.ts';
import { passed, type CustomCheck } from './outcome.ts';
import { clusterAfter, grade } from './testing.ts';

const cluster = await clusterAfter(`kubectl run solo --image=nginx
kubectl create deployment web --image=nginx
`);

describe('custom', () => {
  test('bare-pod: a pod written by hand, not made by a controller', () => {
    expect(grade(cluster, { type: 'custom', name: 'bare-pod', params: { pod: 'solo' } })).toEqual({ pass: true });
    const owned = cluster.api.list('Pod', 'default').find((p) => p.metadata.name!.startsWith('web-'))!.metadata.name!;
    expect(grade(cluster, { type: 'custom', name: 'bare-pod', params: { pod: owned } })).toEqual({
      pass: false,
      diagnosis: `Pod \`${owned}\` is managed by ReplicaSet \`${owned.split('-').slice(0, 2).join('-')}\`, not written by you as a Pod.`,
      hint: 'Write a manifest with `kind: Pod` (or use `kubectl run`), not a Deployment.',
    });
  });

  test('an unregistered name fails and says so; a registry can be passed in', () => {
    expect(grade(cluster, { type: 'custom', name: 'nope' }).diagnosis).toBe('No custom check is registered as `nope`.');
    const seen: unknown[] = [];
    const spy: CustomCheck = (_cluster, params) => (seen.push(params), passed());
    const check = checkSchema.parse({ id: 'c', title: 't', type: 'custom', name: 'spy', params: { n: 1 } });
    expect(runCheck(cluster, check, { params: {}, custom: new Map([['spy', spy]]) }).pass).toBe(true);
    expect(seen).toEqual([{ n: 1 }]);
  });

  test('a checker that throws becomes a failure that says so', () => {
    const check = checkSchema.parse({ id: 'c', title: 't', type: 'custom', name: 'bare-pod', params: {} });
    expect(runCheck(cluster, check).diagnosis).toBe('The checker itself failed: custom check parameter pod must be a string.');
  });
});
