import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { whenLive } from './live.ts';

const LESSON = '/lessons/01-objects-and-kubectl/01-your-workspace/';

async function screen(page: Page): Promise<string> {
  return page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { screenText(): string }).screenText());
}

async function run(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test('kubectl edit opens the workspace editor; saving applies the change, cancelling keeps the object', async ({ page }) => {
  test.slow(); // the simulator, the editor and axe: more than the default 30 s on a busy machine
  await page.goto(LESSON);
  await whenLive(page, 30_000);
  await page.locator('kube-terminal .xterm').click();
  await run(page, 'kubectl create deployment web --image=nginx');
  await expect.poll(() => screen(page)).toContain('deployment.apps/web created');

  await run(page, 'kubectl edit deployment web');
  const yaml = page.getByRole('textbox', { name: 'kubectl edit deployment/web: the object’s YAML' });
  await expect(yaml).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await expect(yaml.locator('.cm-line', { hasText: 'kind: Deployment' })).toBeVisible();
  const results = await new AxeBuilder({ page }).include('#pane-editor').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // change the replica count where it stands, as a learner would
  await yaml.locator('.cm-line', { hasText: /^ {2}replicas: 1$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await page.keyboard.press('Control+s');
  await expect(cancel).toBeHidden();
  await expect.poll(() => screen(page)).toContain('deployment.apps/web edited');

  await run(page, 'kubectl get deploy web -o jsonpath={.spec.replicas}');
  await expect.poll(() => screen(page)).toMatch(/jsonpath=\{\.spec\.replicas\}\n2learner@laptop/);

  await run(page, 'kubectl edit deployment web');
  await expect(cancel).toBeVisible();
  await cancel.click();
  await expect(cancel).toBeHidden();
  await expect.poll(() => screen(page)).toContain('Edit cancelled, no changes made.');
});
