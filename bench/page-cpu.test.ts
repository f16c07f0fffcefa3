import { describe, expect, it } from 'vitest';
import { mainThreadCpu } from './page-cpu.mjs';

const RENDERER = 7;
const MAIN = 1;
const OTHER = 2;
const meta = [
  { name: 'thread_name', ph: 'M', pid: RENDERER, tid: MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', pid: RENDERER, tid: OTHER, args: { name: 'Compositor' } },
];
const nav = (ts: number, url: string) => ({
  name: 'navigationStart',
  ph: 'R',
  pid: RENDERER,
  tid: MAIN,
  ts,
  args: { data: { documentLoaderURL: url } },
});
const task = (ts: number, dur: number, tdur: number, tid = MAIN, name = 'ThreadControllerImpl::RunTask') => ({
  name,
  ph: 'X',
  pid: RENDERER,
  tid,
  ts,
  dur,
  tdur,
});

describe('mainThreadCpu', () => {
  it('sums the outermost main-thread tasks from the page navigation to the prompt', () => {
    const events = [
      ...meta,
      nav(500, 'about:blank'),
      nav(1_000, 'http://127.0.0.1:4321/lesson/'),
      task(900, 50, 40), // before navigation start
      task(1_100, 3_000, 1_000),
      task(1_200, 1_000, 900, MAIN, 'RunTask'), // nested in the task before
      task(5_000, 4_000, 2_000),
      task(5_000, 9_000, 9_000, OTHER), // another thread
      task(20_000, 1_000, 1_000), // after the prompt
    ];
    expect(mainThreadCpu(events, 10)).toEqual({ cpu: 3, wall: 7 });
  });

  it('is null when the trace has no page navigation', () => {
    expect(mainThreadCpu([...meta, nav(0, 'about:blank'), task(10, 5, 5)], 10)).toBeNull();
  });
});
