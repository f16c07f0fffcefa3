// the commands inside a container: the shell's builtins (in bash's, ash's or dash's words) and
// the tools the image ships (busybox applets or GNU coreutils), only those the catalogue says
// it has. tools that talk to the network are not simulated yet and say so.
import { dateOutput } from '../clock.ts';
import type { CommandContext, ShellCommand } from '../shell/command.ts';
import { cat } from '../shell/commands/cat.ts';
import { clear, falseCommand, trueCommand } from '../shell/commands/basics.ts';
import { echo } from '../shell/commands/echo.ts';
import { printf } from '../shell/commands/printf.ts';
import { grep } from '../shell/commands/grep.ts';
import { head } from '../shell/commands/head.ts';
import { history } from '../shell/commands/history.ts';
import { mkdir } from '../shell/commands/mkdir.ts';
import { rm } from '../shell/commands/rm.ts';
import { sleep } from '../shell/commands/sleep.ts';
import { sort } from '../shell/commands/sort.ts';
import { tail } from '../shell/commands/tail.ts';
import { touch } from '../shell/commands/touch.ts';
import { wc } from '../shell/commands/wc.ts';
import { uniq } from '../shell/commands/uniq.ts';
import { cut } from '../shell/commands/cut.ts';
import { tr } from '../shell/commands/tr.ts';
import { seq } from '../shell/commands/seq.ts';
import { sed } from '../shell/commands/sed.ts';
import { awk } from '../shell/commands/awk.ts';
import { xargs } from '../shell/commands/xargs.ts';
import { tee } from '../shell/commands/tee.ts';
import { cd, pwd } from '../shell/commands/working-directory.ts';
import { SHELL_MESSAGES, type Shell, type ShellDialect } from '../shell/shell.ts';
import { describeFsError } from '../shell/vfs.ts';
import type { Node } from '../api/types.ts';
import { ashExportOrder, bashExportOrder } from './environment.ts';
import type { ContainerInstance } from './instances.ts';
import { containerLs } from './ls.ts';
import { podLocalTransport, podPingContext } from './pod-network.ts';
import { wgetCommand } from '../network/wget.ts';
import { pingCommand } from '../network/ping.ts';
import { curlCommand } from '../network/curl.ts';
import { podDnsCommands, podLookupResolver } from './pod-dns.ts';
import { nginxCommand } from './nginx.ts';

/** a shell running inside a container: what its builtins and `env` need */
export interface PodShellState {
  shell: Shell;
  dialect: ShellDialect;
  /** exported names, in the order the shell created them */
  exported: string[];
  pid: number;
  /** reading a terminal: bash says `exit` as it leaves */
  interactive: boolean;
}

/** what a command inside a container runs with */
export interface InContainer {
  instance: ContainerInstance;
  tty: boolean;
  columns(): number;
  /** the shell running the command, or null for a command `kubectl exec` started itself */
  shell: PodShellState | null;
  /** opens `sh`/`bash` from inside a pod shell (set by the pod shell module) */
  subshell?: ShellCommand['run'];
}

/** the tools the course's later lessons bring (curl, wget, nslookup …): present, not simulated yet */
const NOT_SIMULATED = ['nc', 'ip', 'ifconfig', 'netstat', 'top', 'vi'];

/** the prefix a shell puts on its builtins' messages */
function builtinPrefix(state: PodShellState): string {
  const name = state.shell.name;
  return state.dialect === 'dash' ? `${name}: ${state.shell.lineNumber}: ` : `${name}: `;
}

/** the variables a shell exports, in the order it hands them to a command it starts */
export function exportedEnvironment(state: PodShellState, env: ReadonlyMap<string, string>): [string, string][] {
  const names = state.exported.filter((n) => env.has(n));
  // NAME=value before a command exports it to that command alone
  for (const [name, value] of env) if (!names.includes(name) && state.shell.getVar(name) !== value) names.push(name);
  const order = state.dialect === 'bash' ? bashExportOrder(names) : ashExportOrder(names);
  return order.map((n) => [n, env.get(n)!]);
}

function environmentOf(inside: InContainer, ctx: CommandContext, self: string): [string, string][] {
  if (!inside.shell) return [...ctx.env];
  const vars = exportedEnvironment(inside.shell, ctx.env);
  // bash sets $_ to the full path of the command it runs, last in the environment
  if (inside.shell.dialect === 'bash') vars.push(['_', `${inside.instance.profile.binDir}/${self}`]);
  return vars;
}

function hostnameCommand(inside: InContainer): ShellCommand {
  return {
    name: 'hostname',
    summary: 'show the host name',
    run({ args, out }) {
      const { identity, profile } = inside.instance;
      const arg = args[0];
      if (arg === undefined || arg === '-s' || arg === '--short') {
        out.stdout(identity.hostname + '\n');
        return 0;
      }
      if (arg === '-f' || arg === '--fqdn' || arg === '--long') {
        out.stdout((identity.domain ? `${identity.hostname}.${identity.domain}` : identity.hostname) + '\n');
        return 0;
      }
      if (arg === '-i' || arg === '--ip-address') {
        out.stdout(identity.ips.join(' ') + '\n');
        return 0;
      }
      if ((arg === '-I' || arg === '--all-ip-addresses') && profile.userland === 'gnu') {
        out.stdout(identity.ips.map((ip) => ip + ' ').join('') + '\n');
        return 0;
      }
      if (arg.startsWith('-')) {
        out.stderr(`hostname: invalid option -- '${arg.slice(1, 2)}'\n`);
        return 1;
      }
      out.stderr(
        profile.userland === 'busybox'
          ? 'hostname: sethostname: Operation not permitted\n'
          : 'hostname: you must be root to change the host name\n',
      );
      return 1;
    },
  };
}

function envCommand(inside: InContainer, name: 'env' | 'printenv'): ShellCommand {
  return {
    name,
    summary: name === 'env' ? 'print the environment' : 'print environment variables',
    run(ctx) {
      const { args, out } = ctx;
      const vars = environmentOf(inside, ctx, name);
      if (name === 'printenv' && args.length > 0) {
        let status = 0;
        for (const wanted of args) {
          const found = vars.find(([n]) => n === wanted);
          if (found) out.stdout(found[1] + '\n');
          else status = 1;
        }
        return status;
      }
      const extra: [string, string][] = [];
      for (const arg of args) {
        const eq = arg.indexOf('=');
        if (arg.startsWith('-')) {
          out.stderr(`${name}: invalid option -- '${arg.slice(1, 2)}'\n`);
          return 125;
        }
        if (eq <= 0) {
          out.stderr(`kubesim: '${name} COMMAND' inside a container is not simulated\n`);
          return 125;
        }
        extra.push([arg.slice(0, eq), arg.slice(eq + 1)]);
      }
      const merged = vars.filter(([n]) => !extra.some(([e]) => e === n));
      out.stdout([...merged, ...extra].map(([n, v]) => `${n}=${v}\n`).join(''));
      return 0;
    },
  };
}

function idCommand(inside: InContainer): ShellCommand {
  return {
    name: 'id',
    summary: 'print user and group IDs',
    run({ args, out }) {
      const user = inside.instance.profile.user;
      const flags = args.join('');
      if (args.length === 0) {
        out.stdout(`uid=${user.uid}(${user.name}) gid=${user.gid}(${user.group}) groups=${user.groups}\n`);
        return 0;
      }
      const names = flags.includes('n');
      if (/^-[un]+$/.test(flags) && flags.includes('u')) {
        out.stdout((names ? user.name : String(user.uid)) + '\n');
        return 0;
      }
      if (/^-[gn]+$/.test(flags) && flags.includes('g')) {
        out.stdout((names ? user.group : String(user.gid)) + '\n');
        return 0;
      }
      out.stderr(`id: invalid option -- '${flags.replace(/^-+/, '').replace(/[ugn]/g, '').slice(0, 1) || flags}'\n`);
      return 1;
    },
  };
}

function whoamiCommand(inside: InContainer): ShellCommand {
  return {
    name: 'whoami',
    summary: 'print the user name',
    run({ out }) {
      out.stdout(inside.instance.profile.user.name + '\n');
      return 0;
    },
  };
}

function unameCommand(inside: InContainer): ShellCommand {
  return {
    name: 'uname',
    summary: 'print system information',
    run({ args, out }) {
      const node = inside.instance.cluster.api.get<Node>('Node', undefined, inside.instance.pod.spec.nodeName ?? '');
      const fields: Record<string, string> = {
        s: 'Linux',
        n: inside.instance.identity.hostname,
        r: node?.status.nodeInfo.kernelVersion ?? '6.12.48-cloud-amd64',
        m: 'x86_64',
      };
      const wanted = args.length === 0 ? ['s'] : args.flatMap((a) => (/^-[snrm]+$/.test(a) ? [...a.slice(1)] : [a]));
      const unknown = wanted.find((w) => !(w in fields));
      if (unknown) {
        out.stderr(`kubesim: 'uname ${args.join(' ')}' inside a container is not simulated\n`);
        return 1;
      }
      out.stdout(
        ['s', 'n', 'r', 'm']
          .filter((k) => wanted.includes(k))
          .map((k) => fields[k])
          .join(' ') + '\n',
      );
      return 0;
    },
  };
}

const dateCommand: ShellCommand = {
  name: 'date',
  summary: 'print the date (UTC, as containers have it)',
  run({ args, out, clock }) {
    if (args.some((a) => a !== '-u')) {
      out.stderr(`kubesim: 'date ${args.join(' ')}' inside a container is not simulated\n`);
      return 1;
    }
    out.stdout(dateOutput(clock.now()) + '\n');
    return 0;
  },
};

function psCommand(inside: InContainer): ShellCommand {
  return {
    name: 'ps',
    summary: 'list processes',
    run({ args, out }) {
      const processes = inside.instance.processes.list();
      if (inside.instance.profile.userland === 'busybox') {
        let text = 'PID   USER     TIME  COMMAND\n';
        for (const p of processes) text += `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)}  0:00 ${p.args}\n`;
        out.stdout(text);
        return 0;
      }
      // procps: without options, this terminal's processes; -ef and aux show all of them
      const tty = (p: { tty: boolean }) => (p.tty ? 'pts/0' : '?');
      const started = new Date(inside.instance.startedAt).toISOString().slice(11, 16);
      if (args.some((a) => !a.startsWith('-'))) {
        out.stderr(`kubesim: 'ps ${args.join(' ')}' (BSD options) is not simulated; ps -ef is\n`);
        return 1;
      }
      const all = args.some((a) => /^-[a-zA-Z]*[eAf]/.test(a));
      const comm = (args: string) => args.split(' ')[0]!.split('/').pop()!;
      if (!all) {
        // the processes of this user on this terminal (or, without one, on none)
        const user = inside.instance.profile.user.name;
        const mine = processes.filter((p) => p.tty === inside.tty && p.user === user);
        let text = '    PID TTY          TIME CMD\n';
        for (const p of mine) text += `${String(p.pid).padStart(7)} ${tty(p).padEnd(8)} 00:00:00 ${comm(p.args)}\n`;
        out.stdout(text);
        return 0;
      }
      let text = 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
      for (const p of processes) {
        text += `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${started} ${tty(p).padEnd(8)} 00:00:00 ${p.args}\n`;
      }
      out.stdout(text);
      return 0;
    },
  };
}

/** busybox cat words its failures differently from GNU's */
const busyboxCat: ShellCommand = {
  name: 'cat',
  summary: 'print files one after another',
  run(ctx) {
    const { out, fs, stdin } = ctx;
    const operands = ctx.args.filter((a) => a !== '--');
    if (operands.length === 0) operands.push('-');
    let status = 0;
    for (const path of operands) {
      if (path === '-') {
        out.stdout(stdin);
        continue;
      }
      const content = fs.readFile(path);
      if (typeof content === 'string') out.stdout(content);
      else {
        out.stderr(
          content.error === 'EISDIR'
            ? 'cat: read error: Is a directory\n'
            : `cat: can't open '${path}': ${describeFsError(content.error)}\n`,
        );
        status = 1;
      }
    }
    return status;
  },
};

/** what only bash's printf has: options (-v), %q and %(…)T */
const BASH_ONLY_PRINTF = /%[-+ #0-9.*]*q|%\([^)]*\)T/;

/**
 * the shell's printf builtin: bash's is the learner's own. dash's and ash's print what bash's does
 * for the formats they share; an option, a bash-only conversion or anything bash would complain
 * about (their messages differ) says it is not simulated
 */
function shellPrintf(inside: InContainer): ShellCommand {
  return {
    ...printf,
    async run(ctx) {
      // the dialect is known once the shell is running, not when its commands are listed
      const state = inside.shell;
      if (state?.dialect === 'bash') return printf.run(ctx);
      const format = ctx.args[0] ?? '';
      if (ctx.args.length > 0 && !format.startsWith('-') && !BASH_ONLY_PRINTF.test(format)) {
        let stdout = '';
        let complaints = '';
        const out = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (complaints += t) };
        const status = await printf.run({ ...ctx, out });
        if (status === 0 && complaints === '') {
          ctx.out.stdout(stdout);
          return 0;
        }
      }
      ctx.out.stderr(
        `kubesim: ${state?.shell.name ?? 'sh'}'s printf builtin is not simulated for this (its plain formats are)\n`,
      );
      return 1;
    },
  };
}

function notSimulated(name: string): ShellCommand {
  return {
    name,
    summary: `${name} (not simulated yet)`,
    run({ out }) {
      out.stderr(`kubesim: '${name}' inside a container is not simulated yet\n`);
      return 1;
    },
  };
}

// ---- builtins ----

function exitBuiltin(inside: InContainer): ShellCommand {
  return {
    name: 'exit',
    summary: 'leave the shell',
    run({ args, out }) {
      const state = inside.shell;
      if (!state) return 0;
      const arg = args[0];
      // an interactive bash says so before anything else
      if (state.dialect === 'bash' && state.interactive) out.stderr('exit\n');
      let status = state.shell.lastStatus;
      if (arg !== undefined) {
        if (/^-?\d+$/.test(arg)) status = ((Number(arg) % 256) + 256) % 256;
        else if (state.dialect === 'bash') {
          out.stderr(`bash: exit: ${arg}: numeric argument required\n`);
          status = 2;
        } else {
          // ash and dash refuse and stay
          out.stderr(`${builtinPrefix(state)}exit: Illegal number: ${arg}\n`);
          return 2;
        }
      }
      state.shell.exitStatus = status;
      return status;
    },
  };
}

function exportBuiltin(inside: InContainer): ShellCommand {
  return {
    name: 'export',
    summary: 'export variables to the commands the shell starts',
    run({ args, out }) {
      const state = inside.shell;
      if (!state) return 0;
      if (args.length === 0) {
        const names = [...state.exported].filter((n) => state.shell.getVar(n) !== undefined).sort();
        for (const n of names) {
          const value = state.shell.getVar(n)!;
          out.stdout(state.dialect === 'bash' ? `declare -x ${n}="${value}"\n` : `export ${n}='${value}'\n`);
        }
        return 0;
      }
      let status = 0;
      for (const arg of args) {
        const eq = arg.indexOf('=');
        const name = eq < 0 ? arg : arg.slice(0, eq);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
          out.stderr(
            state.dialect === 'bash'
              ? `bash: export: \`${arg}': not a valid identifier\n`
              : `${builtinPrefix(state)}export: ${arg}: bad variable name\n`,
          );
          status = state.dialect === 'bash' ? 1 : 2;
          if (state.dialect !== 'bash') return status;
          continue;
        }
        if (eq >= 0) state.shell.setVar(name, arg.slice(eq + 1));
        if (!state.exported.includes(name)) state.exported.push(name);
      }
      return status;
    },
  };
}

function unsetBuiltin(inside: InContainer): ShellCommand {
  return {
    name: 'unset',
    summary: 'remove variables',
    run({ args, shell }) {
      for (const name of args) {
        shell.unsetVar(name);
        if (inside.shell) inside.shell.exported = inside.shell.exported.filter((n) => n !== name);
      }
      return 0;
    },
  };
}

/** cd in the shell's words; PWD and OLDPWD end up exported, as both bash and ash do */
function cdBuiltin(inside: InContainer): ShellCommand {
  return {
    name: 'cd',
    summary: 'change the working directory',
    async run(ctx) {
      const state = inside.shell;
      if (!state || state.dialect === 'bash') {
        const status = await cd.run(ctx);
        if (status === 0 && state && !state.exported.includes('OLDPWD')) state.exported.push('OLDPWD');
        return status;
      }
      const target = ctx.args.filter((a) => a !== '--')[0] ?? ctx.env.get('HOME') ?? '/';
      const dir = target === '-' ? (ctx.env.get('OLDPWD') ?? ctx.fs.cwd) : target;
      const st = ctx.fs.stat(dir);
      if (st?.kind !== 'dir') {
        const messages = SHELL_MESSAGES[state.dialect];
        ctx.out.stderr(messages.cdFailed(state.shell.name, state.shell.lineNumber, target, st ? 'ENOTDIR' : 'ENOENT'));
        return messages.errorStatus;
      }
      const from = ctx.fs.cwd;
      ctx.fs.cwd = ctx.fs.resolve(dir);
      state.shell.setVar('OLDPWD', from);
      state.shell.setVar('PWD', ctx.fs.cwd);
      if (!state.exported.includes('OLDPWD')) state.exported.push('OLDPWD');
      if (target === '-') ctx.out.stdout(ctx.fs.cwd + '\n');
      return 0;
    },
  };
}

/** a tool run from a shell is a process of its own while it runs: `ps` sees itself */
function forked(inside: InContainer, command: ShellCommand): ShellCommand {
  return {
    ...command,
    run(ctx) {
      // outside a shell (the container's own command) the tool answers as it does, at once if it can
      const state = inside.shell;
      if (!state) return command.run(ctx);
      return (async () => {
        const process = inside.instance.processes.fork(
          state.pid,
          inside.instance.profile.user.name,
          [ctx.name, ...ctx.args].join(' '),
        );
        try {
          return await command.run(ctx);
        } finally {
          inside.instance.processes.exit(process.pid);
        }
      })();
    },
  };
}

function shellCommand(inside: InContainer, name: string): ShellCommand {
  return {
    name,
    summary: `start ${name}`,
    run(ctx) {
      return inside.subshell ? inside.subshell(ctx) : 0;
    },
  };
}

/** every command a process in this container can run, builtins first */
export function containerCommands(inside: InContainer): ShellCommand[] {
  const { image, profile } = inside.instance;
  const has = (name: string) => image.binaries.includes(name);
  const commands: ShellCommand[] = [];
  const dialect = inside.shell?.dialect;
  if (inside.shell) {
    commands.push(echo, trueCommand, falseCommand, pwd, cdBuiltin(inside), exitBuiltin(inside));
    commands.push(exportBuiltin(inside), unsetBuiltin(inside));
    if (dialect === 'bash') commands.push(history);
    commands.push({ ...trueCommand, name: ':' });
    // dash's and busybox ash's printf word their errors and options differently from bash's
    commands.push(shellPrintf(inside));
  }
  const tools: ShellCommand[] = [];
  const coreutils = has('cat');
  if (has('echo') && !inside.shell) tools.push(echo);
  if (has('cat')) tools.push(profile.userland === 'busybox' ? busyboxCat : cat);
  if (has('ls'))
    tools.push(
      containerLs(() => ({
        userland: profile.userland,
        tty: inside.tty,
        columns: inside.columns(),
        owner: (path) =>
          profile.user.uid !== 0 && (path === profile.user.home || path.startsWith(profile.user.home + '/'))
            ? { user: profile.user.name, group: profile.user.group }
            : { user: 'root', group: 'root' },
      })),
    );
  if (has('env')) tools.push(envCommand(inside, 'env'));
  if (coreutils) tools.push(envCommand(inside, 'printenv'), whoamiCommand(inside), clear);
  if (has('hostname')) tools.push(hostnameCommand(inside));
  if (has('id')) tools.push(idCommand(inside));
  if (has('uname')) tools.push(unameCommand(inside));
  if (has('date')) tools.push(dateCommand);
  if (has('ps')) tools.push(psCommand(inside));
  if (has('sleep')) tools.push(sleep);
  if (has('pwd') && !inside.shell) tools.push(pwd);
  if (has('true') && !inside.shell) tools.push(trueCommand);
  if (has('false') && !inside.shell) tools.push(falseCommand);
  for (const [name, command] of [
    ['mkdir', mkdir],
    ['rm', rm],
    ['touch', touch],
    ['head', head],
    ['tail', tail],
    ['grep', grep],
    ['wc', wc],
    ['sort', sort],
    ['uniq', uniq],
    ['cut', cut],
    ['tr', tr],
    ['seq', seq],
  ] as const) {
    if (has(name)) tools.push(command);
  }
  if (has('curl')) tools.push(curlCommand(() => podLocalTransport(inside.instance, podLookupResolver(inside.instance))));
  if (has('wget')) tools.push(wgetCommand(() => podLocalTransport(inside.instance, podLookupResolver(inside.instance))));
  if (has('ping')) tools.push(pingCommand(() => podPingContext(inside.instance)));
  tools.push(...podDnsCommands(inside.instance));
  for (const name of NOT_SIMULATED) if (has(name)) tools.push(notSimulated(name));
  // the official image's nginx is a known release; the course's echo image's is not
  if (has('nginx'))
    tools.push(image.imageID.startsWith('docker.io/library/nginx@') ? nginxCommand(inside) : notSimulated('nginx'));
  // a Debian userland has the same GNU sed, mawk, findutils and coreutils as the learner's machine;
  // busybox's applets word their errors differently, and are not simulated
  for (const [name, command] of [
    ['sed', sed],
    ['awk', awk],
    ['xargs', xargs],
    ['tee', tee],
  ] as const) {
    if (has(name)) tools.push(profile.userland === 'gnu' ? command : notSimulated(name));
  }
  // a shell started from a shell counts its own process
  const shells: ShellCommand[] = [];
  if (image.shells.includes('sh') && profile.shells.sh) shells.push(shellCommand(inside, 'sh'));
  if (image.shells.includes('bash') && profile.shells.bash) shells.push(shellCommand(inside, 'bash'));
  return [...commands, ...tools.map((t) => forked(inside, t)), ...shells];
}
