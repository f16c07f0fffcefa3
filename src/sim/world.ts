// everything a learner's terminal talks to: the simulated cluster and the kubeconfig that
// points kubectl at it

import { createDefaultCluster, type DefaultClusterOptions } from './bootstrap.ts';
import type { Cluster } from './cluster.ts';
import { KubeConfig } from './kubectl/kubeconfig.ts';

export interface World {
  cluster: Cluster;
  kubeconfig: KubeConfig;
}

/** a fresh default cluster; `now` is the wall-clock time in the browser, fixed in scripts */
export function createWorld(seed: number, now?: number, options: DefaultClusterOptions = {}): World {
  return { cluster: createDefaultCluster(seed, now, options), kubeconfig: new KubeConfig() };
}

/** the clusters kubesim can start: kind-like with a load-balancer provider, or on premises without one */
export const PRESETS: Readonly<Record<string, DefaultClusterOptions>> = {
  kind: {},
  'on-premises': { loadBalancerProvider: false },
};
