// test helper: a learner's shell with kubectl beside a fresh cluster on the cluster's virtual
// clock (so `sleep` lets pods start). as a script it shows what `kubesim < script` prints; with
// `tty` it shows a terminal's screen: each prompt and the line typed at it, and `^D` stands for
// Ctrl-D at an empty prompt
import { kubectl } from '../kubectl/kubectl.ts';
import { createSession } from '../shell/index.ts';
import type { ShellSession } from '../shell/session.ts';
import { createWorld, type World } from '../world.ts';

export interface KubectlTranscript {
  output: string;
  status: number;
  world: World;
  session: ShellSession;
}

export interface KubectlScriptOptions {
  seed?: number;
  /** typed at a terminal: prompts show, `kubectl exec -it` gets its TTY */
  tty?: boolean;
  /** the terminal's width */
  columns?: number;
}

export function kubectlSession(seed = 1): { session: ShellSession; world: World } {
  const world = createWorld(seed);
  const session = createSession({ clock: world.cluster.clock, seed, world, commands: [kubectl] });
  return { session, world };
}

export async function runKubectlScript(script: string, options: KubectlScriptOptions = {}): Promise<KubectlTranscript> {
  const { session, world } = kubectlSession(options.seed ?? 1);
  const tty = options.tty ?? false;
  session.tty = tty;
  session.columns = options.columns ?? 80;
  let output = '';
  let status = 0;
  const out = { stdout: (t: string) => void (output += t), stderr: (t: string) => void (output += t) };
  const lines = script.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    if (tty && line === '^D') {
      output += session.promptText();
      const result = await session.eof(out);
      if (result.kind === 'ran') status = result.status;
      continue;
    }
    if (tty) output += session.promptText() + line + '\n';
    const result = await session.feedLine(line, out);
    if (result.kind === 'ran') status = result.status;
  }
  if (!tty) {
    const last = await session.finish(out);
    if (last !== null) status = last;
  } else output += session.promptText();
  return { output, status, world, session };
}
