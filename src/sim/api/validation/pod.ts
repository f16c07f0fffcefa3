// pod and pod template validation, following pkg/apis/core/validation/validation.go
// (ValidatePodSpec, validateContainers, validateContainerPorts, ValidateEnv, ValidatePodUpdate)
// for the fields the simulator models, in upstream's order so messages list the same way.

import { field, type FieldError } from '../field-errors.ts';
import type { Container, EnvVar, Pod, PodSpec, PodTemplateSpec, Probe, Toleration } from '../types.ts';
import * as meta from './meta.ts';
import * as names from './names.ts';

const { invalid, required, forbidden, duplicate, notSupported } = field;
const { oneOf, nonNegative } = meta;

// supported-value lists are printed sorted, as upstream's sets.List gives them
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const ENV_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName'];
ENV_PATHS.push('status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs');
const CONVERTIBLE = new Set([...ENV_PATHS, 'metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'status.phase']);
const NOT_FOR_INIT = 'may not be set for init containers without restartPolicy=Always';
const KEYLESS = 'operator must be Exists when `key` is empty, which means "match all values and all keys"';
const HOST_NETWORK_PORT = 'must match `containerPort` when `hostNetwork` is true';
const ENV_SOURCES = 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`';

function validateProbe(probe: Probe | undefined, path: string, liveness: boolean): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  let handlers = 0;
  const handler = (present: unknown, name: string, check: () => FieldError[]) => {
    if (!present) return;
    if (handlers++ > 0) errs.push(forbidden(`${path}.${name}`, 'may not specify more than 1 handler type'));
    else errs.push(...check());
  };
  handler(probe.exec, 'exec', () => (probe.exec?.command?.length ? [] : [required(`${path}.exec.command`)]));
  handler(probe.httpGet, 'httpGet', () => {
    const { path: httpPath, port, scheme = '' } = probe.httpGet!;
    const out = httpPath ? [] : [required(`${path}.httpGet.path`)];
    out.push(...meta.validatePortNumOrName(port, `${path}.httpGet.port`));
    if (scheme !== 'HTTP' && scheme !== 'HTTPS') out.push(notSupported(`${path}.httpGet.scheme`, scheme, ['HTTP', 'HTTPS']));
    return out;
  });
  handler(probe.tcpSocket, 'tcpSocket', () => meta.validatePortNumOrName(probe.tcpSocket!.port, `${path}.tcpSocket.port`));
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  for (const key of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(probe[key], `${path}.${key}`));
  }
  if (liveness && probe.successThreshold !== 1)
    errs.push(invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  return errs;
}

function validateEnvVar(ev: EnvVar, path: string): FieldError[] {
  const errs = ev.name ? names.isEnvVarName(ev.name).map((m) => invalid(`${path}.name`, ev.name, m)) : [required(`${path}.name`)];
  if (!ev.valueFrom || typeof ev.valueFrom !== 'object') return errs;
  const from = ev.valueFrom as Record<string, { apiVersion?: string; fieldPath?: string; key?: string } | undefined>;
  const at = `${path}.valueFrom`;
  const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => from[k]);
  const ref = from['fieldRef'];
  if (ref) {
    const fp = ref.fieldPath ?? '';
    const base = fp.replace(/\[.*\]$/, '');
    const subscripted = base !== fp;
    // pods.ConvertDownwardAPIFieldLabel runs first and words its own failures
    let unconvertible = subscripted ? 'field label does not support subscript' : 'field label not supported';
    if (subscripted ? base === 'metadata.labels' || base === 'metadata.annotations' : CONVERTIBLE.has(fp)) unconvertible = '';
    if (!ref.apiVersion) errs.push(required(`${at}.fieldRef.apiVersion`));
    else if (!fp) errs.push(required(`${at}.fieldRef.fieldPath`));
    else if (unconvertible)
      errs.push(invalid(`${at}.fieldRef.fieldPath`, fp, `error converting fieldPath: ${unconvertible}: ${fp}`));
    else if (!subscripted && !ENV_PATHS.includes(fp)) errs.push(notSupported(`${at}.fieldRef.fieldPath`, fp, ENV_PATHS));
  }
  for (const kind of ['configMapKeyRef', 'secretKeyRef'])
    if (from[kind] && !from[kind].key) errs.push(required(`${at}.${kind}.key`));
  if (sources.length === 0) errs.push(invalid(at, '', ENV_SOURCES));
  else if (ev.value) errs.push(invalid(at, '', 'may not be specified when `value` is not empty'));
  else if (sources.length > 1) errs.push(invalid(at, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateResources(res: Container['resources'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const native = (n: string) => !n.includes('/') || n.includes('kubernetes.io/');
  const overcommit = (n: string) => native(n) && !n.startsWith('hugepages-');
  const check = (name: string, value: string, at: string) => {
    errs.push(...names.containerResourceNameErrors(name).map((m) => invalid(at, name, m)));
    const q = names.parseQuantity(value);
    if (q !== null && q < 0) errs.push(invalid(at, value, names.IS_NEGATIVE_ERROR));
    if (q !== null && !native(name) && !Number.isInteger(q)) errs.push(invalid(at, value, 'must be an integer'));
  };
  for (const [name, value] of Object.entries(res?.limits ?? {})) check(name, value, `${path}.limits[${name}]`);
  for (const [name, value] of Object.entries(res?.requests ?? {})) {
    check(name, value, `${path}.requests[${name}]`);
    const limit = res?.limits?.[name];
    const [q, l] = [names.parseQuantity(value), limit === undefined ? null : names.parseQuantity(limit)];
    const at = `${path}.requests`;
    if (limit === undefined) {
      if (!overcommit(name)) errs.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
    } else if (q === null || l === null) continue;
    else if (q !== l && !overcommit(name)) errs.push(invalid(at, value, `must be equal to ${name} limit of ${limit}`));
    else if (q > l) errs.push(invalid(at, value, `must be less than or equal to ${name} limit of ${limit}`));
  }
  return errs;
}

function validateContainerCommon(ctr: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs = ctr.name
    ? names.isDNS1123Label(ctr.name).map((m) => invalid(`${path}.name`, ctr.name, m))
    : [required(`${path}.name`)];
  if (!ctr.image) errs.push(required(`${path}.image`));
  errs.push(...oneOf(ctr.terminationMessagePolicy, `${path}.terminationMessagePolicy`, ['File', 'FallbackToLogsOnError']));
  const portNames = new Set<string>();
  (ctr.ports ?? []).forEach(({ name, containerPort, hostPort, protocol }, i) => {
    const at = `${path}.ports[${i}]`;
    if (name) {
      const msgs = names.isValidPortName(name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(`${at}.name`, name, m)));
      else if (portNames.has(name)) errs.push(duplicate(`${at}.name`, name));
      else portNames.add(name);
    }
    if (!containerPort) errs.push(required(`${at}.containerPort`));
    else errs.push(...names.isValidPortNum(containerPort).map((m) => invalid(`${at}.containerPort`, containerPort, m)));
    if (hostPort) errs.push(...names.isValidPortNum(hostPort).map((m) => invalid(`${at}.hostPort`, hostPort, m)));
    errs.push(...oneOf(protocol, `${at}.protocol`, PROTOCOLS));
  });
  (ctr.env ?? []).forEach((ev, i) => errs.push(...validateEnvVar(ev, `${path}.env[${i}]`)));
  const mountPaths = new Set<string>();
  (ctr.volumeMounts ?? []).forEach(({ name = '', mountPath = '' }, i) => {
    const at = `${path}.volumeMounts[${i}]`;
    if (!name) errs.push(required(`${at}.name`));
    if (!volumes.has(name)) errs.push(field.notFound(`${at}.name`, name));
    if (!mountPath) errs.push(required(`${at}.mountPath`));
    if (mountPaths.has(mountPath)) errs.push(invalid(`${at}.mountPath`, mountPath, 'must be unique'));
    mountPaths.add(mountPath);
  });
  errs.push(...oneOf(ctr.imagePullPolicy, `${path}.imagePullPolicy`, ['Always', 'IfNotPresent', 'Never']));
  return [...errs, ...validateResources(ctr.resources, `${path}.resources`)];
}

/** hostPorts may not collide across the given containers (protocol/hostIP/hostPort) */
function hostPortConflicts(containers: Container[], path: string): FieldError[] {
  const seen = new Set<string>();
  return containers.flatMap((c, ci) =>
    (c.ports ?? []).flatMap((p, pi) => {
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
      if (!p.hostPort || !seen.has(key)) return (seen.add(key), []);
      return [duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key)];
    }),
  );
}

export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  return (tolerations ?? []).flatMap(({ key, operator, value = '', effect, tolerationSeconds }, i) => {
    const at = `${path}[${i}]`;
    const errs = key ? meta.validateLabelName(key, `${at}.key`) : [];
    if (!key && operator !== 'Exists') errs.push(invalid(`${at}.operator`, operator ?? '', KEYLESS));
    if (tolerationSeconds !== undefined && effect !== 'NoExecute') {
      errs.push(invalid(`${at}.effect`, effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    const valueErrors = names.isValidLabelValue(value);
    if ((!operator || operator === 'Equal') && valueErrors.length > 0)
      errs.push(invalid(`${at}.operator`, value, valueErrors.join(';')));
    if (operator === 'Exists' && value)
      errs.push(invalid(`${at}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    if (operator && operator !== 'Equal' && operator !== 'Exists')
      errs.push(notSupported(`${at}.operator`, operator, ['Equal', 'Exists']));
    if (effect) errs.push(...oneOf(effect, `${at}.effect`, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    return errs;
  });
}

/** ValidatePodSpec; `isPod` is upstream's ResourceIsPod (a pod rather than a template) */
export function validatePodSpec(spec: PodSpec, path: string, isPod = false): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const volumes = new Set<string>();
  (spec.volumes ?? []).forEach(({ name }, i) => {
    const at = `${path}.volumes[${i}].name`;
    const own = name ? names.isDNS1123Label(name).map((m) => invalid(at, name, m)) : [required(at)];
    if (volumes.has(name)) own.push(duplicate(at, name));
    if (own.length === 0) volumes.add(name);
    errs.push(...own);
  });
  const containers = spec.containers ?? [];
  if (containers.length === 0) errs.push(required(`${path}.containers`));
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}.containers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, at));
    if (seen.has(c.name)) errs.push(duplicate(`${at}.name`, c.name));
    seen.add(c.name);
    errs.push(...validateProbe(c.livenessProbe, `${at}.livenessProbe`, true));
    errs.push(...validateProbe(c.readinessProbe, `${at}.readinessProbe`, false));
  });
  errs.push(...hostPortConflicts(containers, `${path}.containers`));
  (spec.initContainers ?? []).forEach((c, i) => {
    const at = `${path}.initContainers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, at));
    if (seen.has(c.name)) errs.push(duplicate(`${at}.name`, c.name));
    else if (c.name) seen.add(c.name);
    // upstream checks each init container as a list of one, so the index reads [0]
    errs.push(...hostPortConflicts([c], `${path}.initContainers`));
    for (const probe of ['livenessProbe', 'readinessProbe'] as const)
      if (c[probe]) errs.push(forbidden(`${at}.${probe}`, NOT_FOR_INIT));
  });
  containers.forEach((c, i) =>
    (c.ports ?? []).forEach(({ hostPort = 0, containerPort }, j) => {
      if (!spec.hostNetwork || (!isPod && hostPort === 0) || hostPort === containerPort) return;
      errs.push(invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hostPort, HOST_NETWORK_PORT));
    }),
  );
  errs.push(...oneOf(spec.restartPolicy, `${path}.restartPolicy`, ['Always', 'OnFailure', 'Never']));
  errs.push(...oneOf(spec.dnsPolicy, `${path}.dnsPolicy`, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  errs.push(...meta.validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  for (const key of ['serviceAccountName', 'nodeName', 'hostname', 'subdomain'] as const) {
    const value = spec[key];
    const check = key === 'hostname' || key === 'subdomain' ? names.isDNS1123Label : names.isDNS1123Subdomain;
    if (value) errs.push(...check(value).map((m) => invalid(`${path}.${key}`, value, m)));
  }
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  if (spec.preemptionPolicy !== undefined) {
    errs.push(...oneOf(spec.preemptionPolicy, `${path}.preemptionPolicy`, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** ValidatePodTemplateSpec: upstream reports template labels at `<path>.labels`, not `.metadata.labels` */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  return [
    ...meta.validateLabels(template.metadata?.labels, `${path}.labels`),
    ...meta.validateAnnotations(template.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(template.spec ?? ({} as PodSpec), `${path}.spec`),
  ];
}

export const imageWhitespace = (containers: Container[] | undefined, path: string) =>
  (containers ?? []).flatMap(({ image }, i) =>
    image !== undefined && image !== image.trim()
      ? [invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace')]
      : [],
  );

export function validatePod(pod: Pod): FieldError[] {
  return [
    ...meta.validateObjectMeta(pod.metadata, { namespaced: true, nameFn: names.nameIsDNSSubdomain }),
    ...validatePodSpec(pod.spec ?? ({} as PodSpec), 'spec', true),
    ...imageWhitespace(pod.spec?.containers, 'spec.containers'),
    ...imageWhitespace(pod.spec?.initContainers, 'spec.initContainers'),
  ];
}
