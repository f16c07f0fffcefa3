// the built site for the page bench: builds dist/ when it is missing or older than its sources,
// and serves it on localhost with correct content types and gzip, as a static host would
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
export const dist = join(root, 'dist');

/** what the built site is made from: a change to any of them makes dist/ stale */
const SOURCES = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** builds the site unless dist/ (with its search index) is newer than every source file */
export function ensureBuilt(log) {
  const stamp = join(dist, 'index.html');
  const built = existsSync(stamp) && existsSync(join(dist, 'pagefind')) ? statSync(stamp).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))));
  if (built > sources) {
    log('dist/ is newer than src/, content/ and public/: using it as built');
    return true;
  }
  log(built ? 'dist/ is older than its sources: building the site' : 'dist/ is missing: building the site');
  // the Node that runs the bench (npm run puts the project's Node 24 first on PATH)
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    log(`astro build failed (exit ${result.status ?? result.signal}):\n${(result.stdout + result.stderr).slice(-3000)}`);
    return false;
  }
  return true;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml']);

/** the file a URL path names under `base` (dist/ unless told), or null */
function fileFor(pathname, base = dist) {
  let path = join(base, decodeURIComponent(pathname));
  if (path !== base && !path.startsWith(base + sep)) return null;
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  else if (!existsSync(path) && !extname(path)) path = join(path, 'index.html');
  return existsSync(path) ? path : null;
}

/** the file a URL path names: under a mount's directory when it starts with the mount's prefix, else in dist/ */
function resolveFile(pathname, mounts) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (pathname.startsWith(prefix)) return fileFor(pathname.slice(prefix.length - 1), dir);
  }
  return fileFor(pathname);
}

/**
 * serves dist/ on a free localhost port (and each of `mounts`, a URL prefix → directory);
 * resolves with its origin and a close function
 */
export function serveDist(mounts = {}) {
  const gzipped = new Map();
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveFile(pathname, mounts);
    const path = file ?? join(dist, '404.html');
    const ext = extname(path);
    let body = readFileSync(path);
    // as static hosts serve a built Astro site: the hashed assets under /_astro/ never change, pages
    // do (the bench's xterm-only page gets the same treatment for its one script)
    const immutable = pathname.startsWith('/_astro/') || (pathname.startsWith('/__bare/') && ext === '.js');
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      if (!gzipped.has(path)) gzipped.set(path, gzipSync(body));
      body = gzipped.get(path);
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
    }
    response.writeHead(file ? 200 : 404, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolvePromise({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** the gzip size (zlib's default level, as most static hosts use) of the built file a URL names */
export function gzipSizeOf(url) {
  const file = fileFor(new URL(url).pathname);
  if (!file) return { raw: 0, gzip: 0 };
  const body = readFileSync(file);
  return { raw: body.length, gzip: gzipSync(body).length };
}
