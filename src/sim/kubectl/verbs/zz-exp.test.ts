import { test } from 'vitest';
import { createWorld } from '../../world.ts';
import { createSession } from '../../shell/index.ts';
import { kubectl } from '../kubectl.ts';
import { runScript } from '../../testing/run-script.ts';

test('exp', async () => {
  const world = createWorld(1);
  const session = createSession({ clock: world.cluster.clock, seed: 1, world, commands: [kubectl] });
  const t = await runScript(`kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl get deploy,rs,pods
sleep 20
kubectl get deploy,rs,pods`, 1, session);
  console.log(t.output);
  const c = world.cluster;
  const d = c.api.get('Deployment', 'default', 'web')!;
  const nd = structuredClone(d) as any;
  nd.spec.template.spec.containers[0].image = 'nginx:1.27';
  c.api.update(nd);
  const lines: string[] = [];
  const un = c.store.watch((e) => {
    if (e.object.kind === 'Deployment' && e.object.metadata.name === 'web') {
      const o = e.object as any;
      lines.push(`${c.clock.now() - 0} ${e.type} gen=${o.metadata.generation} obs=${o.status?.observedGeneration} r=${o.status?.replicas} upd=${o.status?.updatedReplicas} ready=${o.status?.readyReplicas} avail=${o.status?.availableReplicas}`);
    }
  });
  c.settle();
  for (let i = 0; i < 80; i++) c.advance(250);
  un();
  console.log(lines.join('\n'));
});
