import { expect, test, type Page } from '@playwright/test';

const LESSON = '/lessons/01-objects-and-kubectl/01-your-workspace/';

async function screen(page: Page): Promise<string> {
  return page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { screenText(): string }).screenText());
}

test('a page merely opened does not load the simulator; the first key does, and keeps what was typed', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
  // longer than any idle wait: nothing but a learner's presence loads the simulator
  await page.waitForTimeout(3000);
  const runtimeFetched = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('terminal-runtime')),
  );
  expect(runtimeFetched).toBe(false);
  await expect(page.locator('kube-terminal[data-live]')).not.toBeAttached();
  // the terminal has the focus from the start: these keys arrive before the simulator does
  await page.keyboard.type('echo typed-before-load\r');
  await expect.poll(() => screen(page)).toBe('learner@laptop:~$ echo typed-before-load\ntyped-before-load\nlearner@laptop:~$ ');
  await expect(page.locator('kube-terminal[data-live]')).toBeAttached();
});

test('typing echo hello in the lesson terminal prints hello', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type('echo hello');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toBe('learner@laptop:~$ echo hello\nhello\nlearner@laptop:~$ ');
});

test('an unknown command reports not found and $? is 127', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type('kubecrl get pods\recho $?\r');
  await expect
    .poll(() => screen(page))
    .toBe(
      [
        'learner@laptop:~$ kubecrl get pods',
        'bash: kubecrl: command not found',
        'learner@laptop:~$ echo $?',
        '127',
        'learner@laptop:~$ ',
      ].join('\n'),
    );
});

test('a heredoc asks for more lines with the > prompt', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
  await page.locator('kube-terminal .xterm').click();
  for (const line of ['cat <<END', 'kind: Pod', 'END']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expect
    .poll(() => screen(page))
    .toBe(['learner@laptop:~$ cat <<END', '> kind: Pod', '> END', 'kind: Pod', 'learner@laptop:~$ '].join('\n'));
});

test('kubectl in the lesson terminal talks to the simulated cluster', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type('kubectl get nodes');
  await page.keyboard.press('Enter');
  // the cluster runs in real time in the page: it is five minutes and a few seconds old
  const age = '5m(?:\\ds)?';
  await expect
    .poll(() => screen(page))
    .toMatch(
      new RegExp(
        [
          '^learner@laptop:~\\$ kubectl get nodes',
          'NAME +STATUS +ROLES +AGE +VERSION',
          `kind-control-plane +Ready +control-plane +${age} +v1\\.36\\.0`,
          `kind-worker +Ready +<none> +${age} +v1\\.36\\.0`,
          `kind-worker2 +Ready +<none> +${age} +v1\\.36\\.0`,
          'learner@laptop:~\\$ $',
        ].join('\\n'),
      ),
    );
});
