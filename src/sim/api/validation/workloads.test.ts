import { describe, expect, test } from 'vitest';
import { applyDefaults } from '../defaults.ts';
import { renderFieldError } from '../field-errors.ts';
import { clone } from '../meta.ts';
import { invalid, kubectlMessage } from '../status-errors.ts';
import type { DaemonSet, Deployment, KubeObject, ReplicaSet, ReplicationController } from '../types.ts';
import { validateCreate, validateUpdate } from './index.ts';

const template = (labels: Record<string, string> = { app: 'web' }) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
});

function deployment(spec: Partial<Deployment['spec']> = {}): Deployment {
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
  };
  applyDefaults(d);
  return d;
}

const errors = (obj: KubeObject) => validateCreate(obj).map(renderFieldError);
const MISMATCH = '`selector` does not match template `labels`';

describe('deployments', () => {
  test('a defaulted deployment is valid', () => {
    expect(errors(deployment())).toEqual([]);
  });

  test('selector that does not match the template labels', () => {
    const d = deployment({ template: template({ app: 'x' }) });
    const err = invalid('Deployment', 'web', validateCreate(d));
    expect(err.message).toBe(
      `Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"x"}: ${MISMATCH}`,
    );
    expect(kubectlMessage(err)).toBe(
      `The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"x"}: ${MISMATCH}`,
    );
  });

  test('negative replicas and history, and a deadline no longer than minReadySeconds', () => {
    expect(
      errors(deployment({ replicas: -1, revisionHistoryLimit: -2, minReadySeconds: 5, progressDeadlineSeconds: 5 })),
    ).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
      'spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds',
    ]);
  });

  test('rolling update bounds', () => {
    const zero = deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } });
    expect(errors(zero)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]);
    const percent = deployment({ strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } });
    expect(errors(percent)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ]);
    const bad = deployment({ strategy: { rollingUpdate: { maxSurge: '25', maxUnavailable: '150%' } } });
    expect(errors(bad)).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"25\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]);
  });

  test('strategy types', () => {
    const recreate = deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } });
    expect(errors(recreate)).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
    const blue = deployment({ strategy: { type: 'Blue' as 'Recreate' } });
    expect(errors(blue)).toEqual([
      'spec.strategy: Unsupported value: {"Type":"Blue","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"',
    ]);
  });

  test('missing, empty and unparsable selectors', () => {
    const none = deployment();
    delete (none.spec as Partial<Deployment['spec']>).selector;
    expect(errors(none)).toEqual([
      'spec.selector: Required value',
      `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`,
    ]);
    expect(errors(deployment({ selector: {} }))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
    const noValues = deployment({ selector: { matchExpressions: [{ key: 'tier', operator: 'In' }] } });
    expect(errors(noValues)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"tier","operator":"In"}]}: invalid label selector',
    ]);
  });

  test('template problems are reported at the template paths', () => {
    const d = deployment({
      template: { metadata: { labels: { app: 'web', team: 'a b' } }, spec: { containers: [], restartPolicy: 'Never' } },
    });
    expect(errors(d)).toEqual([
      `spec.template.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      'spec.template.spec.containers: Required value',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  test('the selector is immutable', () => {
    const old = deployment();
    const changed = clone(old);
    changed.spec.selector = { matchLabels: { app: 'api' } };
    changed.spec.template.metadata!.labels = { app: 'api' };
    expect(validateUpdate(changed, old).map(renderFieldError)).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"api"}}: field is immutable',
    ]);
  });
});

describe('replica sets, daemon sets and replication controllers', () => {
  test('a replica set shares the deployment wording for an empty selector', () => {
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-1', namespace: 'default' },
      spec: { selector: {}, template: template() },
    };
    applyDefaults(rs);
    expect(errors(rs)).toEqual(['spec.selector: Invalid value: {}: empty selector is invalid for deployment']);
  });

  test('daemon set rolling updates need exactly one of maxSurge and maxUnavailable', () => {
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: template(),
        updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
      },
    };
    applyDefaults(ds);
    expect(errors(ds)).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ]);
    const both = clone(ds);
    both.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } };
    expect(errors(both)).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
    ]);
  });

  test('a replication controller takes its selector from the template', () => {
    const rc: ReplicationController = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'web', namespace: 'default' },
      spec: { template: template() },
    };
    applyDefaults(rc);
    expect(rc.spec.selector).toEqual({ app: 'web' });
    expect(errors(rc)).toEqual([]);
    const bare: ReplicationController = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'web', namespace: 'default' },
      spec: {},
    };
    applyDefaults(bare);
    expect(errors(bare)).toEqual(['spec.selector: Required value', 'spec.template: Required value']);
  });
});
