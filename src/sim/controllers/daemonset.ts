// the DaemonSet controller: one pod per node that can run it (taints tolerated, nodeSelector
// matched); a missing one is created again, one on a node that no longer fits is deleted

import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { clone, controllerOf, ownerReferenceTo, withStatus } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { DaemonSet, KubeObject, Node, Pod, Toleration } from '../api/types.ts';
import { tolerates } from '../scheduler/scheduler.ts';
import { keyOf, splitKey, WorkQueue, type Controller } from './controller.ts';
import { isPodReady } from './replicaset.ts';

const SOURCE = { component: 'daemonset-controller' };

/** tolerations the controller adds to every daemon pod, as upstream's AddOrUpdateDaemonPodTolerations */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
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
    if (obj.kind === 'DaemonSet') this.queue.add(keyOf(obj.metadata.namespace, obj.metadata.name!));
    else if (obj.kind === 'Pod') {
      const owner = controllerOf(obj);
      if (owner?.kind === 'DaemonSet') this.queue.add(keyOf(obj.metadata.namespace, owner.name));
    } else if (obj.kind === 'Node') {
      for (const ds of this.api.list<DaemonSet>('DaemonSet')) this.queue.add(keyOf(ds.metadata.namespace, ds.metadata.name!));
    }
  }

  syncAll(): void {
    for (const key of this.queue.drain()) {
      const [namespace, name] = splitKey(key);
      const ds = this.api.get<DaemonSet>('DaemonSet', namespace, name);
      if (ds && !ds.metadata.deletionTimestamp) this.sync(ds);
    }
  }

  private fits(ds: DaemonSet, node: Node): boolean {
    const spec = ds.spec.template.spec;
    const tolerations = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS];
    for (const taint of node.spec.taints ?? []) {
      if (taint.effect === 'PreferNoSchedule') continue;
      if (!tolerations.some((t) => tolerates(t, taint))) return false;
    }
    const labels = node.metadata.labels ?? {};
    return Object.entries(spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
  }

  private sync(ds: DaemonSet): void {
    const pods = this.api.store
      .ownedBy(ds.metadata.uid!)
      .filter((o): o is Pod => o.kind === 'Pod' && controllerOf(o)?.uid === ds.metadata.uid && !o.metadata.deletionTimestamp);
    const nodes = this.api.list<Node>('Node');
    let scheduled = 0;
    let misscheduled = 0;
    for (const node of nodes) {
      const name = node.metadata.name!;
      const onNode = pods.filter((p) => p.spec.nodeName === name);
      const wanted = this.fits(ds, node);
      if (wanted) scheduled += 1;
      if (wanted && onNode.length === 0) this.createPod(ds, name);
      if (!wanted && onNode.length > 0) {
        misscheduled += onNode.length;
        for (const pod of onNode) this.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!);
      }
    }
    const current = this.api.store
      .ownedBy(ds.metadata.uid!)
      .filter((o): o is Pod => o.kind === 'Pod' && !o.metadata.deletionTimestamp);
    const ready = current.filter(isPodReady).length;
    const status: NonNullable<DaemonSet['status']> = {
      currentNumberScheduled: current.length - misscheduled,
      desiredNumberScheduled: scheduled,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      updatedNumberScheduled: current.length,
      numberAvailable: ready,
      observedGeneration: ds.metadata.generation ?? 1,
    };
    if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) this.api.writeStatus(withStatus(ds as KubeObject, status));
  }

  private createPod(ds: DaemonSet, node: string): void {
    const template = ds.spec.template;
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace!,
        labels: { ...(template.metadata?.labels ?? {}), 'pod-template-generation': String(ds.metadata.generation ?? 1) },
        ownerReferences: [ownerReferenceTo(ds)],
      },
      spec: {
        ...clone(template.spec),
        nodeName: node,
        tolerations: [...(template.spec.tolerations ?? []), ...DAEMON_TOLERATIONS],
      },
    };
    const result = this.api.create(pod, ds.metadata.namespace, { handOver: true });
    if (!result.ok) {
      this.events.record(ds, 'Warning', 'FailedCreate', `Error creating: ${result.error.message}`, SOURCE);
      return;
    }
    this.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`, SOURCE);
  }
}
