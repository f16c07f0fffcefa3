// kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go and polymorphichelpers'
// logsforobject.go): a pod's container log from its kubelet, or one pod's behind a TYPE/NAME
// ("Found 3 pods, using pod/…"), with --tail, --since, --timestamps, --previous, --prefix,
// -l and --all-containers. the kubelet refuses containers that have not started with
// validateContainerLogStatus's words. -f follows: until Ctrl-C in the browser, in scripts until
// the container stops or nothing more is scheduled.
import type { ContainerStatus, KubeObject, Pod } from '../../api/types.ts';
import type { LogEntry } from '../../kubelet/kubelet.ts';
import { flagBool, flagInt, flagString, type ParsedFlags } from '../flags.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { labelFilter } from '../objects.ts';
import { allContainerNames, byLogging, fetchObject, goDurationMs, podsFor } from '../pod-target.ts';

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const SEE_HELP = "See 'kubectl logs -h' for help and examples";
const DEFAULT_POD_TIMEOUT_MS = 20_000;
/** in scripts a follow ends after this much cluster time at most */
const SCRIPT_FOLLOW_LIMIT_MS = 10 * 60_000;

interface Stream {
  pod: Pod;
  container: string;
  /** entries already written */
  written: number;
  /** the container instance being read (a restart ends a follow) */
  instance: string;
}

function usage(env: KubectlEnv, message: string): number {
  env.out.stderr(`error: ${message}\n${SEE_HELP}\n`);
  return 1;
}

/** kubelet validateContainerLogStatus: why a container has no log to read yet, or null */
function logStatusError(pod: Pod, container: string, previous: boolean): string | null {
  const name = pod.metadata.name;
  const status: ContainerStatus | undefined = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ].find((s) => s.name === container);
  if (!status) return `container "${container}" in pod "${name}" is not available`;
  const { waiting, running, terminated } = status.state;
  const last = status.lastState?.terminated;
  if (previous) return last ? null : `previous terminated container "${container}" in pod "${name}" not found`;
  if (running || terminated || last) return null;
  if (waiting) {
    if (waiting.reason === 'ErrImagePull')
      return `container "${container}" in pod "${name}" is waiting to start: image can't be pulled`;
    if (waiting.reason === 'ImagePullBackOff') {
      return `container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`;
    }
    return `container "${container}" in pod "${name}" is waiting to start: ${waiting.reason ?? ''}`;
  }
  return `container "${container}" in pod "${name}" is waiting to start - no logs yet`;
}

/** RFC 3339 with nanoseconds, trailing zeros trimmed as Go prints it; lines within a millisecond stay in order */
function timestampOf(entry: LogEntry, index: number): string {
  const iso = new Date(entry.at).toISOString().slice(0, 19);
  const nanos = (entry.at % 1000) * 1_000_000 + ((index * 7919 + 104_729) % 999_000);
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${iso}${fraction ? '.' + fraction : ''}Z`;
}

function instanceOf(env: KubectlEnv, pod: Pod, container: string): string {
  const view = env.cluster.kubelet.containerRuntime(pod, container);
  return view ? `${view.containerID}/${view.running}` : '';
}

export const logsVerb: Verb = {
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  operands: { kind: 'pod' },
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'follow', short: 'f', kind: 'bool' },
    { name: 'previous', short: 'p', kind: 'bool' },
    { name: 'tail', kind: 'int' },
    { name: 'timestamps', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-containers', kind: 'bool' },
    { name: 'all-pods', kind: 'bool' },
    { name: 'since', kind: 'duration' },
    { name: 'since-time', kind: 'string' },
    { name: 'limit-bytes', kind: 'int' },
    { name: 'prefix', kind: 'bool' },
    { name: 'ignore-errors', kind: 'bool' },
    { name: 'max-log-requests', kind: 'int' },
    { name: 'pod-running-timeout', kind: 'duration' },
    { name: 'insecure-skip-tls-verify-backend', kind: 'bool' },
  ],
  async run(env, flags, args) {
    const selectorText = flagString(flags, 'selector');
    let containerFlag = flagString(flags, 'container');
    const allContainers = flagBool(flags, 'all-containers');
    // Complete
    if (args.length === 0 && selectorText === undefined)
      return usage(env, `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`);
    if (args.length === 1 && selectorText !== undefined) return usage(env, 'only a selector (-l) or a POD name is allowed');
    if (args.length > 2) return usage(env, `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`);
    // GetPodRunningTimeoutFlag's error, returned as it is (exec and attach make it a usage error)
    const timeout = goDurationMs(flagString(flags, 'pod-running-timeout') ?? '20s') ?? 0;
    if (timeout <= 0) {
      env.out.stderr('error: --pod-running-timeout must be higher than zero\n');
      return 1;
    }
    // pflag has checked --since is a duration
    const since = goDurationMs(flagString(flags, 'since') ?? '0') ?? 0;
    const sinceTimeText = flagString(flags, 'since-time');
    const sinceTime = sinceTimeText === undefined ? undefined : Date.parse(sinceTimeText);
    if (sinceTime !== undefined && Number.isNaN(sinceTime)) {
      env.out.stderr(
        `error: parsing time "${sinceTimeText}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTimeText}" as "2006"\n`,
      );
      return 1;
    }
    const tailGiven = flags.values.has('tail');
    let tail = flagInt(flags, 'tail') ?? -1;
    if (selectorText !== undefined && tail === -1 && !tailGiven) tail = 10;

    // the builder: every pod a selector matches, or the object named
    let pods: Pod[] = [];
    let object: KubeObject | null = null;
    if (selectorText !== undefined) {
      const filter = labelFilter(selectorText);
      if (!filter.ok) {
        env.out.stderr(filter.error + '\n');
        return 1;
      }
      pods = env.cluster.api.list<Pod>('Pod', env.namespace).filter((p) => filter.match(p.metadata.labels));
      if (pods.length === 0) env.out.stderr(`No resources found in ${env.namespace} namespace.\n`);
    } else {
      const fetched = fetchObject(env, args[0]!);
      if (!fetched.ok) {
        env.out.stderr(fetched.error);
        return 1;
      }
      object = fetched.value.object;
    }

    // Validate
    if (sinceTimeText !== undefined && since !== 0)
      return usage(env, 'at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (args.length === 2 && containerFlag) return usage(env, 'only one of -c or an inline [CONTAINER] arg is allowed');
    if (args.length === 2) containerFlag = args[1];
    if (allContainers && containerFlag)
      return usage(env, `--all-containers=true should not be specified with container name ${containerFlag}`);
    if ((flagInt(flags, 'limit-bytes') ?? 0) < 0) return usage(env, '--limit-bytes must be greater than 0');
    if (tail < -1) return usage(env, '--tail must be greater than or equal to -1');

    // LogsForObject: one pod behind a TYPE/NAME, the best for logging
    if (object) {
      const found = await podsFor(env, object, timeout || DEFAULT_POD_TIMEOUT_MS, byLogging);
      if (!found.ok) {
        if (!found.error) return 130;
        env.out.stderr(
          found.fromSelector ? `error: cannot get the logs from *v1.${object.kind}: ${found.error}\n` : `error: ${found.error}\n`,
        );
        return 1;
      }
      pods = found.value.slice(0, 1);
      if (object.kind !== 'Pod' && found.value.length > 1) {
        env.out.stderr(`Found ${found.value.length} pods, using pod/${pods[0]!.metadata.name}\n`);
      }
    }

    // the containers of each pod (logsForObjectWithClient), checked before anything is read
    const streams: Stream[] = [];
    for (const pod of pods) {
      const names = allContainers
        ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name)
        : [containerOf(env, pod, containerFlag)];
      for (const container of names) {
        if (container === null) return 1;
        streams.push({ pod, container, written: 0, instance: instanceOf(env, pod, container) });
      }
    }
    for (const stream of streams) {
      if (!stream.pod.spec.nodeName) continue;
      const problem = logStatusError(stream.pod, stream.container, flagBool(flags, 'previous'));
      if (problem) {
        env.out.stderr(`Error from server (BadRequest): ${problem}\n`);
        return 1;
      }
    }
    return printLogs(env, flags, streams, { tail, since, sinceTime });
  },
};

/** the container to read: -c (checked against the pod), the default-container annotation, or the first with a notice */
function containerOf(env: KubectlEnv, pod: Pod, wanted: string | undefined): string | null {
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  let name = wanted;
  if (!name) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    if (annotated && all.some((c) => c.name === annotated)) name = annotated;
    else if (annotated) env.out.stderr(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  if (!name) {
    name = pod.spec.containers[0]!.name;
    if (pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0) {
      env.out.stderr(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
    }
  }
  if (!all.some((c) => c.name === name)) {
    env.out.stderr(`error: container ${name} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}\n`);
    return null;
  }
  return name;
}

async function printLogs(
  env: KubectlEnv,
  flags: ParsedFlags,
  streams: Stream[],
  window: { tail: number; since: number; sinceTime: number | undefined },
): Promise<number> {
  const previous = flagBool(flags, 'previous');
  const timestamps = flagBool(flags, 'timestamps');
  const prefix = flagBool(flags, 'prefix');
  const follow = flagBool(flags, 'follow') && !previous;
  const limitBytes = flagInt(flags, 'limit-bytes') ?? 0;
  const now = env.cluster.clock.now();

  const entriesOf = (s: Stream) =>
    s.pod.spec.nodeName ? (env.cluster.kubelet.logEntries(s.pod, s.container, previous) ?? []) : [];
  const write = (s: Stream, entries: LogEntry[], from: number) => {
    let text = '';
    entries.forEach((entry, i) => {
      const stamp = timestamps ? `${timestampOf(entry, from + i)} ` : '';
      const source = prefix ? `[pod/${s.pod.metadata.name}/${s.container}] ` : '';
      text += `${source}${stamp}${entry.line}\n`;
    });
    if (limitBytes > 0) text = text.slice(0, limitBytes);
    env.out.stdout(text);
  };

  for (const stream of streams) {
    let entries = entriesOf(stream);
    stream.written = entries.length;
    if (window.since > 0) entries = entries.filter((e) => e.at >= now - window.since);
    if (window.sinceTime !== undefined) entries = entries.filter((e) => e.at >= window.sinceTime!);
    if (window.tail >= 0) entries = entries.slice(Math.max(0, entries.length - window.tail));
    write(stream, entries, stream.written - entries.length);
  }
  if (!follow) return 0;

  // -f: new lines as the containers write them, until each stops (or Ctrl-C)
  const virtual = (env.clock as unknown) === env.cluster.clock;
  const start = env.cluster.clock.now();
  let open = streams.filter((s) => env.cluster.kubelet.containerRuntime(s.pod, s.container)?.running);
  while (open.length > 0) {
    if (virtual && (!env.cluster.clock.hasTimers() || env.cluster.clock.now() - start > SCRIPT_FOLLOW_LIMIT_MS)) return 0;
    const finished = await env.clock.sleep(virtual ? 100 : 250, env.interrupt);
    if (!finished) return 130;
    env.cluster.settle();
    for (const stream of open) {
      const entries = entriesOf(stream);
      if (entries.length > stream.written) write(stream, entries.slice(stream.written), stream.written);
      stream.written = Math.max(stream.written, entries.length);
    }
    open = open.filter((s) => instanceOf(env, s.pod, s.container) === s.instance);
  }
  return 0;
}
