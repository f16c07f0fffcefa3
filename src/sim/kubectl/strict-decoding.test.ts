// the apiserver's JSON decoding of a body to create: a value of the wrong type is refused with
// encoding/json's words, the first one in the order kubectl sends the keys, whatever --validate says
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { jsonTypeError } from './strict-decoding.ts';
import { kubectlSession } from './verbs/session.test-helper.ts';

const pod = (spec: unknown, metadata: unknown = { name: 'p' }) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata, spec }) as unknown as KubeObject;

describe('jsonTypeError', () => {
  test('names the innermost struct, the path without indexes and the Go type', () => {
    expect(jsonTypeError(pod({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: '80' }] }] }))).toEqual({
      path: 'spec.containers[0].ports[0].containerPort',
      message:
        'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    });
    expect(jsonTypeError(pod({ containers: [], terminationGracePeriodSeconds: '30' }))?.message).toBe(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    );
    expect(jsonTypeError(pod({ containers: {} }))?.message).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(jsonTypeError(pod({ containers: ['nginx'] }))?.message).toBe(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container',
    );
    expect(jsonTypeError(pod({ containers: [{ name: 'c', image: 'nginx', imagePullPolicy: true }] }))?.message).toBe(
      'json: cannot unmarshal bool into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy',
    );
    expect(jsonTypeError(pod('none'))?.message).toBe(
      'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec',
    );
  });

  test('numbers: a fraction or an int32 overflow is shown with its value', () => {
    expect(jsonTypeError(pod({ containers: [], terminationGracePeriodSeconds: 1.5 }))?.message).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    );
    expect(jsonTypeError(pod({ containers: [{ name: 'c', ports: [{ containerPort: 2147483648 }] }] }))?.message).toBe(
      'json: cannot unmarshal number 2147483648 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });

  test('the first wrong value in sorted key order; nulls and self-decoding types pass', () => {
    expect(jsonTypeError(pod({ restartPolicy: 1, containers: 'x' }))?.path).toBe('spec.containers');
    expect(jsonTypeError(pod({ containers: 'x' }, { name: 'p', labels: { b: 2, a: true } }))?.message).toBe(
      'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(
      jsonTypeError(
        pod({
          containers: [
            {
              name: 'c',
              image: null,
              resources: { limits: { cpu: 1, memory: '1Gi' } },
              readinessProbe: { httpGet: { port: 'http' } },
              livenessProbe: { tcpSocket: { port: 80 } },
            },
          ],
          nodeName: null,
        }),
      ),
    ).toBeNull();
  });
});

describe('kubectl apply and create of a body that does not decode', () => {
  test('the server refuses it whatever --validate says; nothing is created', async () => {
    const k = kubectlSession();
    await k.run(`cat > web.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        command: npm start
EOF
cat > svc.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - port: "80"
EOF
`);
    expect(
      await k.transcript(`
kubectl apply -f web.yaml
kubectl create -f svc.yaml --validate=false
kubectl get deploy,svc
`),
    ).toBe(`$ kubectl apply -f web.yaml
Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string
[exit 1]
$ kubectl create -f svc.yaml --validate=false
Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32
[exit 1]
$ kubectl get deploy,svc
NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m
`);
  });
});
