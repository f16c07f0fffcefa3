// kubectl attach (staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go) and the attach half of
// kubectl run -it (pkg/cmd/run/run.go): connect to a container's main process. a shell started
// with stdin (kubectl run -it … -- sh) takes over the prompt as PID 1 and the container ends when
// it exits; any other process is watched as it writes. run waits for the pod first, may wait for
// it to finish (--restart=Never or OnFailure) and, with --rm, deletes it on the way out.
import type { Container, Pod } from '../../api/types.ts';
import { processEnvironment } from '../../container/environment.ts';
import type { ContainerInstance } from '../../container/instances.ts';
import { createPodShell } from '../../container/pod-shell.ts';
import { isInteractiveShell } from '../../container/processes.ts';
import type { NestedShell, Output } from '../../shell/command.ts';
import { flagBool, flagString } from '../flags.ts';
import { waitFor, type KubectlEnv, type Verb } from '../env.ts';
import { openContainerStream } from '../container-stream.ts';
import { byActive, fetchObject, findOrDefaultContainer, goDurationMs, podsFor } from '../pod-target.ts';

export interface AttachOptions {
  tty: boolean;
  remove: boolean;
  quiet: boolean;
}

const RECORDED =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';
const PRESS_ENTER = "If you don't see a command prompt, try pressing enter.\n";
const DEFAULT_POD_TIMEOUT_MS = 60_000;
/** in scripts, watching a process's output ends after this much cluster time at most */
const SCRIPT_WATCH_LIMIT_MS = 10 * 60_000;

function currentPod(env: KubectlEnv, pod: Pod): Pod | undefined {
  const now = env.cluster.api.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
  return now && now.metadata.uid === pod.metadata.uid ? now : undefined;
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function completed(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

interface SessionSettings {
  stdin: boolean;
  /** kubectl's terminal is in raw mode: the container's TTY reaches the learner */
  rawTTY: boolean;
  quiet: boolean;
  commandName: string;
  /** kubectl run: what the new container printed before the attach caught up shows first */
  catchUp?: boolean;
}

/** AttachOptions.Run once the pod is known: checks, the two notices, the session, the resume hint */
async function attachToPod(
  env: KubectlEnv,
  pod: Pod,
  container: Container,
  wantTTY: boolean,
  settings: Omit<SessionSettings, 'rawTTY'>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  let tty = wantTTY;
  if (tty && !container.tty) {
    tty = false;
    if (!settings.quiet) env.out.stderr(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) {
    // the container has a TTY: attach has to use one too
    tty = true;
  }
  // SetupTTY
  if (!settings.stdin) tty = false;
  else if (tty && !(env.host.stdinIsTerminal && env.stdin === '')) {
    tty = false;
    if (!settings.quiet) env.out.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  const stream = openContainerStream(env, pod, container.name);
  if (!stream.ok) return stream;
  if (settings.catchUp && !readsPrompt(stream.value, container, settings.stdin)) printLog(env, pod, container.name);
  if (!settings.quiet) env.out.stderr(RECORDED + PRESS_ENTER);
  await session(env, stream.value, container, { ...settings, rawTTY: tty });
  if (!settings.quiet && settings.stdin && tty) {
    env.out.stdout(
      `Session ended, resume using '${settings.commandName} ${pod.metadata.name} -c ${container.name} -n ${pod.metadata.namespace} -i -t' command\n`,
    );
  }
  return { ok: true };
}

/** the main process is a shell reading the stdin attach passes it */
function readsPrompt(instance: ContainerInstance, container: Container, stdin: boolean): boolean {
  return stdin && container.stdin === true && isInteractiveShell(instance.mainArgv);
}

/** the attached session: a shell that is PID 1 reads the prompt's lines, anything else is watched */
async function session(
  env: KubectlEnv,
  instance: ContainerInstance,
  container: Container,
  settings: SessionSettings,
): Promise<void> {
  const pod = instance.pod;
  if (!readsPrompt(instance, container, settings.stdin)) {
    await watchOutput(env, instance);
    return;
  }
  // PID 1's environment: a container with a TTY gets TERM=xterm from containerd
  const processEnv = processEnvironment({
    hostname: instance.identity.hostname,
    imageEnv: instance.profile.env,
    kubelet: instance.kubeletEnv,
    tty: container.tty === true,
    home: instance.profile.user.home,
  });
  const program = instance.mainArgv[0]!.endsWith('bash') ? 'bash' : 'sh';
  const dialect = program === 'bash' ? 'bash' : (instance.profile.shells.sh?.dialect ?? 'ash');
  const { state, nested } = createPodShell({
    instance,
    clock: env.clock,
    program,
    dialect,
    tty: settings.rawTTY,
    columns: () => env.host.terminalColumns ?? 80,
    env: processEnv,
    pid: 1,
    cwd: instance.profile.workdir,
  });
  let status: number;
  const piped = env.stdin !== '';
  if (piped || !env.host.openShell) {
    status = piped ? await state.shell.run(env.stdin, env.out, env.interrupt) : 0;
    status = state.shell.exitStatus ?? status;
  } else {
    status = await env.host.openShell(recorded(env, instance, nested, container.tty === true));
  }
  // PID 1 has exited: the container with it
  const now = currentPod(env, pod);
  if (now) env.cluster.kubelet.processExited(now, container.name, status);
  env.cluster.settle();
}

/** what an attached session types and sees goes to the container's log too (with a TTY, its echo as well) */
function recorded(env: KubectlEnv, instance: ContainerInstance, nested: NestedShell, tty: boolean): NestedShell {
  const pod = instance.pod;
  const name = instance.containerName;
  const log = (text: string) => {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length > 0) env.cluster.kubelet.appendLog(pod, name, lines);
  };
  return {
    ...nested,
    input(source: string, terminal: Output): Output {
      const out = nested.input?.(source, terminal) ?? terminal;
      if (tty) log(nested.prompt(false) + source);
      return {
        stdout: (text) => {
          log(text);
          out.stdout(text);
        },
        stderr: (text) => {
          log(text);
          out.stderr(text);
        },
        control: out.control,
      };
    },
  };
}

/** a process that is not a shell: its output as it comes, until it stops (or Ctrl-C, or a quiet script) */
async function watchOutput(env: KubectlEnv, instance: ContainerInstance): Promise<void> {
  const pod = instance.pod;
  const name = instance.containerName;
  const virtual = (env.clock as unknown) === env.cluster.clock;
  const start = env.cluster.clock.now();
  let written = env.cluster.kubelet.logEntries(pod, name, false)?.length ?? 0;
  const view = env.cluster.kubelet.containerRuntime(pod, name);
  const id = view?.containerID;
  for (;;) {
    if (virtual && (!env.cluster.clock.hasTimers() || env.cluster.clock.now() - start > SCRIPT_WATCH_LIMIT_MS)) return;
    const finished = await env.clock.sleep(virtual ? 100 : 250, env.interrupt);
    if (!finished) return;
    env.cluster.settle();
    const entries = env.cluster.kubelet.logEntries(pod, name, false) ?? [];
    if (entries.length > written)
      env.out.stdout(
        entries
          .slice(written)
          .map((e) => e.line + '\n')
          .join(''),
      );
    written = Math.max(written, entries.length);
    const now = env.cluster.kubelet.containerRuntime(pod, name);
    if (!now || !now.running || now.containerID !== id) return;
  }
}

/** kubectl run's logOpts: a pod that finished before it could be attached to shows its log instead */
function printLog(env: KubectlEnv, pod: Pod, container: string): void {
  const entries = env.cluster.kubelet.logEntries(pod, container, false) ?? [];
  env.out.stdout(entries.map((e) => e.line + '\n').join(''));
}

/** the attach half of `kubectl run -i/-t/--attach` */
export async function attachInteractive(env: KubectlEnv, created: Pod, options: AttachOptions): Promise<number> {
  const name = created.metadata.name!;
  const namespace = created.metadata.namespace ?? env.namespace;
  let error: string | null = null;
  const policy = created.spec.restartPolicy ?? 'Always';
  try {
    // handleAttachPod: wait until the pod runs and is ready, or has finished
    const waited = await waitFor(
      env,
      () => {
        const pod = currentPod(env, created);
        return !pod || completed(pod) || (pod.status?.phase === 'Running' && isReady(pod));
      },
      DEFAULT_POD_TIMEOUT_MS,
    );
    if (waited === 'interrupted') return 130;
    if (waited === 'timeout') {
      error = 'error: timed out waiting for the condition\n';
      return 1;
    }
    const pod = currentPod(env, created);
    if (!pod) {
      error = `Error from server (NotFound): pods "${name}" not found\n`;
      return 1;
    }
    const container = pod.spec.containers[0]!;
    if (completed(pod)) printLog(env, pod, container.name);
    else {
      const attached = await attachToPod(env, pod, container, options.tty, {
        stdin: container.stdin === true,
        quiet: options.quiet,
        commandName: 'kubectl attach',
        catchUp: true,
      });
      if (!attached.ok) {
        const reason = attached.error.replace(/^error: /, '').replace(/\n$/, '');
        env.out.stderr(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${reason}\n`);
        printLog(env, pod, container.name);
      }
    }
    if (policy !== 'Never' && policy !== 'OnFailure') return 0;
    // waitForPod: Never waits for the pod to finish either way, OnFailure for it to succeed
    const done = await waitFor(
      env,
      () => {
        const now = currentPod(env, created);
        return !now || (policy === 'Never' ? completed(now) : now.status?.phase === 'Succeeded');
      },
      DEFAULT_POD_TIMEOUT_MS,
    );
    if (done === 'interrupted') return 130;
    if (done === 'timeout') {
      error = 'error: timed out waiting for the condition\n';
      return 1;
    }
    const final = currentPod(env, created);
    if (!final) {
      error = 'Error from server (NotFound): pods "" not found\n';
      return 1;
    }
    if (final.status?.phase === 'Failed') {
      const terminated = final.status.containerStatuses?.[0]?.state.terminated;
      if (!terminated || terminated.exitCode === 0) {
        error = `error: pod ${namespace}/${name} failed with unknown exit code\n`;
        return 1;
      }
      error = `pod ${namespace}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`;
      if (!error.endsWith('\n')) error += '\n';
      return terminated.exitCode;
    }
    return 0;
  } finally {
    // the deferred removal runs before the error is printed
    if (options.remove && !env.interrupt.interrupted) {
      const gone = env.cluster.api.delete('Pod', namespace, name, { propagationPolicy: 'Background' });
      if (gone.ok) env.out.stdout(`pod "${name}" deleted from ${namespace} namespace\n`);
      env.cluster.settle();
    }
    if (error) env.out.stderr(error);
  }
}

export const attachVerb: Verb = {
  name: 'attach',
  summary: 'Attach to a running container',
  operands: { kind: 'pod' },
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'pod-running-timeout', kind: 'duration' },
    { name: 'detach-keys', kind: 'string' },
  ],
  async run(env, flags, args) {
    const fail = (text: string) => {
      env.out.stderr(text.endsWith('\n') ? text : text + '\n');
      return 1;
    };
    const timeout = goDurationMs(flagString(flags, 'pod-running-timeout') ?? '1m');
    if (timeout === null || timeout <= 0) {
      return fail("error: --pod-running-timeout must be higher than zero\nSee 'kubectl attach -h' for help and examples");
    }
    if (args.length === 0) return fail('error: at least 1 argument is required for attach');
    if (args.length > 2) {
      return fail(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
    }
    const fetched = args.length === 2 ? fetchObject(env, args[1]!, args[0]!) : fetchObject(env, args[0]!);
    if (!fetched.ok) return fail(fetched.error);
    const pods = await podsFor(env, fetched.value.object, timeout, byActive);
    if (!pods.ok) {
      if (!pods.error) return 130;
      return fail(
        pods.fromSelector ? `error: cannot attach to *v1.${fetched.value.object.kind}: ${pods.error}` : `error: ${pods.error}`,
      );
    }
    const pod = pods.value[0]!;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      return fail(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
    }
    const quiet = flagBool(flags, 'quiet');
    const container = findOrDefaultContainer(env, pod, flagString(flags, 'container'), quiet);
    if (!container.ok) return fail(`error: cannot attach to the container: ${container.error}`);
    const attached = await attachToPod(env, pod, container.value, flagBool(flags, 'tty'), {
      stdin: flagBool(flags, 'stdin'),
      quiet,
      commandName: 'kubectl attach',
    });
    if (!attached.ok) return fail(attached.error);
    return env.interrupt.interrupted ? 130 : 0;
  },
};
