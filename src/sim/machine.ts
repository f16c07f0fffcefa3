// the learner's machine: a shell with kubectl, beside a fresh simulated cluster. in scripts the
// shell's clock is the cluster's virtual clock (sleep and waits advance it at once); in real
// time a driver moves cluster time along with the wall clock. a replayed journal runs on a
// terminal's clock in virtual time, and can then follow the wall clock (see journal.ts).

import { RealClock, type Clock } from './clock.ts';
import { TerminalClock } from './journal-clock.ts';
import { kubectl } from './kubectl/kubectl.ts';
import { outsideCommands } from './network/outside-tools.ts';
import { createSession } from './shell/index.ts';
import type { ShellSession } from './shell/session.ts';
import type { VirtualFs } from './shell/vfs.ts';
import { createWorld, PRESETS, type World } from './world.ts';

export interface LearnerMachine {
  session: ShellSession;
  world: World;
  seed: number;
  /** the preset the cluster was started from */
  preset: string;
  /** the cluster clock when the machine was handed over, in ms since the epoch (a journal's startedAt) */
  startedAt: number;
  /** what the shell waits on: the cluster's own clock in scripts, a terminal's clock otherwise */
  clock: Clock;
  /** in real time: brings cluster time up to the wall clock now (a no-op in virtual time) */
  catchUp(): void;
  /** stops the real-time driver (no-op in script mode) */
  stop(): void;
}

export interface MachineSetup {
  seed: number;
  /**
   * script: virtual time; realtime: the cluster follows the wall clock; replay: virtual time,
   * but commands wait as in a terminal (a watch runs until Ctrl-C), for replaying a journal
   */
  mode: 'script' | 'realtime' | 'replay';
  fs?: VirtualFs;
  /** how often the real-time driver advances the cluster, in ms */
  tickMs?: number;
  /** which cluster to start (see PRESETS in world.ts); the kind-like default when left out */
  preset?: string;
  /** the cluster clock at hand-over, in ms since the epoch (a journal's startedAt); by default the wall clock in real time, a fixed instant otherwise */
  startAt?: number;
}

export function createLearnerMachine(setup: MachineSetup): LearnerMachine {
  const wall = new RealClock();
  const preset = setup.preset ?? 'kind';
  const world = createWorld(setup.seed, setup.startAt ?? (setup.mode === 'realtime' ? wall.now() : undefined), PRESETS[preset]);
  const base = { world, seed: setup.seed, preset, startedAt: world.cluster.clock.now() };
  const options = {
    seed: setup.seed,
    world,
    commands: [kubectl, ...outsideCommands(world.cluster)],
    ...(setup.fs ? { fs: setup.fs } : {}),
  };
  if (setup.mode === 'script') {
    const session = createSession({ ...options, clock: world.cluster.clock });
    return { ...base, session, clock: world.cluster.clock, catchUp: () => {}, stop: () => {} };
  }
  const clock = new TerminalClock(world.cluster);
  const session = createSession({ ...options, clock });
  const stop = setup.mode === 'realtime' ? clock.followWall(wall, setup.tickMs) : () => {};
  return { ...base, session, clock, catchUp: () => clock.catchUp(), stop };
}
