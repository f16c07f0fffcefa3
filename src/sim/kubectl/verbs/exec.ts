// kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go): runs a command in a container.
// with -it a shell takes over the prompt until `exit` or Ctrl-D; without a TTY on kubectl's side
// (a piped script) it warns and reads the script's next lines instead. a non-zero exit comes
// back as client-go's "command terminated with exit code N"; a program the image lacks fails in
// containerd, whose error the apiserver wraps twice.
import { execInContainer } from '../../container/pod-shell.ts';
import { flagBool, flagList, flagString } from '../flags.ts';
import type { Verb } from '../env.ts';
import { execId, openContainerStream } from '../container-stream.ts';
import { byActive, fetchObject, findOrDefaultContainer, goDurationMs, podsFor } from '../pod-target.ts';

const SEE_HELP = "See 'kubectl exec -h' for help and examples";
const DEFAULT_POD_TIMEOUT_MS = 60_000;

export const execVerb: Verb = {
  name: 'exec',
  summary: 'Execute a command in a container',
  operands: { kind: 'pod' },
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'stringArray' },
    { name: 'pod-running-timeout', kind: 'duration' },
  ],
  async run(env, flags, args) {
    const err = (text: string) => {
      env.out.stderr(text.endsWith('\n') ? text : text + '\n');
      return 1;
    };
    // Complete: the resource is the first word before `--`, the command everything after it
    const dash = args.indexOf('--');
    const before = dash < 0 ? args : args.slice(0, dash);
    const command = dash < 0 ? [] : args.slice(dash + 1);
    const filenames = flagList(flags, 'filename');
    const resource = dash === 0 ? '' : (before[0] ?? '');
    if (dash < 0 && (before.length > 1 || (before.length > 0 && filenames.length > 0))) {
      return err(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n${SEE_HELP}`);
    }
    const timeout = goDurationMs(flagString(flags, 'pod-running-timeout') ?? '1m');
    if (timeout === null || timeout <= 0) {
      return err(`error: --pod-running-timeout must be higher than zero\n${SEE_HELP}`);
    }
    // Validate
    if (!resource && filenames.length === 0) return err('error: pod, type/name or --filename must be specified');
    if (command.length === 0) return err('error: you must specify at least one command for the container');
    if (filenames.length > 0) return err("kubesim: 'kubectl exec -f' is not simulated; name the pod");

    // Run: the pod (the best one behind a TYPE/NAME), then the container
    const fetched = fetchObject(env, resource);
    if (!fetched.ok) return err(fetched.error);
    const pods = await podsFor(env, fetched.value.object, timeout || DEFAULT_POD_TIMEOUT_MS, byActive);
    if (!pods.ok) {
      if (!pods.error) return 130;
      return err(
        pods.fromSelector ? `error: cannot attach to *v1.${fetched.value.object.kind}: ${pods.error}` : `error: ${pods.error}`,
      );
    }
    const pod = pods.value[0]!;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      return err(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    }
    const quiet = flagBool(flags, 'quiet');
    let containerName = flagString(flags, 'container');
    if (!containerName) {
      const found = findOrDefaultContainer(env, pod, undefined, quiet);
      if (!found.ok) return err(`error: ${found.error}`);
      containerName = found.value.name;
    }

    // SetupTTY: a TTY only with stdin, and only when kubectl's own stdin is a terminal
    const stdin = flagBool(flags, 'stdin');
    let tty = stdin && flagBool(flags, 'tty');
    // piped input is not a terminal either
    if (tty && !(env.host.stdinIsTerminal && env.stdin === '')) {
      tty = false;
      if (!quiet) env.out.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    }

    const stream = openContainerStream(env, pod, containerName);
    if (!stream.ok) return err(stream.error);
    const instance = stream.value;
    const result = await execInContainer(instance, {
      argv: command,
      tty,
      stdin: stdin ? env.stdin : null,
      terminalInput: stdin && env.stdin === '',
      openShell: env.host.openShell,
      columns: () => env.host.terminalColumns ?? 80,
      clock: env.clock,
      out: env.out,
      interrupt: env.interrupt,
    });
    env.cluster.settle();
    if ('error' in result) {
      const id = execId(`${pod.metadata.uid}/${containerName}/${env.cluster.clock.now()}/${command.join(' ')}`);
      return err(
        `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${result.error}`,
      );
    }
    if (env.interrupt.interrupted) return 130;
    if (result.status !== 0) env.out.stderr(`command terminated with exit code ${result.status}\n`);
    return result.status;
  },
};
