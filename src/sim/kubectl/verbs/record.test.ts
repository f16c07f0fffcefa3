// --record: the deprecation warning and the change-cause upstream writes (the whole command line,
// positional words first, then each flag as --name=value) on apply, create, scale, set image, label
import { describe, expect, test } from 'vitest';
import { changeCause, RECORD_FLAG } from './record.ts';
import { kubectlSession } from './session.test-helper.ts';

const RC = `apiVersion: v1
kind: ReplicationController
metadata:
  name: web
spec:
  replicas: 2
  selector:
    app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: nginx:1.25
`;

describe('--record', () => {
  test('the change-cause is the command line as parseCommandArguments rebuilds it', () => {
    const specs = [RECORD_FLAG, { name: 'filename', short: 'f', kind: 'stringArray' as const }];
    expect(changeCause(['set', 'image', 'deployment/web', 'nginx=nginx:1.27', '--record'], specs)).toBe(
      'kubectl set image deployment/web nginx=nginx:1.27 --record=true',
    );
    expect(changeCause(['-n', 'dev', 'apply', '-f', 'web.yaml', '--record=true'], specs)).toBe(
      'kubectl apply --namespace=dev --filename=web.yaml --record=true',
    );
    expect(changeCause(['apply', '--unknown'], specs)).toBe('');
  });

  test('apply, create, scale and label record it; rollout history shows it', async () => {
    const k = kubectlSession();
    k.session.shell.fs.writeFile('rc.yaml', RC);
    k.session.shell.fs.writeFile('api.yaml', DEPLOYMENT);
    const transcript = await k.transcript(`
kubectl apply -f rc.yaml
kubectl scale rc/web --replicas=3
kubectl scale --replicas=1 -f rc.yaml --record
kubectl get rc web
kubectl get rc web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
kubectl create -f api.yaml --record
kubectl rollout history deploy/api
kubectl apply -f api.yaml --record
kubectl get deploy api -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
kubectl label deploy api tier=backend --record
kubectl get deploy api -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
`);
    expect(transcript).toBe(`$ kubectl apply -f rc.yaml
replicationcontroller/web created
$ kubectl scale rc/web --replicas=3
replicationcontroller/web scaled
$ kubectl scale --replicas=1 -f rc.yaml --record
Flag --record has been deprecated, --record will be removed in the future
replicationcontroller/web scaled
$ kubectl get rc web
NAME   DESIRED   CURRENT   READY   AGE
web    1         1         0       0s
$ kubectl get rc web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
kubectl scale --replicas=1 --filename=rc.yaml --record=true
$ kubectl create -f api.yaml --record
Flag --record has been deprecated, --record will be removed in the future
deployment.apps/api created
$ kubectl rollout history deploy/api
deployment.apps/api 
REVISION  CHANGE-CAUSE
1         kubectl create --filename=api.yaml --record=true

$ kubectl apply -f api.yaml --record
Flag --record has been deprecated, --record will be removed in the future
deployment.apps/api configured
$ kubectl get deploy api -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
kubectl apply --filename=api.yaml --record=true
$ kubectl label deploy api tier=backend --record
Flag --record has been deprecated, --record will be removed in the future
deployment.apps/api labeled
$ kubectl get deploy api -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}{"\\n"}'
kubectl label deploy api tier=backend --record=true
`);
  });
});
