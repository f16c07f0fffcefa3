// the processes of a container as `ps` shows them: PID 1 is the main process (its command line
// as the runtime started it), then whatever `kubectl exec` started, numbered as the kernel hands
// out pids (each exec costs runc a few on the way in, each command a shell forks costs one)

/** the shells `kubectl exec` and attach treat as interactive: no script, no -c */
const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash']);

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** the shell a command line starts, if it is one: `sh`, `/bin/bash`, `bash -il` … */
export function shellOf(argv: readonly string[]): string | null {
  const name = basename(argv[0] ?? '');
  return SHELL_NAMES.has(name) ? name : null;
}

/** images whose ENTRYPOINT script ends with `exec "$@"`: the command given to it becomes the process */
const EXEC_ENTRYPOINTS = new Set(['docker-entrypoint.sh', 'entrypoint.sh']);

/** the command line the main process ends up running, once an exec-ing entrypoint has handed over */
export function mainProcessArgv(argv: readonly string[]): string[] {
  if (argv.length > 1 && EXEC_ENTRYPOINTS.has(basename(argv[0]!)) && !/^-/.test(argv[1]!)) return argv.slice(1);
  return [...argv];
}

/** a shell that reads its commands from stdin (no -c, no script file): attach and exec -it make it interactive */
export function isInteractiveShell(argv: readonly string[]): boolean {
  if (!shellOf(argv)) return false;
  return argv.slice(1).every((a) => /^-[ilsx]+$/.test(a) || a === '--login' || a === '--norc' || a === '--noprofile');
}

export interface ContainerProcess {
  pid: number;
  /** 0 for PID 1 and for what `kubectl exec` starts (their parent is outside the container) */
  ppid: number;
  user: string;
  /** the command line as /proc/PID/cmdline shows it, words joined by spaces */
  args: string;
  /** the terminal it runs on, if any */
  tty: boolean;
}

/** the process table of one container instance */
export class ProcessTable {
  private readonly live = new Map<number, ContainerProcess>();
  /** the next pid the kernel hands out */
  private next = 7;

  constructor(main: ContainerProcess[]) {
    for (const p of main) this.live.set(p.pid, p);
  }

  /** a process `kubectl exec` starts: runc's own helpers take a few pids first */
  exec(user: string, args: string, tty = false): ContainerProcess {
    const process = { pid: this.next, ppid: 0, user, args, tty };
    this.next += 6;
    this.live.set(process.pid, process);
    return process;
  }

  /** a command a shell in the container forks */
  fork(parent: ContainerProcess | number, user: string, args: string): ContainerProcess {
    const parentProcess = typeof parent === 'number' ? this.live.get(parent) : parent;
    const process = { pid: this.next++, ppid: parentProcess?.pid ?? 0, user, args, tty: parentProcess?.tty ?? false };
    this.live.set(process.pid, process);
    return process;
  }

  exit(pid: number): void {
    if (pid !== 1) this.live.delete(pid);
  }

  list(): ContainerProcess[] {
    return [...this.live.values()].sort((a, b) => a.pid - b.pid);
  }
}
