// test helper for the verb tests: a session whose kubectl talks to a fresh default cluster, on the
// cluster's own virtual clock so `sleep` lets cluster time pass, and transcripts of whole sessions
import type { HostServices } from '../../shell/command.ts';
import { createSession } from '../../shell/index.ts';
import type { ShellSession } from '../../shell/session.ts';
import { runScript, type Transcript } from '../../testing/run-script.ts';
import { createWorld, type World } from '../../world.ts';
import { kubectl } from '../kubectl.ts';

export interface KubectlSession {
  world: World;
  session: ShellSession;
  /** what the host offers commands, e.g. an `edit` standing in for the browser's editor */
  host: HostServices;
  run(script: string): Promise<Transcript>;
  /** runs each line, returning `$ line`, what the terminal showed and `[exit N]` after failures */
  transcript(script: string): Promise<string>;
}

export function kubectlSession(seed = 1): KubectlSession {
  const world = createWorld(seed);
  const session = createSession({ clock: world.cluster.clock, seed, world, commands: [kubectl] });
  const run = (script: string) => runScript(script, seed, session);
  const transcript = async (script: string) => {
    let text = '';
    for (const line of script.split('\n')) {
      if (line.trim() === '') continue;
      const t = await run(line);
      text += `$ ${line}\n${t.output}${t.status !== 0 ? `[exit ${t.status}]\n` : ''}`;
    }
    return text;
  };
  return { world, session, host: session.shell.host, run, transcript };
}
