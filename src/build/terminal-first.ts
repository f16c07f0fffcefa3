// after `astro build`: the terminal's script first. Astro writes each component's module script
// where the component sits in the body, and the browser learns what a module imports only once
// that module has arrived: the terminal's first prompt then waited for the page's other scripts
// and for a chain of fetches. in every built page that hosts the terminal, this moves the
// terminal's script into the head with a modulepreload link for every module it imports
// (directly or not), so the whole terminal graph is fetched at once as soon as the head is read.
// the page's other module scripts become inert blocks that public/after-prompt.js (a deferred
// module right after the terminal's) imports once the terminal has run: they no longer compete
// with it while the page loads, and they still run if it fails.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** how a page's module scripts look in Astro's output */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;
/** the static imports of a built chunk: `from"./x.js"` and the bare `import"./x.js"` (not `import(…)`) */
const STATIC_IMPORT = /\b(?:from|import)\s*["'`](\.\/[^"'`]+)["'`]/g;
/** what marks the terminal's entry chunk */
const TERMINAL_DEFINE = /customElements\.define\(\s*["'`]kube-terminal["'`]/;
const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/;
/** the loader of the scripts that wait for the first prompt (public/after-prompt.js) */
export const AFTER_PROMPT_LOADER = '/after-prompt.js';
export const AFTER_PROMPT_TYPE = 'kubesim/after-prompt';

/** the specifiers of a chunk's static imports, in order, each once */
export function staticImports(code: string): string[] {
  return [...new Set([...code.matchAll(STATIC_IMPORT)].map((m) => m[1]!))];
}

/** every module `entry` imports directly or not (URL paths, breadth first), without `entry` itself */
export function importGraph(entry: string, read: (path: string) => string | null): string[] {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const code = read(path);
    if (code === null) continue;
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    for (const specifier of staticImports(code)) {
      const imported = dir + specifier.slice(2);
      if (seen.has(imported)) continue;
      seen.add(imported);
      queue.push(imported);
    }
  }
  return [...seen].slice(1);
}

/**
 * the page with the terminal's script first in its head and its imports preloaded, its other
 * scripts left for the after-prompt loader, or the page unchanged when it hosts no terminal. `read` gives a built file's text by its URL path (null
 * when there is none).
 */
export function terminalFirst(html: string, read: (path: string) => string | null): string {
  const scripts = [...html.matchAll(MODULE_SCRIPT)];
  const terminal = scripts.find((m) => TERMINAL_DEFINE.test(read(m[1]!) ?? ''));
  // none, or already in the head (a page rewritten before)
  if (!terminal || terminal.index < html.indexOf('</head>')) return html;
  const [tag, src] = [terminal[0], terminal[1]!];
  const preloads = importGraph(src, read).map((path) => `<link rel="modulepreload" href="${path}">`);
  const others = scripts.filter((m) => m !== terminal);
  const loader = others.length > 0 ? `<script type="module" src="${AFTER_PROMPT_LOADER}"></script>` : '';
  const head = tag + preloads.join('') + loader;
  let without = html.replace(tag, '');
  for (const [other, otherSrc] of others) {
    without = without.replace(other, `<script type="${AFTER_PROMPT_TYPE}" data-src="${otherSrc}"></script>`);
  }
  // after the CSP meta, which must come before what it governs; else at the top of the head
  const csp = CSP_META.exec(without);
  const headAt = without.indexOf('<head>');
  const at = csp ? csp.index + csp[0].length : headAt === -1 ? -1 : headAt + '<head>'.length;
  if (at === -1) return html;
  return without.slice(0, at) + head + without.slice(at);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** rewrites every built page under `dir` (the site's root); returns how many pages changed */
export async function rewriteBuiltPages(dir: string): Promise<number> {
  const cache = new Map<string, string | null>();
  const files = await htmlFiles(dir);
  // every chunk the pages' scripts reach is read once; terminalFirst looks them up after
  const scriptPaths = new Set<string>();
  const pages = await Promise.all(files.map(async (file) => ({ file, html: await readFile(file, 'utf8') })));
  for (const { html } of pages) for (const m of html.matchAll(MODULE_SCRIPT)) scriptPaths.add(m[1]!);
  const load = async (path: string): Promise<void> => {
    if (cache.has(path) || !path.startsWith('/')) return;
    const code = await readFile(join(dir, path), 'utf8').catch(() => null);
    cache.set(path, code);
    if (code === null) return;
    const base = path.slice(0, path.lastIndexOf('/') + 1);
    await Promise.all(staticImports(code).map((s) => load(base + s.slice(2))));
  };
  await Promise.all([...scriptPaths].map(load));
  const read = (path: string) => cache.get(path) ?? null;
  let changed = 0;
  for (const { file, html } of pages) {
    const rewritten = terminalFirst(html, read);
    if (rewritten === html) continue;
    await writeFile(file, rewritten);
    changed += 1;
  }
  return changed;
}
