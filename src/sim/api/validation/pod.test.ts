import { describe, expect, test } from 'vitest';
import { applyDefaults } from '../defaults.ts';
import { renderFieldError } from '../field-errors.ts';
import { clone } from '../meta.ts';
import { invalid, kubectlMessage } from '../status-errors.ts';
import type { Pod, PodSpec } from '../types.ts';
import { validateCreate, validateUpdate } from './index.ts';

const SUBDOMAIN = String.raw`a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;

function pod(spec: Partial<PodSpec> = {}, name = 'web'): Pod {
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
  };
  applyDefaults(p);
  return p;
}

const errors = (p: Pod) => validateCreate(p).map(renderFieldError);

describe('pod create', () => {
  test('a defaulted pod is valid', () => {
    expect(errors(pod())).toEqual([]);
  });

  test('a bad name, as the server and kubectl word it', () => {
    const p = pod({}, 'Bad_Name');
    const err = invalid('Pod', 'Bad_Name', validateCreate(p));
    expect(err.message).toBe(`Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN}`);
    expect(kubectlMessage(err)).toBe(`The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": ${SUBDOMAIN}`);
  });

  test('two containers with the same name', () => {
    const p = pod({
      containers: [
        { name: 'web', image: 'nginx' },
        { name: 'web', image: 'redis' },
      ],
    });
    expect(errors(p)).toEqual(['spec.containers[1].name: Duplicate value: "web"']);
  });

  test('container ports of 0 and 70000, a bad protocol and a repeated name', () => {
    const p = pod({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: [
            { containerPort: 0 },
            { name: 'http', containerPort: 70000 },
            { name: 'http', containerPort: 80, protocol: 'HTTP' as 'TCP' },
          ],
        },
      ],
    });
    expect(errors(p)).toEqual([
      'spec.containers[0].ports[0].containerPort: Required value',
      'spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[2].name: Duplicate value: "http"',
      'spec.containers[0].ports[2].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  test('no containers, no image, an unknown volume, a bad env var', () => {
    expect(errors(pod({ containers: [] }))).toEqual(['spec.containers: Required value']);
    const p = pod({
      containers: [
        {
          name: 'Web',
          image: '',
          env: [{ name: 'A=B' }, { name: 'X', valueFrom: {} }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
    });
    expect(errors(p)).toEqual([
      `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      'spec.containers[0].image: Required value',
      `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      'spec.containers[0].env[1].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  test('enums, probes, requests above limits and tolerations', () => {
    const p = pod({
      restartPolicy: 'Sometimes' as 'Always',
      containers: [
        {
          name: 'web',
          image: 'nginx',
          livenessProbe: { httpGet: { port: 'http' }, successThreshold: 2 },
          resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } },
        },
      ],
      tolerations: [{ operator: 'Equal', value: 'x' }],
    });
    expect(errors(p)).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ]);
  });
});

describe('pod update', () => {
  test('images may change, other fields may not', () => {
    const old = pod();
    old.metadata.resourceVersion = '1';
    const image = clone(old);
    image.spec.containers[0]!.image = 'nginx:1.27';
    expect(validateUpdate(image, old)).toEqual([]);
    const policy = clone(old);
    policy.spec.restartPolicy = 'Never';
    const [err] = validateUpdate(policy, old).map(renderFieldError);
    expect(err).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n' +
        '  core.PodSpec{\n- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n' +
        `  \t... // ${Object.keys(old.spec).length - 1} identical fields\n  }\n`,
    );
  });

  test('containers may not be added, tolerations only added', () => {
    const old = pod();
    const more = clone(old);
    more.spec.containers.push({ name: 'side', image: 'busybox' });
    applyDefaults(more);
    expect(validateUpdate(more, old).map(renderFieldError)).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
    const fewer = clone(old);
    fewer.spec.tolerations = fewer.spec.tolerations!.slice(1);
    expect(validateUpdate(fewer, old).map(renderFieldError)).toContain(
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });
});
