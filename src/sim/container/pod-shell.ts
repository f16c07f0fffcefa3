// running programs inside a container, as `kubectl exec` and attach do: a shell (interactive
// when it has a terminal, with the image's prompt: `root@web:/# ` for bash, `# ` for Debian's
// dash, `/ # ` for busybox's ash) or one command started directly, with the runtime's error
// when the image has no such program.
import type { Clock, Interrupt } from '../clock.ts';
import type { CommandContext, NestedShell, Output } from '../shell/command.ts';
import { Shell, type ShellDialect } from '../shell/shell.ts';
import type { EnvList } from './environment.ts';
import { execEnvironment, stillRunning, type ContainerInstance } from './instances.ts';
import { containerCommands, exportedEnvironment, type InContainer, type PodShellState } from './commands.ts';
import { basename, isInteractiveShell, shellOf } from './processes.ts';

/** where a program started by the runtime looks for commands, and what it finds */
type Program = { kind: 'shell'; name: 'sh' | 'bash'; dialect: ShellDialect } | { kind: 'tool'; name: string };

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

/** the program argv[0] names in this image, or the runtime's reason it cannot start it */
export function findProgram(instance: ContainerInstance, argv0: string): Program | { error: string } {
  const name = basename(argv0);
  const absolute = argv0.includes('/');
  const missing = absolute
    ? `exec: "${argv0}": stat ${argv0}: no such file or directory`
    : `exec: "${argv0}": executable file not found in $PATH`;
  if (absolute && !BIN_DIRS.includes(argv0.slice(0, argv0.lastIndexOf('/')) || '/')) return { error: missing };
  const { profile, image } = instance;
  const shell = shellOf([argv0]);
  if (shell) {
    if (shell === 'bash') {
      return image.shells.includes('bash') && profile.shells.bash
        ? { kind: 'shell', name: 'bash', dialect: 'bash' }
        : { error: missing };
    }
    const sh = image.shells.includes('sh') ? profile.shells.sh : undefined;
    if (sh && (shell === 'sh' || shell === sh.dialect)) return { kind: 'shell', name: 'sh', dialect: sh.dialect };
    return { error: missing };
  }
  const tools = containerCommands({ instance, tty: false, columns: () => 80, shell: null }).map((c) => c.name);
  if (!tools.includes(name)) return { error: missing };
  return { kind: 'tool', name };
}

export interface PodShellOptions {
  instance: ContainerInstance;
  clock: Clock;
  program: 'sh' | 'bash';
  dialect: ShellDialect;
  /** a terminal is attached: the shell is interactive, prompts and says `exit` */
  tty: boolean;
  columns: () => number;
  /** what the process starts with */
  env: EnvList;
  /** the shell's own pid (1 when it is the container's main process) */
  pid: number;
  /** where it starts: the image's working directory, or the directory of the shell that started it */
  cwd: string;
}

export interface PodShell {
  state: PodShellState;
  nested: NestedShell;
}

/** the prompt each shell shows by default in these images (bash: Debian's PS1; ash and dash their own) */
function promptFor(options: PodShellOptions, shell: Shell, continuation: boolean): string {
  if (!options.tty) return '';
  if (continuation) return '> ';
  const user = options.instance.profile.user;
  const sign = user.uid === 0 ? '#' : '$';
  if (options.dialect === 'dash') return `${sign} `;
  const home = shell.getVar('HOME') ?? user.home;
  const cwd = shell.fs.cwd;
  const dir = home && home !== '/' && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
  if (options.dialect === 'ash') return `${dir} ${sign} `;
  return `${user.name}@${options.instance.identity.hostname.split('.')[0]}:${dir}${sign} `;
}

export function createPodShell(options: PodShellOptions): PodShell {
  const { instance, dialect } = options;
  const vars = new Map(options.env);
  const exported = options.env.map(([name]) => name);
  const shlvl = String(Math.max(0, Number(vars.get('SHLVL') ?? 0)) + 1);
  const cwd = options.cwd;
  vars.set('PWD', cwd);
  // bash and busybox ash keep SHLVL; dash has none
  if (dialect === 'bash') {
    if (!exported.includes('PWD')) exported.push('PWD');
    vars.set('SHLVL', shlvl);
    if (!exported.includes('SHLVL')) exported.push('SHLVL');
  } else if (dialect === 'ash') {
    vars.set('SHLVL', shlvl);
    if (!exported.includes('SHLVL')) exported.push('SHLVL');
    if (!exported.includes('PWD')) exported.push('PWD');
  } else if (!exported.includes('PWD')) exported.push('PWD');

  // the dialect first: the commands listed for this shell depend on it (bash has history)
  const state = { dialect } as PodShellState;
  const inside: InContainer = {
    instance,
    tty: options.tty,
    columns: options.columns,
    shell: state,
    subshell: (ctx) => runSubshell(options, state, ctx),
  };
  const shell = new Shell({
    clock: options.clock,
    seed: options.pid,
    fs: instance.fs,
    commands: containerCommands(inside),
    world: null,
    name: options.program === 'bash' ? 'bash' : 'sh',
    dialect,
    vars,
  });
  instance.fs.cwd = cwd;
  Object.assign(state, { shell, dialect, exported, pid: options.pid, interactive: options.tty });
  const nested: NestedShell = {
    shell,
    prompt: (continuation) => promptFor(options, shell, continuation),
    eof(out: Output) {
      if (!options.tty) return;
      if (dialect === 'bash') out.stderr('exit\n');
      else out.stdout('\n');
    },
    input(_source: string, out: Output): Output {
      // the container went away under the shell (deleted, restarted): it was killed with it
      if (!stillRunning(instance)) shell.exitStatus = 137;
      return out;
    },
  };
  return { state, nested };
}

export interface ExecOptions {
  argv: string[];
  tty: boolean;
  /** what was piped into kubectl (exec -i), or null when stdin is not passed */
  stdin: string | null;
  /** stdin is the terminal (or the rest of a script): an interactive shell reads the lines typed */
  terminalInput: boolean;
  openShell: ((shell: NestedShell) => Promise<number>) | undefined;
  columns: () => number;
  clock: Clock;
  out: Output;
  interrupt: Interrupt;
}

export type ExecResult = { status: number } | { error: string };

/** what `kubectl exec` runs: a shell, reading the terminal or a script, or a single tool */
export async function execInContainer(instance: ContainerInstance, options: ExecOptions): Promise<ExecResult> {
  const { argv, out, interrupt } = options;
  const program = findProgram(instance, argv[0] ?? '');
  if ('error' in program) return program;
  const env = execEnvironment(instance, options.tty);
  const process = instance.processes.exec(instance.profile.user.name, argv.join(' '), options.tty);
  try {
    if (program.kind === 'shell') {
      return { status: await runShellProgram(instance, program, options, env, process.pid) };
    }
    const inside: InContainer = { instance, tty: options.tty, columns: options.columns, shell: null };
    const shell = new Shell({
      clock: options.clock,
      seed: process.pid,
      fs: instance.fs,
      commands: containerCommands(inside),
      world: null,
      vars: env,
    });
    const saved = instance.fs.cwd;
    instance.fs.cwd = instance.profile.workdir;
    try {
      return { status: await shell.invoke([program.name, ...argv.slice(1)], options.stdin ?? '', out, interrupt) };
    } finally {
      instance.fs.cwd = saved;
    }
  } finally {
    instance.processes.exit(process.pid);
  }
}

async function runShellProgram(
  instance: ContainerInstance,
  program: { name: 'sh' | 'bash'; dialect: ShellDialect },
  options: ExecOptions,
  env: EnvList,
  pid: number,
  cwd = instance.profile.workdir,
): Promise<number> {
  const { argv, out, interrupt } = options;
  const saved = instance.fs.cwd;
  try {
    const c = argv.indexOf('-c');
    const scripted = c > 0 && argv[c + 1] !== undefined;
    const interactive = isInteractiveShell(argv) && !scripted;
    const shellOptions: PodShellOptions = {
      instance,
      clock: options.clock,
      program: program.name,
      dialect: program.dialect,
      tty: options.tty && interactive,
      columns: options.columns,
      env,
      pid,
      cwd,
    };
    if (scripted) {
      const { state } = createPodShell({ ...shellOptions, tty: false });
      // bash runs a lone simple command by exec'ing it, one shell level down
      if (program.dialect === 'bash' && !/[;&|\n]/.test(argv[c + 1]!)) state.shell.setVar('SHLVL', '0');
      state.shell.lineNumber = 1;
      state.shell.expansionExit = program.dialect === 'bash' ? 127 : 2;
      const status = await state.shell.run(argv[c + 1]!, out, interrupt);
      return state.shell.exitStatus ?? status;
    }
    if (!interactive) {
      const script = argv.slice(1).find((a) => !a.startsWith('-'))!;
      const content = instance.fs.readFile(script);
      if (typeof content !== 'string') {
        out.stderr(
          program.dialect === 'bash'
            ? `bash: ${script}: No such file or directory\n`
            : program.dialect === 'dash'
              ? `sh: 0: cannot open ${script}: No such file\n`
              : `sh: can't open '${script}': No such file or directory\n`,
        );
        return program.dialect === 'bash' ? 127 : 2;
      }
      const { state } = createPodShell({ ...shellOptions, tty: false });
      state.shell.expansionExit = program.dialect === 'bash' ? 1 : 2;
      const status = await state.shell.run(content, out, interrupt);
      return state.shell.exitStatus ?? status;
    }
    // a shell reading stdin: what was piped in, the lines the terminal types, or nothing at all
    if (options.stdin !== null && options.stdin !== '') {
      const { state } = createPodShell({ ...shellOptions, tty: false });
      state.shell.expansionExit = program.dialect === 'bash' ? 1 : 2;
      const status = await state.shell.run(options.stdin, out, interrupt);
      return state.shell.exitStatus ?? status;
    }
    if (!options.terminalInput || !options.openShell) return 0;
    const { nested } = createPodShell(shellOptions);
    return await options.openShell(nested);
  } finally {
    instance.fs.cwd = saved;
  }
}

/** `sh`, `bash` or `sh -c …` typed inside a pod shell */
async function runSubshell(parent: PodShellOptions, parentState: PodShellState, ctx: CommandContext): Promise<number> {
  const { instance } = parent;
  const argv = [ctx.name, ...ctx.args];
  const program = findProgram(instance, ctx.name);
  if ('error' in program || program.kind !== 'shell') return 127;
  const env = exportedEnvironment(parentState, ctx.env);
  const process = instance.processes.fork(parentState.pid, instance.profile.user.name, argv.join(' '));
  try {
    return await runShellProgram(
      instance,
      program,
      {
        argv,
        tty: parent.tty,
        stdin: ctx.stdin === '' ? null : ctx.stdin,
        terminalInput: parent.tty || ctx.host.openShell !== undefined,
        openShell: ctx.host.openShell,
        columns: parent.columns,
        clock: parent.clock,
        out: ctx.out,
        interrupt: ctx.interrupt,
      },
      env,
      process.pid,
      instance.fs.cwd,
    );
  } finally {
    instance.processes.exit(process.pid);
  }
}
