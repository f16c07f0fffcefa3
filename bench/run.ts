// npm run bench: prints figures (never pass/fail). each case runs a few times; the median counts.
import { VirtualClock } from '../src/sim/clock.ts';
import { parse } from '../src/sim/shell/parser.ts';
import { createSession } from '../src/sim/shell/index.ts';

interface Case {
  name: string;
  run: () => Promise<void> | void;
}

const sink = { stdout: () => {}, stderr: () => {} };

async function median(fn: Case['run'], repeats = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function script(lines: number): string[] {
  return Array.from({ length: lines }, (_, i) => `echo line ${i} "$?" | cat && true`);
}

async function runLines(lines: string[]): Promise<void> {
  const session = createSession({ clock: new VirtualClock(), seed: 1 });
  for (const line of lines) await session.feedLine(line, sink);
}

const heredoc = `cat <<EOF\n${'key: value\n'.repeat(2000)}EOF\n`;

const cases: Case[] = [
  { name: 'shell: 100-line script', run: () => runLines(script(100)) },
  { name: 'shell: 1,000-line script', run: () => runLines(script(1000)) },
  { name: 'parser: 2,000-line heredoc', run: () => void parse(heredoc) },
];

const rows: [string, string][] = [];
for (const c of cases) rows.push([c.name, `${(await median(c.run)).toFixed(2)} ms`]);
const width = Math.max(...rows.map(([n]) => n.length));
console.log(`kubesim bench (median of 7, Node ${process.version})`);
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
const small = await median(() => runLines(script(100)));
const large = await median(() => runLines(script(1000)));
console.log(`${'shell: growth 100 → 1,000 lines'.padEnd(width)}  ${(large / small).toFixed(1)}× (linear is 10×)`);
