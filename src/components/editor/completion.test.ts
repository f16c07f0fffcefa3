import { describe, expect, test } from 'vitest';
import { completeManifest } from './completion.ts';

function at(marked: string, explicit = false) {
  const offset = marked.indexOf('¦');
  return completeManifest(marked.slice(0, offset) + marked.slice(offset + 1), offset, explicit);
}

const labels = (c: ReturnType<typeof at>) => c?.items.map((i) => i.label);

describe('completeManifest', () => {
  test('offers the fields the schema allows, minus those written, with their types', () => {
    const c = at(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    im¦`);
    // the word starts after the four spaces of the last line
    expect(c?.from).toBe(85);
    expect(labels(c)).toContain('image');
    expect(labels(c)).toContain('imagePullPolicy');
    expect(labels(c)).not.toContain('name');
    expect(c?.items.find((i) => i.label === 'image')).toMatchObject({
      apply: 'image: ',
      kind: 'property',
      detail: '<string>',
    });
    expect(c?.items.find((i) => i.label === 'imagePullPolicy')).toMatchObject({ apply: 'imagePullPolicy: ', offerValues: true });
    expect(c?.items.find((i) => i.label === 'ports')).toMatchObject({ apply: 'ports:\n    - ', detail: '<[]ContainerPort>' });
    expect(c?.items.find((i) => i.label === 'resources')).toMatchObject({ apply: 'resources:\n      ' });
  });

  test('waits for a letter unless asked', () => {
    expect(at(`kind: Pod\n¦`)).toBeNull();
    expect(labels(at(`kind: Pod\n¦`, true))).toEqual(['apiVersion', 'metadata', 'spec']);
  });

  test('offers enum values, kinds and apiVersions', () => {
    expect(labels(at(`kind: Service\nspec:\n  type: ¦`))).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    expect(labels(at(`kind: Deployment\nspec:\n  strategy:\n    type: R¦`))).toEqual(['Recreate', 'RollingUpdate']);
    expect(labels(at(`kind: Deployment\nspec:\n  selector:\n    matchExpressions:\n    - operator: ¦`))).toEqual([
      'In',
      'NotIn',
      'Exists',
      'DoesNotExist',
    ]);
    expect(labels(at(`kind: Deployment\napiVersion: ¦`))).toEqual(['apps/v1']);
    expect(labels(at(`kind: ¦`))).toEqual([
      'ConfigMap',
      'Deployment',
      'Endpoints',
      'EndpointSlice',
      'Namespace',
      'Pod',
      'ReplicaSet',
      'ReplicationController',
      'Service',
      'ServiceAccount',
    ]);
    expect(at(`kind: Pod\nmetadata:\n  name: ¦`)).toBeNull();
  });
});
