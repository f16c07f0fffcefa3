// npm run bench: prints figures (never pass/fail). each case runs once untimed (so the figures
// are of code the JIT has compiled, as on a page in use), then a few times on fresh state; the
// median counts. budgets live in the issues.
import { VirtualClock } from '../src/sim/clock.ts';
import { parse } from '../src/sim/shell/parser.ts';
import { createSession } from '../src/sim/shell/index.ts';
import { deploymentToRunning, manyReplicaSets, rollingUpdate, type Prepared } from './cluster-cases.ts';
import { createServices, podTurnsReady, requestThroughService } from './network-cases.ts';

const sink = { stdout: () => {}, stderr: () => {} };

/** median wall time of `run`, each repeat on state made fresh by `prepare` (not timed), after one warm-up run */
async function median(prepare: () => Prepared | Promise<Prepared>, repeats: number): Promise<number> {
  const times: number[] = [];
  for (let i = -1; i < repeats; i++) {
    const prepared = await prepare();
    // start each run with a clean heap, so one run's garbage is not billed to the next
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    await prepared.run();
    if (i >= 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function script(lines: number): string[] {
  return Array.from({ length: lines }, (_, i) => `echo line ${i} "$?" | cat && true`);
}

const shellCase = (lines: number) => () => {
  const session = createSession({ clock: new VirtualClock(), seed: 1 });
  const text = script(lines);
  return {
    run: async () => {
      for (const line of text) await session.feedLine(line, sink);
    },
  } as unknown as Prepared;
};

const heredoc = `cat <<EOF\n${'key: value\n'.repeat(2000)}EOF\n`;

interface Row {
  name: string;
  ms: number;
  note?: string;
}

const rows: Row[] = [];
async function measure(name: string, prepare: () => Prepared | Promise<Prepared>, repeats = 5): Promise<number> {
  const ms = await median(prepare, repeats);
  rows.push({ name, ms });
  return ms;
}

function ratio(name: string, small: number, large: number): void {
  rows.push({ name, ms: NaN, note: `${(large / small).toFixed(1)}× for 10× the size (budget ≤ 12×)` });
}

const s100 = await measure('shell: 100-line script', shellCase(100));
const s1000 = await measure('shell: 1,000-line script', shellCase(1000));
ratio('shell: growth 100 → 1,000 lines', s100, s1000);
await measure('parser: 2,000-line heredoc', () => ({ run: () => void parse(heredoc) }));

await measure('cluster: 3-replica Deployment to Running', deploymentToRunning(3));
const d100 = await measure('cluster: 100-replica Deployment to Running', deploymentToRunning(100));
const d1000 = await measure('cluster: 1,000-replica Deployment to Running (budget < 200 ms)', deploymentToRunning(1000), 11);
ratio('cluster: growth 100 → 1,000 replicas', d100, d1000);
const r100 = await measure('cluster: rolling update of 100 replicas', rollingUpdate(100), 5);
const r1000 = await measure('cluster: rolling update of 1,000 replicas', rollingUpdate(1000), 5);
ratio('cluster: growth 100 → 1,000 replicas (rolling update)', r100, r1000);
const m1000 = await measure('cluster: 1,000 pods over 100 ReplicaSets to Running', manyReplicaSets(100, 10), 9);
const m10000 = await measure('cluster: 10,000 pods over 1,000 ReplicaSets to Running', manyReplicaSets(1000, 10), 5);
ratio('cluster: growth 1,000 → 10,000 pods', m1000, m10000);

const n100 = await measure('network: 100 Services × 10 endpoints created and reconciled', createServices(100, 10), 3);
const n1000 = await measure('network: 1,000 Services × 10 endpoints created and reconciled', createServices(1000, 10), 3);
ratio('network: growth 100 → 1,000 Services', n100, n1000);
await measure('network: one request through a Service, 1,000 Services present', requestThroughService(1000, 10), 21);
const t100 = await measure('network: one pod turns ready, 100 Services present', podTurnsReady(100, 10), 11);
const t1000 = await measure('network: one pod turns ready, 1,000 Services present', podTurnsReady(1000, 10), 11);
ratio('network: growth of that cost 100 → 1,000 Services', t100, t1000);

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`kubesim bench (median wall time, Node ${process.version})`);
for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.note ?? `${row.ms.toFixed(2)} ms`}`);
