// the files a container sees: its image's directories and files, and the three the kubelet
// writes into every container of a pod (they share the pod's network namespace, so the same
// hostname and addresses): /etc/hostname, /etc/hosts (pkg/kubelet/kubelet_pods.go
// managedHostsFileContent) and /etc/resolv.conf (ClusterFirst: the namespace's search path and
// the cluster DNS Service); then what the pod's volumes mount (projected-volume.ts)
import type { Pod } from '../api/types.ts';
import { VirtualFs, type TimeSource } from '../shell/vfs.ts';
import type { ImageProfile } from './image-profiles.ts';
import { podResolverConfig, renderResolvConf } from '../network/resolver.ts';

const CLUSTER_DOMAIN = 'cluster.local';

export interface PodNetworkIdentity {
  hostname: string;
  /** pod.spec.subdomain's domain, e.g. web.default.svc.cluster.local, or '' */
  domain: string;
  ips: string[];
}

/** GeneratePodHostNameAndDomain: spec.hostname or the pod's name (63 chars at most), and the subdomain's domain */
export function podIdentity(pod: Pod, ip: string | null): PodNetworkIdentity {
  let hostname = pod.spec.hostname || pod.metadata.name || '';
  if (hostname.length > 63) hostname = hostname.slice(0, 63).replace(/[-.]+$/, '');
  const subdomain = pod.spec.subdomain;
  const domain = subdomain ? `${subdomain}.${pod.metadata.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}` : '';
  return { hostname, domain, ips: ip ? [ip] : [] };
}

/** the kubelet's managed /etc/hosts */
export function managedHosts(identity: PodNetworkIdentity, hostAliases: { ip: string; hostnames: string[] }[] = []): string {
  let text = '# Kubernetes-managed hosts file.\n';
  text += '127.0.0.1\tlocalhost\n';
  text += '::1\tlocalhost ip6-localhost ip6-loopback\n';
  text += 'fe00::0\tip6-localnet\n';
  text += 'fe00::0\tip6-mcastprefix\n';
  text += 'fe00::1\tip6-allnodes\n';
  text += 'fe00::2\tip6-allrouters\n';
  for (const ip of identity.ips) {
    text += identity.domain
      ? `${ip}\t${identity.hostname}.${identity.domain}\t${identity.hostname}\n`
      : `${ip}\t${identity.hostname}\n`;
  }
  if (hostAliases.length > 0) {
    text += '\n# Entries added by HostAliases.\n';
    for (const alias of hostAliases) text += `${alias.ip}\t${alias.hostnames.join('\t')}\n`;
  }
  return text;
}

/** /etc/resolv.conf for the pod's dnsPolicy, rendered from the same configuration its DNS tools use */
export function resolvConf(pod: Pod, dnsIP: string): string {
  return renderResolvConf(podResolverConfig(pod, dnsIP));
}

export interface ContainerFsInput {
  profile: ImageProfile;
  pod: Pod;
  identity: PodNetworkIdentity;
  dnsIP: string;
  clock: TimeSource;
  /** when the container started: the time its files show */
  startedAt: number;
  /** files from the pod's volumes, by absolute path (see projected-volume.ts) */
  mounted?: Readonly<Record<string, string>>;
}

export function containerFilesystem({
  profile,
  pod,
  identity,
  dnsIP,
  clock,
  startedAt,
  mounted = {},
}: ContainerFsInput): VirtualFs {
  // built at the start time; later changes take the clock's
  const fs = new VirtualFs(profile.user.home, null, { now: () => startedAt });
  for (const dir of profile.dirs) fs.mkdir(dir, true);
  for (const [path, content] of Object.entries(profile.files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
    fs.writeFile(path, content);
  }
  const aliases = (pod.spec as { hostAliases?: { ip: string; hostnames: string[] }[] }).hostAliases;
  fs.mkdir('/etc', true);
  fs.writeFile('/etc/hostname', identity.hostname + '\n');
  fs.writeFile('/etc/hosts', managedHosts(identity, aliases));
  fs.writeFile('/etc/resolv.conf', resolvConf(pod, dnsIP));
  for (const [path, content] of Object.entries(mounted)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
    fs.writeFile(path, content);
  }
  fs.cwd = profile.workdir;
  fs.clock = clock;
  return fs;
}
