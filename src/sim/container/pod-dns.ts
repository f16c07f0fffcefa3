// the DNS tools inside a container, each as the image ships it: busybox's nslookup in busybox
// and alpine images, BIND's nslookup and dig in Debian and Ubuntu ones. they read the
// container's own /etc/resolv.conf each time they run, so an edited file changes what they do,
// as it would in a real container.

import type { ShellCommand } from '../shell/command.ts';
import { busyboxNslookupCommand } from '../network/nslookup-busybox.ts';
import { bindNslookupCommand, digCommand } from '../network/dig.ts';
import { lookupResolver, parseResolvConf, type DnsToolContext, type ResolverConfig } from '../network/resolver.ts';
import type { Resolver } from '../network/transport.ts';
import type { ContainerInstance } from './instances.ts';

/** the container's resolver settings as its libc would read them now */
export function podResolverSettings(instance: ContainerInstance): ResolverConfig {
  const text = instance.fs.readFile('/etc/resolv.conf');
  return typeof text === 'string' ? parseResolvConf(text) : { nameservers: [], search: [], ndots: 1 };
}

export function podDnsContext(instance: ContainerInstance): DnsToolContext {
  return {
    cluster: instance.cluster,
    config: podResolverSettings(instance),
    from: instance.pod.spec.hostNetwork ? 'node' : 'pod',
    hostname: instance.identity.hostname,
  };
}

/** the name lookups curl, wget and ping make inside the container */
export function podLookupResolver(instance: ContainerInstance): Resolver {
  return lookupResolver(instance.cluster, () => podResolverSettings(instance), instance.pod.spec.hostNetwork ? 'node' : 'pod');
}

const hostNotSimulated: ShellCommand = {
  name: 'host',
  summary: 'DNS lookup utility (not simulated yet)',
  run({ out }) {
    out.stderr("kubesim: 'host' inside a container is not simulated yet; nslookup and dig are\n");
    return 1;
  },
};

/** the DNS tools this container's image has */
export function podDnsCommands(instance: ContainerInstance): ShellCommand[] {
  const has = (name: string) => instance.image.binaries.includes(name);
  const context = () => podDnsContext(instance);
  const tools: ShellCommand[] = [];
  if (has('nslookup')) {
    if (instance.profile.userland === 'busybox') tools.push(busyboxNslookupCommand(context));
    // Debian jessie's dnsutils is BIND 9.9; the Ubuntu 18.04 toolbox has 9.11
    else tools.push(bindNslookupCommand(context, instance.image.reference.includes('jessie-dnsutils') ? '9.9' : '9.11'));
  }
  if (has('dig')) tools.push(digCommand(context));
  if (has('host')) tools.push(hostNotSimulated);
  return tools;
}
