import { describe, expect, test } from 'vitest';
import { createLearnerMachine } from '../sim/machine.ts';
import { networkOf } from '../sim/network/net.ts';
import { requestPath } from './request-path.ts';

async function lastRequestAfter(lines: string[]) {
  const machine = createLearnerMachine({ seed: 1, mode: 'script' });
  const out = { stdout: () => {}, stderr: () => {} };
  for (const line of lines) await machine.session.feedLine(line, out);
  const trace = networkOf(machine.world.cluster).traces.at(-1);
  return trace ? requestPath(trace) : null;
}

describe('requestPath', () => {
  test('is null before any request', async () => {
    expect(await lastRequestAfter([])).toBeNull();
  });

  test('follows a request from a pod through DNS, the Service and kube-proxy to the pod that answered', async () => {
    const path = await lastRequestAfter([
      'kubectl create deployment web --image=nginx --replicas=3',
      'kubectl expose deployment web --port=8080 --target-port=80',
      'kubectl run client --image=curlimages/curl -- sleep 3600',
      'sleep 10',
      'kubectl exec client -- curl -s -o /dev/null web:8080',
    ]);
    expect(path).toEqual({
      summary: 'pod default/client → web:8080',
      outcome: 'connected',
      connected: true,
      steps: [
        'pod default/client',
        'DNS web → 10.106.36.156',
        'Service default/web (10.106.36.156:8080)',
        'kube-proxy on kind-worker2 picked 10.244.2.2:80 out of 3',
        'pod default/web-7957885594-695tm (10.244.2.2:80)',
      ],
    });
  });

  test('stops at kube-proxy, refused, when the Service has no endpoint', async () => {
    const path = await lastRequestAfter([
      'kubectl create service clusterip nothing --tcp=80:80',
      'kubectl run client --image=curlimages/curl -- sleep 3600',
      'sleep 10',
      'kubectl exec client -- curl -s nothing',
    ]);
    expect(path).toEqual({
      summary: 'pod default/client → nothing:80',
      outcome: 'connection refused',
      connected: false,
      steps: [
        'pod default/client',
        'DNS nothing → 10.106.36.156',
        'Service default/nothing (10.106.36.156:80)',
        'kube-proxy on kind-worker: no endpoint to pick',
        'dropped: default/nothing has no endpoints: kube-proxy rejects the connection',
      ],
    });
  });

  test('shows the CNAME of an ExternalName Service and the outside host', async () => {
    const path = await lastRequestAfter([
      'kubectl create service externalname search --external-name=www.example.com',
      'kubectl run client --image=curlimages/curl -- sleep 3600',
      'sleep 10',
      'kubectl exec client -- curl -s -o /dev/null search',
    ]);
    expect(path).toEqual({
      summary: 'pod default/client → search:80',
      outcome: 'connected',
      connected: true,
      steps: [
        'pod default/client',
        'DNS search → www.example.com → 203.0.113.30',
        'SNAT 10.244.1.2 → 172.18.0.3',
        'outside host www.example.com (203.0.113.30:80)',
      ],
    });
  });
});
