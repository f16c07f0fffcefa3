// builders for the describe tests: the read side of a cluster (store, apiserver, event list) with
// no scheduler, kubelet or controllers, filled by hand so each test states exactly what a
// describer reads

import { ApiServer } from '../../api/apiserver.ts';
import { EventRecorder } from '../../api/events.ts';
import { timestamp } from '../../api/meta.ts';
import { ObjectStore } from '../../api/store.ts';
import type { KubeEvent, KubeObject, OwnerReference, Pod, PodCondition, PodStatus } from '../../api/types.ts';
import { VirtualClock } from '../../clock.ts';
import { Random } from '../../random.ts';
import type { DescribeCluster } from './events.ts';

/** the fixed "now" of every describe test: 2026-01-01T10:00:00Z, a Thursday */
export const NOW = Date.UTC(2026, 0, 1, 10, 0, 0);

/** an RFC 3339 timestamp `seconds` before NOW */
export const ago = (seconds: number): string => timestamp(NOW - seconds * 1000);

let uidCounter = 0;
let eventCounter = 0;

/** a cluster with nothing in it; objects go straight into the store and nothing reacts */
export function emptyCluster(): DescribeCluster {
  // uids and event names restart with every cluster, so a test's output does not depend on the others
  uidCounter = 0;
  eventCounter = 0;
  const store = new ObjectStore();
  const api = new ApiServer(store, new VirtualClock(NOW), new Random(1));
  return { store, api, events: new EventRecorder(api) };
}

/** stores an object as the apiserver would hold it (with a uid), bypassing defaults and validation */
export function put<T extends KubeObject>(cluster: DescribeCluster, obj: T): T {
  uidCounter += 1;
  obj.metadata.uid ??= `00000000-0000-4000-8000-${String(uidCounter).padStart(12, '0')}`;
  cluster.store.put(cluster.api.typeOf(obj.kind).resource, obj);
  return obj;
}

export function ownedBy(owner: KubeObject): OwnerReference[] {
  return [
    {
      apiVersion: owner.apiVersion,
      kind: owner.kind,
      name: owner.metadata.name!,
      uid: owner.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

export interface EventSpec {
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
  from: string;
  /** seconds before NOW of the first and last occurrence */
  first: number;
  last?: number;
  count?: number;
}

/** records an event about `obj`, as the EventRecorder leaves it after `count` occurrences */
export function addEvent(cluster: DescribeCluster, obj: KubeObject, spec: EventSpec): KubeEvent {
  eventCounter += 1;
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${obj.metadata.name}.${String(eventCounter).padStart(16, '0')}`,
      namespace: obj.metadata.namespace ?? 'default',
    },
    involvedObject: { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name!, uid: obj.metadata.uid! },
    reason: spec.reason,
    message: spec.message,
    source: { component: spec.from },
    firstTimestamp: ago(spec.first),
    lastTimestamp: ago(spec.last ?? spec.first),
    count: spec.count ?? 1,
    type: spec.type ?? 'Normal',
    eventTime: null,
    reportingComponent: spec.from,
    reportingInstance: '',
  };
  return put(cluster, event);
}

/** the two tolerations the DefaultTolerationSeconds admission plugin adds to every pod */
export const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
];

/** the five conditions a started pod reports; Ready and ContainersReady follow `ready` */
export const podConditions = (ready: boolean): PodCondition[] =>
  (['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] as const).map((type) => ({
    type,
    status: ready || (type !== 'Ready' && type !== 'ContainersReady') ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: ago(100),
  }));

export const apiAccessVolume = {
  name: 'kube-api-access-x7k2p',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};
export const apiAccessMount = {
  name: 'kube-api-access-x7k2p',
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
  readOnly: true,
};

export function basePod(name: string, image: string, status: PodStatus): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ago(120), labels: { run: name } },
    spec: {
      containers: [{ name, image, volumeMounts: [apiAccessMount] }],
      nodeName: 'kind-worker',
      serviceAccountName: 'default',
      priority: 0,
      tolerations: DEFAULT_TOLERATIONS,
      volumes: [apiAccessVolume],
    },
    status,
  };
}
