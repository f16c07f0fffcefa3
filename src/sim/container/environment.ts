// a container's environment, built as the kubelet and containerd build it: the kubelet turns the
// container's env (with $(VAR) expansion and fieldRef/configMapKeyRef sources) and the Services
// that existed when the container started (pkg/kubelet/envvars/envvars.go) into a list, and
// containerd lays it over the default PATH, HOSTNAME and the image's ENV. the kubelet ranges over
// Go maps there, so a real cluster's order varies from start to start; this one keeps the
// declared order, then envvars.go's order per Service. shells re-order what they export: bash by
// its variable hash table, busybox ash and dash by theirs, and `env` in a shell shows that order.
import type { ApiServer } from '../api/apiserver.ts';
import type { ConfigMap, Container, Pod, Service } from '../api/types.ts';

export type EnvList = [string, string][];

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** envvars.go makeEnvVariableName: dots and dashes become underscores, upper case, no leading digit */
export function envVariableName(name: string): string {
  const upper = name.replace(/[.-]/g, '_').toUpperCase();
  return /^[0-9]/.test(upper) ? '_' + upper : upper;
}

/** envvars.go FromServices: HOST and PORT, named ports, then the Docker-link variables */
export function fromServices(services: readonly Service[]): EnvList {
  const out: EnvList = [];
  for (const service of services) {
    const ip = service.spec.clusterIP;
    const ports = service.spec.ports ?? [];
    if (!ip || ip === 'None' || ports.length === 0) continue;
    const prefix = envVariableName(service.metadata.name!);
    out.push([`${prefix}_SERVICE_HOST`, ip]);
    out.push([`${prefix}_SERVICE_PORT`, String(ports[0]!.port)]);
    for (const port of ports) {
      if (port.name) out.push([`${prefix}_SERVICE_PORT_${envVariableName(port.name)}`, String(port.port)]);
    }
    ports.forEach((port, i) => {
      const protocol = port.protocol ?? 'TCP';
      const url = `${protocol.toLowerCase()}://${ip}:${port.port}`;
      if (i === 0) out.push([`${prefix}_PORT`, url]);
      const portPrefix = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`;
      out.push([portPrefix, url]);
      out.push([`${portPrefix}_PROTO`, protocol.toLowerCase()]);
      out.push([`${portPrefix}_PORT`, String(port.port)]);
      out.push([`${portPrefix}_ADDR`, ip]);
    });
  }
  return out;
}

/**
 * kubelet getServiceEnvVarMap: the `kubernetes` Service of the default namespace always, the
 * pod's own namespace's Services when enableServiceLinks (default true); ClusterIP None or unset
 * are left out
 */
export function serviceEnvFor(pod: Pod, services: readonly Service[]): EnvList {
  const namespace = pod.metadata.namespace ?? 'default';
  const links = pod.spec.enableServiceLinks !== false;
  const chosen = new Map<string, Service>();
  for (const service of services) {
    const ip = service.spec.clusterIP;
    if (!ip || ip === 'None') continue;
    const name = service.metadata.name!;
    if (service.metadata.namespace === 'default' && name === 'kubernetes') {
      if (!chosen.has(name)) chosen.set(name, service);
    } else if (service.metadata.namespace === namespace && links) {
      chosen.set(name, service);
    }
  }
  return fromServices([...chosen.values()]);
}

/**
 * third_party/forked/golang/expansion Expand: $(VAR) from the mapping, $$ escapes, references to
 * unknown variables stay as written; an unclosed `$(` is kept and the scan goes on after it
 */
export function expandReferences(value: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '$' || i + 1 >= value.length) {
      out += c;
      continue;
    }
    const next = value[i + 1];
    if (next === '(') {
      const end = value.indexOf(')', i + 2);
      if (end < 0) {
        out += '$(';
        i++;
        continue;
      }
      const name = value.slice(i + 2, end);
      out += lookup(name) ?? `$(${name})`;
      i = end;
    } else {
      out += next === '$' ? '$' : '$' + next;
      i++;
    }
  }
  return out;
}

/**
 * kubecontainer.ExpandContainerCommandAndArgs: the kubelet expands $(VAR) in command and args
 * from the variables it hands the runtime (the container's env, then the service variables)
 */
export function expandCommandAndArgs(container: Container, kubelet: EnvList): Container {
  const vars = new Map(kubelet);
  const lookup = (name: string) => vars.get(name);
  const expanded = { ...container };
  if (container.command) expanded.command = container.command.map((item) => expandReferences(item, lookup));
  if (container.args) expanded.args = container.args.map((item) => expandReferences(item, lookup));
  return expanded;
}

interface KeyRef {
  name?: string;
  key?: string;
  optional?: boolean;
}

interface ValueFrom {
  fieldRef?: { fieldPath?: string };
  configMapKeyRef?: KeyRef;
  secretKeyRef?: KeyRef;
}

interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}

const envFromOf = (container: Container): EnvFromSource[] => (container as { envFrom?: EnvFromSource[] }).envFrom ?? [];

/**
 * makeEnvironmentVariables' refusals, which leave the container in CreateContainerConfigError: a
 * ConfigMap (or one of its keys) or a Secret it needs and that is not there, unless marked
 * optional. this cluster keeps no Secrets, so a Secret is never there. null when nothing is missing
 */
export function containerConfigError(pod: Pod, container: Container, api: ApiServer): string | null {
  const namespace = pod.metadata.namespace ?? 'default';
  const configMap = (name: string) => api.get<ConfigMap>('ConfigMap', namespace, name);
  for (const from of envFromOf(container)) {
    if (from.configMapRef && !from.configMapRef.optional && !configMap(from.configMapRef.name ?? ''))
      return `configmap "${from.configMapRef.name ?? ''}" not found`;
    if (from.secretRef && !from.secretRef.optional) return `secret "${from.secretRef.name ?? ''}" not found`;
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom as ValueFrom | undefined;
    const ref = from?.configMapKeyRef;
    if (ref && !ref.optional) {
      const map = configMap(ref.name ?? '');
      if (!map) return `configmap "${ref.name ?? ''}" not found`;
      if (map.data?.[ref.key ?? ''] === undefined)
        return `couldn't find key ${ref.key ?? ''} in ConfigMap ${namespace}/${ref.name ?? ''}`;
    }
    if (from?.secretKeyRef && !from.secretKeyRef.optional) return `secret "${from.secretKeyRef.name ?? ''}" not found`;
  }
  return null;
}

/** the downward API's fields, as the kubelet resolves them */
function fieldValue(pod: Pod, path: string, podIP: string | null, hostIP: string | null): string {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]!] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return podIP ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP ?? '';
    default:
      return '';
  }
}

export interface KubeletEnvInput {
  pod: Pod;
  container: Container;
  services: readonly Service[];
  podIP: string | null;
  api?: ApiServer;
}

/**
 * kubelet makeEnvironmentVariables: the variables of the container's envFrom ConfigMaps (with
 * their prefix), then its own env ($(VAR) expanded from what came before and the service
 * variables), then the remaining service variables. a reference to something missing and
 * optional sets nothing (a missing one that is not optional keeps the container from starting:
 * containerConfigError)
 */
export function kubeletEnvironment({ pod, container, services, podIP, api }: KubeletEnvInput): EnvList {
  const serviceEnv = new Map(serviceEnvFor(pod, services));
  const own = new Map<string, string>();
  const namespace = pod.metadata.namespace ?? 'default';
  const configMap = (name: string | undefined) => api?.get<ConfigMap>('ConfigMap', namespace, name ?? '');
  for (const from of envFromOf(container)) {
    const data = from.configMapRef ? configMap(from.configMapRef.name)?.data : undefined;
    // the kubelet ranges over the data map, in no fixed order: here, sorted
    for (const key of Object.keys(data ?? {}).sort()) own.set((from.prefix ?? '') + key, data![key]!);
  }
  const lookup = (name: string) => own.get(name) ?? serviceEnv.get(name);
  for (const variable of container.env ?? []) {
    let value = variable.value ?? '';
    if (value !== '') value = expandReferences(value, lookup);
    else if (variable.valueFrom) {
      const from = variable.valueFrom as ValueFrom;
      if (from.fieldRef?.fieldPath) value = fieldValue(pod, from.fieldRef.fieldPath, podIP, pod.status?.hostIP ?? null);
      else if (from.configMapKeyRef) {
        const found = configMap(from.configMapKeyRef.name)?.data?.[from.configMapKeyRef.key ?? ''];
        if (found === undefined) continue;
        value = found;
      } else if (from.secretKeyRef) continue;
    }
    own.set(variable.name, value);
  }
  const out: EnvList = [...own];
  for (const [name, value] of serviceEnv) if (!own.has(name)) out.push([name, value]);
  return out;
}

/** sets a variable in place if present, else appends it: containerd's WithEnv */
function setInPlace(list: EnvList, name: string, value: string): void {
  const at = list.findIndex(([n]) => n === name);
  if (at >= 0) list[at] = [name, value];
  else list.push([name, value]);
}

export interface ProcessEnvInput {
  hostname: string;
  imageEnv: EnvList;
  kubelet: EnvList;
  /** `kubectl exec -t`: containerd adds TERM=xterm */
  tty: boolean;
  home: string;
}

/**
 * what a process in the container starts with: containerd's default PATH, HOSTNAME, the image's
 * ENV and the kubelet's list; an exec with a TTY gets TERM=xterm, and runc adds HOME last when unset
 */
export function processEnvironment({ hostname, imageEnv, kubelet, tty, home }: ProcessEnvInput): EnvList {
  const env: EnvList = [['PATH', DEFAULT_PATH]];
  setInPlace(env, 'HOSTNAME', hostname);
  for (const [name, value] of [...imageEnv, ...kubelet]) setInPlace(env, name, value);
  if (tty) setInPlace(env, 'TERM', 'xterm');
  if (!env.some(([name]) => name === 'HOME')) env.push(['HOME', home]);
  return env;
}

/** bash's hash_string: 32-bit FNV-1 */
function fnv1(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash, 16777619) >>> 0;
    hash = (hash ^ text.charCodeAt(i)) >>> 0;
  }
  return hash;
}

/**
 * the order bash exports its variables in: its table has 1024 buckets by FNV-1 hash, walked in
 * order, each bucket newest first. `names` are in the order bash created them
 */
export function bashExportOrder(names: readonly string[]): string[] {
  const buckets = new Map<number, string[]>();
  for (const name of names) {
    const bucket = fnv1(name) & 1023;
    const list = buckets.get(bucket) ?? [];
    list.unshift(name);
    buckets.set(bucket, list);
  }
  return [...buckets.keys()].sort((a, b) => a - b).flatMap((b) => buckets.get(b)!);
}

/**
 * the order busybox ash and dash export in: 39 buckets by (first char << 4) + the sum of the
 * name's chars, each bucket oldest first; PATH is one of the shell's own variables and comes
 * first in its bucket
 */
export function ashExportOrder(names: readonly string[]): string[] {
  const buckets = new Map<number, string[]>();
  const ordered = names.includes('PATH') ? ['PATH', ...names.filter((n) => n !== 'PATH')] : [...names];
  for (const name of ordered) {
    let hash = name.charCodeAt(0) << 4;
    for (let i = 0; i < name.length; i++) hash += name.charCodeAt(i);
    const bucket = hash % 39;
    const list = buckets.get(bucket) ?? [];
    list.push(name);
    buckets.set(bucket, list);
  }
  return [...buckets.keys()].sort((a, b) => a - b).flatMap((b) => buckets.get(b)!);
}
