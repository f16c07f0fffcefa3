// resource-exists/absent and field-equals/matches read the stored objects, defaults and all
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade, HOSTNAME_AND_CLIENT } from './testing.ts';

const cluster =
  await clusterAfter(`${HOSTNAME_AND_CLIENT}kubectl expose deployment hostname --name=web --port=8080 --target-port=80
kubectl create namespace prod
kubectl create service clusterip api -n prod --tcp=80:80
`);

describe('resource-exists', () => {
  test('passes for an object that is there, namespaced or not', () => {
    expect(grade(cluster, { type: 'resource-exists', kind: 'Service', name: 'web' })).toEqual({ pass: true });
    expect(grade(cluster, { type: 'resource-exists', kind: 'Namespace', name: 'prod' })).toEqual({ pass: true });
  });

  test('names a close name when the object is missing', () => {
    expect(grade(cluster, { type: 'resource-exists', kind: 'Deployment', name: 'hostnam' })).toEqual({
      pass: false,
      diagnosis: 'There is no Deployment `hostnam` in namespace `default` (there is `hostname`).',
      hint: 'Create a Deployment named `hostnam`.',
    });
  });

  test('names the namespace the object is in instead', () => {
    expect(grade(cluster, { type: 'resource-exists', kind: 'Service', name: 'api' })).toEqual({
      pass: false,
      diagnosis: 'There is no Service `api` in namespace `default`; there is one in `prod`.',
      hint: 'Create it in namespace `default` (metadata.namespace, or `-n default`).',
    });
  });

  test('an unknown kind is the check author’s mistake, said so', () => {
    expect(grade(cluster, { type: 'resource-exists', kind: 'Gadget', name: 'x' }).diagnosis).toBe(
      'The simulator has no resource of kind `Gadget`.',
    );
  });
});

describe('resource-absent', () => {
  test('passes once the object is gone, fails while it is there', () => {
    expect(grade(cluster, { type: 'resource-absent', kind: 'Pod', name: 'gone' })).toEqual({ pass: true });
    expect(grade(cluster, { type: 'resource-absent', kind: 'Pod', name: 'client' })).toEqual({
      pass: false,
      diagnosis: 'Pod `client` still exists in namespace `default`.',
      hint: 'Delete it: `kubectl delete pod client`.',
    });
  });
});

describe('field-equals and field-matches', () => {
  test('read defaulted fields of the stored object', () => {
    expect(
      grade(cluster, { type: 'field-equals', kind: 'Service', name: 'web', path: 'spec.type', equals: 'ClusterIP' }),
    ).toEqual({ pass: true });
    expect(
      grade(cluster, { type: 'field-equals', kind: 'Service', name: 'web', path: 'spec.ports[0].targetPort', equals: 80 }),
    ).toEqual({ pass: true });
    expect(
      grade(cluster, { type: 'field-matches', kind: 'Service', name: 'web', path: 'spec.clusterIP', pattern: '^10\\.' }),
    ).toEqual({ pass: true });
  });

  test('say what the field holds instead', () => {
    expect(grade(cluster, { type: 'field-equals', kind: 'Service', name: 'web', path: 'spec.type', equals: 'NodePort' })).toEqual(
      {
        pass: false,
        diagnosis: "Service `web`'s `spec.type` is `ClusterIP`, not `NodePort`.",
        hint: 'Set spec.type to NodePort.',
      },
    );
    expect(
      grade(cluster, { type: 'field-equals', kind: 'Service', name: 'web', path: 'spec.ports[0].nodePort', equals: 31000 }),
    ).toEqual({
      pass: false,
      diagnosis: "Service `web`'s `spec.ports[0].nodePort` is not set (it should be `31000`).",
      hint: 'Set spec.ports[0].nodePort to 31000.',
    });
    expect(
      grade(cluster, { type: 'field-matches', kind: 'Service', name: 'web', path: 'spec.clusterIP', pattern: '^192\\.' }),
    ).toEqual({
      pass: false,
      diagnosis: "Service `web`'s `spec.clusterIP` is `10.106.36.156`, which does not match `^192\\.`.",
      hint: 'Look at the field with `kubectl get service web -o yaml`.',
    });
  });
});
