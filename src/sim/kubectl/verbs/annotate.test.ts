// kubectl annotate: annotated whatever happened, --overwrite, --list and its errors
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl annotate', () => {
  test('annotate adds, refuses to overwrite, overwrites, removes', async () => {
    const transcript = await kubectlSession().transcript(`
kubectl run web --image=nginx
kubectl annotate pod web description='my frontend'
kubectl annotate pod web description='my backend'
kubectl annotate pod web description='my backend' --overwrite
kubectl annotate pod web --list
kubectl annotate pod web description- owner-
kubectl annotate pod web a=1 a-
kubectl annotate pod web
kubectl annotate pod/web kubernetes.io/change-cause=manual --record
`);
    expect(transcript).toBe(`$ kubectl run web --image=nginx
pod/web created
$ kubectl annotate pod web description='my frontend'
pod/web annotated
$ kubectl annotate pod web description='my backend'
error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)
[exit 1]
$ kubectl annotate pod web description='my backend' --overwrite
pod/web annotated
$ kubectl annotate pod web --list
description=my backend
$ kubectl annotate pod web description- owner-
pod/web annotated
$ kubectl annotate pod web a=1 a-
error: can not both modify and remove the following annotation(s) in the same command: a
[exit 1]
$ kubectl annotate pod web
error: at least one annotation update is required
[exit 1]
$ kubectl annotate pod/web kubernetes.io/change-cause=manual --record
Flag --record has been deprecated, --record will be removed in the future
pod/web annotated
`);
  });
});
