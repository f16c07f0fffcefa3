import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { whenLive } from './live.ts';

const LESSON = '/lessons/01-objects-and-kubectl/01-your-workspace/';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

async function screen(page: Page): Promise<string> {
  return page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { screenText(): string }).screenText());
}

async function run(page: Page, command: string): Promise<void> {
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test('a manifest written in the editor is checked as typed, then applied in the terminal', async ({ page }) => {
  test.slow(); // the simulator, the editor and axe: more than the default 30 s on a busy machine
  await page.goto(LESSON);
  await whenLive(page, 30_000);
  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.getByRole('button', { name: 'New file' }).click();
  const name = page.getByRole('textbox', { name: 'Name of the new file' });
  await name.fill('../web.yaml');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Use letters, digits, dots, dashes and underscores')).toBeVisible();
  await name.fill('web.yaml');
  await page.getByRole('button', { name: 'Create' }).click();

  const content = page.getByRole('textbox', { name: 'Editing web.yaml' });
  await expect(content).toBeFocused();
  // inserted whole, so the editor's auto-indent does not shift the lines
  await page.keyboard.insertText(POD.replace('containers:', 'contianers:'));
  const title = page.locator('.editor-title');
  await expect(title).toHaveText('web.yaml (modified)');
  await expect(content.locator('.cm-lintRange-error')).toHaveText('contianers:');
  await page.keyboard.press('Control+Shift+KeyM');
  await expect(page.locator('.cm-panel-lint')).toContainText(
    'Error from server (BadRequest): error when creating "web.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.contianers"',
  );
  const results = await new AxeBuilder({ page }).include('#pane-editor').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await content.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(POD);
  await expect(content.locator('.cm-lintRange-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => screen(page)).toContain('$ kubectl apply -f web.yaml\npod/web created');
  await expect(title).toHaveText('web.yaml');

  await run(page, 'cat web.yaml');
  await expect.poll(() => screen(page)).toContain(`$ cat web.yaml\n${POD}learner@laptop`);
});

test('vi opens a file in the editor; the editor follows what the shell writes', async ({ page }) => {
  test.slow(); // the simulator, the editor and axe: more than the default 30 s on a busy machine
  await page.goto(LESSON);
  await whenLive(page, 30_000);
  await run(page, 'echo "kind: Pod" > web.yaml');
  await run(page, 'vi web.yaml');
  const content = page.getByRole('textbox', { name: 'Editing web.yaml' });
  await expect(content).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
  await expect(content).toHaveText('kind: Pod');

  await run(page, 'echo "metadata: {}" >> web.yaml');
  await expect(content).toContainText('metadata: {}');

  await run(page, 'vi svc.yaml');
  await expect(page.getByRole('textbox', { name: 'Editing svc.yaml' })).toBeVisible();
  await expect(page.getByLabel('File', { exact: true })).toHaveValue('/home/learner/svc.yaml');
  await run(page, 'ls');
  await expect.poll(() => screen(page)).toContain('$ ls\nsvc.yaml  web.yaml');
});

test.describe('in the dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('the editor and its diagnostics stay readable', async ({ page }) => {
    test.slow();
    await page.goto(LESSON);
    await whenLive(page, 30_000);
    await run(page, `echo '# a Pod' > web.yaml`);
    await run(page, 'vi web.yaml');
    const content = page.getByRole('textbox', { name: 'Editing web.yaml' });
    await expect(content).toBeFocused();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(POD.replace('  name: web', '  name: Web'));
    await expect(content.locator('.cm-lintRange-error')).toHaveText('name: Web');
    await page.keyboard.press('Control+Shift+KeyM');
    await expect(page.locator('.cm-panel-lint')).toContainText('The Pod "Web" is invalid: metadata.name: Invalid value: "Web"');
    const results = await new AxeBuilder({ page }).include('#pane-editor').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
