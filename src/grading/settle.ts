// before checks run, virtual time moves on as `kubectl wait` would move it: until every pod has
// got where it is going (ready, or stuck in a state only a fix will change) and every rollout
// and load balancer is done — never more than a bound, so a grade never hangs
import type { Cluster } from '../sim/cluster.ts';
import type { Deployment, Pod, Service } from '../sim/api/types.ts';
import { ServiceLoadBalancerController } from '../sim/controllers/service-lb.ts';
import { podReady } from './facts.ts';

/** states that only a change by the learner ends */
const STUCK = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'CrashLoopBackOff',
  'InvalidImageName',
  'CreateContainerConfigError',
  'RunContainerError',
]);

const STEP_MS = 500;
export const SETTLE_LIMIT_MS = 60_000;

function podSettled(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  if (podReady(pod)) return true;
  const unschedulable = pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False');
  if (unschedulable) return true;
  return (pod.status?.containerStatuses ?? []).some(
    (s) => STUCK.has(s.state.waiting?.reason ?? '') || s.state.terminated !== undefined,
  );
}

function deploymentSettled(d: Deployment): boolean {
  const s = d.status ?? {};
  const replicas = d.spec.replicas ?? 1;
  if ((s.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) return false;
  return (s.replicas ?? 0) === replicas && (s.updatedReplicas ?? 0) === replicas;
}

/** is there anything left that time alone would change? */
export function settled(cluster: Cluster): boolean {
  if (!cluster.api.list<Pod>('Pod').every(podSettled)) return false;
  const pods = cluster.api.list<Pod>('Pod');
  const stuckPods = pods.some((p) => !podReady(p) && podSettled(p) && p.status?.phase !== 'Succeeded');
  // a rollout blocked by a bad image never completes: that too is where it stays
  if (!stuckPods && !cluster.api.list<Deployment>('Deployment').every(deploymentSettled)) return false;
  const provider = cluster.controllers.some((c) => c instanceof ServiceLoadBalancerController);
  if (provider) {
    const waiting = cluster.api
      .list<Service>('Service')
      .some(
        (s) => s.spec.type === 'LoadBalancer' && !s.spec.loadBalancerClass && !(s.status?.loadBalancer?.ingress ?? []).length,
      );
    if (waiting) return false;
  }
  return true;
}

/** advances virtual time until the cluster has settled or `limitMs` has passed; returns the time spent */
export function waitUntilSettled(cluster: Cluster, limitMs = SETTLE_LIMIT_MS): number {
  cluster.settle();
  let spent = 0;
  while (spent < limitMs && !settled(cluster)) {
    cluster.advance(STEP_MS);
    spent += STEP_MS;
  }
  // one more step: endpoints and load-balancer status follow the pods they describe
  cluster.advance(STEP_MS);
  return spent + STEP_MS;
}
