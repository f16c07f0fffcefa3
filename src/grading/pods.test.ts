// pods-ready: N ready pods for a selector, a controller or a name, with the containers they need
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade } from './testing.ts';

const cluster = await clusterAfter(`kubectl create deployment web --image=nginx --replicas=2
kubectl run typo --image=ngnix --labels=app=typo
kubectl run solo --image=nginx --labels=app=solo
cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: pair
  labels: { app: pair }
spec:
  containers:
    - { name: pair, image: nginx }
    - { name: side, image: busybox, command: [sleep, '3600'] }
EOF
`);

describe('pods-ready', () => {
  test('counts a Deployment’s ready pods, exactly or at least', () => {
    expect(grade(cluster, { type: 'pods-ready', owner: { kind: 'Deployment', name: 'web' }, count: 2 })).toEqual({ pass: true });
    expect(grade(cluster, { type: 'pods-ready', owner: { kind: 'Deployment', name: 'web' }, count: 1, atLeast: true })).toEqual({
      pass: true,
    });
    expect(grade(cluster, { type: 'pods-ready', owner: { kind: 'Deployment', name: 'web' }, count: 3 })).toEqual({
      pass: false,
      diagnosis: '3 pods of Deployment `web` should be ready, but 2 are (`web-7957885594-695tm` and `web-7957885594-p5sc6`).',
      hint: 'Create the missing pods or scale up.',
    });
  });

  test('explains an image that cannot be pulled', () => {
    expect(grade(cluster, { type: 'pods-ready', selector: { app: 'typo' }, count: 1 })).toEqual({
      pass: false,
      diagnosis:
        '1 pod labelled `app=typo` should be ready, but none is: `typo` is ErrImagePull; image `ngnix` of container `typo` cannot be pulled (ErrImagePull): no such image exists.',
      hint: 'Fix the image name or the command, then recreate the pod.',
    });
  });

  test('names the labels pods carry when none matches', () => {
    const result = grade(cluster, { type: 'pods-ready', selector: { app: 'nginx' }, count: 1 });
    expect(result).toEqual({
      pass: false,
      diagnosis:
        'No pod in namespace `default` is labelled `app=nginx` (the pods there are labelled `app=pair`, `app=solo`, `app=typo` or `app=web`).',
      hint: 'Give the pod the labels app: nginx under metadata.labels.',
    });
  });

  test('counts containers: a pod with one container is not a pod with two', () => {
    expect(grade(cluster, { type: 'pods-ready', name: 'pair', count: 1, containers: 2 })).toEqual({ pass: true });
    expect(grade(cluster, { type: 'pods-ready', name: 'solo', count: 1, containers: 2 })).toEqual({
      pass: false,
      diagnosis: 'Pod `solo` has 1 container (`solo`), not 2.',
      hint: 'List every container of the pod under spec.containers: containers of one pod share its network and lifetime.',
    });
  });

  test('a missing owner is said to be missing', () => {
    expect(grade(cluster, { type: 'pods-ready', owner: { kind: 'Deployment', name: 'api' }, count: 1 }).diagnosis).toBe(
      'There is no Deployment `api` in namespace `default`.',
    );
  });
});
