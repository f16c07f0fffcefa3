import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { whenLive } from './live.ts';

const LESSON = '/lessons/01-objects-and-kubectl/01-your-workspace/';

// pods start in real time here, and axe walks a large live page: more than the default 30 s on a busy machine
test.describe.configure({ timeout: 90_000 });
// the simulator's chunk and pod starts take their time on a loaded machine
const SLOW = { timeout: 20_000 };

async function run(page: Page, command: string): Promise<void> {
  await page.locator('kube-terminal .xterm').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#pane-cluster').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the cluster panel shows a Deployment’s pods reach Running, then its Service’s endpoints', async ({ page }) => {
  await page.goto(LESSON);
  await whenLive(page, SLOW.timeout);
  const panel = page.locator('#pane-cluster');
  await expect(panel.getByRole('heading', { name: 'Nodes' })).toBeVisible();
  // the learner's namespaces start empty: three nodes, no pods, the control plane tainted
  await expect(panel.getByRole('group', { name: 'kind-control-plane Ready' })).toContainText(
    'taint node-role.kubernetes.io/control-plane:NoSchedule',
  );
  await expect(panel.locator('[data-pod]')).toHaveCount(0);

  await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
  const web = panel.locator('[data-pod^="default/web-"]');
  await expect(web).toHaveCount(2);
  await expect(panel.locator('[data-pod^="default/web-"][data-status="Running"]')).toHaveCount(2, SLOW);
  await expect(web.first()).toContainText('ReplicaSet/web-');
  await expect(
    panel
      .getByRole('list', { name: /^Pods on kind-worker/ })
      .first()
      .getByRole('listitem')
      .first(),
  ).toContainText('Running');
  await expect(panel.getByRole('status')).toContainText('Running');

  await run(page, 'kubectl expose deployment web --port=80');
  const service = panel.getByRole('group', { name: 'web', exact: true });
  await expect(service.getByRole('list', { name: 'Endpoints of web' }).getByRole('listitem')).toHaveCount(2);
  await expect(service.locator('[data-endpoint][data-ready]')).toHaveCount(2);
  await expect(service).toContainText('selector app=web');
  // announcements made close together are read as one: the second pod's Running may come first
  await expect(panel.getByRole('status')).toHaveText(/(^|\. )Service web: 2 endpoints$/);

  expect(await axeViolations(page)).toEqual([]);
});

test('the cluster panel shows the path of the last request', async ({ page }) => {
  await page.goto(LESSON);
  await whenLive(page, SLOW.timeout);
  const panel = page.locator('#pane-cluster');
  await expect(panel.getByRole('region', { name: 'Last request' })).toContainText('No request yet');
  await run(
    page,
    'kubectl create deployment web --image=nginx && kubectl expose deployment web --port=80 && kubectl run client --image=curlimages/curl -- sleep 3600',
  );
  await expect(panel.locator('[data-pod="default/client"][data-status="Running"]')).toHaveCount(1, SLOW);
  await expect(panel.locator('[data-pod^="default/web-"][data-status="Running"]')).toHaveCount(1, SLOW);
  await run(page, 'kubectl exec client -- curl -s -o /dev/null web');
  const request = panel.getByRole('region', { name: 'Last request' });
  await expect(request).toContainText('pod default/client → web:80');
  await expect(request).toContainText('connected');
  const webPod = (await panel.locator('[data-pod^="default/web-"]').getAttribute('data-pod'))!;
  const steps = await request.getByRole('listitem').allTextContents();
  expect(steps[0]).toBe('pod default/client');
  expect(steps[1]).toMatch(/^DNS web → 10\.\d+\.\d+\.\d+$/);
  expect(steps[2]).toMatch(/^Service default\/web \(10\.\d+\.\d+\.\d+:80\)$/);
  expect(steps[3]).toMatch(/^kube-proxy on kind-worker2? picked 10\.244\.\d+\.\d+:80 out of 1$/);
  expect(steps.at(-1)).toMatch(new RegExp(`^pod ${webPod} \\(10\\.244\\.\\d+\\.\\d+:80\\)$`));
});

test('the cluster panel has no axe violations in the dark theme, with the system pods shown', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(LESSON);
  await whenLive(page, SLOW.timeout);
  const panel = page.locator('#pane-cluster');
  await panel.getByRole('checkbox', { name: 'Show system pods' }).check();
  await expect(panel.locator('[data-pod^="kube-system/kube-proxy-"]')).toHaveCount(3);
  await expect(panel.getByText('DaemonSet/kube-proxy').first()).toBeVisible();
  await run(page, 'kubectl run typo --image=ngnix');
  await expect(panel.locator('[data-pod="default/typo"][data-status*="ImagePull"]')).toHaveCount(1, SLOW);
  expect(await axeViolations(page)).toEqual([]);
});
