// lint: typescript-eslint everywhere; the simulator and the terminal core stay DOM-, Astro- and xterm-free
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const forbiddenInCore = {
  patterns: [
    {
      group: ['@xterm/*', 'xterm', 'xterm-*'],
      message:
        'the DOM-free core (src/sim, src/terminal, src/workspace, src/grading) must not import xterm; only the terminal adapter does.',
    },
    { group: ['astro', 'astro:*', 'astro/*', '@astrojs/*'], message: 'the DOM-free core must not import Astro.' },
    {
      group: ['**/components/**', '**/layouts/**', '**/pages/**'],
      message: 'the DOM-free core must not import site code.',
    },
  ],
};

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'customElements',
  'requestAnimationFrame',
  'process',
  'require',
];

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/components/**/*.ts', 'e2e/**/*.ts', 'public/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // the core runs in the browser, in Node tests and in the CLI: no DOM globals, no UI imports
    // (the grader and the workspace's storage and views are core too: the CLI re-grades with them)
    files: ['src/sim/**/*.ts', 'src/terminal/**/*.ts', 'src/workspace/**/*.ts', 'src/grading/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', forbiddenInCore],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({
          name,
          message:
            'the core (src/sim, src/terminal, src/workspace, src/grading) is DOM-free and runtime-neutral; pass what you need in.',
        })),
      ],
    },
  },
);
