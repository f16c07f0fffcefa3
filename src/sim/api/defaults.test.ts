import { describe, expect, test } from 'vitest';
import { applyDefaults, defaultPullPolicy } from './defaults.ts';
import type { DaemonSet, Deployment, Namespace, Pod, Service, ServiceSpec } from './types.ts';

const NODE_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

describe('pods', () => {
  test('a bare pod gets the spec and container defaults, and the Priority and DefaultTolerationSeconds admission defaults (the ServiceAccount plugin names its account)', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
    };
    applyDefaults(pod);
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: NODE_TOLERATIONS,
    });
  });

  test('requests default to limits, probes and volumes fill in, existing tolerations count', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } },
            readinessProbe: { httpGet: { port: 80 } },
          },
        ],
        volumes: [{ name: 'scratch' }],
        tolerations: [{ operator: 'Exists' }],
      },
    };
    applyDefaults(pod);
    const c = pod.spec.containers[0]!;
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.resources?.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(c.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(pod.spec.volumes).toEqual([{ name: 'scratch', emptyDir: {} }]);
    expect(pod.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  test('image pull policy follows the tag', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always');
    expect(defaultPullPolicy('localhost:5000/app:v1')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx@sha256:0123')).toBe('IfNotPresent');
  });
});

describe('workloads', () => {
  test('deployments: replicas, rolling update, history and deadline; templates get spec defaults only', () => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    };
    applyDefaults(d);
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec.restartPolicy).toBe('Always');
    expect(d.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(d.spec.template.spec.tolerations).toBeUndefined();
  });

  test('daemon sets roll one at a time', () => {
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { spec: { containers: [{ name: 'a', image: 'busybox' }] } },
      },
    };
    applyDefaults(ds);
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
  });
});

function service(spec: Partial<ServiceSpec>): Service {
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { ports: [], ...spec },
  };
  applyDefaults(svc);
  return svc;
}

describe('services', () => {
  test('ClusterIP services', () => {
    expect(service({ selector: { app: 'web' }, ports: [{ port: 80 }] }).spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
  });

  test('NodePort and LoadBalancer services get an external traffic policy', () => {
    const lb = service({ type: 'LoadBalancer', ports: [{ port: 80, targetPort: 'http' }] }).spec;
    expect(lb.externalTrafficPolicy).toBe('Cluster');
    expect(lb.allocateLoadBalancerNodePorts).toBe(true);
    expect(lb.ports).toEqual([{ port: 80, targetPort: 'http', protocol: 'TCP' }]);
    expect(service({ type: 'NodePort' }).spec.externalTrafficPolicy).toBe('Cluster');
  });

  test('headless services without a selector ask for both families; ExternalName gets none', () => {
    const headless = service({ clusterIP: 'None' }).spec;
    expect(headless.clusterIPs).toEqual(['None']);
    expect(headless.ipFamilyPolicy).toBe('RequireDualStack');
    expect(headless.ipFamilies).toEqual(['IPv4', 'IPv6']);
    const external = service({ type: 'ExternalName', externalName: 'db.example.com' }).spec;
    expect(external.ipFamilies).toBeUndefined();
    expect(external.internalTrafficPolicy).toBeUndefined();
  });

  test('ClientIP affinity gets the three-hour timeout', () => {
    expect(service({ sessionAffinity: 'ClientIP' }).spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });
});

describe('namespaces', () => {
  test('created Active, labelled with their name, with the kubernetes finalizer', () => {
    const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } };
    applyDefaults(ns);
    expect(ns).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });
});
