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

type Sizes = Record<'opened' | 'now' | 'fitted', { cols: number; rows: number }>;
const sizesOf = (page: Page) =>
  page.locator('kube-terminal').evaluate((el) => (el as HTMLElement & { sizes(): Sizes | null }).sizes());

for (const [width, height, deviceScaleFactor] of [
  [1280, 720, 1],
  [1000, 700, 2],
  [1366, 768, 1.5],
  [800, 1000, 1],
] as const) {
  test(`at ${width}×${height} (device pixels ${deviceScaleFactor}×) the terminal opens at the size that fills its pane`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
    const page = await context.newPage();
    await page.goto(LESSON);
    await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
    // xterm is given its size before it opens, so that it draws its rows once: at the size fitting chooses
    const sizes = await sizesOf(page);
    expect(sizes?.opened).toEqual(sizes?.fitted);
    expect(sizes?.now).toEqual(sizes?.fitted);
    expect(sizes?.now.cols).toBeGreaterThan(40);
    await context.close();
  });
}

test('the terminal follows the page when it is resized, and the prompt reflows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(LESSON);
  await expect(page.locator('kube-terminal[data-ready]')).toBeVisible();
  const before = (await sizesOf(page))?.now;
  await page.setViewportSize({ width: 1000, height: 600 });
  await expect.poll(async () => (await sizesOf(page))?.now.cols).toBeLessThan(before?.cols ?? 0);
  const after = await sizesOf(page);
  expect(after?.now).toEqual(after?.fitted);
  expect(after?.now.rows).toBeLessThan(before?.rows ?? 0);
  await page.keyboard.type('echo still here');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toBe('learner@laptop:~$ echo still here\nstill here\nlearner@laptop:~$ ');
});
