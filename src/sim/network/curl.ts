// curl, as far as the course uses it: GET/HEAD over plain HTTP with -s -S -v -I -i -H -o -w -m
// -f -X, and curl's own error lines and exit codes. where the request goes is the transport's
// business, so the same command works inside a pod and (later) on the learner's machine.

import type { Clock, Interrupt } from '../clock.ts';
import type { Output, ShellCommand } from '../shell/command.ts';
import type { VirtualFs } from '../shell/vfs.ts';
import type { HttpRequest, HttpResponse } from '../images/http.ts';
import { STATUS_INTERRUPTED } from '../shell/shell.ts';

/**
 * what a client tool's one transfer came to: its exit status, or a wait (nothing answered: the tool
 * sits out a timeout) and what it prints and returns after it. synchronous up to the wait, so a
 * container's own command can run the tool at a moment of cluster time
 */
export type Transfer = number | { waitMs: number; then: () => number };

/** a client tool as the kubelet runs it in a container's own command: arguments in, a transfer out */
export type TransferTool = (args: string[], transport: CurlTransport, out: Output, fs: VirtualFs) => Transfer;

/** runs a transfer in a shell: sits out its wait on the clock (Ctrl-C ends it) */
async function completeTransfer(transfer: Transfer, clock: Clock, interrupt: Interrupt): Promise<number> {
  if (typeof transfer === 'number') return transfer;
  if (!(await clock.sleep(transfer.waitMs, interrupt))) return STATUS_INTERRUPTED;
  return transfer.then();
}

/** a transfer tool as a shell command, over the transport of the machine it runs on */
export function transferCommand(name: string, summary: string, tool: TransferTool, transport: () => CurlTransport): ShellCommand {
  return {
    name,
    summary,
    run: ({ args, out, fs, clock, interrupt }) => completeTransfer(tool(args, transport(), out, fs), clock, interrupt),
  };
}

export type Connection =
  | {
      kind: 'connected';
      remoteIp: string;
      respond: (req: Omit<HttpRequest, 'clientIp' | 'clientPort' | 'serverIp' | 'serverPort' | 'now'>) => HttpResponse;
    }
  | { kind: 'unresolved' }
  | { kind: 'refused'; ip: string }
  | { kind: 'timeout'; ip: string }
  /** a destination this simulator does not model yet: said plainly, never faked */
  | { kind: 'not-simulated'; message: string };

export interface CurlTransport {
  /** curl's User-Agent in this image, e.g. curl/8.14.1 */
  userAgent: string;
  connect(host: string, port: number): Connection;
}

interface Options {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  headers: [string, string][];
  output: string | null;
  writeOut: string | null;
  maxTime: number | null;
  method: string | null;
  url: string | null;
}

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const WITH_VALUE = new Map([
  ['-H', 'header'],
  ['--header', 'header'],
  ['-o', 'output'],
  ['--output', 'output'],
  ['-w', 'write-out'],
  ['--write-out', 'write-out'],
  ['-m', 'max-time'],
  ['--max-time', 'max-time'],
  ['--connect-timeout', 'max-time'],
  ['-X', 'request'],
  ['--request', 'request'],
  ['-A', 'user-agent'],
  ['--user-agent', 'user-agent'],
]);
const FLAGS = new Map([
  ['-s', 'silent'],
  ['--silent', 'silent'],
  ['-S', 'show-error'],
  ['--show-error', 'show-error'],
  ['-v', 'verbose'],
  ['--verbose', 'verbose'],
  ['-I', 'head'],
  ['--head', 'head'],
  ['-i', 'include'],
  ['--include', 'include'],
  ['-f', 'fail'],
  ['--fail', 'fail'],
  ['-L', 'location'],
  ['--location', 'location'],
  ['-k', 'insecure'],
  ['--insecure', 'insecure'],
]);

function parse(args: string[]): Options | string {
  const o: Options = {
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    include: false,
    fail: false,
    headers: [],
    output: null,
    writeOut: null,
    maxTime: null,
    method: null,
    url: null,
  };
  const set = (name: string, value?: string): string | null => {
    switch (name) {
      case 'silent':
        o.silent = true;
        break;
      case 'show-error':
        o.showError = true;
        break;
      case 'verbose':
        o.verbose = true;
        break;
      case 'head':
        o.head = true;
        break;
      case 'include':
        o.include = true;
        break;
      case 'fail':
        o.fail = true;
        break;
      case 'header': {
        const colon = value!.indexOf(':');
        if (colon > 0) o.headers.push([value!.slice(0, colon).trim(), value!.slice(colon + 1).trim()]);
        break;
      }
      case 'user-agent':
        o.headers.push(['User-Agent', value!]);
        break;
      case 'output':
        o.output = value!;
        break;
      case 'write-out':
        o.writeOut = value!;
        break;
      case 'max-time': {
        const n = Number(value);
        if (!Number.isFinite(n)) return `curl: option --max-time: expected a proper numerical parameter\n${TRY}`;
        o.maxTime = n;
        break;
      }
      case 'request':
        o.method = value!;
        break;
    }
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const valued = WITH_VALUE.get(a);
    if (valued) {
      if (i + 1 >= args.length) return `curl: option ${a}: requires parameter\n${TRY}`;
      const err = set(valued, args[++i]);
      if (err) return err;
    } else if (FLAGS.has(a)) set(FLAGS.get(a)!);
    else if (/^-[a-zA-Z]{2,}$/.test(a)) {
      for (const c of a.slice(1)) {
        const name = FLAGS.get(`-${c}`);
        if (!name) return `curl: option -${c}: is unknown\n${TRY}`;
        set(name);
      }
    } else if (a.startsWith('-') && a !== '-') return `curl: option ${a}: is unknown\n${TRY}`;
    else o.url = a;
  }
  return o;
}

function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | null {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(url);
  if (!m) return null;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { scheme, host: m[2]!, port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

function writeOut(format: string, response: HttpResponse | null, remoteIp: string): string {
  return format
    .replace(/%\{http_code\}|%\{response_code\}/g, response ? String(response.status) : '000')
    .replace(/%\{remote_ip\}/g, remoteIp)
    .replace(/%\{size_download\}/g, String(response?.body.length ?? 0))
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

/** one curl run, up to any wait */
export const curlTransfer: TransferTool = (args, t, out, fs) => {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    out.stderr(parsed);
    return 2;
  }
  const o = parsed;
  if (!o.url) {
    out.stderr(`curl: no URL specified\n${TRY}`);
    return 2;
  }
  const url = parseUrl(o.url);
  const fail = (code: number, message: string) => {
    if (!o.silent || o.showError) out.stderr(`curl: (${code}) ${message}\n`);
    if (o.writeOut) out.stdout(writeOut(o.writeOut, null, ''));
    return code;
  };
  if (!url) return fail(3, 'URL rejected: Malformed input to a URL function');
  if (url.scheme !== 'http') {
    if (url.scheme === 'https') {
      out.stderr(`kubesim: curl over https is not simulated; the course's servers speak plain http\n`);
      return 1;
    }
    return fail(1, `Protocol "${url.scheme}" not supported`);
  }
  const connection = t.connect(url.host, url.port);
  if (connection.kind === 'not-simulated') {
    out.stderr(connection.message + '\n');
    return 1;
  }
  if (connection.kind === 'unresolved') return fail(6, `Could not resolve host: ${url.host}`);
  if (o.verbose)
    out.stderr(`*   Trying ${connection.kind === 'connected' ? connection.remoteIp : connection.ip}:${url.port}...\n`);
  if (connection.kind === 'refused')
    return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Could not connect to server`);
  if (connection.kind === 'timeout') {
    const ms = Math.round((o.maxTime ?? 134) * 1000) + 1;
    // nothing answers: curl waits for --max-time or the kernel's connect timeout (Ctrl-C ends it)
    return {
      waitMs: ms,
      then: () =>
        fail(
          28,
          o.maxTime !== null
            ? `Connection timed out after ${ms} milliseconds`
            : `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Could not connect to server`,
        ),
    };
  }
  const method = o.method ?? (o.head ? 'HEAD' : 'GET');
  const host =
    o.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? (url.port === 80 ? url.host : `${url.host}:${url.port}`);
  const headers: [string, string][] = [
    ['Host', host],
    ['User-Agent', t.userAgent],
    ['Accept', '*/*'],
  ];
  for (const [k, v] of o.headers) {
    const at = headers.findIndex(([name]) => name.toLowerCase() === k.toLowerCase());
    if (at >= 0) headers[at] = [headers[at]![0], v];
    else headers.push([k, v]);
  }
  const response = connection.respond({ method, path: url.path, host, headers });
  const head = `HTTP/1.1 ${response.status} ${response.reason}\r\n${response.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  if (o.verbose) {
    out.stderr(`* Connected to ${url.host} (${connection.remoteIp}) port ${url.port}\n`);
    out.stderr(
      `> ${method} ${url.path} HTTP/1.1\n${headers.map(([k, v]) => `> ${k}: ${v}\n`).join('')}> \n* Request completely sent off\n`,
    );
    out.stderr(
      head
        .split('\r\n')
        .slice(0, -1)
        .map((l) => `< ${l}\n`)
        .join(''),
    );
  }
  if (o.fail && response.status >= 400) return fail(22, `The requested URL returned error: ${response.status}`);
  const body = (o.head || o.include ? head : '') + (o.head ? '' : response.body);
  if (o.output && o.output !== '-') {
    const err = fs.writeFile(o.output, body);
    if (err) return fail(23, `Failure writing output to destination, passed ${body.length} returned 0`);
  } else out.stdout(body);
  if (o.verbose) out.stderr(`* Connection #0 to host ${url.host} left intact\n`);
  if (o.writeOut) out.stdout(writeOut(o.writeOut, response, connection.remoteIp));
  return 0;
};

export function curlCommand(transport: () => CurlTransport): ShellCommand {
  return transferCommand('curl', 'transfer a URL (HTTP)', curlTransfer, transport);
}
