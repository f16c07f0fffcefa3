// one running container as exec and attach see it: its files, processes and environment. an
// instance lives as long as the container does: files written in one exec are there in the next,
// and a restart brings a fresh one, as a new container from the same image would.
import type { ApiServer } from '../api/apiserver.ts';
import type { Container, Pod, Service } from '../api/types.ts';
import type { Cluster } from '../cluster.ts';
import type { ImageInfo } from '../images/catalogue.ts';
import { effectiveArgv } from '../images/process.ts';
import type { VirtualFs } from '../shell/vfs.ts';
import { expandCommandAndArgs, kubeletEnvironment, processEnvironment, type EnvList } from './environment.ts';
import { containerFilesystem, podIdentity, type PodNetworkIdentity } from './filesystem.ts';
import { profileFor, type ImageProfile } from './image-profiles.ts';
import { projectedFiles } from './projected-volume.ts';
import { mainProcessArgv, ProcessTable } from './processes.ts';

export interface ContainerInstance {
  cluster: Cluster;
  pod: Pod;
  containerName: string;
  image: ImageInfo;
  profile: ImageProfile;
  identity: PodNetworkIdentity;
  fs: VirtualFs;
  processes: ProcessTable;
  /** the variables the kubelet handed the runtime when the container started */
  kubeletEnv: EnvList;
  /** the main process's command line */
  mainArgv: string[];
  /** when the container started (ms) */
  startedAt: number;
}

export interface MainProcessInput {
  pod: Pod;
  container: Container;
  image: ImageInfo;
  /** the Services the kubelet builds the environment from (those that existed when the container started) */
  services: readonly Service[];
  ip: string | null;
  api: ApiServer;
}

/**
 * the container's main process as the kubelet and containerd start it: the kubelet's variables,
 * the command and args with $(VAR) expanded from them, and the environment the process gets
 */
export function mainProcessStart({ pod, container, image, services, ip, api }: MainProcessInput): {
  kubeletEnv: EnvList;
  container: Container;
  env: EnvList;
} {
  const kubeletEnv = kubeletEnvironment({ pod, container, services, podIP: ip, api });
  const profile = profileFor(image);
  const env = processEnvironment({
    hostname: podIdentity(pod, ip).hostname,
    imageEnv: profile.env,
    kubelet: kubeletEnv,
    tty: container.tty === true,
    home: profile.user.home,
  });
  return { kubeletEnv, container: expandCommandAndArgs(container, kubeletEnv), env };
}

const registry = new WeakMap<Cluster, Map<string, ContainerInstance>>();

/** the running container's key in the registry: a restart or a new container is a new instance */
function runningKey(cluster: Cluster, pod: Pod, name: string) {
  const view = cluster.kubelet.containerRuntime(pod, name);
  const spec = pod.spec.containers.find((c) => c.name === name);
  if (!view || !view.running || !view.image || !spec) return null;
  return {
    view: { ...view, image: view.image },
    spec,
    key: `${pod.metadata.uid}/${name}/${view.restarts}/${view.containerID ?? ''}`,
  };
}

/** the running container's instance if exec or attach has made one; null otherwise (nothing has changed its files) */
export function existingContainerInstance(cluster: Cluster, pod: Pod, name: string): ContainerInstance | null {
  const running = runningKey(cluster, pod, name);
  return running ? (registry.get(cluster)?.get(running.key) ?? null) : null;
}

/** the running container `name` of `pod`, or null when it is not running */
export function containerInstance(cluster: Cluster, pod: Pod, name: string): ContainerInstance | null {
  const running = runningKey(cluster, pod, name);
  if (!running) return null;
  const { view, spec, key } = running;
  let instances = registry.get(cluster);
  if (!instances) {
    instances = new Map();
    registry.set(cluster, instances);
  }
  const known = instances.get(key);
  if (known) return known;
  const profile = profileFor(view.image);
  const identity = podIdentity(pod, view.ip);
  const dns = cluster.api.get<Service>('Service', 'kube-system', 'kube-dns')?.spec.clusterIP ?? '10.96.0.10';
  const start = mainProcessStart({
    pod,
    container: spec,
    image: view.image,
    services: view.services,
    ip: view.ip,
    api: cluster.api,
  });
  const mainArgv = mainProcessArgv(effectiveArgv(view.image, start.container));
  const args = mainArgv.join(' ');
  const title = profile.processTitle?.(args) ?? { title: args };
  const main = [{ pid: 1, ppid: 0, user: profile.user.name, args: title.title, tty: spec.tty === true }];
  if (title.workers) {
    for (let i = 0; i < title.workers.count; i++) {
      main.push({ pid: 29 + i, ppid: 1, user: title.workers.user, args: title.workers.title, tty: false });
    }
  }
  const instance: ContainerInstance = {
    cluster,
    pod,
    containerName: name,
    image: view.image,
    profile,
    identity,
    fs: containerFilesystem({
      profile,
      pod,
      identity,
      dnsIP: dns,
      clock: cluster.clock,
      startedAt: view.startedAt ?? cluster.clock.now(),
      mounted: projectedFiles(cluster.api, pod, name, view.startedAt ?? cluster.clock.now()),
    }),
    processes: new ProcessTable(main),
    kubeletEnv: start.kubeletEnv,
    mainArgv,
    startedAt: view.startedAt ?? cluster.clock.now(),
  };
  instances.set(key, instance);
  return instance;
}

/** the environment a process exec'd into the container starts with */
export function execEnvironment(instance: ContainerInstance, tty: boolean): EnvList {
  return processEnvironment({
    hostname: instance.identity.hostname,
    imageEnv: instance.profile.env,
    kubelet: instance.kubeletEnv,
    tty,
    home: instance.profile.user.home,
  });
}

/** true while the instance is still the container's current, running one */
export function stillRunning(instance: ContainerInstance): boolean {
  const pod = instance.cluster.api.get<Pod>('Pod', instance.pod.metadata.namespace, instance.pod.metadata.name!);
  if (!pod || pod.metadata.uid !== instance.pod.metadata.uid) return false;
  return containerInstance(instance.cluster, pod, instance.containerName) === instance;
}
