// @ts-check
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { rewriteBuiltPages } from './src/build/terminal-first.ts';

/**
 * indexes the built site with Pagefind right after `astro build`, so every flow that builds
 * (npm run build, npm test, the bench) gets dist/pagefind without an extra command. only pages
 * marked `data-pagefind-body` (the lesson prose) are indexed.
 * @returns {import('astro').AstroIntegration}
 */
function pagefindIndex() {
  return {
    name: 'kubesim:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({
            forceLanguage: 'en',
            // controls inside the prose (Run, Open in editor, a step's To do/Done) are not prose
            excludeSelectors: ['button', '.step-state'],
          });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`search index: ${added.page_count} pages in ${written.outputPath}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * puts the terminal's script first in the head of every built page that hosts it, with its
 * imports preloaded, and leaves the page's other scripts to public/after-prompt.js
 * (src/build/terminal-first.ts): the first prompt waits for nothing else
 * @returns {import('astro').AstroIntegration}
 */
function terminalFirst() {
  return {
    name: 'kubesim:terminal-first',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const changed = await rewriteBuiltPages(fileURLToPath(dir));
        logger.info(`terminal script first, the other scripts after its prompt: ${changed} pages`);
      },
    },
  };
}

export default defineConfig({
  site: 'https://kubesim.dev',
  trailingSlash: 'ignore',
  integrations: [
    mdx(),
    // the 404 page and the search page are not destinations for crawlers
    sitemap({ filter: (page) => !/\/(404|search)\/?$/.test(new URL(page).pathname) }),
    terminalFirst(),
    pagefindIndex(),
  ],
  markdown: {
    // Prism marks tokens with classes (styled in src/styles/code-highlight.css); Shiki writes
    // inline style attributes, which the CSP below does not allow
    syntaxHighlight: 'prism',
  },
  security: {
    // a CSP meta on every page: Astro adds hashes for the scripts and styles it emits, and
    // nothing allows inline scripts or eval. per page on top of this: the search page allows
    // WebAssembly compilation for Pagefind (src/pages/search.astro), and the lesson pages allow
    // inline <style> elements for xterm (src/layouts/Base.astro).
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // Pagefind searches in a worker it loads from /pagefind/
        "worker-src 'self'",
      ],
    },
  },
  build: {
    // the pages' CSS is small (a few KB): inlined, it costs no render-blocking request, which
    // both the first paint and the terminal's first prompt would wait for
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  server: { port: 4321, host: true },
  vite: {
    build: { chunkSizeWarningLimit: 700 },
  },
});
