// busybox's nslookup (1.37, the "big" variant with its own resolver code, as in the busybox and
// alpine images). it sends every question at once, an A and an AAAA for a name (one per search
// domain when the name has no dot at all, whatever ndots says), and prints each reply as it
// comes: the answers, or `** server can't find NAME: RCODE`. any reply with an error code makes
// the exit status 1, even when another search domain found the name. a server named on the
// command line means resolv.conf is not read, so there is no search list either.

import type { ShellCommand } from '../shell/command.ts';
import { dnsServerAt, isIPv4, isIPv6, reverseName, type DnsAnswer, type DnsRecord } from './dns.ts';
import { bare } from './dns-wire.ts';
import { resolveHost, type DnsToolContext } from './resolver.ts';

const BANNER = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n';
const USAGE =
  `${BANNER}\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\n` +
  'Query DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

/** the -type values in the order busybox sends them */
const QTYPES = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'] as const;
/** the options it knows, matched whole (index_in_substrings) */
const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

interface Query {
  name: string;
  type: string;
}

class UsageError extends Error {}

/** xatou_range: a decimal in [min, max], or busybox's complaint */
function number(text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text)) return `nslookup: invalid number '${text}'\n`;
  const n = Number(text);
  if (n < min || n > max) return `nslookup: number ${text} is not in ${min}..${max} range\n`;
  return n;
}

function printReply(reply: DnsAnswer, debug: boolean): string {
  let text = '';
  if (!reply.authoritative) text += 'Non-authoritative answer:\n';
  else if (debug) text += 'authoritative answer:\n';
  for (const rr of reply.answer) text += printRecord(rr);
  return text;
}

function printRecord(rr: DnsRecord): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.ip}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${bare(rr.target)}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${bare(rr.target)}\n`;
    case 'PTR':
      return `${owner}\tname = ${bare(rr.target)}\n`;
    case 'TXT':
      return rr.text[0] ? `${owner}\ttext = "${rr.text[0]}"\n` : '';
    case 'SRV':
      return `${owner}\tservice = ${rr.priority} ${rr.weight} ${rr.port} ${bare(rr.target)}\n`;
    case 'SOA':
      return (
        `${owner}\n\torigin = ${bare(rr.mname)}\n\tmail addr = ${bare(rr.rname)}\n\tserial = ${rr.serial}\n` +
        `\trefresh = ${rr.refresh}\n\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`
      );
  }
}

/** busybox nslookup; `context` gives the cluster, the resolver file's settings and where the query comes from */
export function busyboxNslookupCommand(context: () => DnsToolContext): ShellCommand {
  return {
    name: 'nslookup',
    summary: 'query DNS about a host',
    async run({ args, out, clock, interrupt }) {
      const types = new Set<number>();
      let port = 53;
      let timeout = 5;
      let debug = false;
      let i = 0;
      try {
        for (; ; i++) {
          const arg = args[i];
          if (arg === undefined) throw new UsageError();
          if (!arg.startsWith('-')) break;
          const body = arg.slice(1);
          const eq = body.indexOf('=');
          const key = eq >= 0 ? body.slice(0, eq) : body;
          const value = eq >= 0 ? body.slice(eq + 1) : '';
          const option = OPTIONS.indexOf(key);
          if (option < 0) throw new UsageError();
          if (option <= 1) {
            const t = QTYPES.findIndex((q) => q.toLowerCase() === value.toLowerCase());
            if (t < 0) {
              out.stderr(`nslookup: invalid query type "${value}"\n`);
              return 1;
            }
            types.add(t);
            continue;
          }
          if (option === 4) {
            debug = true;
            continue;
          }
          const n = number(value, 1, option === 2 ? 0xffff : option === 3 ? 0x7fffffff : Math.floor(0x7fffffff / 1000));
          if (typeof n === 'string') {
            out.stderr(n);
            return 1;
          }
          if (option === 2) port = n;
          else if (option > 4) timeout = n;
        }
        if (args[i + 2] !== undefined) throw new UsageError();
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        out.stderr(USAGE);
        return 1;
      }
      const host = args[i]!;
      const serverArg = args[i + 1];
      const ctx = context();

      // the servers: the one named, or resolv.conf's (and its search list)
      let search: string[] = [];
      const servers: { name: string; ip: string }[] = [];
      if (serverArg !== undefined) {
        const ip = serverIp(ctx, serverArg);
        if (ip === null) {
          out.stderr(`nslookup: bad address '${serverArg}'\n`);
          return 1;
        }
        servers.push({ name: serverArg, ip });
      } else {
        for (const ns of ctx.config.nameservers) servers.push({ name: ns, ip: ns });
        if (servers.length === 0) servers.push({ name: '127.0.0.1', ip: '127.0.0.1' });
        search = ctx.config.search;
        // without a search line the domain part of the hostname serves
        if (search.length === 0 && ctx.hostname.includes('.')) search = [ctx.hostname.slice(ctx.hostname.indexOf('.') + 1)];
      }

      const queries: Query[] = [];
      const withSearch = (type: string) => {
        if (type === 'PTR' || search.length === 0 || host.includes('.')) queries.push({ name: host, type });
        else for (const domain of search) queries.push({ name: `${host}.${domain}`, type });
      };
      if (types.size === 0) {
        const ptr = isIPv4(host) || isIPv6(host) ? reverseName(host) : null;
        if (ptr) queries.push({ name: ptr.slice(0, -1), type: 'PTR' });
        else {
          withSearch('A');
          withSearch('AAAA');
        }
      } else {
        QTYPES.forEach((type, index) => {
          if (types.has(index)) withSearch(type);
        });
      }

      for (const server of servers) {
        const answering = port === 53 ? dnsServerAt(ctx.cluster, server.ip, ctx.from) : null;
        if (!answering) {
          // every question goes unanswered until the timeout, then the next server
          if (!(await clock.sleep(timeout * 1000, interrupt))) return 130;
          continue;
        }
        out.stdout(`Server:\t\t${server.name}\nAddress:\t${server.ip.includes(':') ? `[${server.ip}]` : server.ip}:${port}\n\n`);
        let status = 0;
        queries.forEach((q, n) => {
          const reply = answering.query(q.name, q.type);
          let text = debug ? `Query #${n} completed in 0ms:\n` : '';
          if (reply.rcode !== 'NOERROR') {
            text += `** server can't find ${q.name}: ${reply.rcode}\n`;
            status = 1;
          } else text += printReply(reply, debug);
          out.stdout(`${text}\n`);
        });
        return status;
      }
      out.stdout(';; connection timed out; no servers could be reached\n\n');
      return 1;
    },
  };
}

/** a server given by address, or by a name the system resolver finds */
function serverIp(ctx: DnsToolContext, arg: string): string | null {
  const host = arg.replace(/:\d+$/, '');
  if (isIPv4(host)) return host;
  const v6 = /^\[(.+)\](?::\d+)?$/.exec(arg);
  if (v6 && isIPv6(v6[1]!)) return v6[1]!;
  if (isIPv6(arg)) return arg;
  const found = resolveHost(ctx.cluster, host, ctx.config, { from: ctx.from });
  return found.ok ? found.addresses[0]! : null;
}
