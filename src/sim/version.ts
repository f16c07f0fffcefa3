// versions: the simulator's own (recorded in submissions so a re-grade knows what produced
// them) and the Kubernetes release it imitates, whose upstream source its output follows
export const SIMULATOR_VERSION = '0.1.0';

export const KUBERNETES_VERSION = 'v1.36.0';
export const KUSTOMIZE_VERSION = 'v5.8.1';
export const CONTAINERD_VERSION = 'containerd://2.1.4';
