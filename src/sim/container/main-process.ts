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
import { cut } from '../shell/commands/cut.ts';
import { grep } from '../shell/commands/grep.ts';
import { head } from '../shell/commands/head.ts';
import { sort } from '../shell/commands/sort.ts';
import { tail } from '../shell/commands/tail.ts';
import { tr } from '../shell/commands/tr.ts';
import { uniq } from '../shell/commands/uniq.ts';
import { wc } from '../shell/commands/wc.ts';
import { containerInstance, type ContainerInstance } from './instances.ts';
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

/** `text` through each filter in turn; the last one writes to `out`. returns the last one's status */
function filterThrough(instance: ContainerInstance, filters: Filter[], text: string, out: Output): number {
  let input = text;
  let status = 0;
  filters.forEach((filter, i) => {
    let output = '';
    const last = i === filters.length - 1;
    const result = FILTER_COMMANDS[filter.name].run({
      name: filter.name,
      args: filter.args,
      stdin: input,
      out: last ? out : { stdout: (t) => void (output += t), stderr: out.stderr },
      env: new Map(),
      fs: instance.fs,
      clock: instance.cluster.clock,
      random: instance.cluster.random,
      interrupt: new Interrupt(),
      shell: { history: [], commands: new Map(), setVar: () => {}, unsetVar: () => {} },
      world: null,
      host: {},
    });
    // the text tools finish at once; a promise here would be a tool this path was never meant for
    status = typeof result === 'number' ? result : 1;
    input = output;
  });
  return status;
}
