// the page bench's CPU view of the first prompt. on a shared machine the wall-clock figure swings
// with what else runs (the renderer's main thread may get a third of the wall time while it
// works); the thread time Chromium records for the main thread's tasks swings far less, so it
// compares the lesson with the xterm-only yardstick by the work each one does before its prompt.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// navigationStart (blink.user_timing) and every task the main thread runs (toplevel), with their
// thread times; thread names come with the trace's metadata
const CATEGORIES = ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'];
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * the renderer main thread's CPU from navigation start to the first prompt: the thread time of its
 * outermost tasks, a task that straddles the prompt counted whole. null when the trace lacks it
 */
export function mainThreadCpu(traceEvents, promptMs) {
  const nav = traceEvents
    .filter((e) => e.name === 'navigationStart' && /^https?:/.test(e.args?.data?.documentLoaderURL ?? ''))
    .pop();
  if (!nav) return null;
  const names = new Map();
  for (const e of traceEvents) if (e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args.name);
  const end = nav.ts + promptMs * 1000;
  const tasks = traceEvents
    .filter(
      (e) =>
        e.ph === 'X' &&
        TASKS.has(e.name) &&
        e.pid === nav.pid &&
        names.get(`${e.pid}/${e.tid}`) === 'CrRendererMain' &&
        e.ts >= nav.ts &&
        e.ts < end &&
        e.tdur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let until = -Infinity;
  let cpu = 0;
  let wall = 0;
  for (const task of tasks) {
    if (task.ts < until) continue; // nested in the task before it
    cpu += task.tdur;
    wall += task.dur;
    until = task.ts + task.dur;
  }
  return { cpu: cpu / 1000, wall: wall / 1000 };
}

/** one fresh load of url with Chromium tracing on: its first prompt (wall) and main-thread CPU */
export async function tracedLoad(browser, freshPage, url) {
  const { context, page } = await freshPage(browser);
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-trace-'));
  const path = join(dir, 'trace.json');
  try {
    await page.goto('about:blank');
    await browser.startTracing(page, { path, categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => globalThis.__firstPromptAt, null, { timeout: 20_000 });
    const prompt = await handle.jsonValue();
    await browser.stopTracing();
    const measured = mainThreadCpu(JSON.parse(readFileSync(path, 'utf8')).traceEvents ?? [], prompt);
    return measured && { prompt, ...measured };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
