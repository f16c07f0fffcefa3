// the ISC BIND tools in a dnsutils image: dig and nslookup as Debian jessie ships them (BIND
// 9.9.5), and nslookup as Ubuntu 18.04 ships it (9.11, which adds an AAAA lookup to a plain A).
// their output comes from bin/dig/dig.c, nslookup.c and dighost.c of those releases: dig's
// sections with master-file columns (ttl at 24, class at 32, type at 40, data at 48, tabs of 8),
// the header and flags lines, the statistics with the wire size of the reply; nslookup's
// Server/Address block, `Name:`/`Address:` pairs and `** server can't find`. both read
// /etc/resolv.conf; nslookup walks the search list by default, dig only with +search.

import type { ShellCommand } from '../shell/command.ts';
import type { Cluster } from '../cluster.ts';
import { dnsRandom, dnsServerAt, fqdn, isIPv4, isIPv6, reverseName, type DnsAnswer, type DnsRecord } from './dns.ts';
import { bare, messageSize, rdataText } from './dns-wire.ts';
import { resolveHost, type DnsToolContext } from './resolver.ts';

const VERSION = '9.9.5-9+deb8u19-Debian';

/** the types dns_rdatatype_fromtext knows (those a learner might try) */
const RDATATYPES = new Set(
  (
    'A NS MD MF CNAME SOA MB MG MR NULL WKS PTR HINFO MINFO MX TXT RP AFSDB X25 ISDN RT NSAP NSAP-PTR SIG KEY PX ' +
    'GPOS AAAA LOC NXT SRV NAPTR KX CERT A6 DNAME OPT APL DS SSHFP IPSECKEY RRSIG NSEC DNSKEY DHCID NSEC3 ' +
    'NSEC3PARAM TLSA HIP SPF UNSPEC NID L32 L64 LP EUI48 EUI64 TKEY TSIG IXFR AXFR MAILB MAILA ANY URI CAA DLV'
  ).split(' '),
);
const RDATACLASSES = new Set(['IN', 'CH', 'CHAOS', 'HS', 'HESIOD', 'NONE', 'ANY']);

function rdataType(text: string): string | null {
  const upper = text.toUpperCase();
  if (RDATATYPES.has(upper)) return upper;
  return /^TYPE\d+$/.test(upper) ? upper : null;
}

function rdataClass(text: string): string | null {
  const upper = text.toUpperCase();
  if (RDATACLASSES.has(upper)) return upper === 'CHAOS' ? 'CH' : upper === 'HESIOD' ? 'HS' : upper;
  return /^CLASS\d+$/.test(upper) ? upper : null;
}

/** the names a BIND lookup tries (dighost.c setup_lookup and next_origin) */
function bindCandidates(textname: string, search: string[], ndots: number, usesearch: boolean): string[] {
  if (!usesearch || textname.endsWith('.')) return [fqdn(textname)];
  const dots = textname.split('.').length - 1;
  if (dots >= ndots) return [fqdn(textname)];
  return [...search.map((d) => fqdn(`${textname}.${d.replace(/\.$/, '')}`)), fqdn(textname)];
}

interface Exchanged {
  reply: DnsAnswer;
  ip: string;
  /** seconds spent waiting on servers that never answered */
  waited: number;
}

/** asks each server in turn; a silent one costs the timeout */
function ask(
  ctx: DnsToolContext,
  servers: string[],
  port: number,
  qname: string,
  qtype: string,
  timeout: number,
): Exchanged | { waited: number } {
  let waited = 0;
  for (const ip of servers) {
    const server = port === 53 ? dnsServerAt(ctx.cluster, ip, ctx.from) : null;
    if (server) return { reply: server.query(qname, qtype), ip, waited };
    waited += timeout;
  }
  return { waited };
}

/** a server given by address, or by a name the system resolver finds */
function serverAddresses(ctx: DnsToolContext, name: string): string[] {
  if (isIPv4(name) || isIPv6(name)) return [name];
  const found = resolveHost(ctx.cluster, name, ctx.config, { from: ctx.from });
  return found.ok ? found.addresses : [];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime "%a %b %d %H:%M:%S %Z %Y" in the container's zone, UTC */
function when(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** how long the answer took: CoreDNS from its cache of the API, longer when it had to ask upstream */
function queryTime(cluster: Cluster, reply: DnsAnswer, server: string): number {
  const random = dnsRandom(cluster);
  return reply.forwarded || dnsServerAt(cluster, server, 'outside') ? 4 + random.int(20) : random.int(2);
}

// ---- master-file columns ----

/** a line being written with the column it has reached (masterdump.c's indent) */
class Columns {
  text = '';
  private col = 0;

  add(s: string): this {
    this.text += s;
    this.col += s.length;
    return this;
  }

  to(column: number): this {
    const target = Math.max(column, this.col + 1);
    const tabs = Math.floor(target / 8) - Math.floor(this.col / 8);
    if (tabs > 0) {
      this.text += '\t'.repeat(tabs);
      this.col = Math.floor(target / 8) * 8;
    }
    this.text += ' '.repeat(target - this.col);
    this.col = target;
    return this;
  }
}

interface Style {
  ttl: boolean;
  cl: boolean;
}

function columnsOf(style: Style): { ttl: number; cl: number; type: number; data: number } {
  if (!style.ttl && !style.cl) return { ttl: 24, cl: 24, type: 24, data: 32 };
  if (!style.ttl || !style.cl) return { ttl: 24, cl: 24, type: 32, data: 40 };
  return { ttl: 24, cl: 32, type: 40, data: 48 };
}

function recordLine(rr: DnsRecord, style: Style): string {
  const c = columnsOf(style);
  const line = new Columns().add(rr.name);
  if (style.ttl) line.to(c.ttl).add(String(rr.ttl));
  if (style.cl) line.to(c.cl).add('IN');
  line.to(c.type).add(rr.type).to(c.data).add(rdataText(rr));
  return line.text + '\n';
}

function questionLine(qname: string, qtype: string, style: Style): string {
  const c = columnsOf(style);
  // the ';' before the name is not counted in the columns
  return ';' + new Columns().add(qname).to(c.cl).add('IN').to(c.type).add(qtype).text + '\n';
}

// ---- dig ----

interface DigOptions {
  short: boolean;
  printcmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  ttl: boolean;
  cl: boolean;
  recurse: boolean;
  search: boolean;
  showsearch: boolean;
  edns: boolean;
  udp: number;
  ndots: number | null;
  timeout: number;
  tries: number;
  port: number;
}

interface DigLookup {
  name: string;
  type: string | null;
  cmdline: string;
}

const DIG_USAGE =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n' +
  '            {global-d-opt} host [@local-server] {local-d-opt}\n' +
  '            [ host [@local-server] {local-d-opt} [...]]\n' +
  '\nUse "dig -h" (or "dig -h | more") for complete list of options\n';

/** +keyword options: [full name, letters dig's switch needs to pick it] */
const PLUS: [string, number][] = [
  ['aaonly', 2],
  ['aaflag', 2],
  ['additional', 3],
  ['adflag', 2],
  ['all', 2],
  ['answer', 2],
  ['authority', 2],
  ['besteffort', 2],
  ['bufsize', 2],
  ['cdflag', 2],
  ['cl', 2],
  ['cmd', 2],
  ['comments', 2],
  ['defname', 2],
  ['dnssec', 2],
  ['domain', 2],
  ['edns', 1],
  ['fail', 1],
  ['identify', 2],
  ['ignore', 2],
  ['multiline', 1],
  ['ndots', 2],
  ['nsid', 3],
  ['nssearch', 3],
  ['onesoa', 1],
  ['qr', 2],
  ['question', 2],
  ['recurse', 3],
  ['retry', 3],
  ['retries', 3],
  ['search', 2],
  ['short', 4],
  ['showsearch', 4],
  ['stats', 2],
  ['tcp', 2],
  ['timeout', 2],
  ['trace', 3],
  ['tries', 3],
  ['ttlid', 2],
  ['vc', 1],
];

const NOT_SIMULATED_PLUS = new Set([
  'trace',
  'nssearch',
  'dnssec',
  'nsid',
  'multiline',
  'identify',
  'qr',
  'besteffort',
  'onesoa',
]);

class DigExit {
  constructor(readonly status: number) {}
}

export function digCommand(context: () => DnsToolContext): ShellCommand {
  return {
    name: 'dig',
    summary: 'DNS lookup utility',
    async run({ args, out, clock, interrupt }) {
      const ctx = context();
      const o: DigOptions = {
        short: false,
        printcmd: true,
        comments: true,
        question: true,
        answer: true,
        authority: true,
        additional: true,
        stats: true,
        ttl: true,
        cl: true,
        recurse: true,
        search: false,
        showsearch: false,
        edns: true,
        udp: 4096,
        ndots: null,
        timeout: 5,
        tries: 3,
        port: 53,
      };
      const lookups: DigLookup[] = [];
      let servers: string[] | null = null;
      let addresscount = 0;
      let defaultType: string | null = null;
      let first = true;
      const usage = (message: string) => {
        out.stderr(message + DIG_USAGE);
        throw new DigExit(1);
      };
      const greeting = (): string => {
        if (!first) return '';
        first = false;
        if (!o.printcmd) return '';
        let text = `\n; <<>> DiG ${VERSION} <<>>${args.map((a) => ` ${a}`).join('')}\n`;
        if (addresscount > 0) text += `; (${addresscount} server${addresscount > 1 ? 's' : ''} found)\n`;
        return `${text};; global options: +cmd\n`;
      };
      const addLookup = (name: string, type: string | null) =>
        lookups.push({ name, type: type ?? defaultType, cmdline: greeting() });
      const setType = (type: string) => {
        const current = lookups.at(-1);
        if (current) {
          if (current.type !== null) out.stderr(';; Warning, extra type option\n');
          current.type = type;
        } else {
          if (defaultType !== null) out.stderr(';; Warning, extra type option\n');
          defaultType = type;
        }
      };
      const plus = (option: string) => {
        const eq = option.indexOf('=');
        let cmd = (eq >= 0 ? option.slice(0, eq) : option).toLowerCase();
        const value = eq >= 0 ? option.slice(eq + 1) : null;
        let state = true;
        if (cmd.startsWith('no')) {
          cmd = cmd.slice(2);
          state = false;
        }
        const match = PLUS.find(([full, need]) => cmd.length >= need && cmd.length <= full.length && full.startsWith(cmd));
        if (!match) usage(`Invalid option: +${option}\n`);
        const name = match![0];
        if (NOT_SIMULATED_PLUS.has(name) && state) {
          out.stderr(`kubesim: 'dig +${name}' is not simulated\n`);
          throw new DigExit(1);
        }
        const numeric = (max: number) => {
          if (value === null || !state) usage(`Invalid option: +${option}\n`);
          if (!/^\d+$/.test(value!) || Number(value) > max) {
            out.stderr(`dig: Couldn't parse ${name}\n`);
            throw new DigExit(10);
          }
          return Number(value);
        };
        switch (name) {
          case 'additional':
            o.additional = state;
            break;
          case 'all':
            o.question = o.answer = o.authority = o.additional = o.comments = o.stats = o.printcmd = state;
            break;
          case 'answer':
            o.answer = state;
            break;
          case 'authority':
            o.authority = state;
            break;
          case 'bufsize':
            o.udp = numeric(65535);
            break;
          case 'cl':
            o.cl = state;
            break;
          case 'cmd':
            o.printcmd = state;
            break;
          case 'comments':
            o.comments = state;
            break;
          case 'defname':
          case 'search':
            o.search = state;
            break;
          case 'domain':
            if (value === null || !state) usage(`Invalid option: +${option}\n`);
            ctx.config = { ...ctx.config, search: [value!] };
            break;
          case 'edns':
            o.edns = state;
            break;
          case 'ndots':
            o.ndots = numeric(128);
            break;
          case 'question':
            o.question = state;
            break;
          case 'recurse':
            o.recurse = state;
            break;
          case 'retry':
          case 'retries':
            o.tries = numeric(255) + 1;
            break;
          case 'short':
            o.short = state;
            if (state) {
              o.printcmd = false;
              o.additional = o.authority = o.question = o.comments = o.stats = false;
              o.answer = true;
            }
            break;
          case 'showsearch':
            o.showsearch = o.search = state;
            break;
          case 'stats':
            o.stats = state;
            break;
          case 'timeout':
            o.timeout = Math.max(1, numeric(0xffffffff));
            break;
          case 'tries':
            o.tries = Math.max(1, numeric(255));
            break;
          case 'ttlid':
            o.ttl = state;
            break;
          // the transport and the flags that do not change what is shown
          default:
            break;
        }
      };
      try {
        for (let i = 0; i < args.length; i++) {
          const arg = args[i]!;
          if (arg.startsWith('%')) break;
          if (arg.startsWith('@')) {
            const name = arg.slice(1);
            const found = serverAddresses(ctx, name);
            if (found.length === 0) {
              out.stderr(`dig: couldn't get address for '${name}': not found\n`);
              throw new DigExit(10);
            }
            servers = found;
            addresscount = found.length;
          } else if (arg.startsWith('+')) plus(arg.slice(1));
          else if (arg.startsWith('-')) {
            let option = arg.slice(1);
            while (option.length > 0 && '46dhimnv'.includes(option[0]!)) {
              const flag = option[0]!;
              if (flag === 'v') {
                out.stderr(`DiG ${VERSION}\n`);
                throw new DigExit(0);
              }
              if (flag === 'h' || flag === '6' || flag === 'd' || flag === 'm') {
                out.stderr(`kubesim: 'dig -${flag}' is not simulated\n`);
                throw new DigExit(1);
              }
              option = option.slice(1);
            }
            if (option === '') continue;
            const opt = option[0]!;
            let value: string | undefined = option.slice(1);
            if (value === '') {
              value = args[i + 1];
              if (value !== undefined) i++;
            }
            if (!'bcfkpqtxy'.includes(opt) || value === undefined) usage(`Invalid option: -${option}\n`);
            switch (opt) {
              case 'c':
                if (!rdataClass(value!)) out.stderr(`;; Warning, ignoring invalid class ${value}\n`);
                else if (rdataClass(value!) !== 'IN') {
                  out.stderr(`kubesim: 'dig -c ${value}' is not simulated; only class IN is\n`);
                  throw new DigExit(1);
                }
                break;
              case 'p':
                if (!/^\d+$/.test(value!) || Number(value) > 65535) {
                  out.stderr("dig: Couldn't parse port number\n");
                  throw new DigExit(10);
                }
                o.port = Number(value);
                break;
              case 'q':
                addLookup(value!, null);
                break;
              case 't': {
                const type = rdataType(value!);
                if (!type || type === 'IXFR') out.stderr(`;; Warning, ignoring invalid type ${value}\n`);
                else setType(type);
                break;
              }
              case 'x': {
                const ptr = isIPv4(value!) || isIPv6(value!) ? reverseName(value!) : null;
                if (!ptr) {
                  out.stderr(`Invalid IP address ${value}\n`);
                  throw new DigExit(1);
                }
                addLookup(ptr, defaultType ?? 'PTR');
                break;
              }
              default:
                out.stderr(`kubesim: 'dig -${opt}' is not simulated\n`);
                throw new DigExit(1);
            }
          } else {
            const type = rdataType(arg);
            if (type && type !== 'IXFR') {
              setType(type);
              continue;
            }
            const cls = rdataClass(arg);
            if (cls) {
              if (cls !== 'IN') {
                out.stderr(`kubesim: 'dig ${arg}' (class ${cls}) is not simulated; only class IN is\n`);
                throw new DigExit(1);
              }
              continue;
            }
            addLookup(arg, null);
          }
        }
      } catch (e) {
        if (e instanceof DigExit) return e.status;
        throw e;
      }
      // no name at all: the root's nameservers
      if (lookups.length === 0) lookups.push({ name: '.', type: 'NS', cmdline: greeting() });

      const serverList = servers ?? (ctx.config.nameservers.length > 0 ? ctx.config.nameservers : ['127.0.0.1']);
      const ndots = o.ndots ?? ctx.config.ndots;
      let status = 0;
      for (const lookup of lookups) {
        const qtype = lookup.type ?? 'A';
        if (qtype === 'AXFR') {
          if (!o.short) out.stdout(`${lookup.cmdline}; Transfer failed.\n`);
          continue;
        }
        const names = bindCandidates(lookup.name, ctx.config.search, ndots, o.search);
        for (let n = 0; n < names.length; n++) {
          const qname = names[n]!;
          const got = ask(ctx, serverList, o.port, qname, qtype, o.timeout * o.tries);
          if (!('reply' in got)) {
            if (!(await clock.sleep(got.waited * 1000, interrupt))) return 130;
            out.stdout(`${lookup.cmdline};; connection timed out; no servers could be reached\n`);
            status = 9;
            break;
          }
          if (got.waited > 0 && !(await clock.sleep(got.waited * 1000, interrupt))) return 130;
          const last = n === names.length - 1 || got.reply.rcode !== 'NXDOMAIN';
          if (!last && !o.showsearch) continue;
          out.stdout(digMessage(ctx.cluster, o, lookup.cmdline, qname, qtype, got.reply, got.ip));
          lookup.cmdline = '';
          if (last) break;
        }
      }
      return status;
    },
  };
}

function digMessage(
  cluster: Cluster,
  o: DigOptions,
  cmdline: string,
  qname: string,
  qtype: string,
  reply: DnsAnswer,
  server: string,
): string {
  const style: Style = { ttl: o.ttl, cl: o.cl };
  const edns = o.edns;
  let text = o.short ? '' : cmdline;
  if (o.comments && !o.short) {
    const id = dnsRandom(cluster).int(65536);
    const flags = ['qr'];
    if (reply.authoritative) flags.push('aa');
    if (o.recurse) flags.push('rd');
    if (reply.recursionAvailable) flags.push('ra');
    text += ';; Got answer:\n';
    text += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}\n`;
    text +=
      `;; flags: ${flags.join(' ')}; QUERY: 1, ANSWER: ${reply.answer.length}, AUTHORITY: ${reply.authority.length}, ` +
      `ADDITIONAL: ${reply.additional.length + (edns ? 1 : 0)}\n`;
    if (o.recurse && !reply.recursionAvailable) text += ';; WARNING: recursion requested but not available\n';
    text += '\n';
  }
  const section = (title: string, records: DnsRecord[]) => {
    if (records.length === 0) return '';
    return (
      (o.comments ? `;; ${title} SECTION:\n` : '') + records.map((r) => recordLine(r, style)).join('') + (o.comments ? '\n' : '')
    );
  };
  if (o.comments && !o.short && edns) text += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${o.udp}\n`;
  if (o.question && !o.short)
    text += (o.comments ? ';; QUESTION SECTION:\n' : '') + questionLine(qname, qtype, style) + (o.comments ? '\n' : '');
  if (o.answer) text += o.short ? reply.answer.map((r) => rdataText(r) + '\n').join('') : section('ANSWER', reply.answer);
  if (o.authority && !o.short) text += section('AUTHORITY', reply.authority);
  if (o.additional && !o.short) text += section('ADDITIONAL', reply.additional);
  if (o.stats && !o.short) {
    const compress = !reply.authoritative && !reply.forwarded;
    text += `;; Query time: ${queryTime(cluster, reply, server)} msec\n`;
    text += `;; SERVER: ${server}#${o.port}(${server})\n`;
    text += `;; WHEN: ${when(cluster.clock.now())}\n`;
    text += `;; MSG SIZE  rcvd: ${messageSize(qname, reply, { edns, compress })}\n\n`;
  }
  return text;
}

// ---- nslookup ----

/** nslookup's words before each record's data (nslookup.c rtypetext) */
const RTYPETEXT: Record<string, string> = {
  A: 'internet address = ',
  NS: 'nameserver = ',
  CNAME: 'canonical name = ',
  PTR: 'name = ',
  MX: 'mail exchanger = ',
  TXT: 'text = ',
  AAAA: 'has AAAA address ',
  SRV: 'service = ',
};

function printSoa(rr: Extract<DnsRecord, { type: 'SOA' }>): string {
  return (
    `\torigin = ${bare(rr.mname)}\n\tmail addr = ${bare(rr.rname)}\n\tserial = ${rr.serial}\n\trefresh = ${rr.refresh}\n` +
    `\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`
  );
}

function printSection(records: DnsRecord[], answer: boolean, version: BindVersion): string {
  let text = '';
  for (const rr of records) {
    if (answer && (rr.type === 'A' || (rr.type === 'AAAA' && version === '9.11')))
      text += `Name:\t${bare(rr.name)}\nAddress: ${rr.ip}\n`;
    else if (rr.type === 'SOA') text += `${bare(rr.name)}\n${printSoa(rr)}`;
    else text += `${bare(rr.name)}\t${RTYPETEXT[rr.type] ?? `rdata_${rr.type} = `}${rdataText(rr)}\n`;
  }
  return text;
}

export type BindVersion = '9.9' | '9.11';

interface NslookupState {
  type: string;
  typeSet: boolean;
  search: boolean;
  domain: string | null;
  port: number;
  timeout: number;
  tries: number;
  recurse: boolean;
  fail: boolean;
}

/** BIND's nslookup, non-interactive */
export function bindNslookupCommand(context: () => DnsToolContext, version: BindVersion = '9.9'): ShellCommand {
  return {
    name: 'nslookup',
    summary: 'query Internet name servers',
    async run({ args, out, clock, interrupt }) {
      const ctx = context();
      const s: NslookupState = {
        type: 'A',
        typeSet: false,
        search: true,
        domain: null,
        port: 53,
        timeout: 5,
        tries: 3,
        recurse: true,
        fail: false,
      };
      let lookup: { textname: string; type: string; default: boolean } | null = null;
      let serverArg: string | null = null;
      let haveLookup = false;
      for (const arg of args) {
        if (arg.startsWith('-')) {
          if (arg.length === 1) haveLookup = true;
          else {
            const problem = setOption(s, arg.slice(1));
            if (problem === 'not-simulated') {
              out.stderr(`kubesim: 'nslookup ${arg}' is not simulated\n`);
              return 1;
            }
            if (problem) out.stdout(problem);
          }
        } else if (!haveLookup) {
          haveLookup = true;
          const ptr = isIPv4(arg) || isIPv6(arg) ? reverseName(arg) : null;
          lookup = ptr
            ? { textname: ptr.slice(0, -1), type: 'PTR', default: false }
            : { textname: arg, type: s.type, default: !s.typeSet };
        } else serverArg = arg;
      }
      if (!lookup) {
        out.stderr('kubesim: interactive nslookup is not simulated; give the name to look up: nslookup NAME [SERVER]\n');
        return 1;
      }
      let servers: { userarg: string; ip: string }[];
      if (serverArg !== null) {
        const found = serverAddresses(ctx, serverArg);
        if (found.length === 0) {
          out.stderr(`nslookup: couldn't get address for '${serverArg}': not found\n`);
          return 10;
        }
        servers = found.map((ip) => ({ userarg: serverArg!, ip }));
      } else {
        const list = ctx.config.nameservers.length > 0 ? ctx.config.nameservers : ['127.0.0.1'];
        servers = list.map((ip) => ({ userarg: ip, ip }));
      }
      // nslookup moves on from a server that does not offer recursion, unless one was named
      const checkRa = serverArg === null;
      const search = s.domain !== null ? [s.domain] : ctx.config.search;
      const candidates = bindCandidates(lookup.textname, search, ctx.config.ndots, s.search);

      let text = '';
      let printError = 0;
      let queryError = 1;
      let aNoAnswer = false;
      const queue: { textname: string; names: string[]; type: string; default: boolean }[] = [
        { textname: lookup.textname, names: candidates, type: lookup.type, default: lookup.default && version === '9.11' },
      ];
      while (queue.length > 0) {
        const job = queue.shift()!;
        for (let n = 0; n < job.names.length; n++) {
          const qname = job.names[n]!;
          let reply: DnsAnswer | null = null;
          let answeredBy: { userarg: string; ip: string } | null = null;
          for (let k = 0; k < servers.length; k++) {
            const server = servers[k]!;
            const answering = s.port === 53 ? dnsServerAt(ctx.cluster, server.ip, ctx.from) : null;
            if (!answering) {
              if (!(await clock.sleep(s.timeout * 1000, interrupt))) return 130;
              continue;
            }
            const got = answering.query(qname, job.type);
            const more = k < servers.length - 1;
            if (more && got.rcode === 'SERVFAIL' && !s.fail) {
              text += `;; Got SERVFAIL reply from ${server.ip}, trying next server\n`;
              continue;
            }
            if (more && checkRa && s.recurse && !got.recursionAvailable) {
              text += `;; Got recursion not available from ${server.ip}, trying next server\n`;
              continue;
            }
            reply = got;
            answeredBy = server;
            break;
          }
          if (!reply || !answeredBy) {
            if (!(await clock.sleep(s.timeout * (s.tries - 1) * 1000, interrupt))) return 130;
            text += ';; connection timed out; no servers could be reached\n';
            break;
          }
          if (reply.rcode === 'NXDOMAIN' && n < job.names.length - 1) continue;
          queryError = 0;
          const showHeader = !job.default || job.type === 'A' || version === '9.9';
          if (showHeader) text += `Server:\t\t${answeredBy.userarg}\nAddress:\t${answeredBy.ip}#${s.port}\n\n`;
          if (reply.rcode !== 'NOERROR') {
            text += `** server can't find ${reply.rcode === 'NXDOMAIN' ? job.textname : bare(qname)}: ${reply.rcode}\n`;
            printError = 1;
            break;
          }
          if (job.default && job.type === 'A') {
            // 9.11 follows with an AAAA lookup of the name the A lookup found
            let canonical = qname.toLowerCase();
            for (const rr of reply.answer)
              if (rr.type === 'CNAME' && rr.name.toLowerCase() === canonical) canonical = rr.target.toLowerCase();
            queue.push({ textname: bare(canonical), names: [canonical], type: 'AAAA', default: true });
          }
          if (!reply.authoritative && (!job.default || job.type === 'A')) text += 'Non-authoritative answer:\n';
          if (reply.answer.length > 0) text += printSection(reply.answer, true, version);
          else if (job.default && job.type === 'A') aNoAnswer = true;
          else if (!job.default || (job.type === 'AAAA' && aNoAnswer)) text += `*** Can't find ${job.textname}: No answer\n`;
          const skipAuthority = job.type === 'A' || (version === '9.11' && job.type === 'AAAA');
          if (!reply.authoritative && !skipAuthority) {
            text += '\nAuthoritative answers can be found from:\n';
            text += printSection(reply.authority, false, version) + printSection(reply.additional, false, version);
          }
          break;
        }
      }
      out.stdout(`${text}\n`);
      return queryError | printError;
    },
  };
}

/** nslookup.c setoption: an error line to print, 'not-simulated', or null */
function setOption(s: NslookupState, opt: string): string | 'not-simulated' | null {
  const lower = opt.toLowerCase();
  const prefixed = (...names: string[]) => names.find((n) => lower.startsWith(n));
  const setType = (value: string) => {
    const type = rdataType(value);
    if (!type) return `unknown query type: ${value}\n`;
    s.type = type;
    s.typeSet = true;
    return null;
  };
  const number = (value: string, max: number, apply: (n: number) => void) => {
    if (/^\d+$/.test(value) && Number(value) <= max) apply(Number(value));
    return null;
  };
  if (lower.startsWith('all')) return 'not-simulated';
  const cls = prefixed('class=', 'cl=');
  if (cls) return rdataClass(opt.slice(cls.length)) ? null : `unknown query class: ${opt.slice(cls.length)}\n`;
  const type = prefixed('type=', 'ty=', 'querytype=', 'query=', 'qu=', 'q=');
  if (type) return setType(opt.slice(type.length));
  const domain = prefixed('domain=', 'do=');
  if (domain) {
    s.domain = opt.slice(domain.length);
    s.search = true;
    return null;
  }
  const port = prefixed('port=', 'po=');
  if (port) return number(opt.slice(port.length), 65535, (n) => (s.port = n));
  const timeout = prefixed('timeout=', 't=');
  if (timeout) return number(opt.slice(timeout.length), 0xffffffff, (n) => (s.timeout = n));
  if (lower.startsWith('rec')) s.recurse = true;
  else if (lower.startsWith('norec')) s.recurse = false;
  else if (prefixed('retry=', 'ret=')) return number(opt.slice(opt.indexOf('=') + 1), 0x7fffffff, (n) => (s.tries = n));
  else if (lower.startsWith('def')) s.search = true;
  else if (lower.startsWith('nodef')) s.search = false;
  else if (lower.startsWith('vc') || lower.startsWith('novc')) return null;
  else if (lower.startsWith('deb') || lower.startsWith('d2')) return 'not-simulated';
  else if (lower.startsWith('nodeb') || lower.startsWith('nod2')) return null;
  else if (lower.startsWith('sea')) s.search = true;
  else if (lower.startsWith('nosea')) s.search = false;
  else if (lower.startsWith('sil')) return null;
  else if (lower.startsWith('fai')) s.fail = true;
  else if (lower.startsWith('nof')) s.fail = false;
  else return `*** Invalid option: ${opt}\n`;
  return null;
}
