// everything a learner's terminal talks to: the simulated cluster and the kubeconfig that
// points kubectl at it

import { createDefaultCluster } from './bootstrap.ts';
import type { Cluster } from './cluster.ts';
import { KubeConfig } from './kubectl/kubeconfig.ts';

export interface World {
  cluster: Cluster;
  kubeconfig: KubeConfig;
}

/** a fresh default cluster; `now` is the wall-clock time in the browser, fixed in scripts */
export function createWorld(seed: number, now?: number): World {
  return { cluster: createDefaultCluster(seed, now), kubeconfig: new KubeConfig() };
}
