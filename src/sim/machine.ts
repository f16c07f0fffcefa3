// the learner's machine: a shell with kubectl, beside a fresh simulated cluster. in scripts the
// shell's clock is the cluster's virtual clock (sleep and waits advance it at once); in real
// time a driver moves cluster time along with the wall clock.

import { RealClock } from './clock.ts';
import { kubectl } from './kubectl/kubectl.ts';
import { outsideCommands } from './network/outside-tools.ts';
import { createSession } from './shell/index.ts';
import type { ShellSession } from './shell/session.ts';
import type { VirtualFs } from './shell/vfs.ts';
import { createWorld, PRESETS, type World } from './world.ts';

export interface LearnerMachine {
  session: ShellSession;
  world: World;
  /** stops the real-time driver (no-op in script mode) */
  stop(): void;
}

export interface MachineSetup {
  seed: number;
  /** script: virtual time; realtime: the cluster follows the wall clock */
  mode: 'script' | 'realtime';
  fs?: VirtualFs;
  /** how often the real-time driver advances the cluster, in ms */
  tickMs?: number;
  /** which cluster to start (see PRESETS in world.ts); the kind-like default when left out */
  preset?: string;
}

export function createLearnerMachine(setup: MachineSetup): LearnerMachine {
  const wall = new RealClock();
  const world = createWorld(setup.seed, setup.mode === 'realtime' ? wall.now() : undefined, PRESETS[setup.preset ?? 'kind']);
  const options = {
    seed: setup.seed,
    world,
    commands: [kubectl, ...outsideCommands(world.cluster)],
    ...(setup.fs ? { fs: setup.fs } : {}),
  };
  if (setup.mode === 'script') {
    const session = createSession({ ...options, clock: world.cluster.clock });
    return { session, world, stop: () => {} };
  }
  const session = createSession({ ...options, clock: wall });
  let last = wall.now();
  const timer = setInterval(() => {
    const now = wall.now();
    world.cluster.advance(now - last);
    last = now;
  }, setup.tickMs ?? 100);
  return { session, world, stop: () => clearInterval(timer) };
}
