// every page carries a strict CSP, and nothing the site does at run time breaks it: the
// terminal (xterm), the cluster panel, the editor (CodeMirror) and search (Pagefind's wasm)
import { expect, test, type Page } from '@playwright/test';
import { whenLive } from './live.ts';

const LESSON = '/lessons/01-objects-and-kubectl/01-your-workspace/';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** records CSP violations and console errors from the moment the page starts */
async function watch(page: Page): Promise<{ problems: () => Promise<string[]> }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  return {
    problems: async () => {
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
      return [...violations.map((v) => `csp: ${v.directive} blocked ${v.blocked || v.sample} (${v.source})`), ...consoleErrors];
    },
  };
}

async function cspOf(page: Page): Promise<string> {
  const meta = page.locator('meta[http-equiv="content-security-policy"]');
  await expect(meta).toHaveCount(1);
  return (await meta.getAttribute('content')) ?? '';
}

function directive(csp: string, name: string): string {
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.split(/\s+/)[0] === name) ?? ''
  );
}

function expectStrict(csp: string): void {
  const scripts = directive(csp, 'script-src');
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(directive(csp, 'default-src')).toBe("default-src 'self'");
  expect(directive(csp, 'object-src')).toBe("object-src 'none'");
  expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
}

test('the home page has a strict CSP and breaks none of it', async ({ page }) => {
  const watcher = await watch(page);
  await page.goto('/');
  expectStrict(await cspOf(page));
  await page.waitForLoadState('networkidle');
  expect(await watcher.problems()).toEqual([]);
});

test('a lesson page runs the terminal, the editor and the cluster panel within its CSP', async ({ page }) => {
  const watcher = await watch(page);
  await page.goto(LESSON);
  const csp = await cspOf(page);
  expectStrict(csp);
  expect(directive(csp, 'script-src')).not.toContain("'wasm-unsafe-eval'");
  await whenLive(page, 15_000);
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type('kubectl get nodes\r');
  await expect
    .poll(() => page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { screenText(): string }).screenText()))
    .toContain('kind-control-plane');
  const editorTab = page.getByRole('tab', { name: 'Editor' });
  if ((await editorTab.count()) > 0) {
    await editorTab.click();
    await expect(page.locator('[data-pane-name="editor"] .pane-loading')).toHaveCount(0, { timeout: 15_000 });
  }
  const clusterTab = page.getByRole('tab', { name: 'Cluster' });
  if ((await clusterTab.count()) > 0) {
    await clusterTab.click();
    await expect(page.locator('[data-pane-name="cluster"] .pane-loading')).toHaveCount(0, { timeout: 15_000 });
  }
  await page.waitForLoadState('networkidle');
  expect(await watcher.problems()).toEqual([]);
});

test('the search page runs Pagefind within its CSP', async ({ page }) => {
  const watcher = await watch(page);
  await page.goto('/search/?q=kubectl');
  const csp = await cspOf(page);
  expectStrict(csp);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await watcher.problems()).toEqual([]);
});

test('Pagefind on the main thread (no Worker) also runs within the search page CSP', async ({ page }) => {
  // Pagefind compiles its wasm in a worker when it can; without one it does so on the page,
  // which is what 'wasm-unsafe-eval' on the search page is for
  await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
  const watcher = await watch(page);
  await page.goto('/search/?q=kubectl');
  expect(directive(await cspOf(page), 'script-src')).toContain("'wasm-unsafe-eval'");
  await expect(page.locator('.search-result').first()).toBeVisible();
  expect(await watcher.problems()).toEqual([]);
});
