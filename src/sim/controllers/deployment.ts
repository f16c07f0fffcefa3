// the Deployment controller: one ReplicaSet per pod template (named with its
// pod-template-hash), revisions in annotations, RollingUpdate within maxSurge/maxUnavailable
// or Recreate, old ReplicaSets kept at 0 up to revisionHistoryLimit, status and conditions

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { clone, controllerOf, ownerReferenceTo } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Deployment, ReplicaSet } from '../api/types.ts';
import { matchesSelector } from '../api/validation/selectors.ts';
import { keyOf, splitKey, WorkQueue, type Controller } from './controller.ts';
import {
  CHANGE_CAUSE,
  computeStatus,
  copiedAnnotations,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  oldestFirst,
  REVISION,
  REVISION_HISTORY,
  revisionOf,
  surgeAndUnavailable,
  TEMPLATE_HASH,
  templateHash,
  templatesEqual,
} from './deployment-util.ts';

const SOURCE = { component: 'deployment-controller' };

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private queue = new WorkQueue();

  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
  ) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Deployment') this.queue.add(keyOf(obj.metadata.namespace, obj.metadata.name!));
    else if (obj.kind === 'ReplicaSet') {
      const owner = controllerOf(obj) ?? (event.old ? controllerOf(event.old) : undefined);
      if (owner?.kind === 'Deployment') this.queue.add(keyOf(obj.metadata.namespace, owner.name));
      else if (event.type !== 'DELETED') {
        // an orphan ReplicaSet may be adopted by a Deployment whose selector matches it
        for (const d of this.api.list<Deployment>('Deployment', obj.metadata.namespace)) {
          if (matchesSelector(d.spec.selector, obj.metadata.labels ?? {}))
            this.queue.add(keyOf(obj.metadata.namespace, d.metadata.name!));
        }
      }
    }
  }

  syncAll(): void {
    for (const key of this.queue.drain()) {
      const [namespace, name] = splitKey(key);
      const d = this.api.get<Deployment>('Deployment', namespace, name);
      if (d && !d.metadata.deletionTimestamp) this.sync(d);
    }
  }

  private replicaSets(d: Deployment): ReplicaSet[] {
    const owned = this.api.store
      .ownedBy(d.metadata.uid!)
      .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && controllerOf(o)?.uid === d.metadata.uid);
    for (const rs of this.api.list<ReplicaSet>('ReplicaSet', d.metadata.namespace)) {
      if (controllerOf(rs) || rs.metadata.deletionTimestamp || !matchesSelector(d.spec.selector, rs.metadata.labels ?? {}))
        continue;
      const adopted = clone(rs);
      adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), ownerReferenceTo(d)];
      const result = this.api.update(adopted);
      if (result.ok) owned.push(result.object);
    }
    return owned.filter((rs) => !rs.metadata.deletionTimestamp);
  }

  private sync(d: Deployment): void {
    let all = this.replicaSets(d);
    let newRS = all.find((rs) => templatesEqual(rs.spec.template, d.spec.template));
    let createdNew = false;
    const maxRevision = Math.max(0, ...all.map(revisionOf));
    if (!d.spec.paused) {
      if (!newRS) {
        newRS = this.createReplicaSet(d, all, maxRevision + 1);
        if (!newRS) return;
        createdNew = true;
        all = [...all, newRS];
      } else if (revisionOf(newRS) < maxRevision || annotationsStale(d, newRS)) {
        newRS = this.bumpRevision(d, newRS, revisionOf(newRS) < maxRevision ? maxRevision + 1 : revisionOf(newRS));
        all = all.map((rs) => (rs.metadata.uid === newRS!.metadata.uid ? newRS! : rs));
      }
    }
    const old = all.filter((rs) => rs !== newRS).sort(oldestFirst);
    const want = d.spec.replicas ?? 1;
    if (d.spec.paused) {
      // a paused Deployment still scales, proportionally only to the current template's ReplicaSet
      if (newRS && (newRS.spec.replicas ?? 0) !== want && old.every((rs) => (rs.spec.replicas ?? 0) === 0)) {
        newRS = this.scale(d, newRS, want);
      }
    } else if ((d.spec.strategy?.type ?? 'RollingUpdate') === 'Recreate') {
      this.recreate(d, newRS!, old);
    } else {
      this.rollingUpdate(d, newRS!, old);
    }
    all = this.replicaSets(d);
    newRS = all.find((rs) => newRS && rs.metadata.uid === newRS.metadata.uid);
    this.cleanup(d, all, newRS);
    const status = computeStatus(d, all, newRS, this.api.clock.now(), createdNew);
    // the Deployment carries its current revision too, as upstream's SetDeploymentRevision does
    const revision = newRS ? String(revisionOf(newRS)) : d.metadata.annotations?.[REVISION];
    const revisionStale = revision !== undefined && d.metadata.annotations?.[REVISION] !== revision;
    if (revisionStale || JSON.stringify(status) !== JSON.stringify(d.status ?? {})) {
      const next = clone(d);
      next.status = status;
      if (revisionStale) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [REVISION]: revision };
      this.api.writeStatus(next);
    }
  }

  private createReplicaSet(d: Deployment, existing: ReplicaSet[], revision: number): ReplicaSet | undefined {
    const collisionCount = d.status?.collisionCount ?? 0;
    const hash = templateHash(d.spec.template, collisionCount);
    const template = clone(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...(template.metadata?.labels ?? {}), [TEMPLATE_HASH]: hash } };
    const selector = clone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [TEMPLATE_HASH]: hash };
    const { maxSurge } = surgeAndUnavailable(d);
    const want = d.spec.replicas ?? 1;
    const annotations: Record<string, string> = {
      ...copiedAnnotations(d),
      [DESIRED_REPLICAS]: String(want),
      [MAX_REPLICAS]: String(want + maxSurge),
      [REVISION]: String(revision),
    };
    // a first rollout (nothing old running) starts at full size, as upstream's NewRSNewReplicas does
    const oldReplicas = existing.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    const recreate = (d.spec.strategy?.type ?? 'RollingUpdate') === 'Recreate';
    const initial = recreate ? 0 : oldReplicas === 0 ? want : Math.max(0, Math.min(want, want + maxSurge - oldReplicas));
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace!,
        labels: { ...(template.metadata.labels ?? {}) },
        annotations,
        ownerReferences: [ownerReferenceTo(d)],
      },
      spec: {
        replicas: initial,
        selector,
        template,
        ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      },
    };
    const result = this.api.create(rs, d.metadata.namespace);
    if (!result.ok) {
      if (result.error.reason === 'AlreadyExists') {
        // a hash collision with a ReplicaSet of another template: bump collisionCount and retry next sync
        const next = clone(d);
        next.status = { ...(next.status ?? {}), collisionCount: collisionCount + 1 };
        this.api.writeStatus(next);
      }
      return undefined;
    }
    if (initial > 0) {
      this.events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${rs.metadata.name} from 0 to ${initial}`,
        SOURCE,
      );
    }
    return result.object;
  }

  private bumpRevision(d: Deployment, rs: ReplicaSet, revision: number): ReplicaSet {
    const next = clone(rs);
    const annotations = { ...(next.metadata.annotations ?? {}) };
    const previous = revisionOf(rs);
    if (revision !== previous && previous > 0) {
      const history = annotations[REVISION_HISTORY];
      annotations[REVISION_HISTORY] = history ? `${history},${previous}` : String(previous);
    }
    annotations[REVISION] = String(revision);
    Object.assign(annotations, copiedAnnotations(d));
    const want = d.spec.replicas ?? 1;
    annotations[DESIRED_REPLICAS] = String(want);
    annotations[MAX_REPLICAS] = String(want + surgeAndUnavailable(d).maxSurge);
    next.metadata.annotations = annotations;
    const result = this.api.update(next);
    return result.ok ? result.object : rs;
  }

  private scale(d: Deployment, rs: ReplicaSet, to: number): ReplicaSet {
    const from = rs.spec.replicas ?? 0;
    if (from === to) return rs;
    const next = clone(rs);
    next.spec.replicas = to;
    const want = d.spec.replicas ?? 1;
    next.metadata.annotations = {
      ...(next.metadata.annotations ?? {}),
      [DESIRED_REPLICAS]: String(want),
      [MAX_REPLICAS]: String(want + surgeAndUnavailable(d).maxSurge),
    };
    const result = this.api.update(next);
    if (!result.ok) return rs;
    const verb = to > from ? 'up' : 'down';
    this.events.record(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`,
      SOURCE,
    );
    return result.object;
  }

  private recreate(d: Deployment, newRS: ReplicaSet, old: ReplicaSet[]): void {
    for (const rs of old) if ((rs.spec.replicas ?? 0) > 0) this.scale(d, rs, 0);
    const oldPodsLeft = old.some((rs) => (rs.status?.replicas ?? 0) > 0 || (rs.status?.terminatingReplicas ?? 0) > 0);
    if (!oldPodsLeft) this.scale(d, newRS, d.spec.replicas ?? 1);
  }

  private rollingUpdate(d: Deployment, newRS: ReplicaSet, old: ReplicaSet[]): void {
    const want = d.spec.replicas ?? 1;
    const { maxSurge, maxUnavailable } = surgeAndUnavailable(d);
    const total = (list: ReplicaSet[]) => list.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    // scale the new ReplicaSet up within the surge allowance
    const newReplicas = newRS.spec.replicas ?? 0;
    if (newReplicas > want) newRS = this.scale(d, newRS, want);
    else if (newReplicas < want) {
      const room = want + maxSurge - (total(old) + newReplicas);
      if (room > 0) newRS = this.scale(d, newRS, newReplicas + Math.min(room, want - newReplicas));
    }
    // scale old ones down as far as availability allows
    const oldTotal = total(old);
    if (oldTotal === 0) return;
    const allTotal = oldTotal + (newRS.spec.replicas ?? 0);
    const minAvailable = want - maxUnavailable;
    const newUnavailable = (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
    let budget = allTotal - minAvailable - newUnavailable;
    if (budget <= 0) return;
    // first drop old pods that are not available anyway
    for (const rs of old) {
      if (budget <= 0) break;
      const replicas = rs.spec.replicas ?? 0;
      const unhealthy = Math.min(budget, replicas - (rs.status?.availableReplicas ?? 0));
      if (unhealthy > 0) {
        this.scale(d, rs, replicas - unhealthy);
        budget -= unhealthy;
      }
    }
    const available = [...old, newRS].reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
    let scaleDown = Math.min(budget, available - minAvailable);
    for (const rs of this.replicaSets(d)
      .filter((r) => r.metadata.uid !== newRS.metadata.uid)
      .sort(oldestFirst)) {
      if (scaleDown <= 0) break;
      const replicas = rs.spec.replicas ?? 0;
      if (replicas === 0) continue;
      const step = Math.min(replicas, scaleDown);
      this.scale(d, rs, replicas - step);
      scaleDown -= step;
    }
  }

  /** deletes the oldest empty ReplicaSets beyond revisionHistoryLimit */
  private cleanup(d: Deployment, all: ReplicaSet[], newRS: ReplicaSet | undefined): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const empty = all
      .filter((rs) => rs !== newRS && rs.metadata.uid !== newRS?.metadata.uid)
      .filter((rs) => (rs.spec.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0)
      .sort(oldestFirst);
    for (const rs of empty.slice(0, Math.max(0, empty.length - limit))) {
      this.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name!);
    }
  }
}

function annotationsStale(d: Deployment, rs: ReplicaSet): boolean {
  const cause = d.metadata.annotations?.[CHANGE_CAUSE];
  return cause !== undefined && rs.metadata.annotations?.[CHANGE_CAUSE] !== cause;
}
