import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('searching for a word from a lesson finds the lesson and follows it', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('search').getByRole('searchbox', { name: 'Search the lessons' });
  await box.fill('heredoc');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=heredoc$/);
  const result = page.locator('.search-result').filter({ has: page.getByRole('link', { name: 'Your workspace' }) });
  await expect(result).toHaveCount(1);
  await expect(result.locator('mark').first()).toHaveText(/heredoc/i);
  await expect(page.getByRole('status')).toHaveText(/1 lesson matches “heredoc”/);
  await result.getByRole('link', { name: 'Your workspace' }).click();
  await expect(page).toHaveURL(/\/lessons\/01-objects-and-kubectl\/01-your-workspace\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your workspace' })).toBeVisible();
});

test('a word no lesson uses says so', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: 'Search the lessons' });
  await expect(page.locator('kube-search[data-ready]')).toBeAttached();
  await box.fill('zyxwvutsrq');
  await expect(page.getByRole('status')).toHaveText('No lessons match “zyxwvutsrq”. Try a shorter or different word.');
  await expect(page.locator('.search-result')).toHaveCount(0);
  await expect(page).toHaveURL(/\?q=zyxwvutsrq$/);
});

test('a query with markup in it is shown as text', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.locator('kube-search[data-ready]')).toBeAttached();
  const query = '<img src=x onerror=alert(1)> $&';
  await page.getByRole('searchbox', { name: 'Search the lessons' }).fill(query);
  await expect(page.getByRole('status')).toContainText(`“${query}”`);
  await expect(page.locator('kube-search img')).toHaveCount(0);
});

test('once the search page has loaded, search works offline', async ({ page, context }) => {
  await page.goto('/search/');
  await expect(page.locator('kube-search[data-offline]')).toBeAttached();
  await context.setOffline(true);
  const box = page.getByRole('searchbox', { name: 'Search the lessons' });
  await box.fill('heredoc');
  await expect(page.getByRole('link', { name: 'Your workspace' })).toBeVisible();
  await box.fill('namespace');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/match “namespace”/);
});

test('only the lesson prose is indexed, not the workspace beside it', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.locator('kube-search[data-ready]')).toBeAttached();
  const content = await page.evaluate(async () => {
    const url = '/pagefind/pagefind.js';
    const pagefind = await import(/* @vite-ignore */ url);
    const found = await pagefind.search('terminal');
    const data = await found.results[0].data();
    return data.content as string;
  });
  expect(content).toContain('Every lesson in this course has a terminal on the right.');
  for (const workspaceText of ['Starting the terminal', 'Starting the cluster', 'Loading the editor', 'Course map']) {
    expect(content).not.toContain(workspaceText);
  }
});

test('the search page with results has no axe violations', async ({ page }) => {
  await page.goto('/search/?q=kubectl');
  await expect(page.locator('.search-result').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
