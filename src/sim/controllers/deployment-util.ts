// pure helpers for the Deployment controller: template hashing, revisions, surge and
// unavailability arithmetic, status and conditions

import { parseTimestamp, timestamp } from '../api/meta.ts';
import type { Deployment, DeploymentCondition, DeploymentStatus, PodTemplateSpec, ReplicaSet } from '../api/types.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const TEMPLATE_HASH = 'pod-template-hash';

/** annotations a Deployment passes to its ReplicaSets: all but these, as upstream's skipCopyAnnotation */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export function copiedAnnotations(d: Deployment): Record<string, string> {
  return Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
}

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with sorted keys: equal templates hash equally however their fields were ordered */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * the pod-template-hash: FNV-32a of the template (plus the collision count), its decimal
 * digits mapped through the same safe alphabet upstream uses, so values look like `7d4b9c8f5`
 */
export function templateHash(template: PodTemplateSpec, collisionCount = 0): string {
  let hash = 0x811c9dc5;
  const text = canonical(template) + (collisionCount ? String(collisionCount) : '');
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return String(hash)
    .split('')
    .map((c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length])
    .join('');
}

/** the template without the pod-template-hash label, for comparing a ReplicaSet with its Deployment */
export function templateWithoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels[TEMPLATE_HASH];
  return { ...template, metadata: { ...template.metadata, labels } };
}

/** stored objects are replaced, never changed in place: a template's canonical text is worked out once */
const comparable = new WeakMap<PodTemplateSpec, string>();

function comparableText(template: PodTemplateSpec): string {
  let text = comparable.get(template);
  if (text === undefined) comparable.set(template, (text = canonical(templateWithoutHash(template))));
  return text;
}

export function templatesEqual(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return comparableText(a) === comparableText(b);
}

export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/** an int-or-percent against a total, rounding as upstream does for surge (up) and unavailable (down) */
export function resolveIntOrPercent(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
  fallback: string,
): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function surgeAndUnavailable(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec.replicas ?? 1;
  const rolling = d.spec.strategy?.rollingUpdate;
  const maxSurge = resolveIntOrPercent(rolling?.maxSurge, replicas, true, '25%');
  let maxUnavailable = resolveIntOrPercent(rolling?.maxUnavailable, replicas, false, '25%');
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

export function oldestFirst(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  return ta - tb || a.metadata.name!.localeCompare(b.metadata.name!);
}

function condition(
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: number,
  previous: DeploymentCondition[] | undefined,
): DeploymentCondition {
  const old = previous?.find((c) => c.type === type);
  const t = timestamp(now);
  const same = old && old.status === status;
  const sameReason = same && old.reason === reason;
  return {
    type,
    status,
    lastUpdateTime: sameReason && old.lastUpdateTime ? old.lastUpdateTime : t,
    lastTransitionTime: same && old.lastTransitionTime ? old.lastTransitionTime : t,
    reason,
    message,
  };
}

export function computeStatus(
  d: Deployment,
  all: ReplicaSet[],
  newRS: ReplicaSet | undefined,
  now: number,
  createdNew: boolean,
): DeploymentStatus {
  const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  const replicas = sum((rs) => rs.status?.replicas);
  const available = sum((rs) => rs.status?.availableReplicas);
  const want = d.spec.replicas ?? 1;
  const { maxUnavailable } = surgeAndUnavailable(d);
  const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
  const minAvailable = strategy === 'Recreate' ? 0 : want - maxUnavailable;
  const previous = d.status?.conditions;
  const availableCondition =
    available >= minAvailable
      ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now, previous)
      : condition(
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          now,
          previous,
        );
  const name = newRS?.metadata.name ?? '';
  const updated = newRS?.status?.replicas ?? 0;
  const complete =
    newRS !== undefined && updated === want && (newRS.status?.availableReplicas ?? 0) === want && replicas === want;
  let progressing: DeploymentCondition;
  if (complete) {
    progressing = condition(
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${name}" has successfully progressed.`,
      now,
      previous,
    );
  } else if (createdNew) {
    progressing = condition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, now, previous);
  } else if (d.spec.paused) {
    progressing = condition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now, previous);
  } else {
    progressing = condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, now, previous);
  }
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas,
    updatedReplicas: updated,
    readyReplicas: sum((rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    conditions: [availableCondition, progressing],
  };
  const unavailable = Math.max(0, replicas - available);
  if (unavailable > 0) status.unavailableReplicas = unavailable;
  const terminating = sum((rs) => rs.status?.terminatingReplicas);
  if (terminating > 0) status.terminatingReplicas = terminating;
  if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;
  return status;
}
