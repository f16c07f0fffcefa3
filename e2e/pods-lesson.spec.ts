// the Pods lesson from start to finish, in real Chromium: steps run by click and by typing, the
// editor applies a manifest, the pod shows Running in the terminal and the cluster panel, the
// quiz is answered, and a reload brings files, cluster, history and progress back
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { whenLive } from './live.ts';

const LESSON = '/lessons/02-pods/01-pods/';

async function screen(page: Page): Promise<string> {
  return page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { screenText(): string }).screenText());
}

async function type(page: Page, command: string): Promise<void> {
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`);

test('the Pods lesson: run, edit, apply, inspect, quiz, reload and find everything kept', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  await whenLive(page);

  // the manifest block opens the file in the editor; Apply runs kubectl apply visibly in the terminal
  await page.getByRole('button', { name: 'Open in editor: nginx-pod.yaml' }).click();
  const editorPane = page.locator('#pane-editor');
  await expect(editorPane).toBeVisible();
  await expect(editorPane.locator('.cm-content')).toContainText('name: nginx');
  await editorPane.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect.poll(() => screen(page)).toContain('learner@laptop:~$ kubectl apply -f nginx-pod.yaml\npod/nginx created');
  await expect(step(page, 'create')).toHaveAttribute('data-done', '');

  // the pod reaches Running: the step ticks itself, the cluster panel and kubectl agree
  await expect(step(page, 'get')).toHaveAttribute('data-done', '', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect(page.locator('#pane-cluster')).toContainText('nginx');
  await expect(page.locator('#pane-cluster')).toContainText('Running');
  await page.getByRole('button', { name: 'Run in the terminal: kubectl get pods', exact: true }).click();
  await expect.poll(() => screen(page)).toMatch(/nginx {3}1\/1 {5}Running {3}0 {10}\d+s/);

  // typed by hand, not clicked: the describe step still ticks
  await type(page, 'kubectl describe pod nginx');
  await expect.poll(() => screen(page)).toContain('Started container nginx');
  await expect(step(page, 'describe')).toHaveAttribute('data-done', '');

  // a quiz answer is checked and explained
  const quiz = page.locator('form[data-quiz="shared-network"]');
  await quiz.getByLabel('The second one fails to bind', { exact: false }).check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.locator('.quiz-verdict')).toHaveText('Correct.');
  const short = page.locator('form[data-quiz="sidecar-address"]');
  await short.getByLabel('Your answer').fill('nginx');
  await short.getByRole('button', { name: 'Check answer' }).click();
  await expect(short.locator('.quiz-verdict')).toHaveText('Not quite.');

  // axe on the lesson with the workspace running
  const results = await new AxeBuilder({ page }).exclude('.xterm').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  // reload: the cluster, the files, the history and the progress are as they were
  await page.waitForTimeout(600);
  await page.reload();
  await whenLive(page);
  await expect(page.getByRole('status').filter({ hasText: 'Welcome back' })).toBeVisible();
  await expect.poll(() => screen(page)).toContain('learner@laptop:~$ kubectl describe pod nginx');
  await expect(step(page, 'create')).toHaveAttribute('data-done', '');
  await expect(step(page, 'describe')).toHaveAttribute('data-done', '');
  await expect(quiz.locator('.quiz-verdict')).toHaveText('Correct.');
  await expect(short.getByLabel('Your answer')).toHaveValue('nginx');
  // history: Up brings back the last command typed before the reload
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => screen(page)).toMatch(/\$ kubectl describe pod nginx$/);
  await page.keyboard.press('Control+U');
  await type(page, 'clear');
  await type(page, 'kubectl get pods nginx --no-headers | wc -l');
  await type(page, 'head -3 nginx-pod.yaml');
  await expect
    .poll(() => screen(page))
    .toContain('1\nlearner@laptop:~$ head -3 nginx-pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:');
});

test('corrupt saved progress is set aside with a notice and the lesson still works', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kubesim:progress', '{not json');
      localStorage.setItem('kubesim:lesson:02-pods/01-pods', JSON.stringify({ v: 99, something: 'else' }));
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(LESSON);
  await whenLive(page);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read and was set aside' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'another version of the course' })).toBeVisible();
  await type(page, 'echo still working');
  await expect.poll(() => screen(page)).toContain('still working\nlearner@laptop:~$ ');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kubesim:quarantine:')).length);
  expect(kept).toBe(2);
});

test('export then import brings progress back into an emptied browser', async ({ page }) => {
  await page.goto(LESSON);
  await whenLive(page);
  await type(page, 'echo "kept: yes" > note.txt');
  const quiz = page.locator('form[data-quiz="shared-network"]');
  await quiz.getByLabel('The second one fails to bind', { exact: false }).check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await page.waitForTimeout(600);

  await page.getByText('Progress', { exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kubesim-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await whenLive(page);
  await expect(quiz.locator('.quiz-verdict')).toHaveText('');

  await page.getByText('Progress', { exact: true }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import progress…' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await (await choosing).setFiles(file);
  await expect(page.getByRole('status').filter({ hasText: /Imported \d+ entries/ })).toBeVisible();
  await page.reload();
  await whenLive(page);
  await expect(quiz.locator('.quiz-verdict')).toHaveText('Correct.');
  await type(page, 'cat note.txt');
  await expect.poll(() => screen(page)).toContain('$ cat note.txt\nkept: yes\n');
});

test('two tabs on one lesson: the one left behind is told, and does not save over the other', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(LESSON);
    await page.locator('kube-terminal .xterm').click();
    await whenLive(page);
  }
  await type(first, 'echo "from the first tab" > first.txt');
  await expect(second.getByRole('alert').filter({ hasText: 'This lesson was changed in another tab' })).toBeVisible();
  // work in the stale tab is not saved over the other tab's
  await type(second, 'echo "from the second tab" > second.txt');
  await second.waitForTimeout(800);
  const saved = await first.evaluate(() => localStorage.getItem('kubesim:lesson:02-pods/01-pods') ?? '');
  expect(saved).toContain('first.txt');
  expect(saved).not.toContain('second.txt');
});
