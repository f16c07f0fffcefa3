// the small world outside the cluster: a few hosts on the internet with public DNS names and a
// web server each. they use addresses from the documentation ranges (RFC 5737), so nothing here
// can be mistaken for a real machine. each server does name-based virtual hosting, as shared
// hosting does: it answers for its own name and gives a 404 to any other Host header — which
// is exactly what an ExternalName alias runs into.

import { httpDate, type HttpRequest, type HttpResponse } from '../images/http.ts';

export interface ExternalHost {
  /** the public DNS name */
  name: string;
  ip: string;
  /** TCP ports that accept connections (80 serves HTTP; others accept and then speak no HTTP) */
  ports: number[];
  /** the site's page for its own name */
  page: (req: HttpRequest) => { contentType: string; body: string };
}

const SERVER = 'nginx/1.27.4';

export const EXTERNAL_HOSTS: readonly ExternalHost[] = [
  {
    name: 'my.database.com',
    ip: '203.0.113.10',
    ports: [80, 5432],
    page: () => ({
      contentType: 'application/json',
      body: '{"service":"my.database.com","status":"ok","engine":"postgres","version":"16.4"}\n',
    }),
  },
  {
    name: 'api.example.com',
    ip: '203.0.113.20',
    ports: [80],
    page: (req) => ({
      contentType: 'application/json',
      body: `{"api":"api.example.com","path":"${req.path.split('?')[0]}","ok":true}\n`,
    }),
  },
  {
    name: 'www.example.com',
    ip: '203.0.113.30',
    ports: [80],
    page: () => ({
      contentType: 'text/html',
      body: '<!doctype html>\n<html><head><title>Example Domain</title></head>\n<body><h1>Example Domain</h1></body></html>\n',
    }),
  },
];

export function externalHostByName(name: string): ExternalHost | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  return EXTERNAL_HOSTS.find((h) => h.name === wanted);
}

export function externalHostByIp(ip: string): ExternalHost | undefined {
  return EXTERNAL_HOSTS.find((h) => h.ip === ip);
}

/** the Host header without a port, lower case */
function hostName(host: string): string {
  return host.replace(/:\d+$/, '').toLowerCase();
}

/** the host's web server: its own site for its own name (or its bare IP), a 404 for any other name */
export function externalRespond(host: ExternalHost, req: HttpRequest): HttpResponse {
  const asked = hostName(req.host);
  const head = req.method === 'HEAD';
  if (asked === host.name || asked === host.ip) {
    const page = host.page(req);
    return {
      status: 200,
      reason: 'OK',
      headers: [
        ['Server', SERVER],
        ['Date', httpDate(req.now)],
        ['Content-Type', page.contentType],
        ['Content-Length', String(page.body.length)],
        ['Connection', 'keep-alive'],
      ],
      body: head ? '' : page.body,
    };
  }
  const body = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${SERVER}</center>\r\n</body>\r\n</html>\r\n`;
  return {
    status: 404,
    reason: 'Not Found',
    headers: [
      ['Server', SERVER],
      ['Date', httpDate(req.now)],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(body.length)],
      ['Connection', 'keep-alive'],
    ],
    body: head ? '' : body,
  };
}

/** the learner's machine and kind's nodes resolve public names only: cluster.local is CoreDNS's, inside pods */
export function outsideResolver(host: string): { ok: true; addresses: string[]; cnames: string[] } | { ok: false } {
  const found = externalHostByName(host);
  return found ? { ok: true, addresses: [found.ip], cnames: [] } : { ok: false };
}
