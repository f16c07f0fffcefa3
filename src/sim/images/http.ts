// what the simulated images answer over HTTP, byte for byte: nginx's welcome and 404 pages
// with its headers and access-log line, the hostname echo, and traefik/whoami's report

export interface HttpRequest {
  method: string;
  path: string;
  /** the Host header as sent */
  host: string;
  headers: [string, string][];
  /** the client address as the server sees it (after any SNAT) */
  clientIp: string;
  clientPort: number;
  /** the server's own address and port */
  serverIp: string;
  serverPort: number;
  /** ms since the epoch, for Date headers and logs */
  now: number;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
  /** a line the server writes to its log (nginx's access log), if any */
  log?: string;
}

export interface ServerIdentity {
  /** the pod's hostname (its name) */
  hostname: string;
  /** the pod's addresses, for whoami */
  ips: string[];
}

/** the mainline release `nginx` and `nginx:latest` run */
export const NGINX_VERSION = '1.29.3';

/** the newest patch release of each nginx line, for tags that name only major.minor */
const NGINX_LINES: Record<string, string> = {
  '1.29': '1.29.3',
  '1.28': '1.28.0',
  '1.27': '1.27.5',
  '1.26': '1.26.3',
  '1.25': '1.25.5',
  '1.24': '1.24.0',
  '1.23': '1.23.4',
  '1.22': '1.22.1',
  '1.21': '1.21.6',
};

/** which nginx an image tag runs: `1.27.4` exactly, `1.27` its newest patch, anything else mainline */
export function nginxVersionFor(reference: string): string {
  const tag = reference.slice(reference.lastIndexOf(':') + 1).split('-')[0]!;
  if (/^\d+\.\d+\.\d+$/.test(tag)) return tag;
  return NGINX_LINES[tag] ?? NGINX_VERSION;
}

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 7231 date: Thu, 01 Jan 2026 09:00:00 GMT */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/** nginx's $time_local: 01/Jan/2026:09:00:00 +0000 */
function nginxTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

function header(req: HttpRequest, name: string): string | undefined {
  return req.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

/** nginx's combined log format plus the x-forwarded-for field the official image adds */
function accessLog(req: HttpRequest, status: number, bytes: number): string {
  const agent = header(req, 'User-Agent') ?? '-';
  const referer = header(req, 'Referer') ?? '-';
  return `${req.clientIp} - - [${nginxTime(req.now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "${referer}" "${agent}" "-"`;
}

/** when the nginx image's own files were written: their Last-Modified, and the mtime in their ETag */
export const IMAGE_FILES_MTIME = Date.UTC(2025, 9, 7, 17, 4, 7);

/** what nginx finds under its root for a request's path */
export type NginxFind =
  | { kind: 'file'; body: string; type: string; mtime: number }
  /** nothing there: 404 */
  | { kind: 'none' }
  /** a directory without an index file (autoindex is off): 403 */
  | { kind: 'forbidden' }
  /** a directory named without its trailing slash: 301 to the path with it */
  | { kind: 'directory' };

/** the stock image's root before anything in the container changes it: the welcome page at / and /index.html */
const NGINX_IMAGE_ROOT = (path: string): NginxFind =>
  path === '/' || path === '/index.html'
    ? { kind: 'file', body: NGINX_WELCOME, type: 'text/html', mtime: IMAGE_FILES_MTIME }
    : { kind: 'none' };

/** nginx's built-in error page for a status */
function nginxErrorPage(status: string, version: string): string {
  return `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** an nginx serving static files: 200 with the file, or 404, 403 and 301 with nginx's own pages */
export function nginxRespond(
  req: HttpRequest,
  find: (path: string) => NginxFind = NGINX_IMAGE_ROOT,
  version = NGINX_VERSION,
): HttpResponse {
  const path = req.path.split('?')[0]!;
  const found = find(path);
  const head = req.method === 'HEAD';
  const common: [string, string][] = [
    ['Server', `nginx/${version}`],
    ['Date', httpDate(req.now)],
  ];
  if (found.kind !== 'file') {
    const [status, reason] =
      found.kind === 'none' ? [404, 'Not Found'] : found.kind === 'forbidden' ? [403, 'Forbidden'] : [301, 'Moved Permanently'];
    const body = nginxErrorPage(`${status} ${reason}`, version);
    const location: [string, string][] = found.kind === 'directory' ? [['Location', `http://${req.host}${path}/`]] : [];
    return {
      status,
      reason,
      headers: [
        ...common,
        ['Content-Type', 'text/html'],
        ['Content-Length', String(body.length)],
        ...location,
        ['Connection', 'keep-alive'],
      ],
      body: head ? '' : body,
      log: accessLog(req, status, head ? 0 : body.length),
    };
  }
  const size = utf8Length(found.body);
  const seconds = Math.floor(found.mtime / 1000);
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ...common,
      ['Content-Type', found.type],
      ['Content-Length', String(size)],
      ['Last-Modified', httpDate(seconds * 1000)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${seconds.toString(16)}-${size.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ],
    body: head ? '' : found.body,
    log: accessLog(req, 200, head ? 0 : size),
  };
}

/** alicek106/rr-test:echo-hostname: an nginx that answers every path with its pod's hostname */
export function echoHostnameRespond(req: HttpRequest, server: ServerIdentity): HttpResponse {
  const body = `<p>Hello,  ${server.hostname}</p>\n`;
  return nginxRespond(req, () => ({ kind: 'file', body, type: 'text/html', mtime: IMAGE_FILES_MTIME }));
}

/** traefik/whoami: the request as the container saw it */
export function whoamiRespond(req: HttpRequest, server: ServerIdentity): HttpResponse {
  // whoami prints its own lines with Fprintln, then the request as Go's Request.Write sends it:
  // CRLF lines, Host and User-Agent first, the other headers sorted, and a blank line
  const own = [
    `Hostname: ${server.hostname}`,
    ...['127.0.0.1', ...server.ips].map((ip) => `IP: ${ip}`),
    `RemoteAddr: ${req.clientIp}:${req.clientPort}`,
  ];
  const header = (name: string) => req.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  const request = [
    `${req.method} ${req.path} HTTP/1.1`,
    `Host: ${req.host}`,
    `User-Agent: ${header('user-agent') ?? 'Go-http-client/1.1'}`,
    ...req.headers
      .filter(([k]) => !['host', 'user-agent'].includes(k.toLowerCase()))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}: ${v}`),
  ];
  const body = own.map((line) => line + '\n').join('') + request.map((line) => line + '\r\n').join('') + '\r\n';
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Date', httpDate(req.now)],
      ['Content-Length', String(body.length)],
      ['Content-Type', 'text/plain; charset=utf-8'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  };
}
