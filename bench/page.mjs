// npm run bench, the page half: the lesson page as a learner's browser gets it, beside the
// budgets of issue 5. builds dist/ when it is missing or older than its sources (see
// page-server.mjs), serves it locally, and measures in Chromium. prints figures; never fails.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { bareDir, buildBarePage } from './page-bare.mjs';
import { tracedLoad } from './page-cpu.mjs';
import { lighthouseScores } from './page-lighthouse.mjs';
import { ensureBuilt, gzipSizeOf, serveDist } from './page-server.mjs';

const LESSON = '/lessons/01-objects-and-kubectl/01-your-workspace/';
const LOADS = 15;
// traced loads of each page for the CPU rows (tracing slows a load, so these are not timed)
const TRACED = 5;
const KB = 1000;
// the same browser and flags as playwright.config.ts
const chromePath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((p) => p && existsSync(p));
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const log = (message) => process.stderr.write(`[bench:page] ${message}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** a fresh profile, no cache: the page as a first-time visitor loads it */
async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}

/** navigation start → first prompt written, in ms (the page records it in globalThis.__firstPromptAt) */
async function promptOf(page, url) {
  // read once the page has loaded: a script evaluated while it loads would compete with it
  await page.goto(url, { waitUntil: 'load' });
  const handle = await page.waitForFunction(() => globalThis.__firstPromptAt, null, { timeout: 20_000 });
  return await handle.jsonValue();
}

/** the first prompt of a first-time visitor: a fresh profile, nothing cached */
async function firstPrompt(browser, url) {
  const { context, page } = await freshPage(browser);
  try {
    return await promptOf(page, url);
  } finally {
    await context.close();
  }
}

/** every script the page fetches without user input, until load and network idle, split at the first prompt */
async function scriptsBeforeInteraction(browser, url) {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => globalThis.__firstPromptAt, null, { timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const { prompt, entries } = await page.evaluate(() => ({
      prompt: globalThis.__firstPromptAt,
      entries: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
    }));
    const scripts = entries
      .filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname))
      .map((e) => ({ ...e, path: new URL(e.name).pathname, ...gzipSizeOf(e.name), beforePrompt: e.start < prompt }));
    const css = entries
      .filter((e) => new URL(e.name).pathname.endsWith('.css'))
      .map((e) => ({ path: new URL(e.name).pathname, ...gzipSizeOf(e.name) }));
    return { scripts, css };
  } finally {
    await context.close();
  }
}

const sum = (files) => files.reduce((total, f) => total + f.gzip, 0);
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (ok) => (ok === undefined ? '' : ok ? 'within' : 'MISSES');

function printTable(rows) {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|${'-'.repeat(rows[0][3].length + 2)}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main() {
  if (!ensureBuilt(log)) return;
  await buildBarePage();
  const server = await serveDist({ '/__bare/': bareDir });
  const rows = [['figure', 'measured', 'budget', 'status']];
  const notes = [];
  let browser;
  try {
    browser = await chromium.launch({ ...(chromePath ? { executablePath: chromePath } : {}), args: FLAGS });
    const lessonUrl = server.origin + LESSON;
    const cpus = availableParallelism();
    const load = loadavg()[0];
    notes.push(
      `machine: ${cpus} CPUs, load average ${load.toFixed(1)} when the timings started` +
        (load > cpus ? ' (busier than its CPUs: timings are inflated by other work)' : ''),
    );
    // one load of each first, not counted: it warms the server's file reads and the browser's process.
    // then the lesson and the xterm-only page alternate, so both meet the same machine load
    const bareUrl = server.origin + '/__bare/';
    await firstPrompt(browser, lessonUrl);
    await firstPrompt(browser, bareUrl);
    const times = [];
    const bareTimes = [];
    for (let i = 0; i < LOADS; i++) {
      times.push(await firstPrompt(browser, lessonUrl));
      bareTimes.push(await firstPrompt(browser, bareUrl));
    }
    const promptMs = median(times);
    const bareMs = median(bareTimes);
    rows.push([
      `first prompt, median of ${LOADS} fresh loads`,
      `${promptMs.toFixed(0)} ms`,
      '≤ 200 ms',
      verdict(promptMs <= 200),
    ]);
    rows.push(['  a page with only xterm, same loads (yardstick)', `${bareMs.toFixed(0)} ms`, '~140 ms', '']);
    notes.push(`first prompt, all loads (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
    notes.push(`xterm-only page, all loads (ms): ${bareTimes.map((t) => t.toFixed(0)).join(' ')}`);
    notes.push(
      'the issue set the 200 ms budget beside an xterm-only page that showed its prompt after ~140 ms on ' +
        'this machine; the yardstick row is what that page takes here now, in the same loads',
    );

    // the same comparison by work done: main-thread CPU is what the machine's load swings least
    const cpu = { lesson: [], bare: [] };
    for (let i = 0; i < TRACED; i++) {
      cpu.lesson.push(await tracedLoad(browser, freshPage, lessonUrl));
      cpu.bare.push(await tracedLoad(browser, freshPage, bareUrl));
    }
    const cpuOf = (list) => median(list.map((m) => m.cpu));
    if (cpu.lesson.every(Boolean) && cpu.bare.every(Boolean)) {
      const [lessonCpu, bareCpu] = [cpuOf(cpu.lesson), cpuOf(cpu.bare)];
      rows.push([`main-thread CPU to the first prompt, median of ${TRACED} traced loads`, `${lessonCpu.toFixed(0)} ms`, '', '']);
      rows.push(['  the xterm-only page, same traced loads', `${bareCpu.toFixed(0)} ms`, '', '']);
      const share = (list) => `${(median(list.map((m) => m.cpu / m.wall)) * 100).toFixed(0)}%`;
      notes.push(
        `main-thread CPU: the lesson does ${(lessonCpu / bareCpu).toFixed(2)}× the yardstick's work before its prompt. ` +
          `inside their tasks the main threads ran ${share(cpu.lesson)} (lesson) and ${share(cpu.bare)} (yardstick) ` +
          'of the wall time; the rest they waited for a CPU (other processes, or the host)',
      );
    } else notes.push('main-thread CPU: the traces lacked navigation start or thread times');

    const { scripts, css } = await scriptsBeforeInteraction(browser, lessonUrl);
    const before = scripts.filter((s) => s.beforePrompt);
    const after = scripts.filter((s) => !s.beforePrompt);
    const total = sum(scripts);
    rows.push(['JS before interaction (gzip)', kb(total), '≤ 200 KB', verdict(total <= 200 * KB)]);
    rows.push(['  of which up to the first prompt', kb(sum(before)), '', '']);
    rows.push(['  of which after the prompt, without input', kb(sum(after)), '', '']);
    const list = (title, files) => {
      notes.push(`${title}:`);
      for (const f of files) notes.push(`  ${kb(f.gzip).padStart(9)} gzip  ${kb(f.raw).padStart(9)} raw  ${f.path}`);
      if (files.length === 0) notes.push('  (none)');
    };
    list('JS up to the first prompt', before);
    list('JS after the first prompt, before any input (load + network idle)', after);
    list('CSS', css);
  } catch (error) {
    notes.push(`the Chromium measurements could not run: ${String(error)}`);
  } finally {
    await browser?.close();
  }

  const pages = { home: server.origin + '/', lesson: server.origin + LESSON };
  const lighthouse = process.argv.includes('--no-lighthouse')
    ? { error: 'Lighthouse skipped (--no-lighthouse)' }
    : await lighthouseScores(Object.values(pages), { chromePath, flags: FLAGS, log });
  for (const [name, url] of Object.entries(pages)) {
    const score = lighthouse.scores?.[url];
    rows.push([
      `Lighthouse performance, ${name} (mobile)`,
      score ? String(score.performance) : 'n/a',
      '≥ 95',
      score ? verdict(score.performance >= 95) : '',
    ]);
    rows.push([
      `Lighthouse accessibility, ${name} (mobile)`,
      score ? String(score.accessibility) : 'n/a',
      '100',
      score ? verdict(score.accessibility === 100) : '',
    ]);
    if (score) {
      notes.push(
        `lighthouse ${name}: FCP ${score.fcp.toFixed(0)} ms, LCP ${score.lcp.toFixed(0)} ms, TBT ${score.tbt.toFixed(0)} ms, ` +
          `CLS ${score.cls.toFixed(3)}, Speed Index ${score.si.toFixed(0)} ms` +
          (score.failedA11y.length ? `; failed accessibility audits: ${score.failedA11y.join(', ')}` : ''),
      );
    }
  }
  if (lighthouse.error) notes.push(lighthouse.error);
  await server.close();

  console.log(`\npage budgets (issue 5): ${LESSON}`);
  printTable(rows);
  console.log(`\nKB = 1,000 bytes; gzip sizes at zlib's default level. medians; Lighthouse: median of 3 runs.`);
  for (const note of notes) console.log(note);
}

try {
  await main();
} catch (error) {
  log(`stopped: ${String(error)}`);
}
