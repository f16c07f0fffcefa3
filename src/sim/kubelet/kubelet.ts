// the kubelets of every node, simulated together: they start the pods bound to their node
// (pull, create, start), restart containers that exit according to restartPolicy with
// back-off, report status and events, keep logs, and finish pods that are being deleted.

import { qosClass } from '../api/qos.ts';
import type { ApiServer } from '../api/apiserver.ts';
import type { EventRecorder } from '../api/events.ts';
import { parseTimestamp, timestamp, withStatus } from '../api/meta.ts';
import type { WatchEvent } from '../api/store.ts';
import type { Container, ContainerState, ContainerStatus, Node, Pod, PodCondition, PodStatus, Service } from '../api/types.ts';
import type { VirtualClock } from '../clock.ts';
import { lookupImage, type ImageInfo } from '../images/catalogue.ts';
import { ArithmeticFailure } from '../shell/arithmetic.ts';
import {
  effectiveArgv,
  NETWORK_HINT as NOT_SIMULATED_HINT,
  planProcess,
  repeatOf,
  type ProcessPlan,
  type ProgramStep,
  type StepState,
} from '../images/process.ts';
import type { Transfer } from '../network/curl.ts';
import type { Output } from '../shell/command.ts';
import { SHELL_MESSAGES } from '../shell/shell.ts';
import type { FsError } from '../shell/vfs.ts';
import { profileFor } from '../container/image-profiles.ts';
import { containerConfigError } from '../container/environment.ts';
import { mainProcessStart } from '../container/instances.ts';
import { isInteractiveShell, mainProcessArgv } from '../container/processes.ts';
import { IpPool, parseCidr } from '../network/ip.ts';
import type { Random } from '../random.ts';
import * as stage from './stages.ts';

type Phase = 'creating' | 'pulling' | 'pull-failed' | 'running' | 'exited' | 'backoff';

/** one line a container wrote, and when (ms) */
export interface LogEntry {
  at: number;
  line: string;
}

/** what exec and attach need to know about a container */
export interface ContainerView {
  image: ImageInfo | null;
  running: boolean;
  ip: string | null;
  /** when the current instance started, and how many instances came before it */
  startedAt: number | null;
  restarts: number;
  containerID: string | null;
  /** the Services that existed when it started: the kubelet builds its environment from them */
  services: Service[];
}

interface ContainerRuntime {
  spec: Container;
  image: ImageInfo | null;
  phase: Phase;
  waitingReason?: string | undefined;
  waitingMessage?: string | undefined;
  plan?: ProcessPlan;
  startedAt?: number;
  restarts: number;
  backoffMs: number;
  pullBackoffMs: number;
  terminated?: { exitCode: number; reason: string; startedAt: number; finishedAt: number; message?: string } | undefined;
  lastTerminated?: ContainerRuntime['terminated'];
  /** what the instance logged, less the lines it printed at start while those are still pending */
  logs: LogEntry[];
  /**
   * when the instance printed its plan's start-up lines, until they are written into `logs` (they
   * come before anything else there): most logs are never read, so most pods never pay for them
   */
  startupLogAt: number | null;
  previousLogs: LogEntry[] | null;
  containerID?: string;
  services?: Service[];
  /** an attached session closed its stdin (stdinOnce): a shell started again reads end of file */
  stdinClosed?: boolean;
}

interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  ip: string | null;
  startTime: number;
  containers: ContainerRuntime[];
  /** bumped on stop so that stale timers do nothing */
  epoch: number;
  stopping: boolean;
}

export interface KubeletDeps {
  api: ApiServer;
  clock: VirtualClock;
  random: Random;
  events: EventRecorder;
  /** runs fn after ms of cluster time, then lets the controllers settle */
  schedule: (ms: number, fn: () => void) => void;
  /** runs wget or curl (and what it pipes into) in a running container, for a command that uses them */
  transfer: (pod: Pod, container: string, step: TransferStep, out: Output) => Transfer;
  /**
   * runs one of the image's programs (and what it pipes into) in a running container, as exec
   * would; null when that program is not simulated there
   */
  command: (pod: Pod, container: string, step: CommandStep, out: Output, cwd: string | null) => number | null;
  /** writes into a running container's files (`echo … >> /tmp/log` in its own command); an error when it cannot */
  writeFile: (pod: Pod, container: string, path: string, text: string, append: boolean, cwd: string | null) => FsError | null;
  /** the directory `cd` moves a container's own command to (from `cwd`, or the image's working directory) */
  changeDir: (pod: Pod, container: string, cwd: string | null, target: string) => { cwd: string } | { error: FsError };
}

type TransferStep = Extract<ProgramStep, { kind: 'transfer' }>;
type CommandStep = Extract<ProgramStep, { kind: 'command' }>;

/** a stepped command keeps at most this many log lines (a loop's oldest go, as log rotation would drop them) */
const PROGRAM_LOG_LINES = 10_000;

export class Kubelet {
  private pods = new Map<string, PodRuntime>();
  /** pod-network address → the pod holding it (host-network pods share their node's and are left out) */
  private byIp = new Map<string, PodRuntime>();
  private pools = new Map<string, IpPool>();
  private imagesOnNode = new Map<string, Set<string>>();
  /** each namespace's Services as a container starting now sees them; dropped when one changes */
  private serviceSnapshots = new Map<string, Service[]>();
  /** the last process plan's log lines: containers started together print the same ones, kept once */
  private lastPlanLogs: ProcessPlan['logs'] = [];

  constructor(private readonly deps: KubeletDeps) {}

  /** registers a node's pod CIDR; its pods get addresses from it */
  addNode(node: Node): void {
    const cidr = node.spec.podCIDR;
    if (cidr) this.pools.set(node.metadata.name!, new IpPool(parseCidr(cidr)));
    this.imagesOnNode.set(node.metadata.name!, new Set());
  }

  /** marks an address as taken (pods created already running, at bootstrap) */
  claimIp(node: string, ip: string): void {
    this.pools.get(node)?.claim(ip);
  }

  handle(event: WatchEvent): void {
    if (event.resource === 'services') {
      // every namespace's snapshot holds default/kubernetes
      if (event.object.metadata.namespace === 'default') this.serviceSnapshots.clear();
      else this.serviceSnapshots.delete(event.object.metadata.namespace ?? '');
    }
    if (event.resource !== 'pods') return;
    const pod = event.object as Pod;
    const uid = pod.metadata.uid!;
    if (event.type === 'DELETED') {
      this.forget(uid);
      return;
    }
    const runtime = this.pods.get(uid);
    if (!runtime && pod.spec.nodeName && !pod.metadata.deletionTimestamp) {
      if (pod.status?.phase === 'Running' && pod.status.podIP) this.adoptRunning(pod);
      else this.start(pod);
      return;
    }
    if (runtime && pod.metadata.deletionTimestamp && !runtime.stopping) this.stop(pod, runtime);
  }

  /**
   * the log `kubectl logs` reads: the running or last ended instance's, or with `previous` the
   * instance before it (during a back-off that is the one that just ended); null when there is none
   */
  logEntries(pod: Pod, container: string, previous: boolean): LogEntry[] | null {
    const runtime = this.pods.get(pod.metadata.uid!);
    const c = runtime?.containers.find((x) => x.spec.name === container);
    if (!c) return null;
    const current = [...this.logsOf(c), ...this.repeatedLogs(c)];
    if (!previous || c.phase === 'backoff') return current;
    return c.previousLogs;
  }

  /** the image and process of a container, for exec and attach */
  containerRuntime(pod: Pod, container: string): ContainerView | null {
    const runtime = this.pods.get(pod.metadata.uid!);
    const c = runtime?.containers.find((x) => x.spec.name === container);
    if (!runtime || !c) return null;
    return {
      image: c.image,
      running: c.phase === 'running',
      ip: runtime.ip,
      startedAt: c.startedAt ?? null,
      restarts: c.restarts,
      containerID: c.containerID ?? null,
      services: c.services ?? [],
    };
  }

  /**
   * the container's main process ended on its own terms (the shell an attached session typed
   * `exit` into); stdinOnce closes its stdin for good
   */
  processExited(pod: Pod, container: string, exitCode: number): void {
    const runtime = this.pods.get(pod.metadata.uid!);
    const c = runtime?.containers.find((x) => x.spec.name === container);
    if (!runtime || !c || c.phase !== 'running') return;
    if ((c.spec as { stdinOnce?: boolean }).stdinOnce) c.stdinClosed = true;
    this.exited(runtime, c, { exitCode, reason: exitCode === 0 ? stage.REASON.completed : stage.REASON.error });
  }

  /** the ports a pod's running containers listen on: containers of a pod share one network namespace */
  listeners(pod: Pod): { container: string; image: ImageInfo; port: number }[] {
    const runtime = this.pods.get(pod.metadata.uid!);
    const out: { container: string; image: ImageInfo; port: number }[] = [];
    for (const c of runtime?.containers ?? []) {
      if (c.phase !== 'running' || !c.image || !c.plan) continue;
      for (const port of c.plan.listens) out.push({ container: c.spec.name, image: c.image, port });
    }
    return out;
  }

  /** the pod on the pod network at `ip`, as the kubelet that gave it the address knows it */
  podAt(ip: string): { namespace: string; name: string } | null {
    const runtime = this.byIp.get(ip);
    return runtime ? { namespace: runtime.namespace, name: runtime.name } : null;
  }

  /** what a container logs as it runs: an attached TTY session's prompts and output land here too */
  appendLog(pod: Pod, container: string, lines: string[]): void {
    const runtime = this.pods.get(pod.metadata.uid!);
    const c = runtime?.containers.find((x) => x.spec.name === container);
    if (!c || c.phase !== 'running') return;
    const at = this.deps.clock.now();
    for (const line of lines) c.logs.push({ at, line });
  }

  /** `logs`, or the last plan's lines when they are the same: plans' lines are only read, never changed */
  private shareLogs(logs: ProcessPlan['logs']): ProcessPlan['logs'] {
    const last = this.lastPlanLogs;
    if (logs.length !== last.length) return (this.lastPlanLogs = logs);
    for (let i = 0; i < logs.length; i++) {
      if (logs[i]!.at !== last[i]!.at || logs[i]!.line !== last[i]!.line) return (this.lastPlanLogs = logs);
    }
    return last;
  }

  /** the instance's log so far, its start-up lines written in first if they are still pending */
  private logsOf(c: ContainerRuntime): LogEntry[] {
    const at = c.startupLogAt;
    if (at !== null) {
      c.startupLogAt = null;
      const startup = c.plan!.logs.filter((l) => l.at === 0).map((l) => ({ at, line: l.line }));
      c.logs = [...startup, ...c.logs];
    }
    return c.logs;
  }

  private repeatedLogs(c: ContainerRuntime): LogEntry[] {
    const repeat = c.plan?.repeat;
    if (!repeat || c.startedAt === undefined || c.phase !== 'running') return [];
    const elapsed = this.deps.clock.now() - c.startedAt - repeat.from;
    if (elapsed < 0) return [];
    // bounded: a long-running loop keeps at most the last 10,000 iterations, like log rotation would
    const total = Math.floor(elapsed / repeat.periodMs) + 1;
    const first = Math.max(0, total - 10_000);
    const out: LogEntry[] = [];
    const now = this.deps.clock.now();
    for (let i = first; i < total; i++) {
      const round = c.startedAt + repeat.from + i * repeat.periodMs;
      for (const { offset, text } of repeat.lines) {
        const at = round + offset;
        if (at <= now)
          out.push({ at, line: repeatedLine(text, { at, status: 0, ...(repeat.vars ? { vars: repeat.vars } : {}) }) });
      }
    }
    return out;
  }

  private after(runtime: PodRuntime, ms: number, fn: () => void): void {
    const epoch = runtime.epoch;
    this.deps.schedule(ms, () => {
      if (this.pods.get(runtime.uid) === runtime && runtime.epoch === epoch) fn();
    });
  }

  private currentPod(runtime: PodRuntime): Pod | undefined {
    const pod = this.deps.api.get<Pod>('Pod', runtime.namespace, runtime.name);
    return pod && pod.metadata.uid === runtime.uid ? pod : undefined;
  }

  private adoptRunning(pod: Pod): void {
    const now = this.deps.clock.now();
    const runtime: PodRuntime = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      node: pod.spec.nodeName!,
      ip: pod.status!.podIP!,
      startTime: parseTimestamp(pod.status?.startTime) ?? now,
      containers: pod.spec.containers.map((spec) => ({
        spec,
        image: lookupImage(spec.image ?? ''),
        phase: 'running' as Phase,
        startedAt: now,
        restarts: 0,
        backoffMs: 0,
        pullBackoffMs: 0,
        logs: [],
        startupLogAt: null,
        previousLogs: null,
        services: this.servicesIn(pod.metadata.namespace!),
      })),
      epoch: 0,
      stopping: false,
    };
    this.pods.set(runtime.uid, runtime);
    if (runtime.ip && !pod.spec.hostNetwork) this.byIp.set(runtime.ip, runtime);
  }

  private start(pod: Pod): void {
    const node = pod.spec.nodeName!;
    const runtime: PodRuntime = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      node,
      ip: pod.spec.hostNetwork ? this.nodeIp(node) : (this.pools.get(node)?.allocate() ?? null),
      startTime: this.deps.clock.now(),
      containers: pod.spec.containers.map((spec) => ({
        spec,
        image: lookupImage(spec.image ?? ''),
        phase: 'creating' as Phase,
        waitingReason: stage.REASON.containerCreating,
        restarts: 0,
        backoffMs: 0,
        pullBackoffMs: 0,
        logs: [],
        startupLogAt: null,
        previousLogs: null,
      })),
      epoch: 0,
      stopping: false,
    };
    this.pods.set(runtime.uid, runtime);
    if (runtime.ip && !pod.spec.hostNetwork) this.byIp.set(runtime.ip, runtime);
    this.writeStatus(runtime);
    for (const c of runtime.containers) this.after(runtime, stage.CREATE_MS, () => this.pull(runtime, c));
  }

  private nodeIp(node: string): string | null {
    const n = this.deps.api.get<Node>('Node', undefined, node);
    return n?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? null;
  }

  private pullPolicy(c: Container): 'Always' | 'IfNotPresent' | 'Never' {
    return c.imagePullPolicy ?? 'IfNotPresent';
  }

  private pull(runtime: PodRuntime, c: ContainerRuntime): void {
    const pod = this.currentPod(runtime);
    if (!pod) return;
    const image = c.spec.image ?? '';
    const cached = this.imagesOnNode.get(runtime.node)?.has(image) === true;
    const fieldPath = `spec.containers{${c.spec.name}}`;
    const source = { component: 'kubelet', host: runtime.node };
    if (cached && this.pullPolicy(c.spec) !== 'Always' && c.image) {
      this.deps.events.record(pod, 'Normal', 'Pulled', stage.alreadyPresentMessage(image), source, fieldPath);
      this.create(runtime, c);
      return;
    }
    c.phase = 'pulling';
    this.deps.events.record(pod, 'Normal', 'Pulling', stage.pullingMessage(image), source, fieldPath);
    const ms = stage.PULL_MS.min + this.deps.random.int(stage.PULL_MS.max - stage.PULL_MS.min);
    this.after(runtime, ms, () => {
      const current = this.currentPod(runtime);
      if (!current) return;
      if (!c.image) {
        const reference = lookupImageReference(image);
        this.deps.events.record(current, 'Warning', 'Failed', stage.pullFailedMessage(image, reference), source, fieldPath);
        this.deps.events.record(current, 'Warning', 'Failed', 'Error: ErrImagePull', source, fieldPath);
        c.phase = 'pull-failed';
        c.waitingReason = stage.REASON.errImagePull;
        c.waitingMessage = stage.pullFailedMessage(image, reference).replace(/^Failed to pull image "[^"]*": /, '');
        this.writeStatus(runtime);
        c.pullBackoffMs = Math.min(stage.BACKOFF_MAX_MS, c.pullBackoffMs ? c.pullBackoffMs * 2 : stage.BACKOFF_START_MS);
        // the next sync reports the back-off, then the pull is retried when it ends
        this.after(runtime, 1000, () => {
          const again = this.currentPod(runtime);
          if (!again) return;
          this.deps.events.record(again, 'Normal', 'BackOff', stage.backOffPullMessage(image), source, fieldPath);
          this.deps.events.record(again, 'Warning', 'Failed', 'Error: ImagePullBackOff', source, fieldPath);
          c.waitingReason = stage.REASON.imagePullBackOff;
          c.waitingMessage = stage.backOffPullMessage(image);
          this.writeStatus(runtime);
          this.after(runtime, c.pullBackoffMs, () => this.pull(runtime, c));
        });
        return;
      }
      this.imagesOnNode.get(runtime.node)?.add(image);
      this.deps.events.record(current, 'Normal', 'Pulled', stage.pulledMessage(image, ms, c.image.sizeBytes), source, fieldPath);
      this.create(runtime, c);
    });
  }

  private create(runtime: PodRuntime, c: ContainerRuntime): void {
    const pod = this.currentPod(runtime);
    if (!pod || runtime.stopping) return;
    const fieldPath = `spec.containers{${c.spec.name}}`;
    const source = { component: 'kubelet', host: runtime.node };
    const now = this.deps.clock.now();
    // generateContainerConfig: a ConfigMap or Secret the environment needs is missing. the pod
    // worker tries the whole sync again after its back-off (10 s, jittered by up to half)
    const configError = containerConfigError(pod, c.spec, this.deps.api);
    if (configError) {
      c.waitingReason = stage.REASON.createContainerConfigError;
      c.waitingMessage = configError;
      this.deps.events.record(pod, 'Warning', 'Failed', `Error: ${configError}`, source, fieldPath);
      this.writeStatus(runtime);
      this.after(runtime, stage.SYNC_BACKOFF_MS + this.deps.random.int(stage.SYNC_BACKOFF_MS / 2), () => this.pull(runtime, c));
      return;
    }
    // the environment is built when the container starts, from the Services that exist then
    // (only the pod's own namespace matters: service variables never cross namespaces)
    c.services = this.servicesIn(runtime.namespace);
    // worked out only for a command that can use it: most containers run their image's own
    let started: ReturnType<typeof mainProcessStart> | null = null;
    const startedProcess = () =>
      (started ??= mainProcessStart({
        pod,
        container: c.spec,
        image: c.image!,
        services: c.services!,
        ip: runtime.ip,
        api: this.deps.api,
      }));
    const words = [...(c.spec.command ?? []), ...(c.spec.args ?? [])];
    const spec = words.some((word) => word.includes('$(')) ? startedProcess().container : c.spec;
    const argv = effectiveArgv(c.image!, spec);
    const command = mainProcessArgv(argv);
    const sh = profileFor(c.image!).shells.sh?.dialect ?? 'ash';
    const start = { time: goLogTime(now), now, env: () => new Map(startedProcess().env), sh };
    c.plan = planProcess(c.image!, spec, start);
    // an entrypoint that ends in `exec "$@"` (curlimages/curl's) runs the command it is given
    if (c.plan.startError && command.length < argv.length) {
      c.plan = planProcess(c.image!, { ...spec, command, args: [] }, start);
    }
    // a shell given stdin (kubectl run -i) waits on it, unless an attached session already closed it
    if (c.plan.exit && c.spec.stdin && !c.stdinClosed && isInteractiveShell(command)) delete c.plan.exit;
    c.plan.logs = this.shareLogs(c.plan.logs);
    c.containerID = `containerd://${hex(this.deps.random, 64)}`;
    this.deps.events.record(pod, 'Normal', 'Created', `Created container: ${c.spec.name}`, source, fieldPath);
    if (c.plan.startError) {
      this.deps.events.record(pod, 'Warning', 'Failed', `Error: ${c.plan.startError}: unknown`, source, fieldPath);
      this.exited(runtime, c, { exitCode: 128, reason: stage.REASON.startError, message: `${c.plan.startError}: unknown` });
      return;
    }
    this.deps.events.record(pod, 'Normal', 'Started', `Started container ${c.spec.name}`, source, fieldPath);
    c.phase = 'running';
    c.startedAt = now;
    // cleared, not deleted: deleting a field turns the record into a slow dictionary object
    c.waitingReason = undefined;
    c.waitingMessage = undefined;
    c.logs = [];
    c.startupLogAt = now;
    for (let i = 0; i < c.plan.logs.length; i++) {
      const log = c.plan.logs[i]!;
      if (!(log.at > 0)) continue;
      this.after(runtime, log.at, () => {
        if (c.startedAt === now) c.logs.push({ at: this.deps.clock.now(), line: log.line });
      });
    }
    if (c.plan.program) this.runProgram(runtime, c, now);
    if (c.plan.exit) {
      const code = c.plan.exit.code;
      this.after(runtime, c.plan.exit.at, () => {
        if (c.startedAt === now && c.phase === 'running') {
          this.exited(runtime, c, { exitCode: code, reason: code === 0 ? stage.REASON.completed : stage.REASON.error });
        }
      });
    }
    this.writeStatus(runtime);
  }

  /**
   * steps through a command that uses the network (see ProcessPlan.program) in cluster time: each
   * wget or curl runs against the cluster as it is at that moment, its output goes to the log, and
   * its exit status steers `&&` and `||` and becomes the container's when it is the last
   */
  private runProgram(runtime: PodRuntime, c: ContainerRuntime, startedAt: number): void {
    const program = c.plan!.program!;
    const alive = () => c.startedAt === startedAt && c.phase === 'running';
    let status = 0;
    let partial = '';
    const write = (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      const at = this.deps.clock.now();
      for (const line of lines) c.logs.push({ at, line });
      if (c.logs.length > 2 * PROGRAM_LOG_LINES) c.logs.splice(0, c.logs.length - PROGRAM_LOG_LINES);
    };
    const away = () => {};
    const fileWrite = (path: string, text: string, append: boolean): FsError | null => {
      const pod = this.currentPod(runtime);
      return pod ? this.deps.writeFile(pod, c.spec.name, path, text, append, cwd) : null;
    };
    const writerFor = (target: ProgramStep['redirects']['stdout']) =>
      target === 'log' ? write : target === 'away' ? away : (text: string) => void fileWrite(target.path, text, true);
    const outFor = (step: ProgramStep) => ({
      stdout: writerFor(step.redirects.stdout),
      stderr: writerFor(step.redirects.stderr),
    });
    // the shell opens a step's files before it runs the command: `>` empties one, a failure skips the command
    const shellName = program.shell === 'bash' ? 'bash' : 'sh';
    const openFiles = (step: ProgramStep): boolean => {
      for (const target of new Set([step.redirects.stdout, step.redirects.stderr])) {
        if (typeof target === 'string') continue;
        const error = fileWrite(target.path, '', target.append);
        if (!error) continue;
        write(SHELL_MESSAGES[program.shell].cannotCreate(shellName, target.line, target.path, error));
        status = SHELL_MESSAGES[program.shell].errorStatus;
        return false;
      }
      return true;
    };
    const finish = (code: number) => {
      if (partial !== '') write('\n');
      this.exited(runtime, c, { exitCode: code, reason: code === 0 ? stage.REASON.completed : stage.REASON.error });
    };
    // a pod already gone from the apiserver has no network left to use: the transfer fails
    const transfer = (step: TransferStep): Transfer => {
      const pod = this.currentPod(runtime);
      return pod ? this.deps.transfer(pod, c.spec.name, step, outFor(step)) : 1;
    };
    // the shell's variables: the process's environment, then what the script sets
    const vars = new Map(program.env);
    // where `cd` has taken the script; null is the image's working directory
    let cwd: string | null = null;
    const state = () => ({ at: this.deps.clock.now(), status, vars });
    const run = (steps: ProgramStep[], from: number, onEnd: () => void): void => {
      for (let i = from; i < steps.length; i++) {
        if (!alive()) return;
        const step = steps[i]!;
        if ((step.connector === '&&' && status !== 0) || (step.connector === '||' && status === 0)) continue;
        if (!openFiles(step)) continue;
        try {
          if (runStep(steps, i, step, onEnd) === 'paused') return;
        } catch (error) {
          if (!(error instanceof ArithmeticFailure)) throw error;
          // sh would print its own complaint here; this one is ours
          write(arithmeticNote(error) + '\n');
          status = 1;
        }
      }
      if (alive()) onEnd();
    };
    /** one step; 'paused' when it waits in cluster time and goes on by itself */
    const runStep = (steps: ProgramStep[], i: number, step: ProgramStep, onEnd: () => void): 'paused' | void => {
      switch (step.kind) {
        case 'echo':
          outFor(step).stdout(step.text(state()) + (step.newline ? '\n' : ''));
          status = 0;
          break;
        case 'cd': {
          const pod = this.currentPod(runtime);
          const target = step.argv(state())[1] ?? vars.get('HOME') ?? '/';
          const moved = pod ? this.deps.changeDir(pod, c.spec.name, cwd, target) : { error: 'ENOENT' as const };
          if ('error' in moved) {
            write(SHELL_MESSAGES[program.shell].cdFailed(shellName, step.line, target, moved.error));
            status = SHELL_MESSAGES[program.shell].errorStatus;
            break;
          }
          vars.set('OLDPWD', vars.get('PWD') ?? cwd ?? '');
          vars.set('PWD', moved.cwd);
          cwd = moved.cwd;
          status = 0;
          break;
        }
        case 'assign': {
          const now = state();
          for (const { name, value } of step.assignments) vars.set(name, value(now));
          status = 0;
          break;
        }
        case 'note':
          write(step.line + '\n');
          status = 0;
          break;
        case 'command': {
          const pod = this.currentPod(runtime);
          const words = step.argv ? step.argv(state()) : step.words;
          const result = pod ? this.deps.command(pod, c.spec.name, { ...step, words }, outFor(step), cwd) : 1;
          if (result !== null) status = result;
          else if (c.image && ([...c.image.binaries, ...c.image.shells] as string[]).includes(words[0]!)) {
            outFor(step).stdout(`kubesim: ${words[0]} in a container's own command is not simulated; ${NOT_SIMULATED_HINT}\n`);
            status = 0;
          } else {
            outFor(step).stderr(step.missing + '\n');
            status = 127;
          }
          break;
        }
        case 'quiet':
          outFor(step).stdout(step.line + '\n');
          status = 0;
          break;
        case 'status':
          status = step.code;
          break;

        case 'exit':
          finish(step.code ?? status);
          return 'paused';
        case 'block':
          return 'paused';
        case 'sleep':
          status = 0;
          if (step.ms === Infinity) return 'paused';
          this.after(runtime, step.ms, () => run(steps, i + 1, onEnd));
          return 'paused';
        case 'transfer': {
          const result = transfer(step.argv ? { ...step, args: step.argv(state()).slice(1) } : step);
          if (typeof result === 'number') {
            status = result;
            break;
          }
          // nothing answered: the tool waits out its timeout, then says so
          this.after(runtime, result.waitMs, () => {
            if (!alive()) return;
            status = result.then();
            run(steps, i + 1, onEnd);
          });
          return 'paused';
        }
      }
    };
    const loop = program.loop;
    if (!loop) {
      run(program.steps, 0, () => finish(status));
      return;
    }
    // a loop that took no cluster time (every step skipped or instant) waits a moment before it
    // goes round again, so it can never spin within one instant
    const again = () => {
      const began = this.deps.clock.now();
      run(loop, 0, () => (this.deps.clock.now() === began ? this.after(runtime, 1, again) : again()));
    };
    // echo and sleep alone: the rounds are left to whoever reads the log (repeatedLogs)
    const repeat = repeatOf(loop);
    run(program.steps, 0, () => {
      if (!repeat || partial !== '') return again();
      c.plan!.repeat = { from: this.deps.clock.now() - startedAt, ...repeat, vars: new Map(vars) };
    });
  }

  private exited(runtime: PodRuntime, c: ContainerRuntime, how: { exitCode: number; reason: string; message?: string }): void {
    const now = this.deps.clock.now();
    c.terminated = { ...how, startedAt: c.startedAt ?? now, finishedAt: now };
    c.logs = [...this.logsOf(c), ...this.repeatedLogs(c)];
    c.phase = 'exited';
    const pod = this.currentPod(runtime);
    if (!pod) return;
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && how.exitCode !== 0);
    this.writeStatus(runtime);
    if (!restart || runtime.stopping) return;
    const ranLong = c.startedAt !== undefined && now - c.startedAt > stage.BACKOFF_RESET_MS;
    const delay =
      c.restarts === 0 || ranLong ? 0 : Math.min(stage.BACKOFF_MAX_MS, c.backoffMs ? c.backoffMs * 2 : stage.BACKOFF_START_MS);
    c.backoffMs = delay;
    const restartNow = () => {
      if (runtime.stopping) return;
      c.lastTerminated = c.terminated;
      c.terminated = undefined;
      c.previousLogs = this.logsOf(c);
      c.logs = [];
      c.restarts += 1;
      this.create(runtime, c);
    };
    if (delay === 0) {
      this.after(runtime, 1000, restartNow);
      return;
    }
    this.after(runtime, 1000, () => {
      const current = this.currentPod(runtime);
      if (!current || runtime.stopping) return;
      c.phase = 'backoff';
      c.waitingReason = stage.REASON.crashLoopBackOff;
      c.waitingMessage = stage.crashLoopMessage(delay, c.spec.name, runtime.name, runtime.namespace, runtime.uid);
      this.deps.events.record(
        current,
        'Warning',
        'BackOff',
        'Back-off restarting failed container ' + `${c.spec.name} in pod ${runtime.name}_${runtime.namespace}(${runtime.uid})`,
        { component: 'kubelet', host: runtime.node },
        `spec.containers{${c.spec.name}}`,
      );
      this.writeStatus(runtime);
      this.after(runtime, delay, restartNow);
    });
  }

  private stop(pod: Pod, runtime: PodRuntime): void {
    runtime.stopping = true;
    runtime.epoch += 1;
    const source = { component: 'kubelet', host: runtime.node };
    let slow = false;
    for (const c of runtime.containers) {
      if (c.phase !== 'running') continue;
      this.deps.events.record(
        pod,
        'Normal',
        'Killing',
        `Stopping container ${c.spec.name}`,
        source,
        `spec.containers{${c.spec.name}}`,
      );
      if (!c.plan?.stopsOnSigterm) slow = true;
    }
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    const ms = slow ? grace : Math.min(grace, 300 + this.deps.random.int(400));
    this.after(runtime, ms, () => {
      const current = this.currentPod(runtime);
      if (current) this.deps.api.finalize(current);
    });
  }

  private forget(uid: string): void {
    const runtime = this.pods.get(uid);
    if (!runtime) return;
    runtime.epoch += 1;
    this.pods.delete(uid);
    if (runtime.ip && this.byIp.get(runtime.ip) === runtime) this.byIp.delete(runtime.ip);
    // a host-network pod's address is the node's, outside the pool: release ignores it
    if (runtime.ip) this.pools.get(runtime.node)?.release(runtime.ip);
  }

  /**
   * the Services a container's environment is built from: its namespace's, plus the apiserver's
   * `kubernetes` Service that every pod learns about; listed once and shared until one changes
   */
  private servicesIn(namespace: string): Service[] {
    let services = this.serviceSnapshots.get(namespace);
    if (!services) {
      services = this.deps.api.list<Service>('Service', namespace);
      const master = namespace === 'default' ? undefined : this.deps.api.get<Service>('Service', 'default', 'kubernetes');
      if (master) services.push(master);
      this.serviceSnapshots.set(namespace, services);
    }
    return services;
  }

  private writeStatus(runtime: PodRuntime): void {
    const pod = this.currentPod(runtime);
    if (!pod) return;
    this.deps.api.writeStatus(withStatus(pod, buildStatus(pod, runtime, this.deps.clock.now(), this.nodeIp(runtime.node))));
  }
}

function lookupImageReference(image: string): string {
  let rest = image;
  if (!rest.includes('/')) rest = `library/${rest}`;
  if (!/^[^/]+\.[^/]+\//.test(rest)) rest = `docker.io/${rest}`;
  if (!/:[^/]+$/.test(rest)) rest += ':latest';
  return rest;
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** n hex digits; each is random.int(16), taken straight from the top four bits. one flat string, not n fragments */
function hex(random: Random, n: number): string {
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = HEX_CODES[random.next() >>> 28]!;
  return String.fromCharCode(...codes);
}

/** the second goLogTime last formatted, and how: containers start in crowds */
let logTimeSecond = NaN;
let logTimeText = '';

/** nginx's log timestamp format: 2026/01/01 12:00:00 */
function goLogTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== logTimeSecond) {
    logTimeSecond = second;
    logTimeText = new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
  }
  return logTimeText;
}

/** what the log says where an arithmetic expansion failed as it ran */
function arithmeticNote(error: ArithmeticFailure): string {
  return `kubesim: an arithmetic expansion failed (${error.message}); not simulated further`;
}

/** a line of a loop left to the log's reader; an arithmetic expansion that fails says so in its place */
function repeatedLine(text: (state: StepState) => string, state: StepState): string {
  try {
    return text(state);
  } catch (error) {
    if (!(error instanceof ArithmeticFailure)) throw error;
    return arithmeticNote(error);
  }
}

function containerState(c: ContainerRuntime): ContainerState {
  if (c.phase === 'running') return { running: { startedAt: timestamp(c.startedAt!) } };
  if (c.phase === 'exited' && c.terminated) return { terminated: terminatedState(c.terminated, c.containerID) };
  const waiting: { reason?: string; message?: string } = {};
  if (c.waitingReason) waiting.reason = c.waitingReason;
  if (c.waitingMessage) waiting.message = c.waitingMessage;
  return { waiting };
}

function terminatedState(t: NonNullable<ContainerRuntime['terminated']>, containerID?: string) {
  return {
    exitCode: t.exitCode,
    reason: t.reason,
    ...(t.message ? { message: t.message } : {}),
    startedAt: timestamp(t.startedAt),
    finishedAt: timestamp(t.finishedAt),
    ...(containerID ? { containerID } : {}),
  };
}

export function buildStatus(pod: Pod, runtime: PodRuntime, now: number, hostIP: string | null): PodStatus {
  const statuses: ContainerStatus[] = runtime.containers.map((c) => {
    const status: ContainerStatus = {
      name: c.spec.name,
      state: containerState(c),
      lastState: c.lastTerminated ? { terminated: terminatedState(c.lastTerminated) } : {},
      ready: c.phase === 'running',
      restartCount: c.restarts,
      image: c.image ? c.image.reference : (c.spec.image ?? ''),
      imageID: c.image && c.startedAt !== undefined ? c.image.imageID : '',
      started: c.phase === 'running',
    };
    if (c.containerID) status.containerID = c.containerID;
    return status;
  });
  const allReady = statuses.every((s) => s.ready);
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  const policy = pod.spec.restartPolicy ?? 'Always';
  const allTerminated = runtime.containers.every((c) => c.phase === 'exited');
  const anyStarted = runtime.containers.some(
    (c) => c.phase === 'running' || c.restarts > 0 || c.phase === 'exited' || c.phase === 'backoff',
  );
  let phase: PodStatus['phase'] = 'Pending';
  if (
    allTerminated &&
    policy !== 'Always' &&
    runtime.containers.every((c) => policy === 'Never' || c.terminated?.exitCode === 0)
  ) {
    phase = runtime.containers.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
  } else if (anyStarted) phase = 'Running';
  const t = timestamp(runtime.startTime);
  const transition = timestamp(now);
  const readyCondition = (type: 'Ready' | 'ContainersReady'): PodCondition =>
    allReady
      ? { type, status: 'True', lastProbeTime: null, lastTransitionTime: transition }
      : {
          type,
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: transition,
          reason: phase === 'Succeeded' || phase === 'Failed' ? stage.REASON.podCompleted : stage.REASON.containersNotReady,
          ...(phase === 'Succeeded' || phase === 'Failed'
            ? {}
            : { message: `containers with unready status: [${notReady.join(' ')}]` }),
        };
  const previous = pod.status?.conditions ?? [];
  const keep = (c: PodCondition): PodCondition => {
    const old = previous.find((p) => p.type === c.type);
    return old && old.status === c.status && old.lastTransitionTime ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  };
  const conditions = [
    keep({
      type: 'PodReadyToStartContainers',
      status: runtime.ip ? 'True' : 'False',
      lastProbeTime: null,
      lastTransitionTime: t,
    }),
    keep({ type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t }),
    keep(readyCondition('Ready')),
    keep(readyCondition('ContainersReady')),
    keep({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t }),
  ];
  const qos = qosClass(pod);
  const podIP = runtime.ip;
  // one literal per shape, not optional parts spread in: the kubelet writes a status for every pod change
  if (hostIP && podIP) {
    return {
      phase,
      conditions,
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: t,
      containerStatuses: statuses,
      qosClass: qos,
    };
  }
  if (hostIP)
    return { phase, conditions, hostIP, hostIPs: [{ ip: hostIP }], startTime: t, containerStatuses: statuses, qosClass: qos };
  if (podIP)
    return { phase, conditions, podIP, podIPs: [{ ip: podIP }], startTime: t, containerStatuses: statuses, qosClass: qos };
  return { phase, conditions, startTime: t, containerStatuses: statuses, qosClass: qos };
}
