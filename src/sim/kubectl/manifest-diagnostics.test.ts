import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createWorld } from '../world.ts';
import { diagnoseManifest, splitFieldPath } from './manifest-diagnostics.ts';
import { kubectlSession } from './verbs/session.test-helper.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const diagnose = (text: string) => diagnoseManifest(text, undefined, { source: 'web.yaml' });

describe('diagnoseManifest', () => {
  test('reports a line indented too deep where go-yaml stops, in kubectl apply’s words', () => {
    expect(diagnose(POD.replace('    image: nginx', '     image: nginx'))).toEqual([
      {
        line: 8,
        severity: 'error',
        message:
          'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context',
      },
    ]);
  });

  test('reports a key that is a mapping or a list on that key, as go-yaml refuses it', () => {
    expect(diagnose(POD.replace('    image: nginx', '    image: nginx\n    env: {{x}}'))).toEqual([
      {
        line: 9,
        column: 11,
        severity: 'error',
        message:
          'error: error parsing web.yaml: error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{"x":interface {}(nil)}',
      },
    ]);
    expect(diagnose(POD.replace('  name: web', '  name: web\n  ? [a, 2, {b: true}]\n  : v'))[0]?.message).toBe(
      'error: error parsing web.yaml: error converting YAML to JSON: yaml: invalid map key: []interface {}{"a", 2, map[interface {}]interface {}{"b":true}}',
    );
  });

  test('reports each unknown field as strict decoding does, on its key', () => {
    expect(diagnose(POD.replace('containers:', 'contianers:'))).toEqual([
      {
        line: 6,
        column: 3,
        severity: 'error',
        message:
          'Error from server (BadRequest): error when creating "web.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.contianers"',
      },
    ]);
    expect(
      diagnose(POD.replace('    image: nginx', '    image: nginx\n    imagePullPolice: Always\n  restartPolice: Never')),
    ).toEqual([
      {
        line: 9,
        column: 5,
        severity: 'error',
        message:
          'Error from server (BadRequest): error when creating "web.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"',
      },
      {
        line: 10,
        column: 3,
        severity: 'error',
        message:
          'Error from server (BadRequest): error when creating "web.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.restartPolice"',
      },
    ]);
  });

  test('reports a value of the wrong type where the JSON decoder meets it first', () => {
    expect(
      diagnose(
        DEPLOYMENT.replace('replicas: 2', 'replicas: "2"').replace(
          'image: nginx:1.27',
          'image: nginx:1.27\n        command: npm start',
        ),
      ),
    ).toEqual([
      {
        line: 6,
        column: 3,
        severity: 'error',
        message:
          'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      },
    ]);
    expect(diagnose(DEPLOYMENT.replace('image: nginx:1.27', 'image: nginx:1.27\n        command: npm start'))).toEqual([
      {
        line: 18,
        column: 9,
        severity: 'error',
        message:
          'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string',
      },
    ]);
  });

  test('reports an invalid name on metadata.name', () => {
    expect(diagnose(POD.replace('  name: web', '  name: Web_1'))).toEqual([
      {
        line: 4,
        column: 3,
        severity: 'error',
        message:
          "The Pod \"Web_1\" is invalid: metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      },
    ]);
  });

  test('places each cause of one Invalid error on its own field', () => {
    const text = DEPLOYMENT.replace('        app: web', '        app: webb').replace('        image: nginx:1.27\n', '');
    expect(diagnose(text)).toEqual([
      {
        line: 12,
        column: 7,
        severity: 'error',
        message:
          'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"webb"}: `selector` does not match template `labels`',
      },
      {
        line: 16,
        column: 9,
        severity: 'error',
        message: 'The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value',
      },
    ]);
  });

  test('a missing field is reported on the nearest key the file has', () => {
    expect(diagnose(POD.replace('    image: nginx\n', ''))).toEqual([
      {
        line: 7,
        column: 5,
        severity: 'error',
        message: 'The Pod "web" is invalid: spec.containers[0].image: Required value',
      },
    ]);
  });

  test('finds nothing wrong with a valid multi-document file', () => {
    const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;
    expect(diagnose(`${DEPLOYMENT}---\n${service}---\n# just a comment\n`)).toEqual([]);
    expect(diagnose('')).toEqual([]);
  });

  test('names the document a decoding error belongs to', () => {
    expect(diagnose(`${POD}---\nkind: Service\nmetadata:\n  name: x\n`)).toEqual([
      {
        line: 10,
        column: 1,
        severity: 'error',
        message:
          'error: error validating "web.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
      },
    ]);
  });

  test('reports kinds the cluster does not serve on kind, and deprecated ones as warnings', () => {
    const text = `apiVersion: v1\nkind: Deploymnet\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: x\n`;
    expect(diagnose(text)).toEqual([
      {
        line: 2,
        column: 1,
        severity: 'error',
        message:
          'error: resource mapping not found for name: "x" namespace: "" from "web.yaml": no matches for kind "Deploymnet" in version "v1"\nensure CRDs are installed first',
      },
      {
        line: 7,
        column: 1,
        severity: 'warning',
        message: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
      },
    ]);
  });

  test('against a cluster: a missing namespace, and the update checks for an object that exists', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    const before = JSON.stringify(k.world.cluster.store.list('pods'));
    const moved = DEPLOYMENT.replace(/app: web/g, 'app: api');
    expect(diagnoseManifest(moved, k.world.cluster, { source: 'web.yaml' })).toEqual([
      {
        line: 7,
        column: 3,
        severity: 'error',
        message:
          'The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"api"}}: field is immutable',
      },
    ]);
    const elsewhere = POD.replace('  name: web', '  name: web\n  namespace: nope');
    expect(diagnoseManifest(elsewhere, k.world.cluster, { source: 'web.yaml' })).toEqual([
      {
        line: 5,
        column: 3,
        severity: 'error',
        message: 'Error from server (NotFound): error when creating "web.yaml": namespaces "nope" not found',
      },
    ]);
    // a dry run stores nothing
    expect(diagnoseManifest(POD, k.world.cluster)).toEqual([]);
    expect(JSON.stringify(k.world.cluster.store.list('pods'))).toBe(before);
  });

  test('an object as kubectl edit shows it checks clean; a bad edit is caught on its line', async () => {
    const k = kubectlSession();
    await k.run('kubectl create deployment web --image=nginx:1.27');
    let buffer = '';
    k.host.edit = (_path, text) => {
      buffer = text;
      return Promise.resolve(null);
    };
    await k.run('kubectl edit deployment/web');
    expect(buffer).toContain('kind: Deployment');
    expect(diagnoseManifest(buffer, k.world.cluster, { source: 'edited-file' })).toEqual([]);
    const bad = buffer.replace('  replicas: 1', '  replicas: -1');
    expect(diagnoseManifest(bad, k.world.cluster, { source: 'edited-file' })).toEqual([
      {
        line: bad.split('\n').indexOf('  replicas: -1') + 1,
        column: 3,
        severity: 'error',
        message: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      },
    ]);
  });

  test('a kind served under another apiVersion is reported on apiVersion', () => {
    expect(diagnose(DEPLOYMENT.replace('apps/v1', 'v1'))).toEqual([
      {
        line: 1,
        column: 1,
        severity: 'error',
        message:
          'error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first',
      },
    ]);
  });

  test('checking a manifest leaves the cluster’s random choices alone', async () => {
    const names = async (check: boolean) => {
      const k = kubectlSession(7);
      if (check) diagnoseManifest(DEPLOYMENT.replace('name: web', 'generateName: web-'), k.world.cluster);
      await k.run('kubectl create deployment web --image=nginx');
      return k.world.cluster.store.list('pods').map((p) => p.metadata.name);
    };
    expect(await names(true)).toEqual(await names(false));
  });

  test('a List whose items are not objects is an error on the list, not a crash', () => {
    // found by the property below (seed 1833375530): a scalar item and an empty one
    expect(diagnoseManifest('kind: List\nitems:\n- a\n- ')).toEqual([
      {
        line: 1,
        column: 1,
        severity: 'error',
        message:
          'error: error validating "STDIN": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
      },
    ]);
  });

  test('never throws, whatever the text', () => {
    const world = createWorld(3);
    const fragments = fc.constantFrom(
      'apiVersion: v1\n',
      'kind: Pod\n',
      'kind: List\nitems:\n- a\n',
      'metadata:\n',
      '  name: x\n',
      '  labels: {a: b}\n',
      'spec:\n',
      '  containers:\n',
      '  - name: c\n',
      '    image: nginx\n',
      '   ports: [80]\n',
      '---\n',
      '\t',
      ': ',
      '&a [1]\n',
      '*a\n',
      '"',
      '- ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fragments).map((a) => a.join('')),
        ),
        (text) => {
          expect(Array.isArray(diagnoseManifest(text, world.cluster))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('splitFieldPath', () => {
  test('splits names, indexes and keys', () => {
    expect(splitFieldPath('spec.template.spec.containers[0].image')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'image',
    ]);
    expect(splitFieldPath('metadata.annotations[kubernetes.io/change-cause]')).toEqual([
      'metadata',
      'annotations',
      'kubernetes.io/change-cause',
    ]);
  });
});
