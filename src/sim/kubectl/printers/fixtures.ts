// small object builders for the printer tests: just the fields a printer reads, with the defaults
// an apiserver would have filled in, so each test states only what it is about

import type { ContainerStatus, Deployment, KubeEvent, Node, Pod, Service } from '../../api/types.ts';

/** the fixed "now" of every printer test: 2024-05-01T12:00:00Z */
export const NOW = Date.parse('2024-05-01T12:00:00Z');

/** an RFC 3339 timestamp `seconds` before NOW */
export const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');

export function runningStatus(name: string, overrides: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name,
    state: { running: { startedAt: ago(60) } },
    lastState: {},
    ready: true,
    restartCount: 0,
    image: 'nginx:1.25',
    imageID: '',
    started: true,
    ...overrides,
  };
}

export function pod(
  name: string,
  extra: { status?: Pod['status']; spec?: Partial<Pod['spec']>; meta?: Pod['metadata'] } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ago(5), ...extra.meta },
    spec: { containers: [{ name: 'web', image: 'nginx:1.25' }], nodeName: 'worker-1', ...extra.spec },
    status: extra.status ?? {
      phase: 'Running',
      podIP: '10.244.1.3',
      podIPs: [{ ip: '10.244.1.3' }],
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }],
      containerStatuses: [runningStatus('web')],
    },
  };
}

export function deployment(name: string, replicas: number, ready: number): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', creationTimestamp: ago(3600), labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
    },
    status: { replicas, updatedReplicas: replicas, readyReplicas: ready, availableReplicas: ready },
  };
}

export function service(name: string, spec: Service['spec'], status?: Service['status']): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', creationTimestamp: ago(600) },
    spec,
    ...(status ? { status } : {}),
  };
}

export function node(name: string, labels: Record<string, string>, extra: Partial<Node['spec']> = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels, creationTimestamp: ago(86400 * 3) },
    spec: { ...extra },
    status: {
      addresses: [
        { type: 'InternalIP', address: name === 'control-plane' ? '172.18.0.2' : '172.18.0.3' },
        { type: 'Hostname', address: name },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
      capacity: {},
      allocatable: {},
      nodeInfo: {
        machineID: '',
        systemUUID: '',
        bootID: '',
        kernelVersion: '6.8.0-1012-gcp',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.18',
        kubeletVersion: 'v1.36.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export function event(name: string, extra: Partial<KubeEvent>): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default', creationTimestamp: ago(30) },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web to worker-1',
    source: { component: 'default-scheduler' },
    firstTimestamp: ago(30),
    lastTimestamp: ago(30),
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'default-scheduler',
    reportingInstance: '',
    ...extra,
  };
}
