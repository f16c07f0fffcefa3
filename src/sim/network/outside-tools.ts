// the network tools on the learner's machine: a Linux host outside the cluster (kind's host). it
// reaches the nodes' addresses and load balancers, and the internet's names, but neither the pod
// network nor ClusterIPs, and its resolver knows nothing of cluster.local. curl, ping, nslookup,
// dig +short, docker (for node shells) and kubesim trace.

import type { Cluster } from '../cluster.ts';
import type { ShellCommand } from '../shell/command.ts';
import { curlCommand } from './curl.ts';
import { outsideResolver } from './outside.ts';
import { dockerCommand } from './node-shell.ts';
import { pingCommand } from './ping.ts';
import { kubesimCommand } from './trace.ts';
import { hostDigCommand, hostNslookupCommand } from './host-dns-tools.ts';
import { networkConnection } from './transport.ts';

export function outsideCommands(cluster: Cluster): ShellCommand[] {
  const source = { kind: 'outside' as const };
  return [
    curlCommand(() => ({
      userAgent: 'curl/8.5.0',
      connect: (host, port) => networkConnection(cluster, source, outsideResolver, host, port),
    })),
    pingCommand(() => ({ cluster, source, resolve: outsideResolver, flavour: 'iputils' })),
    hostNslookupCommand(() => cluster.clock.now()),
    hostDigCommand(() => cluster.clock.now()),
    kubesimCommand,
    dockerCommand(cluster),
  ];
}
