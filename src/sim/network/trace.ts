// `kubesim trace`: the path a request took, hop by hop — the part of Service networking that
// real tools never print (which rule picked which endpoint, where SNAT happened). it is our own
// command, so its words are ours; the tools' output stays exactly as the real tools print it.

import type { ShellCommand } from '../shell/command.ts';
import { networkOf, type Hop, type Trace } from './net.ts';

function hopLine(hop: Hop): string {
  switch (hop.step) {
    case 'dns':
      if (hop.addresses.length === 0) return `DNS: ${hop.name} did not resolve`;
      return `DNS: ${hop.name}${hop.cnames.length ? ` → CNAME ${hop.cnames.join(' → ')}` : ''} → ${hop.addresses.join(', ')}`;
    case 'service':
      return `${hop.via} ${hop.ip}:${hop.port} belongs to Service ${hop.service}`;
    case 'load-balancer':
      return `the load balancer ${hop.ip} forwards to node ${hop.node} port ${hop.nodePort} (externalTrafficPolicy=${hop.policy})`;
    case 'rule': {
      const how = hop.mode === 'ipvs' ? `ipvs, scheduler ${hop.scheduler}` : 'iptables, random';
      const affinity = hop.affinity ? ', sessionAffinity ClientIP' : '';
      const list = hop.candidates.length ? hop.candidates.join(', ') : 'none';
      const chosen = hop.chosen ? `chose ${hop.chosen}` : 'no endpoint to choose';
      return `kube-proxy on ${hop.node} (${how}${affinity}; ${hop.policy}): endpoints ${list} → ${chosen}`;
    }
    case 'forward':
      return `${hop.from} → ${hop.to} (another node)`;
    case 'snat':
      return `SNAT: source ${hop.from} becomes ${hop.to}`;
    case 'deliver':
      return `pod ${hop.pod} (${hop.ip}:${hop.port}) ${hop.listening ? 'accepts' : 'has nothing listening on that port: connection refused'}`;
    case 'external':
      return `outside host ${hop.host} (${hop.ip}:${hop.port}) ${hop.listening ? 'accepts' : 'refuses the port'}`;
    case 'drop':
      return `dropped: ${hop.reason}`;
  }
}

export function formatTrace(trace: Trace): string {
  const first = trace.hops[0];
  const unresolved = first?.step === 'dns' && first.addresses.length === 0;
  const outcome = unresolved
    ? 'name not resolved'
    : { connected: 'connected', refused: 'connection refused', timeout: 'no answer' }[trace.outcome];
  const lines = [`${trace.from} → ${trace.to}: ${outcome}`];
  trace.hops.forEach((hop, i) => lines.push(`  ${i + 1}. ${hopLine(hop)}`));
  return lines.join('\n') + '\n';
}

const USAGE = `Usage:
  kubesim trace                 show the path of the last request (curl, wget) anywhere in the cluster
  kubesim trace -n N            show the last N requests
  kubesim trace COMMAND [ARGS]  run COMMAND (e.g. curl, or kubectl exec … -- curl) and show its requests' paths
`;

export const kubesimCommand: ShellCommand = {
  name: 'kubesim',
  summary: "the simulator's own tools: kubesim trace shows a request's path",
  async run(ctx) {
    const { args, out, world } = ctx;
    if (args[0] !== 'trace') {
      out.stderr(args.length === 0 ? USAGE : `kubesim: unknown command "${args[0]}"\n${USAGE}`);
      return args.length === 0 ? 0 : 1;
    }
    if (!world) {
      out.stderr('kubesim: no cluster here\n');
      return 1;
    }
    const network = networkOf(world.cluster);
    const rest = args.slice(1);
    if (rest.length === 0 || rest[0] === '-n') {
      const n = rest[0] === '-n' ? Number(rest[1]) : 1;
      if (!Number.isInteger(n) || n < 1) {
        out.stderr(`kubesim: -n needs a positive number\n${USAGE}`);
        return 1;
      }
      const traces = network.traces.slice(-n);
      if (traces.length === 0) {
        out.stdout('kubesim: no request has been made yet\n');
        return 0;
      }
      out.stdout(traces.map(formatTrace).join('\n'));
      return 0;
    }
    const command = ctx.shell.commands.get(rest[0]!);
    if (!command) {
      out.stderr(`kubesim: ${rest[0]}: command not found\n`);
      return 127;
    }
    const before = network.traces.length;
    const seen: Trace[] = [];
    const stop = network.onTrace((t) => seen.push(t));
    let status: number;
    try {
      status = await command.run({ ...ctx, name: rest[0]!, args: rest.slice(1) });
    } finally {
      stop();
    }
    out.stdout(
      seen.length === 0 && network.traces.length === before
        ? '\nkubesim: that command made no request\n'
        : '\n' + seen.map(formatTrace).join('\n'),
    );
    return status;
  },
};
