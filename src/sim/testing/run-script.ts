// test helper: runs lines through a fresh session on a virtual clock and returns what a
// terminal would show, stdout and stderr interleaved, plus the last status
import { VirtualClock } from '../clock.ts';
import { createSession } from '../shell/index.ts';
import type { ShellSession } from '../shell/session.ts';

export interface Transcript {
  output: string;
  stdout: string;
  stderr: string;
  status: number;
  session: ShellSession;
}

export async function runScript(script: string, seed = 1, session?: ShellSession): Promise<Transcript> {
  const s = session ?? createSession({ clock: new VirtualClock(), seed });
  const t: Transcript = { output: '', stdout: '', stderr: '', status: 0, session: s };
  const out = {
    stdout: (x: string) => {
      t.output += x;
      t.stdout += x;
    },
    stderr: (x: string) => {
      t.output += x;
      t.stderr += x;
    },
  };
  const lines = script.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const r = await s.feedLine(line, out);
    if (r.kind === 'ran') t.status = r.status;
  }
  const last = await s.finish(out);
  if (last !== null) t.status = last;
  return t;
}
