// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://kubesim.dev',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  devToolbar: { enabled: false },
  server: { port: 4321, host: true },
  vite: {
    build: { chunkSizeWarningLimit: 700 },
  },
});
