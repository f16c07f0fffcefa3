// wget and curl run as a container's own command (`kubectl run client --image=busybox -- wget
// -qO- web`): the same tools a pod shell has, from the pod's own network, writing into its files
import type { Pod } from '../api/types.ts';
import type { Cluster } from '../cluster.ts';
import type { TransferToolName } from '../images/process.ts';
import { curlTransfer, type Transfer } from '../network/curl.ts';
import { wgetTransfer } from '../network/wget.ts';
import type { Output } from '../shell/command.ts';
import { containerInstance } from './instances.ts';
import { podLookupResolver } from './pod-dns.ts';
import { podLocalTransport } from './pod-network.ts';

const TOOLS = { wget: wgetTransfer, curl: curlTransfer };

/** one wget or curl run by the container `name` of `pod`, as its own process */
export function mainProcessTransfer(
  cluster: Cluster,
  pod: Pod,
  name: string,
  tool: TransferToolName,
  args: string[],
  out: Output,
): Transfer {
  const instance = containerInstance(cluster, pod, name);
  if (!instance) return 1;
  const saved = instance.fs.cwd;
  instance.fs.cwd = instance.profile.workdir;
  try {
    return TOOLS[tool](args, podLocalTransport(instance, podLookupResolver(instance)), out, instance.fs);
  } finally {
    instance.fs.cwd = saved;
  }
}
