// Deployments over time: how many revisions `kubectl rollout history` lists, and which image
// every replica runs once the rollout is complete
import type { Deployment, ReplicaSet } from '../sim/api/types.ts';
import { REVISION } from '../sim/controllers/deployment-util.ts';
import type { CheckOf } from './checks.ts';
import { code, imageTrouble, plural, podsOwnedBy } from './facts.ts';
import { failed, passed, type Evaluator } from './outcome.ts';
import { findObject } from './resources.ts';

export const rollout: Evaluator<CheckOf<'rollout'>> = (cluster, check) => {
  const found = findObject(cluster, 'Deployment', check.deployment, check.namespace);
  if ('failure' in found) return found.failure;
  const d = found.obj as Deployment;
  const name = `Deployment ${code(check.deployment)}`;
  const sets = cluster.api
    .list<ReplicaSet>('ReplicaSet', check.namespace)
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.uid === d.metadata.uid));
  const revisions = [
    ...new Set(sets.map((rs) => rs.metadata.annotations?.[REVISION]).filter((r): r is string => r !== undefined)),
  ]
    .map(Number)
    .sort((a, b) => a - b);
  const containers = d.spec.template.spec.containers;
  const container = containers.find((c) => c.name === check.container) ?? containers[0]!;
  const observed = { revisions, image: container.image ?? null };
  const problems: string[] = [];
  let hint = '';
  if (check.revisions !== undefined && revisions.length !== check.revisions) {
    problems.push(
      `${name} has ${plural(revisions.length, 'revision')} (${revisions.join(', ') || 'none'}), not ${check.revisions}`,
    );
    hint =
      'Each change to the pod template (such as `kubectl set image`) makes a new revision; `kubectl rollout undo` reuses an old one.';
  }
  if (check.minRevisions !== undefined && revisions.length < check.minRevisions) {
    problems.push(`${name} has ${plural(revisions.length, 'revision')}, fewer than ${check.minRevisions}`);
    hint = 'Each change to the pod template (such as `kubectl set image`) makes a new revision.';
  }
  if (check.image !== undefined) {
    const replicas = d.spec.replicas ?? 1;
    const status = d.status ?? {};
    if (container.image !== check.image) {
      problems.push(
        `${problems.length ? 'its' : `${name}'s`} container ${code(container.name)} runs image ${code(container.image ?? '')}, not ${code(check.image)}`,
      );
      hint = `Roll out the new image: \`kubectl set image deployment/${check.deployment} ${container.name}=${check.image}\`.`;
    } else if (
      (status.observedGeneration ?? 0) < (d.metadata.generation ?? 0) ||
      (status.updatedReplicas ?? 0) < replicas ||
      (status.availableReplicas ?? 0) < replicas ||
      (status.replicas ?? 0) > replicas
    ) {
      const pods = podsOwnedBy(cluster, check.namespace, 'Deployment', check.deployment) ?? [];
      const trouble = pods.map(imageTrouble).find((t) => t !== null);
      const newest = sets.reduce<ReplicaSet | null>(
        (a, rs) => (a && Number(a.metadata.annotations?.[REVISION]) >= Number(rs.metadata.annotations?.[REVISION]) ? a : rs),
        null,
      );
      const fresh = newest?.status?.readyReplicas ?? 0;
      problems.push(
        `the rollout of ${code(check.image)} is not complete: ${fresh} of ${replicas} new ${replicas === 1 ? 'pod is' : 'pods are'} ready${trouble ? `; ${trouble}` : ''}`,
      );
      hint = trouble
        ? 'Fix the image name and roll out again (or `kubectl rollout undo`).'
        : 'Wait with `kubectl rollout status`.';
    }
  }
  if (problems.length === 0) return passed(observed);
  return failed(problems.join('; '), hint, observed);
};
