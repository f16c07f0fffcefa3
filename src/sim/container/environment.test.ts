import { describe, expect, test } from 'vitest';
import type { ConfigMap, Container, Pod, Service } from '../api/types.ts';
import { createWorld } from '../world.ts';
import {
  ashExportOrder,
  bashExportOrder,
  containerConfigError,
  envVariableName,
  expandCommandAndArgs,
  expandReferences,
  fromServices,
  kubeletEnvironment,
  processEnvironment,
  serviceEnvFor,
} from './environment.ts';

function service(namespace: string, name: string, spec: Partial<Service['spec']>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 80 }], ...spec } };
}

function pod(namespace = 'default', extra: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace },
    spec: { containers: [{ name: 'web' }], ...extra },
  };
}

const KUBERNETES = service('default', 'kubernetes', {
  clusterIP: '10.96.0.1',
  ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
});

describe('envVariableName', () => {
  test('upper-cases and turns dots and dashes into underscores, guarding a leading digit', () => {
    expect(envVariableName('my-db.v2')).toBe('MY_DB_V2');
    expect(envVariableName('9lives')).toBe('_9LIVES');
  });
});

describe('fromServices', () => {
  test('writes HOST, PORT, named ports, then the Docker link variables for every port', () => {
    const db = service('default', 'my-db', {
      clusterIP: '10.96.0.54',
      ports: [
        { name: 'pg', port: 5432 },
        { name: 'metrics-udp', port: 9187, protocol: 'UDP' },
      ],
    });
    expect(fromServices([db]).map(([n, v]) => `${n}=${v}`)).toEqual([
      'MY_DB_SERVICE_HOST=10.96.0.54',
      'MY_DB_SERVICE_PORT=5432',
      'MY_DB_SERVICE_PORT_PG=5432',
      'MY_DB_SERVICE_PORT_METRICS_UDP=9187',
      'MY_DB_PORT=tcp://10.96.0.54:5432',
      'MY_DB_PORT_5432_TCP=tcp://10.96.0.54:5432',
      'MY_DB_PORT_5432_TCP_PROTO=tcp',
      'MY_DB_PORT_5432_TCP_PORT=5432',
      'MY_DB_PORT_5432_TCP_ADDR=10.96.0.54',
      'MY_DB_PORT_9187_UDP=udp://10.96.0.54:9187',
      'MY_DB_PORT_9187_UDP_PROTO=udp',
      'MY_DB_PORT_9187_UDP_PORT=9187',
      'MY_DB_PORT_9187_UDP_ADDR=10.96.0.54',
    ]);
  });

  test('leaves out headless Services and Services without an address', () => {
    expect(fromServices([service('default', 'h', { clusterIP: 'None' }), service('default', 'n', {})])).toEqual([]);
  });
});

describe('serviceEnvFor', () => {
  const others = [
    KUBERNETES,
    service('default', 'web', { clusterIP: '10.96.0.80' }),
    service('shop', 'cart', { clusterIP: '10.96.0.90' }),
  ];

  test("a pod sees the kubernetes Service and its own namespace's", () => {
    const names = serviceEnvFor(pod('shop'), others).map(([n]) => n);
    expect(names.filter((n) => n.endsWith('_SERVICE_HOST'))).toEqual(['KUBERNETES_SERVICE_HOST', 'CART_SERVICE_HOST']);
  });

  test('enableServiceLinks: false keeps only the kubernetes Service', () => {
    const names = serviceEnvFor(pod('default', { enableServiceLinks: false }), others).map(([n]) => n);
    expect(names.filter((n) => n.endsWith('_SERVICE_HOST'))).toEqual(['KUBERNETES_SERVICE_HOST']);
  });
});

describe('kubeletEnvironment', () => {
  test('expands $(VAR) from the container and service variables, keeps unknown references and $$', () => {
    const p = pod();
    p.spec.containers[0]!.env = [
      { name: 'A', value: 'x' },
      { name: 'B', value: '$(A)-$(KUBERNETES_SERVICE_HOST)-$(NOPE)-$$(A)' },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
    ];
    p.spec.nodeName = 'kind-worker';
    const env = kubeletEnvironment({ pod: p, container: p.spec.containers[0]!, services: [KUBERNETES], podIP: '10.244.1.2' });
    expect(env.slice(0, 3)).toEqual([
      ['A', 'x'],
      ['B', 'x-10.96.0.1-$(NOPE)-$(A)'],
      ['NODE', 'kind-worker'],
    ]);
  });

  test("envFrom's ConfigMap keys come first with their prefix; env overrides one in place and may refer to them", () => {
    const world = createWorld(1);
    world.cluster.api.create(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { mode: 'fast', a: '1' } } as ConfigMap,
      'default',
    );
    const p = pod();
    const container = {
      name: 'web',
      envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'P_' }, { configMapRef: { name: 'gone', optional: true } }],
      env: [
        { name: 'P_mode', value: 'slow' },
        { name: 'B', value: '$(P_a)-$(KUBERNETES_SERVICE_HOST)' },
        { name: 'C', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'nope', optional: true } } },
      ],
    } as Container;
    const env = kubeletEnvironment({ pod: p, container, services: [KUBERNETES], podIP: null, api: world.cluster.api });
    expect(env.slice(0, 3)).toEqual([
      ['P_a', '1'],
      ['P_mode', 'slow'],
      ['B', '1-10.96.0.1'],
    ]);
    expect(containerConfigError(p, container, world.cluster.api)).toBeNull();
    expect(
      containerConfigError(p, { name: 'x', envFrom: [{ configMapRef: { name: 'gone' } }] } as Container, world.cluster.api),
    ).toBe('configmap "gone" not found');
  });

  test('a declared variable wins over a service variable of the same name', () => {
    const p = pod();
    p.spec.containers[0]!.env = [{ name: 'KUBERNETES_SERVICE_HOST', value: 'mine' }];
    const env = kubeletEnvironment({ pod: p, container: p.spec.containers[0]!, services: [KUBERNETES], podIP: null });
    expect(env.filter(([n]) => n === 'KUBERNETES_SERVICE_HOST')).toEqual([['KUBERNETES_SERVICE_HOST', 'mine']]);
  });

  test('expandReferences leaves a lone $ and an unclosed $( alone', () => {
    expect(expandReferences('$x $(open', () => 'v')).toBe('$x $(open');
  });

  test('expandReferences goes on after an unclosed $( as Go does: a later $$ is still an escape', () => {
    expect(expandReferences('$(open $$HOME', () => 'v')).toBe('$(open $HOME');
    // the name runs to the first ) however many $( come before it
    expect(expandReferences('$(a $(B)', (name) => (name === 'B' ? 'b' : undefined))).toBe('$(a $(B)');
  });

  test('expandCommandAndArgs expands $(VAR) in command and args from the kubelet list, nothing else', () => {
    const container = {
      name: 'c',
      command: ['sh', '-c', 'echo $(GREETING) $HOME $$(GREETING)'],
      args: ['$(WEB_SERVICE_HOST)', '$(NOPE)'],
    };
    const expanded = expandCommandAndArgs(container, [
      ['GREETING', 'hi'],
      ['WEB_SERVICE_HOST', '10.96.0.20'],
    ]);
    expect(expanded).toEqual({
      name: 'c',
      command: ['sh', '-c', 'echo hi $HOME $(GREETING)'],
      args: ['10.96.0.20', '$(NOPE)'],
    });
    expect(expandCommandAndArgs({ name: 'c' }, [['A', 'b']])).toEqual({ name: 'c' });
  });
});

describe('processEnvironment', () => {
  test("containerd's PATH and HOSTNAME, the image ENV, the kubelet's list, TERM for a TTY, HOME last", () => {
    const env = processEnvironment({
      hostname: 'bb',
      imageEnv: [['PATH', '/bin']],
      kubelet: [['A', '1']],
      tty: true,
      home: '/root',
    });
    expect(env).toEqual([
      ['PATH', '/bin'],
      ['HOSTNAME', 'bb'],
      ['A', '1'],
      ['TERM', 'xterm'],
      ['HOME', '/root'],
    ]);
  });
});

// the expected orders were printed by bash 5.2.15 and busybox 1.35 sh given these environments
describe('export orders', () => {
  const kubernetes = [
    'KUBERNETES_SERVICE_HOST',
    'KUBERNETES_SERVICE_PORT',
    'KUBERNETES_SERVICE_PORT_HTTPS',
    'KUBERNETES_PORT',
    'KUBERNETES_PORT_443_TCP',
    'KUBERNETES_PORT_443_TCP_PROTO',
    'KUBERNETES_PORT_443_TCP_PORT',
    'KUBERNETES_PORT_443_TCP_ADDR',
  ];

  test("bash walks its hash table: nginx's environment", () => {
    const nginx = ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'];
    expect(bashExportOrder(['PATH', 'HOSTNAME', ...kubernetes, ...nginx, 'TERM', 'HOME', 'PWD', 'SHLVL'])).toEqual([
      'KUBERNETES_SERVICE_PORT_HTTPS',
      'KUBERNETES_SERVICE_PORT',
      'HOSTNAME',
      'PWD',
      'PKG_RELEASE',
      'HOME',
      'KUBERNETES_PORT_443_TCP',
      'DYNPKG_RELEASE',
      'NJS_VERSION',
      'TERM',
      'SHLVL',
      'KUBERNETES_PORT_443_TCP_PROTO',
      'KUBERNETES_PORT_443_TCP_ADDR',
      'KUBERNETES_SERVICE_HOST',
      'KUBERNETES_PORT',
      'KUBERNETES_PORT_443_TCP_PORT',
      'PATH',
      'NGINX_VERSION',
      'NJS_RELEASE',
    ]);
    expect(bashExportOrder(['PATH', 'HOSTNAME', 'TERM', 'HOME', 'PWD', 'SHLVL', 'FOO', 'OLDPWD'])).toEqual([
      'HOSTNAME',
      'PWD',
      'FOO',
      'HOME',
      'TERM',
      'SHLVL',
      'PATH',
      'OLDPWD',
    ]);
  });

  test("busybox ash: 39 buckets, PATH ahead of its bucket's imports", () => {
    expect(ashExportOrder(['PATH', 'HOSTNAME', ...kubernetes, 'TERM', 'HOME', 'SHLVL', 'PWD'])).toEqual([
      'KUBERNETES_SERVICE_PORT',
      'KUBERNETES_PORT',
      'HOSTNAME',
      'SHLVL',
      'HOME',
      'TERM',
      'KUBERNETES_PORT_443_TCP_ADDR',
      'PATH',
      'KUBERNETES_PORT_443_TCP_PORT',
      'KUBERNETES_PORT_443_TCP_PROTO',
      'KUBERNETES_SERVICE_PORT_HTTPS',
      'KUBERNETES_PORT_443_TCP',
      'KUBERNETES_SERVICE_HOST',
      'PWD',
    ]);
    expect(ashExportOrder(['PATH', 'HOSTNAME', 'TERM', 'HOME', 'SHLVL', 'PWD', 'OLDPWD', 'FOO'])).toEqual([
      'HOSTNAME',
      'SHLVL',
      'HOME',
      'OLDPWD',
      'TERM',
      'PATH',
      'FOO',
      'PWD',
    ]);
  });
});
