// the rules kube-proxy would hold on a node, printed the way `iptables-save` and `ipvsadm -Ln`
// print them, so the hidden layer behind a Service can be looked at. the iptables rules follow
// pkg/proxy/iptables's layout (chain names hashed as upstream, comments as upstream writes them);
// they are a view of the simulator's decisions, which are made in kube-proxy.ts and net.ts.

import type { Cluster } from '../cluster.ts';
import type { Node, Service, ServicePort } from '../api/types.ts';
import { endpointChain, servicePortChain } from './chain-names.ts';
import { networkOf } from './net.ts';
import { compareIp, loadBalancerVIPs, type ServiceEndpoint } from './service-table.ts';

const CLUSTER_CIDR = '10.244.0.0/16';

function portName(svc: Service, sp: ServicePort): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}${sp.name ? `:${sp.name}` : ''}`;
}

/** iptables keeps a statistic probability as a 31-bit fraction and prints it with 11 decimals */
function probability(p: number): string {
  return (Math.round(p * 0x80000000) / 0x80000000).toFixed(11);
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export function iptablesSave(cluster: Cluster, node: string): string {
  const network = networkOf(cluster);
  const filterRules: string[] = [];
  const natChains = new Set<string>();
  const natRules = new Map<string, string[]>();
  const nat = (chain: string, rule: string) => {
    natChains.add(chain);
    const list = natRules.get(chain) ?? [];
    list.push(`-A ${chain} ${rule}`);
    natRules.set(chain, list);
  };
  const nodePortRules: string[] = [];
  const serviceRules: string[] = [];
  for (const svc of network.services.services()) {
    const type = svc.spec.type ?? 'ClusterIP';
    for (const sp of svc.spec.ports ?? []) {
      const proto = (sp.protocol ?? 'TCP').toLowerCase();
      const name = portName(svc, sp);
      const clusterIP = svc.spec.clusterIP!;
      const endpoints = network.usable(svc, sp);
      const local = endpoints.filter((ep) => ep.nodeName === node);
      const internalLocal = svc.spec.internalTrafficPolicy === 'Local';
      const externalLocal = svc.spec.externalTrafficPolicy === 'Local' && type !== 'ClusterIP';
      const svcChain = servicePortChain('KUBE-SVC-', name, proto);
      const svlChain = servicePortChain('KUBE-SVL-', name, proto);
      const extChain = servicePortChain('KUBE-EXT-', name, proto);
      const match = `-p ${proto} -m comment --comment`;
      const hasEndpoints = endpoints.length > 0;
      const hasInternal = hasEndpoints && (!internalLocal || local.length > 0);
      const hasExternal = hasEndpoints && (!externalLocal || local.length > 0);
      const internalChain = internalLocal ? svlChain : svcChain;
      if (hasInternal) {
        serviceRules.push(
          `-A KUBE-SERVICES -d ${clusterIP}/32 ${match} "${name} cluster IP" -m ${proto} --dport ${sp.port} -j ${internalChain}`,
        );
      } else {
        const why = hasEndpoints
          ? `"${name} has no local endpoints" -m ${proto} --dport ${sp.port} -j DROP`
          : `"${name} has no endpoints" -m ${proto} --dport ${sp.port} -j REJECT --reject-with icmp-port-unreachable`;
        filterRules.push(`-A KUBE-SERVICES -d ${clusterIP}/32 ${match} ${why}`);
      }
      const external = type === 'NodePort' || type === 'LoadBalancer' || (svc.spec.externalIPs?.length ?? 0) > 0;
      for (const ip of loadBalancerVIPs(svc)) {
        if (hasEndpoints)
          serviceRules.push(
            `-A KUBE-SERVICES -d ${ip}/32 ${match} "${name} loadbalancer IP" -m ${proto} --dport ${sp.port} -j ${extChain}`,
          );
      }
      if (sp.nodePort && (type === 'NodePort' || type === 'LoadBalancer')) {
        if (hasEndpoints) {
          nodePortRules.push(
            `-A KUBE-NODEPORTS -d 127.0.0.0/8 ${match} "${name}" -m ${proto} --dport ${sp.nodePort} -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j ${extChain}`,
          );
          nodePortRules.push(`-A KUBE-NODEPORTS ${match} "${name}" -m ${proto} --dport ${sp.nodePort} -j ${extChain}`);
        }
        if (!hasExternal) {
          const why = hasEndpoints ? `"${name} has no local endpoints"` : `"${name} has no endpoints"`;
          const target = hasEndpoints ? 'DROP' : 'REJECT --reject-with icmp-port-unreachable';
          filterRules.push(
            `-A KUBE-EXTERNAL-SERVICES ${match} ${why} -m addrtype --dst-type LOCAL -m ${proto} --dport ${sp.nodePort} -j ${target}`,
          );
        }
      }
      if (!hasEndpoints) continue;
      if (hasInternal)
        nat(
          internalChain,
          `! -s ${CLUSTER_CIDR} -d ${clusterIP}/32 ${match} "${name} cluster IP" -m ${proto} --dport ${sp.port} -j KUBE-MARK-MASQ`,
        );
      if (external) {
        if (!externalLocal)
          nat(extChain, `-m comment --comment "masquerade traffic for ${name} external destinations" -j KUBE-MARK-MASQ`);
        else {
          nat(extChain, `-s ${CLUSTER_CIDR} -m comment --comment "pod traffic for ${name} external destinations" -j ${svcChain}`);
          nat(
            extChain,
            `-m comment --comment "masquerade LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
          );
          nat(
            extChain,
            `-m comment --comment "route LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j ${svcChain}`,
          );
        }
        if (hasExternal) nat(extChain, `-j ${externalLocal ? svlChain : svcChain}`);
      }
      const affinity = svc.spec.sessionAffinity === 'ClientIP';
      const seconds = svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
      const writeEndpoints = (chain: string, eps: ServiceEndpoint[]) => {
        natChains.add(chain);
        if (affinity) {
          for (const ep of eps) {
            const sep = endpointChain(name, proto, `${ep.ip}:${ep.port}`);
            nat(
              chain,
              `-m comment --comment "${name} -> ${ep.ip}:${ep.port}" -m recent --rcheck --seconds ${seconds} --reap --name ${sep} --mask 255.255.255.255 --rsource -j ${sep}`,
            );
          }
        }
        eps.forEach((ep, i) => {
          const sep = endpointChain(name, proto, `${ep.ip}:${ep.port}`);
          const left = eps.length - i;
          const stat = left > 1 ? ` -m statistic --mode random --probability ${probability(1 / left)}` : '';
          nat(chain, `-m comment --comment "${name} -> ${ep.ip}:${ep.port}"${stat} -j ${sep}`);
        });
      };
      const usesCluster = (!internalLocal && hasInternal) || (external && !externalLocal) || (external && externalLocal);
      if (usesCluster) writeEndpoints(svcChain, endpoints);
      if (internalLocal || externalLocal) writeEndpoints(svlChain, local);
      const reachable = usesCluster ? endpoints : local;
      for (const ep of reachable) {
        const sep = endpointChain(name, proto, `${ep.ip}:${ep.port}`);
        nat(sep, `-s ${ep.ip}/32 -m comment --comment "${name}" -j KUBE-MARK-MASQ`);
        const recent = affinity ? ` -m recent --set --name ${sep} --mask 255.255.255.255 --rsource` : '';
        nat(sep, `-p ${proto} -m comment --comment "${name}"${recent} -m ${proto} -j DNAT --to-destination ${ep.ip}:${ep.port}`);
      }
    }
    const hc = svc.spec.healthCheckNodePort;
    if (hc)
      filterRules.push(
        `-A KUBE-NODEPORTS -p tcp -m comment --comment "${svc.metadata.namespace}/${svc.metadata.name} health check node port" -m tcp --dport ${hc} -j ACCEPT`,
      );
  }
  const when = stamp(cluster.clock.now());
  const header = `# Generated by iptables-save v1.8.11 (nf_tables) on ${when}`;
  const filterChains = [
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FIREWALL',
    'KUBE-FORWARD',
    'KUBE-KUBELET-CANARY',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-CANARY',
    'KUBE-PROXY-FIREWALL',
    'KUBE-SERVICES',
  ];
  const filterKube = (chain: string) => filterRules.filter((r) => r.startsWith(`-A ${chain} `));
  const filter = [
    header,
    '*filter',
    ':INPUT ACCEPT [0:0]',
    ':FORWARD ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ...filterChains.map((c) => `:${c} - [0:0]`),
    '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
    '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
    '-A INPUT -j KUBE-FIREWALL',
    '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
    '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
    '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
    '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -j KUBE-FIREWALL',
    ...filterKube('KUBE-EXTERNAL-SERVICES'),
    '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP',
    '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
    '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ...filterKube('KUBE-NODEPORTS'),
    ...filterKube('KUBE-SERVICES'),
    'COMMIT',
    `# Completed on ${when}`,
  ];
  const userChains = [
    ...new Set([
      'KUBE-KUBELET-CANARY',
      'KUBE-MARK-MASQ',
      'KUBE-NODEPORTS',
      'KUBE-POSTROUTING',
      'KUBE-PROXY-CANARY',
      'KUBE-SERVICES',
      ...natChains,
    ]),
  ].sort();
  const natSection = [
    header,
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    ':INPUT ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':POSTROUTING ACCEPT [0:0]',
    ...userChains.map((c) => `:${c} - [0:0]`),
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
  ];
  for (const chain of userChains) {
    if (chain === 'KUBE-MARK-MASQ') natSection.push('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
    else if (chain === 'KUBE-POSTROUTING') {
      natSection.push(
        '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
        '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
        '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      );
    } else if (chain === 'KUBE-NODEPORTS') natSection.push(...nodePortRules);
    else if (chain === 'KUBE-SERVICES') {
      natSection.push(
        ...serviceRules,
        '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
      );
    } else natSection.push(...(natRules.get(chain) ?? []));
  }
  natSection.push('COMMIT', `# Completed on ${when}`);
  return [...filter, ...natSection].join('\n') + '\n';
}

/** `ipvsadm -Ln`: one virtual server per Service address and port, its real servers below */
export function ipvsadmList(cluster: Cluster, node: string): string {
  const network = networkOf(cluster);
  const config = network.proxy.configFor(node);
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  if (config.mode !== 'ipvs') return lines.join('\n') + '\n';
  const nodeIps = network
    .nodes()
    .filter((n: Node) => n.metadata.name === node)
    .map((n) => network.nodeIp(n))
    .filter((ip): ip is string => ip !== null);
  const entries: { proto: string; address: string; ip: string; port: number; eps: ServiceEndpoint[] }[] = [];
  for (const svc of network.services.services()) {
    const type = svc.spec.type ?? 'ClusterIP';
    for (const sp of svc.spec.ports ?? []) {
      const proto = sp.protocol ?? 'TCP';
      let eps = network.usable(svc, sp);
      if (svc.spec.internalTrafficPolicy === 'Local') eps = eps.filter((ep) => ep.nodeName === node);
      entries.push({ proto, address: `${svc.spec.clusterIP}:${sp.port}`, ip: svc.spec.clusterIP!, port: sp.port, eps });
      const external = network.usable(svc, sp).filter((ep) => svc.spec.externalTrafficPolicy !== 'Local' || ep.nodeName === node);
      for (const ip of loadBalancerVIPs(svc))
        entries.push({ proto, address: `${ip}:${sp.port}`, ip, port: sp.port, eps: external });
      if (sp.nodePort && (type === 'NodePort' || type === 'LoadBalancer')) {
        for (const ip of nodeIps) entries.push({ proto, address: `${ip}:${sp.nodePort}`, ip, port: sp.nodePort, eps: external });
      }
    }
  }
  // ipvsadm lists virtual servers in its hash table's order; sorted by protocol and address is easier to read
  entries.sort((a, b) => a.proto.localeCompare(b.proto) || compareIp(a.ip, b.ip) || a.port - b.port);
  for (const e of entries) {
    lines.push(`${e.proto.padEnd(4)} ${e.address} ${config.scheduler}`);
    for (const ep of e.eps) lines.push(`  -> ${`${ep.ip}:${ep.port}`.padEnd(28)}Masq    1      0          0`);
  }
  return lines.join('\n') + '\n';
}
