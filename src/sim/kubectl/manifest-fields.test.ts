import { describe, expect, test } from 'vitest';
import { fieldsAt, MANIFEST_KINDS, valuesAt } from './manifest-fields.ts';

const names = (kind: string | null, path: (string | number)[]) => fieldsAt(kind, path).map((f) => f.name);

describe('fieldsAt', () => {
  test('lists the fields explain knows at a path, without those the server writes', () => {
    expect(names('Pod', [])).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(names('Deployment', ['spec', 'strategy'])).toEqual(['rollingUpdate', 'type']);
    expect(names('Service', ['metadata'])).not.toContain('uid');
    expect(names('Service', ['metadata'])).toContain('labels');
    expect(fieldsAt('Pod', ['spec', 'containers', 0]).find((f) => f.name === 'ports')).toEqual({
      name: 'ports',
      type: '[]ContainerPort',
      description: expect.any(String),
      required: false,
      shape: 'list',
    });
  });

  test('has nothing inside maps, scalars or unknown fields', () => {
    expect(fieldsAt('Pod', ['metadata', 'labels'])).toEqual([]);
    expect(fieldsAt('Pod', ['spec', 'nodeName'])).toEqual([]);
    expect(fieldsAt('Pod', ['spec', 'contianers', 0])).toEqual([]);
  });

  test('an unknown kind still gets what every object has', () => {
    expect(names(null, [])).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(names('Widget', ['metadata'])).toContain('name');
  });
});

describe('valuesAt', () => {
  test('gives enums from the schema, and the kinds and apiVersions in scope', () => {
    expect(valuesAt('Pod', ['spec', 'restartPolicy'])).toEqual(['Always', 'Never', 'OnFailure']);
    expect(valuesAt('Service', ['spec', 'externalTrafficPolicy'])).toEqual(['Cluster', 'Local']);
    expect(valuesAt('Service', ['spec', 'sessionAffinity'])).toEqual(['ClientIP', 'None']);
    expect(valuesAt('Pod', ['spec', 'containers', 0, 'ports', 0, 'protocol'])).toEqual(['SCTP', 'TCP', 'UDP']);
    expect(valuesAt('Service', ['spec', 'allocateLoadBalancerNodePorts'])).toEqual(['true', 'false']);
    expect(valuesAt(null, ['apiVersion'])).toEqual(['v1', 'apps/v1', 'discovery.k8s.io/v1']);
    expect(MANIFEST_KINDS.find((k) => k.kind === 'EndpointSlice')?.apiVersion).toBe('discovery.k8s.io/v1');
    expect(valuesAt('Pod', ['metadata', 'name'])).toEqual([]);
  });
});
