// describeContainers: each container's image, ports, command, state (with Last State after a
// crash), resources, probes, environment and mounts, for pods and for pod templates alike

import type { Container, ContainerState, ContainerStatus, EnvVar, Probe } from '../../api/types.ts';
import { compareStrings } from '../printers/go-fmt.ts';
import { printBool, rfc1123z, stringOrNone } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.ts';
import { canonicalQuantity, milliValue, parseQuantity, quantityValue, ZERO } from './quantity.ts';

/** container fields the shared type leaves out but manifests may carry */
type FullContainer = Container & {
  startupProbe?: Probe;
  envFrom?: {
    prefix?: string;
    configMapRef?: { name?: string; optional?: boolean };
    secretRef?: { name?: string; optional?: boolean };
  }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
};

interface ValueFrom {
  fieldRef?: { apiVersion?: string; fieldPath?: string };
  resourceFieldRef?: { resource?: string; divisor?: string };
  secretKeyRef?: { name?: string; key?: string; optional?: boolean };
  configMapKeyRef?: { name?: string; key?: string; optional?: boolean };
}

/** EnvValueRetriever for a pod, or nothing for templates (their field refs print empty) */
export type EnvResolver = ((fieldPath: string) => string) | null;

export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolve: EnvResolver,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers as FullContainer[]) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`);
    describeCommand(w, c);
    if (status) describeContainerState(w, status);
    describeResources(w, c.resources, LEVEL_2);
    describeProbes(w, c);
    if (c.envFrom && c.envFrom.length > 0) describeEnvFrom(w, c);
    describeEnv(w, c, resolve);
    describeMounts(w, c);
  }
}

function describeCommand(w: PrefixWriter, c: Container): void {
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list || list.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

/** describeResources: limits then requests, each sorted by resource name */
export function describeResources(w: PrefixWriter, resources: Container['resources'], level: number): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(compareStrings);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${canonicalQuantity(list![name]!)}\n`);
  }
}

function describeState(w: PrefixWriter, title: string, state: ContainerState): void {
  if (state.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
  }
}

function describeContainerState(w: PrefixWriter, status: ContainerStatus): void {
  describeState(w, 'State', status.state ?? {});
  if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
}

/** DescribeProbe: the handler, then delay/timeout/period and thresholds */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  const grpc = (p as Probe & { grpc?: { port: number; service?: string } }).grpc;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet as typeof p.httpGet & { host?: string };
    const port = String(g.port ?? '');
    const host = port ? joinHostPort(g.host ?? '', port) : (g.host ?? '');
    const path = g.path ?? '';
    const slash = path && !path.startsWith('/') && host ? '/' : '';
    return `http-get ${(g.scheme ?? '').toLowerCase()}://${host}${slash}${path} ${attrs}`;
  }
  if (p.tcpSocket) {
    const host = (p.tcpSocket as { host?: string }).host ?? '';
    return `tcp-socket ${host}:${String(p.tcpSocket.port)} ${attrs}`;
  }
  if (grpc) return `grpc <pod>:${grpc.port} ${grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

const joinHostPort = (host: string, port: string): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

function describeProbes(w: PrefixWriter, c: FullContainer): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeEnvFrom(w: PrefixWriter, c: FullContainer): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(LEVEL_3, `${ref?.name ?? ''}\t${kind}\tOptional: ${optional}\n`);
  }
}

function describeEnv(w: PrefixWriter, c: Container, resolve: EnvResolver): void {
  const env: EnvVar[] = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom as ValueFrom | undefined;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      const value = resolve ? resolve(from.fieldRef.fieldPath ?? '') : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath ?? ''})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource ?? '';
      let value = containerResourceValue(c, resource, from.resourceFieldRef.divisor);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

/** ExtractContainerResourceValue: cpu in divisor-millis rounded up, the rest in divisor units */
function containerResourceValue(c: Container, resource: string, divisor: string | undefined): string {
  const [kind, name = ''] = resource.split('.');
  const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
  if (!list && kind !== 'limits' && kind !== 'requests') return '';
  const q = parseQuantity(list?.[name] ?? '0') ?? ZERO;
  const d = parseQuantity(divisor ?? '1') ?? parseQuantity('1')!;
  const ratio = name === 'cpu' ? milliValue(q) / (milliValue(d) || 1) : quantityValue(q) / (quantityValue(d) || 1);
  return String(Math.ceil(ratio));
}

function describeMounts(w: PrefixWriter, c: FullContainer): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => compareStrings(a.mountPath, b.mountPath));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}
