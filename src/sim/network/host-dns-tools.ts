// nslookup and dig on the learner's machine: an Ubuntu host whose resolver is systemd-resolved's
// stub at 127.0.0.53, forwarding to the internet. it knows public names only, never
// cluster.local. nslookup prints as BIND 9.18's does; of dig only `+short` is simulated here
// (the full report differs between BIND versions; the jessie-dnsutils image has the full one).

import type { ShellCommand } from '../shell/command.ts';
import { queryUpstream, type DnsRecord } from './dns.ts';

const STUB = '127.0.0.53';

function addresses(answer: DnsRecord[]): string[] {
  return answer.flatMap((r) => (r.type === 'A' ? [r.ip] : []));
}

export function hostNslookupCommand(now: () => number): ShellCommand {
  return {
    name: 'nslookup',
    summary: 'query the DNS (BIND 9.18 nslookup)',
    run({ args, out }) {
      const names = args.filter((a) => !a.startsWith('-'));
      const name = names[0];
      if (!name || names.length > 2 || args.some((a) => a.startsWith('-'))) {
        out.stderr(`kubesim: 'nslookup ${args.join(' ')}' is not simulated on this machine; try nslookup NAME\n`);
        return 1;
      }
      const server = names[1] ?? STUB;
      out.stdout(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
      const result = queryUpstream(name, 'A', now());
      if (result.rcode === 'NXDOMAIN') {
        out.stdout(`** server can't find ${name}: NXDOMAIN\n\n`);
        return 1;
      }
      out.stdout('Non-authoritative answer:\n');
      const found = addresses(result.answer);
      for (const ip of found) out.stdout(`Name:\t${name.replace(/\.$/, '')}\nAddress: ${ip}\n`);
      out.stdout('\n');
      return 0;
    },
  };
}

export function hostDigCommand(now: () => number): ShellCommand {
  return {
    name: 'dig',
    summary: 'query the DNS (dig +short)',
    run({ args, out }) {
      const short = args.includes('+short');
      const rest = args.filter((a) => a !== '+short');
      const type =
        rest.length === 2 && /^(A|AAAA|CNAME|TXT|MX|NS)$/i.test(rest[1]!)
          ? rest[1]!.toUpperCase()
          : rest.length === 1
            ? 'A'
            : null;
      if (!short || type === null || rest[0]!.startsWith('-') || rest[0]!.startsWith('@')) {
        out.stderr(
          `kubesim: 'dig ${args.join(' ')}' is not simulated on this machine; dig +short NAME [TYPE] is (a pod from registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 has the full dig)\n`,
        );
        return 1;
      }
      const result = queryUpstream(rest[0]!, type, now());
      for (const ip of addresses(result.answer)) out.stdout(`${ip}\n`);
      return 0;
    },
  };
}
