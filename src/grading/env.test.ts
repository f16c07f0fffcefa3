// env-var: a variable in a running container, and the two caveats of service variables
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade } from './testing.ts';

const cluster = await clusterAfter(`kubectl create service clusterip api --tcp=80:80
kubectl create namespace prod
kubectl create service clusterip db -n prod --tcp=80:80
kubectl run client --image=busybox --env=GREETING=hi -- sleep 3600
sleep 5
kubectl create service clusterip late --tcp=80:80
`);

describe('env-var', () => {
  test('service variables of Services that existed when the container started', () => {
    expect(grade(cluster, { type: 'env-var', pod: 'client', variable: 'API_SERVICE_HOST', matches: '^10\\.' })).toEqual({
      pass: true,
    });
    expect(grade(cluster, { type: 'env-var', pod: 'client', variable: 'KUBERNETES_SERVICE_PORT', equals: 443 })).toEqual({
      pass: true,
    });
    expect(grade(cluster, { type: 'env-var', pod: 'client', variable: 'GREETING', equals: 'hi' })).toEqual({ pass: true });
  });

  test('a Service created after the container started', () => {
    expect(grade(cluster, { type: 'env-var', pod: 'client', variable: 'LATE_SERVICE_HOST' })).toEqual({
      pass: false,
      diagnosis:
        'Container `client` of pod `client` has no variable LATE_SERVICE_HOST: Service `late` was created after the container started, and the kubelet sets service variables only when a container starts.',
      hint: 'Recreate the pod after the Service exists (for a Deployment: `kubectl rollout restart deployment/NAME`).',
    });
  });

  test('a Service in another namespace', () => {
    expect(grade(cluster, { type: 'env-var', pod: 'client', variable: 'DB_SERVICE_HOST' })).toEqual({
      pass: false,
      diagnosis:
        'Container `client` of pod `client` has no variable DB_SERVICE_HOST: Service `db` is in namespace `prod`, and a pod only gets variables for Services of its own namespace (`default`).',
      hint: 'Create the Service in namespace `default`, or find it by DNS instead.',
    });
  });

  test('a wrong value, and a variable that should not be there', () => {
    expect(grade(cluster, { type: 'env-var', pod: 'client', variable: 'GREETING', equals: 'hello' })).toEqual({
      pass: false,
      diagnosis: 'Container `client` of pod `client` has GREETING=hi, not hello.',
      hint: 'Set GREETING to hello.',
    });
    expect(grade(cluster, { type: 'env-var', pod: 'client', variable: 'GREETING', present: false }).diagnosis).toBe(
      'Container `client` of pod `client` has GREETING=hi, which should not be set.',
    );
  });
});
