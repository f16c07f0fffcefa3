// rollout: revisions as `kubectl rollout history` counts them, the image once the rollout is done
import { describe, expect, test } from 'vitest';
import { clusterAfter, grade } from './testing.ts';

const cluster = await clusterAfter(`kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl create deployment stuck --image=nginx:1.25
kubectl set image deployment/stuck nginx=ngnix:1.27
`);

describe('rollout', () => {
  test('counts revisions and sees the new image everywhere', () => {
    expect(grade(cluster, { type: 'rollout', deployment: 'web', revisions: 2, image: 'nginx:1.27' })).toEqual({ pass: true });
    expect(grade(cluster, { type: 'rollout', deployment: 'web', minRevisions: 2 })).toEqual({ pass: true });
  });

  test('the wrong count and the wrong image, together', () => {
    expect(grade(cluster, { type: 'rollout', deployment: 'web', revisions: 3, image: 'nginx:1.29' })).toEqual({
      pass: false,
      diagnosis:
        'Deployment `web` has 2 revisions (1, 2), not 3; its container `nginx` runs image `nginx:1.27`, not `nginx:1.29`.',
      hint: 'Roll out the new image: `kubectl set image deployment/web nginx=nginx:1.29`.',
    });
  });

  test('a rollout stuck on an image that does not exist', () => {
    expect(grade(cluster, { type: 'rollout', deployment: 'stuck', image: 'ngnix:1.27' })).toEqual({
      pass: false,
      diagnosis:
        'The rollout of `ngnix:1.27` is not complete: 0 of 1 new pod is ready; image `ngnix:1.27` of container `nginx` cannot be pulled (ErrImagePull): no such image exists.',
      hint: 'Fix the image name and roll out again (or `kubectl rollout undo`).',
    });
  });
});
