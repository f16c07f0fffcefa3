import { expect, type Page } from '@playwright/test';

/**
 * the simulator loads when a learner shows they are there (or at once for saved work): the
 * pointer moves over the page, as a learner's would, and the terminal goes live
 */
export async function whenLive(page: Page, timeout?: number): Promise<void> {
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await expect(page.locator('kube-terminal[data-live]')).toBeAttached(timeout === undefined ? {} : { timeout });
}
