import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const LESSON = '/lessons/01-objects-and-kubectl/01-your-workspace/';

async function screen(page: Page): Promise<string> {
  return page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { screenText(): string }).screenText());
}

async function run(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test('kubectl edit opens the page editor; saving applies the change, cancelling keeps the object', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
  await page.locator('kube-terminal .xterm').click();
  await run(page, 'kubectl create deployment web --image=nginx');
  await expect.poll(() => screen(page)).toContain('deployment.apps/web created');

  await run(page, 'kubectl edit deployment web');
  const dialog = page.getByRole('dialog', { name: 'Editing' });
  await expect(dialog).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.edit-dialog').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const yaml = page.getByRole('textbox', { name: /YAML of/ });
  const text = await yaml.inputValue();
  expect(text).toContain('kind: Deployment');
  await yaml.fill(text.replace(/^ {2}replicas: 1$/m, '  replicas: 2'));
  await page.keyboard.press('Control+s');
  await expect(dialog).toBeHidden();
  await expect.poll(() => screen(page)).toContain('deployment.apps/web edited');

  await run(page, 'kubectl get deploy web -o jsonpath={.spec.replicas}');
  await expect.poll(() => screen(page)).toMatch(/jsonpath=\{\.spec\.replicas\}\n2learner@laptop/);

  await run(page, 'kubectl edit deployment web');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => screen(page)).toContain('Edit cancelled, no changes made.');
});
