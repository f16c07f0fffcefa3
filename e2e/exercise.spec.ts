// exercise pages, a timed challenge and an assignment's hand-in, in real Chromium: a failing check
// with its diagnosis, the fix typed in the terminal, every check passing, the submission downloaded
// from the assignment page and re-graded by `kubesim grade`, which agrees with every claim
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { whenLive } from './live.ts';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function screen(page: Page): Promise<string> {
  return page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { screenText(): string }).screenText());
}

async function type(page: Page, command: string): Promise<void> {
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** collects the page's CSP violations (a blocked inline script or style shows up here) */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  return found;
}

async function noAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('.xterm').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('an exercise page: fail with a diagnosis, fix it in the terminal, pass, hand it in, re-grade it', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = cspViolations(page);
  await page.goto('/exercises/services/expose-hostname/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Expose the hostname Deployment inside the cluster');
  await whenLive(page);
  await expect(page.locator('[data-seed]')).toHaveText(/^Variant \d+$/);
  // the starting state is typed into the terminal: the Deployment and the client pod
  await expect.poll(() => screen(page), { timeout: 15_000 }).toContain('pod/client created');

  const check = page.getByRole('button', { name: 'Check my work' });
  await check.click();
  const results = page.locator('[data-results]');
  await expect(results.locator('li.fail').first()).toBeVisible();
  await expect(results.locator('li.fail .diagnosis').first()).not.toBeEmpty();
  await expect(page.locator('.exercise-page [data-status]')).toContainText('of 2 checks pass');

  await noAxeViolations(page);

  await type(page, 'kubectl expose deployment hostname --name=hostname-svc --port=8080 --target-port=80');
  await expect.poll(() => screen(page)).toContain('service/hostname-svc exposed');
  await page.waitForTimeout(1500);
  await expect(async () => {
    await check.click();
    await expect(page.locator('.exercise-page [data-status]')).toHaveText('All 2 checks pass. Well done.', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(results.locator('li.pass')).toHaveCount(2);
  // let the workspace save before leaving the page
  await page.waitForTimeout(800);
  expect(violations).toEqual([]);

  await page.goto('/assignments/services-basics/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Week 3: reaching your pods');
  await expect(page.locator('time')).toHaveText('Due 20 March 2026, 23:59 (UTC+09:00)');
  await expect(page.locator('[data-status-for="services/expose-hostname"]')).toHaveText('Passed');
  await expect(page.locator('[data-status-for="pods/first-pod"]')).toHaveText('Not started');
  await noAxeViolations(page);

  // no name: a clear message, no file
  await page.getByRole('button', { name: 'Download submission' }).click();
  await expect(page.locator('[data-submission-message]')).toContainText('Enter your name first.');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download submission' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('week-3-reaching-your-pods-ada-lovelace.kubesim.json');
  await expect(page.locator('[data-submission-message]')).toContainText('with 1 of 4 exercises');
  const dir = await mkdtemp(join(tmpdir(), 'kubesim-e2e-'));
  const file = join(dir, 'submission.json');
  await download.saveAs(file);

  const { stdout } = await run('node', ['bin/kubesim.mjs', 'grade', '--submission', file, '--format', 'json'], {
    timeout: 60_000,
  });
  const report = JSON.parse(stdout) as { exercises: { exerciseId: string; score: number; mismatches: string[] }[] };
  expect(report.exercises.map((e) => [e.exerciseId, e.score, e.mismatches])).toEqual([['services/expose-hostname', 100, []]]);
});

test('a shared assignment link opens, and a damaged one says what is wrong', async ({ page }) => {
  await page.goto('/assignments/new/');
  await page.getByLabel('Title').fill('Quiz 1');
  await page.getByLabel('Due date').fill('2026-04-01');
  await page.getByRole('checkbox', { name: /expose-hostname/ }).check();
  await page.getByRole('button', { name: 'Make the link' }).click();
  const link = await page.getByLabel('Shareable link').inputValue();
  expect(link).toMatch(/\/assignment\/\?assignment=v1\./);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz 1');
  await expect(page.locator('time')).toHaveText('Due 1 April 2026');
  await expect(page.getByRole('link', { name: 'Expose the hostname Deployment inside the cluster' })).toHaveAttribute(
    'href',
    '/exercises/services/expose-hostname/',
  );
  await noAxeViolations(page);

  await page.goto('/assignment/?assignment=v1.not-json');
  await expect(page.getByRole('alert')).toContainText('This assignment link cannot be opened.');
  await expect(page.getByRole('alert')).toContainText('damaged');
  await page.goto('/assignment/');
  await expect(page.getByText('This page shows an assignment shared as a link.')).toBeVisible();
});

test('a challenge: a name gives the variant, the clock runs, submit reveals the checks and a score', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = cspViolations(page);
  await page.goto('/exercises/nodeport/numbers-api-challenge/');
  await expect(page.getByText('timed challenge', { exact: false }).first()).toBeVisible();
  const preview = page.locator('[data-seed-preview]');
  await expect(preview).toHaveText(/^Your variant: \d+$/);
  const anonymous = await preview.textContent();
  await page.getByLabel('Your name').fill('Grace');
  await expect(preview).not.toHaveText(anonymous!);
  const seed = (await preview.textContent())!.replace('Your variant: ', '');
  await noAxeViolations(page);
  await page.getByRole('button', { name: 'Start the challenge' }).click();

  await expect(page.getByRole('timer')).toHaveText(/^Time left: (10:00|9:5\d)$/);
  await expect(page.locator('[data-seed]')).toHaveText(`Variant ${seed}`);
  await expect(page.locator('[data-hidden-count]')).toHaveText('3 more checks are hidden until you submit.');
  await whenLive(page);
  await expect.poll(() => screen(page), { timeout: 15_000 }).toContain('pod/client created');

  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.locator('.exercise-page [data-status]')).toHaveText('Score: 0/100');
  await expect(page.locator('[data-results] li')).toHaveCount(3);
  await expect(page.locator('[data-best]')).toHaveText('Best score in time: 0/100');
  await expect(page.getByRole('button', { name: 'Start a new attempt' })).toBeVisible();
  expect(violations).toEqual([]);
});
