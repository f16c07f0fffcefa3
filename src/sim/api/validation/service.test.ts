import { describe, expect, test } from 'vitest';
import { applyDefaults } from '../defaults.ts';
import { renderFieldError } from '../field-errors.ts';
import { clone } from '../meta.ts';
import { invalid } from '../status-errors.ts';
import type { Endpoints, KubeObject, Service, ServiceSpec } from '../types.ts';
import { validateCreate, validateUpdate } from './index.ts';
import { nodePortError, nodePortNotInRange } from './service.ts';

function service(spec: Partial<ServiceSpec> = {}, name = 'web'): Service {
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  };
  applyDefaults(svc);
  return svc;
}

/** a stored service: what the IP and node port allocators would have added */
function stored(spec: Partial<ServiceSpec> = {}): Service {
  const svc = service(spec);
  svc.metadata.resourceVersion = '7';
  svc.spec.clusterIP = '10.96.0.10';
  svc.spec.clusterIPs = ['10.96.0.10'];
  if (svc.spec.type === 'NodePort') svc.spec.ports!.forEach((p, i) => (p.nodePort = 30080 + i));
  return svc;
}

const errors = (obj: KubeObject) => validateCreate(obj).map(renderFieldError);

describe('service create', () => {
  test('a defaulted service is valid', () => {
    expect(errors(service())).toEqual([]);
  });

  test('several ports must all be named', () => {
    const svc = service({ ports: [{ port: 80 }, { port: 443 }] });
    expect(invalid('Service', 'web', validateCreate(svc)).message).toBe(
      'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    );
  });

  test('names are DNS-1035 labels; ports are required and numbered', () => {
    expect(errors(service({ ports: [] }, '1web'))).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      'spec.ports: Required value',
    ]);
    expect(errors(service({ ports: [{ port: 0, targetPort: 'Web' }] }))).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
  });

  test('duplicate ports and node ports on a ClusterIP service', () => {
    const svc = service({
      ports: [
        { name: 'a', port: 80, nodePort: 30001 },
        { name: 'b', port: 80, nodePort: 30001 },
      ],
    });
    expect(errors(svc)).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
      "spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
      'spec.ports[1].nodePort: Duplicate value: 30001',
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]);
  });

  test('ExternalName services and traffic policies', () => {
    expect(errors(service({ type: 'ExternalName', ports: [] }))).toEqual(['spec.externalName: Required value']);
    expect(errors(service({ type: 'ExternalName', externalName: 'db.example.com.', clusterIP: '10.96.0.3' }))).toEqual([
      'spec.clusterIPs: Forbidden: may not be set for ExternalName services',
    ]);
    expect(errors(service({ externalTrafficPolicy: 'Local' }))).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
    expect(errors(service({ type: 'NodePort', clusterIP: 'None' }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ]);
  });

  test("the allocators' refusals", () => {
    expect(renderFieldError(nodePortError(0, 80, nodePortNotInRange()))).toBe(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});

describe('service update', () => {
  test('the cluster IP may not change', () => {
    const old = stored();
    const moved = clone(old);
    moved.spec.clusterIP = '10.96.0.11';
    expect(validateUpdate(moved, old).map(renderFieldError)).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["10.96.0.11"]: may not change once set',
    ]);
  });

  test('allocated values the client left out are kept', () => {
    const old = stored({ type: 'NodePort' });
    const replaced = service({ type: 'NodePort' });
    replaced.metadata.resourceVersion = '7';
    expect(validateUpdate(replaced, old)).toEqual([]);
    expect(replaced.spec.clusterIPs).toEqual(['10.96.0.10']);
    expect(replaced.spec.ports![0]!.nodePort).toBe(30080);
  });

  test('changing type drops the fields the new type does not use', () => {
    const old = stored({ type: 'NodePort' });
    const external = clone(old);
    external.spec.type = 'ExternalName';
    external.spec.externalName = 'db.example.com';
    expect(validateUpdate(external, old)).toEqual([]);
    expect(external.spec.clusterIPs).toBeUndefined();
    expect(external.spec.ipFamilies).toBeUndefined();
    const internal = clone(old);
    internal.spec.type = 'ClusterIP';
    expect(validateUpdate(internal, old)).toEqual([]);
    expect(internal.spec.ports![0]!.nodePort).toBeUndefined();
    expect(internal.spec.externalTrafficPolicy).toBeUndefined();
  });
});

describe('endpoints', () => {
  test('addresses are required and must be ordinary IPs', () => {
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets: [
        { ports: [{ port: 80 }] },
        { addresses: [{ ip: '127.0.0.1' }, { ip: 'pod-a' }], ports: [{ port: 80 }, { port: 81 }] },
      ],
    };
    applyDefaults(ep);
    expect(errors(ep)).toEqual([
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
      'subsets[1].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[1].addresses[1].ip: Invalid value: "pod-a": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[1].addresses[1].ip: Invalid value: "pod-a": must be a valid IP address',
      'subsets[1].ports[0].name: Required value',
      'subsets[1].ports[1].name: Required value',
    ]);
  });
});
