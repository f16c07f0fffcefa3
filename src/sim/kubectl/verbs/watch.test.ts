import { describe, expect, test } from 'vitest';
import { runKubesimScript } from '../../testing/kubesim-script.ts';

describe('kubectl get -w', () => {
  test('pads each change to the widest column seen so far, as kubectl’s tabwriter remembers widths', async () => {
    const { output } = await runKubesimScript('kubectl create deployment web --image=nginx --replicas=2\nkubectl get pods -w');
    expect(output).toBe(
      [
        'deployment.apps/web created',
        'NAME                   READY   STATUS              RESTARTS   AGE',
        'web-7957885594-695tm   0/1     ContainerCreating   0          0s',
        'web-7957885594-p5sc6   0/1     ContainerCreating   0          0s',
        'web-7957885594-695tm   1/1     Running             0          2s',
        'web-7957885594-p5sc6   1/1     Running             0          2s',
        '',
      ].join('\n'),
    );
  });
});
