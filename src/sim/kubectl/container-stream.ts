// what stands between kubectl and a container's streams (exec, attach): the apiserver checks the
// container name and that the pod has a node, then the node's kubelet needs to know the pod and
// find the container running; each refusal reads as it does through SPDY's upgrade
import type { Pod } from '../api/types.ts';
import { containerInstance, type ContainerInstance } from '../container/instances.ts';
import type { KubectlEnv } from './env.ts';
import type { Found } from './pod-target.ts';

export function openContainerStream(env: KubectlEnv, pod: Pod, container: string): Found<ContainerInstance> {
  const name = pod.metadata.name!;
  const known = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === container);
  if (!known)
    return { ok: false, error: `Error from server (BadRequest): container ${container} is not valid for pod ${name}\n` };
  if (!pod.spec.nodeName)
    return { ok: false, error: `Error from server (BadRequest): pod ${name} does not have a host assigned\n` };
  if (!env.cluster.kubelet.containerRuntime(pod, container)) {
    const anyContainer = pod.spec.containers.some((c) => env.cluster.kubelet.containerRuntime(pod, c.name));
    if (!anyContainer) return { ok: false, error: 'error: unable to upgrade connection: pod does not exist\n' };
  }
  const instance = containerInstance(env.cluster, pod, container);
  if (!instance) return { ok: false, error: `error: unable to upgrade connection: container not found ("${container}")\n` };
  return { ok: true, value: instance };
}

/** a stable 64-hex id for an exec, as containerd names its exec processes */
export function execId(seed: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of seed + round) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
