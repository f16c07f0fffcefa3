// wget and curl run as a container's own command (`kubectl run client --image=busybox -- wget
// -qO- web`): the same tools a pod shell has, from the pod's own network, writing into its files,
// their output piped through the image's text tools when the command says so (`| grep Hostname`)
import type { Pod } from '../api/types.ts';
import { Interrupt } from '../clock.ts';
import type { Cluster } from '../cluster.ts';
import type { Filter, TransferToolName } from '../images/process.ts';
import { curlTransfer, type Transfer } from '../network/curl.ts';
import { wgetTransfer } from '../network/wget.ts';
import type { Output, ShellCommand } from '../shell/command.ts';
import type { FsError } from '../shell/vfs.ts';
import { cut } from '../shell/commands/cut.ts';
import { grep } from '../shell/commands/grep.ts';
import { head } from '../shell/commands/head.ts';
import { sort } from '../shell/commands/sort.ts';
import { tail } from '../shell/commands/tail.ts';
import { tr } from '../shell/commands/tr.ts';
import { uniq } from '../shell/commands/uniq.ts';
import { wc } from '../shell/commands/wc.ts';
import { containerCommands } from './commands.ts';
import { shellOf } from './processes.ts';
import { containerInstance, execEnvironment, type ContainerInstance } from './instances.ts';
import { podLookupResolver } from './pod-dns.ts';
import { podLocalTransport } from './pod-network.ts';

const TOOLS = { wget: wgetTransfer, curl: curlTransfer };
const FILTER_COMMANDS: Record<Filter['name'], ShellCommand> = { grep, head, tail, wc, sort, uniq, cut, tr };

/** one wget or curl run by the container `name` of `pod` as its own process, through its filters */
export function mainProcessTransfer(
  cluster: Cluster,
  pod: Pod,
  name: string,
  step: { tool: TransferToolName; args: string[]; filters: Filter[] },
  out: Output,
): Transfer {
  const instance = containerInstance(cluster, pod, name);
  if (!instance) return 1;
  const saved = instance.fs.cwd;
  instance.fs.cwd = instance.profile.workdir;
  try {
    const transport = podLocalTransport(instance, podLookupResolver(instance));
    if (step.filters.length === 0) return TOOLS[step.tool](step.args, transport, out, instance.fs);
    // sh runs a pipe's commands together and reports the last one's status
    let piped = '';
    const result = TOOLS[step.tool](step.args, transport, { stdout: (t) => void (piped += t), stderr: out.stderr }, instance.fs);
    const through = () => filterThrough(instance, step.filters, piped, out);
    return typeof result === 'number'
      ? through()
      : {
          waitMs: result.waitMs,
          then: () => {
            result.then();
            return through();
          },
        };
  } finally {
    instance.fs.cwd = saved;
  }
}

/**
 * one of the image's programs run by the container's own command (`mkdir -p /data`, `cat
 * /etc/hostname | tr a-z A-Z`), as kubectl exec runs it: in the container's files, with the
 * process's environment, from the image's working directory. null when the program is not
 * simulated here, or does not finish at once
 */
export function mainProcessCommand(
  cluster: Cluster,
  pod: Pod,
  name: string,
  step: { words: string[]; filters: Filter[] },
  out: Output,
  cwd: string | null = null,
): number | null {
  const instance = containerInstance(cluster, pod, name);
  if (!instance) return 1;
  const [program = '', ...args] = step.words;
  // a shell started from the script would need a shell of its own here: not simulated
  if (shellOf([program])) return null;
  const command = containerCommands({ instance, tty: false, columns: () => 80, shell: null }).find((c) => c.name === program);
  if (!command) return null;
  const saved = instance.fs.cwd;
  instance.fs.cwd = cwd ?? instance.profile.workdir;
  try {
    let piped = '';
    const target: Output = step.filters.length === 0 ? out : { stdout: (t) => void (piped += t), stderr: out.stderr };
    const result = runTool(instance, command, args, '', target, new Map(execEnvironment(instance, false)));
    if (result === null) return null;
    return step.filters.length === 0 ? result : filterThrough(instance, step.filters, piped, out);
  } finally {
    instance.fs.cwd = saved;
  }
}

/** `cd` in the container's own command: the directory it names, from `cwd` (or the image's working directory) */
export function mainProcessChangeDir(
  cluster: Cluster,
  pod: Pod,
  name: string,
  cwd: string | null,
  target: string,
): { cwd: string } | { error: FsError } {
  const instance = containerInstance(cluster, pod, name);
  if (!instance) return { error: 'ENOENT' };
  const fs = instance.fs;
  const saved = fs.cwd;
  fs.cwd = cwd ?? instance.profile.workdir;
  try {
    const stat = fs.stat(target);
    if (!stat) return { error: 'ENOENT' };
    if (stat.kind !== 'dir') return { error: 'ENOTDIR' };
    return { cwd: fs.resolve(target) };
  } finally {
    fs.cwd = saved;
  }
}

/** a file past this size keeps only its newest half: a loop that writes for days stays bounded */
const FILE_CAP = 1_000_000;

/**
 * a write by the container's own command into its files (`date >> /var/log/date.log`), relative
 * paths from the image's working directory; what exec and a pod shell see afterwards
 */
export function mainProcessWrite(
  cluster: Cluster,
  pod: Pod,
  name: string,
  path: string,
  text: string,
  append: boolean,
  cwd: string | null = null,
): FsError | null {
  const instance = containerInstance(cluster, pod, name);
  if (!instance) return null;
  const fs = instance.fs;
  const saved = fs.cwd;
  fs.cwd = cwd ?? instance.profile.workdir;
  try {
    const error = fs.writeFile(path, text, append);
    const content = error ? null : fs.readFile(path);
    if (typeof content === 'string' && content.length > FILE_CAP) {
      const keep = content.slice(-FILE_CAP / 2);
      fs.writeFile(path, keep.slice(keep.indexOf('\n') + 1));
    }
    return error;
  } finally {
    fs.cwd = saved;
  }
}

/** `text` through each filter in turn; the last one writes to `out`. returns the last one's status */
function filterThrough(instance: ContainerInstance, filters: Filter[], text: string, out: Output): number {
  let input = text;
  let status = 0;
  filters.forEach((filter, i) => {
    let output = '';
    const last = i === filters.length - 1;
    const result = runTool(
      instance,
      FILTER_COMMANDS[filter.name],
      filter.args,
      input,
      last ? out : { stdout: (t) => void (output += t), stderr: out.stderr },
      new Map(),
    );
    // the text tools finish at once; a promise here would be a tool this path was never meant for
    status = result ?? 1;
    input = output;
  });
  return status;
}

/** a tool run once in the container, outside any shell; null when it did not finish at once */
function runTool(
  instance: ContainerInstance,
  command: ShellCommand,
  args: string[],
  stdin: string,
  out: Output,
  env: Map<string, string>,
): number | null {
  const result = command.run({
    name: command.name,
    args,
    stdin,
    out,
    env,
    fs: instance.fs,
    clock: instance.cluster.clock,
    random: instance.cluster.random,
    interrupt: new Interrupt(),
    shell: { history: [], commands: new Map(), setVar: () => {}, unsetVar: () => {} },
    world: null,
    host: {},
  });
  return typeof result === 'number' ? result : null;
}
