// kubectl expose: a Service for a deployment, replica set, replication controller, pod or
// service, with the selector, ports, protocols and labels read from it as kubectl's polymorphic
// helpers do (mapbasedselectorforobject, portsforobject, multiprotocolsforobject, canbeexposed),
// then pkg/cmd/expose's createService; --dry-run, -o and --record as PrintFlags and the recorder do

import { clone } from '../../api/meta.ts';
import type {
  Deployment,
  KubeObject,
  LabelSelector,
  LabelSelectorRequirement,
  Pod,
  PodSpec,
  ReplicaSet,
  ReplicationController,
  Service,
  ServicePort,
} from '../../api/types.ts';
import { createOrUpdateAnnotation } from '../apply-merge.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { DRY_RUN_FLAG, flagBool, flagList, flagString, parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { RECORD_FLAG, recordChange } from './record.ts';
import {
  checkErr,
  dryRunOf,
  fromServer,
  plain,
  printOperation,
  selectObjects,
  standard,
  validatePrintFlags,
  type CmdError,
} from './select.ts';

const EXPOSE_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'template', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
  RECORD_FLAG,
  { name: 'protocol', kind: 'string' },
  { name: 'port', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'load-balancer-ip', kind: 'string' },
  { name: 'selector', kind: 'string' },
  { name: 'labels', short: 'l', kind: 'string' },
  { name: 'target-port', kind: 'string' },
  { name: 'external-ip', kind: 'string' },
  { name: 'name', kind: 'string' },
  { name: 'session-affinity', kind: 'string' },
  { name: 'cluster-ip', kind: 'string' },
  { name: 'field-manager', kind: 'string' },
  { name: 'overrides', kind: 'string' },
  { name: 'override-type', kind: 'string' },
  DRY_RUN_FLAG,
  { name: 'save-config', kind: 'bool' },
  { name: 'filename', short: 'f', kind: 'stringArray' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'kustomize', short: 'k', kind: 'string' },
];

/** validation.DNS1035LabelMaxLength: a default name longer than this is cut */
const NAME_MAX = 63;

/** kinds canBeExposed accepts, as GroupKind strings */
const EXPOSABLE = new Set(['ReplicationController', 'Service', 'Pod', 'Deployment.apps', 'ReplicaSet.apps']);

/** schema.GroupKind.String(): `Pod`, `DaemonSet.apps` */
function groupKind(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/');
  return slash < 0 ? obj.kind : `${obj.kind}.${obj.apiVersion.slice(0, slash)}`;
}

/** MakeLabels: `k=v` pairs joined by commas (upstream walks a go map; the order never shows, it is parsed back) */
function makeLabels(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** go's %+v of []metav1.LabelSelectorRequirement */
function requirementsText(requirements: readonly LabelSelectorRequirement[]): string {
  return `[${requirements.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** the selector of an apps/v1 Deployment or ReplicaSet, which must have matchLabels and nothing else */
function appsSelector(
  selector: LabelSelector | undefined,
  what: string,
): { ok: true; text: string } | { ok: false; error: string } {
  if (!selector || Object.keys(selector.matchLabels ?? {}).length === 0) {
    return { ok: false, error: `invalid ${what}: no selectors, therefore cannot be exposed` };
  }
  if (selector.matchExpressions?.length) {
    return {
      ok: false,
      error: `couldn't convert expressions - "${requirementsText(selector.matchExpressions)}" to map-based selector format`,
    };
  }
  return { ok: true, text: makeLabels(selector.matchLabels) };
}

/** MapBasedSelectorForObject */
function selectorFor(obj: KubeObject): { ok: true; text: string } | { ok: false; error: string } {
  switch (obj.kind) {
    case 'ReplicationController':
      return { ok: true, text: makeLabels((obj as ReplicationController).spec?.selector) };
    case 'Pod':
      if (Object.keys(obj.metadata.labels ?? {}).length === 0)
        return { ok: false, error: 'the pod has no labels and cannot be exposed' };
      return { ok: true, text: makeLabels(obj.metadata.labels) };
    case 'Service': {
      const selector = (obj as Service).spec?.selector;
      if (!selector) return { ok: false, error: 'the service has no pod selector set' };
      return { ok: true, text: makeLabels(selector) };
    }
    case 'Deployment':
      return appsSelector((obj as Deployment).spec?.selector, 'deployment');
    case 'ReplicaSet':
      return appsSelector((obj as ReplicaSet).spec?.selector, 'replicaset');
  }
  return { ok: false, error: `cannot extract pod selector from *v1.${obj.kind}` };
}

function podSpecOf(obj: KubeObject): PodSpec | undefined {
  switch (obj.kind) {
    case 'Pod':
      return (obj as Pod).spec;
    case 'ReplicationController':
      return (obj as ReplicationController).spec?.template?.spec;
    case 'Deployment':
      return (obj as Deployment).spec?.template?.spec;
    case 'ReplicaSet':
      return (obj as ReplicaSet).spec?.template?.spec;
  }
  return undefined;
}

/** the object's ports with their protocols, in order: container ports, or a Service's own ports */
function portsWithProtocols(obj: KubeObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') {
    return ((obj as Service).spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol || 'TCP' }));
  }
  return (podSpecOf(obj)?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol || 'TCP' })),
  );
}

/** PortsForObject: each port number once, in the order they first appear */
const portsFor = (obj: KubeObject): string[] => [...new Set(portsWithProtocols(obj).map((p) => String(p.port)))];

/** MultiProtocolsForObject: port number → its protocols */
function protocolsFor(obj: KubeObject): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { port, protocol } of portsWithProtocols(obj)) {
    const key = String(port);
    map.set(key, [...(map.get(key) ?? []), protocol]);
  }
  return map;
}

/** parseLabels: `k=v,k2=v2` into a map */
function parseLabels(spec: string): { ok: true; labels: Record<string, string> } | { ok: false; error: string } {
  if (spec === '') return { ok: false, error: 'no label spec passed' };
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const parts = item.split('=');
    if (parts.length !== 2) return { ok: false, error: `unexpected label spec: ${item}` };
    if (parts[0] === '') return { ok: false, error: 'unexpected empty label key' };
    labels[parts[0]!] = parts[1]!;
  }
  return { ok: true, labels };
}

/** strconv.Atoi with go's error text */
function atoi(text: string): { ok: true; value: number } | { ok: false; error: string } {
  if (/^[+-]?\d+$/.test(text)) {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return { ok: true, value };
    return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range` };
  }
  return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
}

/** intstr.Parse: a number when it reads as one, else a name */
function parseIntOrString(text: string): number | string {
  const n = atoi(text);
  return n.ok && Math.abs(n.value) <= 2 ** 31 - 1 ? n.value : text;
}

/** what the options hold; upstream keeps them on one struct across every object it exposes */
interface ExposeOptions {
  name: string;
  defaultName: string;
  selector: string;
  port: string;
  ports: string;
  labels: string;
  externalIP: string;
  loadBalancerIP: string;
  type: string;
  protocol: string;
  protocols: Map<string, string[]>;
  targetPort: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** ExposeServiceOptions.createService */
function createService(o: ExposeOptions): { ok: true; service: Service } | { ok: false; error: string } {
  if (o.selector === '') return { ok: false, error: 'selector must be specified' };
  const selector = parseLabels(o.selector);
  if (!selector.ok) return selector;
  let labels: Record<string, string> | undefined;
  if (o.labels !== '') {
    const parsed = parseLabels(o.labels);
    if (!parsed.ok) return parsed;
    labels = parsed.labels;
  }
  const name = o.name || o.defaultName;
  if (!name) return { ok: false, error: 'name must be specified' };
  const portString = o.ports || o.port;
  const ports: ServicePort[] = [];
  if (portString !== '') {
    const items = portString.split(',');
    for (const [i, item] of items.entries()) {
      const port = atoi(item);
      if (!port.ok) return port;
      // several ports need a name each
      const portName = items.length > 1 ? `port-${i + 1}` : '';
      let protocol = o.protocol;
      if (protocol === '') {
        protocol = 'TCP';
        const found = o.protocols.get(item);
        if (found?.length === 1) protocol = found[0]!;
        else if (found && found.length > 1) {
          for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port: port.value, protocol: p as 'TCP' });
          continue;
        }
      }
      ports.push({ ...(portName ? { name: portName } : {}), port: port.value, protocol: protocol as 'TCP' });
    }
  }
  const targetPort = o.targetPort !== '' ? parseIntOrString(o.targetPort) : undefined;
  for (const p of ports) p.targetPort = targetPort ?? p.port;
  const spec: Service['spec'] = { ports, selector: selector.labels };
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.type) spec.type = o.type as 'ClusterIP';
  if (spec.type === 'LoadBalancer' && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity) {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP')
      return { ok: false, error: `unknown session affinity: ${o.sessionAffinity}` };
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (ports.length === 0) delete spec.ports;
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
  return { ok: true, service };
}

function exposeOne(env: KubectlEnv, flags: ParsedFlags, o: ExposeOptions, object: KubeObject): CmdError | null {
  const kind = groupKind(object);
  if (!EXPOSABLE.has(kind)) return plain(`cannot expose a ${kind}`);
  o.defaultName = (object.metadata.name ?? '').slice(0, NAME_MAX);
  if (o.selector === '') {
    const selector = selectorFor(object);
    if (!selector.ok) return plain(`couldn't retrieve selectors via --selector flag or introspection: ${selector.error}`);
    o.selector = selector.text;
  }
  const headless = o.clusterIP === 'None';
  if (o.port === '') {
    const ports = portsFor(object);
    if (ports.length === 0 && !headless) return plain("couldn't find port via --port flag or introspection");
    if (ports.length === 1) o.port = ports[0]!;
    else if (ports.length > 1) o.ports = ports.join(',');
  }
  const protocols = protocolsFor(object);
  if (protocols.size > 0) o.protocols = protocols;
  if (o.labels === '') o.labels = makeLabels(object.metadata.labels);
  const created = createService(o);
  if (!created.ok) return plain(created.error);
  const service = created.service;
  recordChange(env, flags, EXPOSE_FLAGS, service);
  const dryRun = dryRunOf(flags);
  const mode = dryRun.ok ? dryRun.value : 'none';
  if (mode === 'client') {
    if (env.namespaceGiven) service.metadata.namespace = env.namespace;
    printOperation(env, service, 'exposed', flags, 'client', { typed: true });
    return null;
  }
  createOrUpdateAnnotation(service, flagBool(flags, 'save-config'), true);
  const toCreate = clone(service);
  delete toCreate.status;
  const result = env.cluster.api.create(toCreate, env.namespace, { dryRun: mode === 'server' });
  env.cluster.settle();
  if (!result.ok) return fromServer(result.error);
  printOperation(env, result.object, 'exposed', flags, mode, { typed: true });
  return null;
}

export const exposeVerb: Verb = {
  name: 'expose',
  summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  operands: { kind: 'objects', types: ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'] },
  flags: EXPOSE_FLAGS,
  parsesOwnFlags: true,
  run(env, _flags, args) {
    const parsed = parseFlags(args, EXPOSE_FLAGS, 'kubectl expose');
    if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
    const flags = parsed.flags;
    for (const w of flags.warnings) env.out.stderr(w + '\n');
    const dryRun = dryRunOf(flags);
    if (!dryRun.ok) return checkErr(env, [dryRun.error]);
    const printError = validatePrintFlags(flags);
    if (printError) return checkErr(env, [printError]);
    if (flagString(flags, 'kustomize') !== undefined) {
      env.out.stderr("kubesim: 'kubectl expose -k' is not simulated; use -f or TYPE NAME\n");
      return 1;
    }
    if (flagString(flags, 'overrides') !== undefined) {
      env.out.stderr("kubesim: 'kubectl expose --overrides' is not simulated\n");
      return 1;
    }
    const files = flagList(flags, 'filename');
    // without Latest(), the builder hands over objects from files as they are written
    const selection = selectObjects(env, {
      args: flags.positionals,
      files,
      recursive: flagBool(flags, 'recursive'),
      local: files.length > 0,
      verb: 'expose',
    });
    if (!selection.ok) return checkErr(env, [selection.error]);
    const o: ExposeOptions = {
      name: flagString(flags, 'name') ?? '',
      defaultName: '',
      selector: flagString(flags, 'selector') ?? '',
      port: flagString(flags, 'port') ?? '',
      ports: '',
      labels: flagString(flags, 'labels') ?? '',
      externalIP: flagString(flags, 'external-ip') ?? '',
      loadBalancerIP: flagString(flags, 'load-balancer-ip') ?? '',
      type: flagString(flags, 'type') ?? '',
      protocol: flagString(flags, 'protocol') ?? '',
      protocols: new Map(),
      targetPort: flagString(flags, 'target-port') ?? '',
      sessionAffinity: flagString(flags, 'session-affinity') ?? '',
      clusterIP: flagString(flags, 'cluster-ip') ?? '',
    };
    const errors: CmdError[] = [];
    for (const { object } of selection.items) {
      const error = exposeOne(env, flags, o, object);
      if (error) errors.push(error);
    }
    return checkErr(env, [...errors, ...selection.errors]);
  },
};
