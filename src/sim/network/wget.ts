// busybox wget, as the course uses it (`wget -qO- http://web:8080`): -q, -O, -T, -S, -U and
// busybox's own messages (`wget: bad address 'x'`, `wget: can't connect to remote host (ip):
// Connection refused`, `wget: server returned error: HTTP/1.1 404 Not Found`)

import type { ShellCommand } from '../shell/command.ts';
import { transferCommand, type CurlTransport, type TransferTool } from './curl.ts';

interface Options {
  quiet: boolean;
  output: string | null;
  timeout: number | null;
  serverResponse: boolean;
  userAgent: string | null;
  headers: [string, string][];
  url: string | null;
}

const USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP
`;

function parse(args: string[]): Options | null {
  const o: Options = {
    quiet: false,
    output: null,
    timeout: null,
    serverResponse: false,
    userAgent: null,
    headers: [],
    url: null,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | null => (i + 1 < args.length ? args[++i]! : null);
    if (a === '-O' || a === '--output-document') {
      if ((o.output = value()) === null) return null;
    } else if (a.startsWith('-O') && a.length > 2) o.output = a.slice(2);
    else if (a === '-T' || a === '--timeout') {
      const v = value();
      if (v === null || !/^\d+$/.test(v)) return null;
      o.timeout = Number(v);
    } else if (a === '-U' || a === '--user-agent') {
      if ((o.userAgent = value()) === null) return null;
    } else if (/^-[qS]+(O.*)?$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'q') o.quiet = true;
        else if (c === 'S') o.serverResponse = true;
        else if (c === 'O') {
          const rest = a.slice(j + 1);
          o.output = rest || value();
          if (o.output === null) return null;
          break;
        }
      }
    } else if (a === '--header') {
      const v = value();
      const colon = v?.indexOf(':') ?? -1;
      if (v === null || colon <= 0) return null;
      o.headers.push([v.slice(0, colon).trim(), v.slice(colon + 1).trim()]);
    } else if (a === '--quiet') o.quiet = true;
    else if (a === '--server-response') o.serverResponse = true;
    else if (a.startsWith('-')) return null;
    else o.url = a;
  }
  return o;
}

function progressLine(name: string, size: number): string {
  const shown = name.length > 20 ? name.slice(0, 20) : name.padEnd(20);
  return `${shown} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

/** one wget run, up to any wait */
export const wgetTransfer: TransferTool = (args, t, out, fs) => {
  const o = parse(args);
  if (!o || !o.url) {
    out.stderr(USAGE);
    return 1;
  }
  const m = /^(?:([a-zA-Z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(o.url);
  if (!m) {
    out.stderr(`wget: bad address '${o.url}'\n`);
    return 1;
  }
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http') {
    out.stderr(
      scheme === 'https'
        ? `kubesim: wget over https is not simulated; the course's servers speak plain http\n`
        : `wget: not an http or ftp url: ${o.url}\n`,
    );
    return 1;
  }
  const host = m[2]!;
  const port = m[3] ? Number(m[3]) : 80;
  const path = m[4] || '/';
  const connection = t.connect(host, port);
  if (connection.kind === 'not-simulated') {
    out.stderr(connection.message + '\n');
    return 1;
  }
  if (connection.kind === 'unresolved') {
    out.stderr(`wget: bad address '${host}${m[3] ? `:${m[3]}` : ''}'\n`);
    return 1;
  }
  const ip = connection.kind === 'connected' ? connection.remoteIp : connection.ip;
  if (!o.quiet) out.stderr(`Connecting to ${host}${m[3] ? `:${m[3]}` : ''} (${ip}:${port})\n`);
  if (connection.kind === 'refused') {
    out.stderr(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    return 1;
  }
  if (connection.kind === 'timeout') {
    // -T bounds the wait; without it the kernel gives up on the connection after about two minutes
    return {
      waitMs: (o.timeout ?? 127) * 1000,
      then: () => {
        out.stderr(
          o.timeout !== null
            ? 'wget: download timed out\n'
            : `wget: can't connect to remote host (${ip}): Connection timed out\n`,
        );
        return 1;
      },
    };
  }
  const hostHeader = o.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? (port === 80 ? host : `${host}:${port}`);
  const headers: [string, string][] = [
    ['Host', hostHeader],
    ['User-Agent', o.userAgent ?? 'Wget'],
    ...o.headers.filter(([k]) => k.toLowerCase() !== 'host'),
    ['Connection', 'close'],
  ];
  const response = connection.respond({ method: 'GET', path, host: hostHeader, headers });
  if (o.serverResponse) {
    out.stderr(`  HTTP/1.1 ${response.status} ${response.reason}\n`);
    for (const [k, v] of response.headers) out.stderr(`  ${k}: ${v}\n`);
  }
  if (response.status >= 400) {
    out.stderr(`wget: server returned error: HTTP/1.1 ${response.status} ${response.reason}\n`);
    return 1;
  }
  const target =
    o.output ??
    (path
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ||
      'index.html');
  if (target === '-') {
    if (!o.quiet) out.stderr('writing to stdout\n');
    out.stdout(response.body);
    if (!o.quiet) out.stderr(progressLine('-', response.body.length) + 'written to stdout\n');
    return 0;
  }
  if (!o.quiet) out.stderr(`saving to '${target}'\n`);
  const err = fs.writeFile(target, response.body);
  if (err) {
    out.stderr(`wget: can't open '${target}': ${err === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  if (!o.quiet) out.stderr(progressLine(target, response.body.length) + `'${target}' saved\n`);
  return 0;
};

export function wgetCommand(transport: () => CurlTransport): ShellCommand {
  return transferCommand('wget', 'retrieve a URL over HTTP (busybox)', wgetTransfer, transport);
}
