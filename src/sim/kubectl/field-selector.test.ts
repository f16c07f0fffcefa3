import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../testing/kubectl-session.ts';

describe('kubectl get --field-selector', () => {
  test('filters lists by the fields each resource offers; anything else is the server’s BadRequest', async () => {
    const r = await runKubectlScript(
      [
        'kubectl create deployment w --image=nginx --replicas=3',
        'kubectl run broken --image=ngnix',
        'sleep 5',
        'kubectl get pods --field-selector status.phase=Running -o name | wc -l',
        'kubectl get pods --field-selector=status.phase!=Running -o name',
        'kubectl get svc -A --field-selector metadata.namespace!=default,spec.type==ClusterIP -o name',
        'kubectl get pods --field-selector spec.containers[0].image=nginx',
        'kubectl get deploy -l app=w --field-selector spec.replicas=3',
        'kubectl get pods --field-selector spec.nodeName',
        'kubectl get nodes --field-selector spec.unschedulable=false -o name',
      ].join('\n'),
    );
    expect(r.output).toBe(
      'deployment.apps/w created\n' +
        'pod/broken created\n' +
        '3\n' +
        'pod/broken\n' +
        'service/kube-dns\n' +
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.containers[0].image=nginx": field label not supported: spec.containers[0].image\n' +
        'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app=w", field selector "spec.replicas=3": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n' +
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.nodeName": invalid selector: \'spec.nodeName\'; can\'t understand \'spec.nodeName\'\n' +
        'node/kind-control-plane\nnode/kind-worker\nnode/kind-worker2\n',
    );
  });
});
