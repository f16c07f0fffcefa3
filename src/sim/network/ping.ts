// ping, in busybox's words inside pods and iputils' on the learner's machine and on nodes. echo
// requests answer where a real network would: pods, nodes and outside hosts do; a ClusterIP is
// only a rewrite rule in iptables mode, so nothing answers it (ipvs binds it, and then it does).
// one packet a second of cluster time; without -c it runs until Ctrl-C (in a script, whose clock
// is virtual, it stops after a bounded number and says so).

import type { Cluster } from '../cluster.ts';
import type { ShellCommand } from '../shell/command.ts';
import { STATUS_INTERRUPTED } from '../shell/shell.ts';
import { VirtualClock } from '../clock.ts';
import { networkOf, type NetSource } from './net.ts';
import { isIpv4, type Resolver } from './transport.ts';

export type PingFlavour = 'busybox' | 'iputils';

const SCRIPT_LIMIT = 10;

interface PingContext {
  cluster: Cluster;
  source: NetSource;
  resolve: Resolver;
  flavour: PingFlavour;
}

function rtt(cluster: Cluster, base: number): number {
  return base * (0.8 + cluster.random.int(400) / 1000);
}

const ms = (n: number) => n.toFixed(3);

export function pingCommand(context: () => PingContext): ShellCommand {
  return {
    name: 'ping',
    summary: 'send ICMP echo requests',
    async run({ args, out, clock, interrupt }) {
      const ctx = context();
      const busybox = ctx.flavour === 'busybox';
      let count: number | null = null;
      let target: string | null = null;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-c') {
          const v = args[++i];
          if (v === undefined || !/^\d+$/.test(v) || Number(v) === 0) {
            out.stderr(busybox ? `ping: invalid number '${v ?? ''}'\n` : `ping: invalid argument: '${v ?? ''}'\n`);
            return busybox ? 1 : 2;
          }
          count = Number(v);
        } else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
        else if (a.startsWith('-')) {
          out.stderr(busybox ? `ping: unrecognized option '${a}'\n` : `ping: invalid option -- '${a.replace(/^-+/, '')[0]}'\n`);
          return busybox ? 1 : 2;
        } else target = a;
      }
      if (!target) {
        out.stderr(
          busybox
            ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n'
            : 'ping: usage error: Destination address required\n',
        );
        return busybox ? 1 : 2;
      }
      let ip = target;
      if (!isIpv4(target)) {
        const found = ctx.resolve(target);
        if (!found.ok || found.addresses.length === 0) {
          out.stderr(busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: Name or service not known\n`);
          return busybox ? 1 : 2;
        }
        ip = found.addresses[0]!;
      }
      const network = networkOf(ctx.cluster);
      out.stdout(busybox ? `PING ${target} (${ip}): 56 data bytes\n` : `PING ${target} (${ip}) 56(84) bytes of data.\n`);
      const answers = network.answersPing(ctx.source, ip);
      const from = ctx.source.kind === 'pod' ? ctx.source.pod.spec.nodeName : ctx.source.kind === 'node' ? ctx.source.node : null;
      const targetPod = network.podByIp(ip);
      const crossNode = targetPod !== undefined && targetPod.spec.nodeName !== from;
      const ttl = network.nodeByIp(ip) || targetPod ? (crossNode ? 63 : 64) : 54;
      const base = network.nodeByIp(ip) || targetPod ? (crossNode ? 0.12 : 0.06) : 9;
      // where the clock is virtual (a script) nobody can press Ctrl-C: an endless ping is bounded
      const virtualTime = clock instanceof VirtualClock;
      const limit = count ?? (virtualTime ? SCRIPT_LIMIT : Infinity);
      const times: number[] = [];
      let sent = 0;
      let interrupted = false;
      while (sent < limit) {
        if (sent > 0 && !(await clock.sleep(1000, interrupt))) {
          interrupted = true;
          break;
        }
        sent += 1;
        if (!answers) continue;
        const t = rtt(ctx.cluster, base);
        times.push(t);
        const who = busybox || isIpv4(target) ? ip : `${target} (${ip})`;
        out.stdout(
          busybox
            ? `64 bytes from ${ip}: seq=${sent - 1} ttl=${ttl} time=${ms(t)} ms\n`
            : `64 bytes from ${who}: icmp_seq=${sent} ttl=${ttl} time=${ms(t) === '0.000' ? '0.001' : ms(t)} ms\n`,
        );
      }
      if (!answers && !interrupted && sent > 0 && !busybox) {
        // iputils waits out the last reply before its summary
        await clock.sleep(Math.max(0, 10_000 - (sent - 1) * 1000), interrupt);
      }
      const received = times.length;
      const loss = sent === 0 ? 0 : Math.round(((sent - received) / sent) * 100);
      if (interrupted && !busybox) out.stdout('^C');
      out.stdout(`\n--- ${target} ping statistics ---\n`);
      if (busybox) {
        out.stdout(`${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
        if (received > 0) {
          const avg = times.reduce((a, b) => a + b, 0) / received;
          out.stdout(`round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))} ms\n`);
        }
      } else {
        // iputils reports the time from the first echo request to the last
        const elapsed = sent > 1 ? (sent - 1) * 1000 + 1 + ctx.cluster.random.int(30) : 0;
        out.stdout(`${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${elapsed}ms\n`);
        if (received > 0) {
          const avg = times.reduce((a, b) => a + b, 0) / received;
          const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
          out.stdout(`rtt min/avg/max/mdev = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))}/${ms(mdev)} ms\n`);
        }
      }
      if (count === null && virtualTime && !interrupted) {
        out.stderr(`kubesim: ping without -c stops after ${SCRIPT_LIMIT} packets in a script, where nobody can press Ctrl-C\n`);
      }
      if (interrupted && received === 0) return busybox ? 1 : STATUS_INTERRUPTED;
      return received > 0 ? 0 : 1;
    },
  };
}
