// runs a script exactly as `kubesim --seed N < script` does and returns what it prints,
// stdout and stderr interleaved in terminal order, plus the exit status
import { createLearnerMachine } from '../machine.ts';

export interface ScriptRun {
  output: string;
  status: number;
}

export async function runKubesimScript(script: string, seed = 1): Promise<ScriptRun> {
  const { session } = createLearnerMachine({ seed, mode: 'script' });
  let output = '';
  const out = { stdout: (t: string) => void (output += t), stderr: (t: string) => void (output += t) };
  let status = 0;
  const lines = script.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const result = await session.feedLine(line, out);
    if (result.kind === 'ran') status = result.status;
  }
  const last = await session.finish(out);
  return { output, status: last ?? status };
}
