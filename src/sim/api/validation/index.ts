// the validation entry points the apiserver calls: kind dispatch for create and update, and the
// registry strategies' preparation of an update (PrepareForUpdate and the service registry's
// fix-ups), which upstream runs on the new object right before validating it.

import { field, goJson, type FieldError } from '../field-errors.ts';
import { typeForKind } from '../resources.ts';
import type {
  DaemonSet,
  Deployment,
  Endpoints,
  EndpointSlice,
  KubeObject,
  Namespace,
  Pod,
  PodSpec,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../types.ts';
import { semanticEqual, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { nameIsDNSSubdomain } from './names.ts';
import { prepareNamespaceUpdate, validateNamespace, validateNamespaceUpdate } from './namespace.ts';
import { imageWhitespace, validatePod, validateTolerations } from './pod.ts';
import * as discovery from './discovery.ts';
import * as svcs from './service.ts';
import * as workloads from './workloads.ts';

const { externallyAccessible, needsClusterIP, needsHealthCheck, needsNodePort } = svcs;

const UPDATABLE = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

/** what is wrong with an object about to be created (already defaulted); empty when it may be stored */
export function validateCreate(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Pod':
      return validatePod(obj as Pod);
    case 'Deployment':
      return workloads.validateDeployment(obj as Deployment);
    case 'ReplicaSet':
      return workloads.validateReplicaSet(obj as ReplicaSet);
    case 'DaemonSet':
      return workloads.validateDaemonSet(obj as DaemonSet);
    case 'ReplicationController':
      return workloads.validateReplicationController(obj as ReplicationController);
    case 'Service':
      return svcs.validateService(obj as Service);
    case 'Endpoints':
      return svcs.validateEndpoints(obj as Endpoints);
    case 'EndpointSlice':
      return discovery.validateEndpointSlice(obj as EndpointSlice);
    case 'Namespace':
      return validateNamespace(obj as Namespace);
    default:
      return validateObjectMeta(obj.metadata, {
        namespaced: typeForKind(obj.kind)?.namespaced ?? true,
        nameFn: nameIsDNSSubdomain,
      });
  }
}

/** prepares `obj` as the registry strategy would (it may change it), then says what is wrong with the update */
export function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  prepareForUpdate(obj, old);
  switch (obj.kind) {
    case 'Pod':
      return validatePodUpdate(obj as Pod, old as Pod);
    case 'Deployment':
      return workloads.validateDeploymentUpdate(obj as Deployment, old as Deployment);
    case 'ReplicaSet':
      return workloads.validateReplicaSetUpdate(obj as ReplicaSet, old as ReplicaSet);
    case 'DaemonSet':
      return workloads.validateDaemonSetUpdate(obj as DaemonSet, old as DaemonSet);
    case 'ReplicationController':
      return workloads.validateReplicationControllerUpdate(obj as ReplicationController, old as ReplicationController);
    case 'Service':
      return svcs.validateServiceUpdate(obj as Service, old as Service);
    case 'Endpoints':
      return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...svcs.validateEndpoints(obj as Endpoints)];
    case 'EndpointSlice':
      return discovery.validateEndpointSliceUpdate(obj as EndpointSlice, old as EndpointSlice);
    case 'Namespace':
      return validateNamespaceUpdate(obj as Namespace, old as Namespace);
    default:
      return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateCreate(obj)];
  }
}

/** the strategies' PrepareForUpdate for the kinds whose updates keep or drop fields */
export function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  if (obj.kind === 'Service' && old.kind === 'Service') prepareServiceUpdate(obj as Service, old as Service);
  if (obj.kind === 'Namespace' && old.kind === 'Namespace') prepareNamespaceUpdate(obj as Namespace, old as Namespace);
}

/**
 * what the service registry does to an update before validating it: keep allocated IPs and
 * node ports the client left out, then drop fields the new type no longer uses when the
 * client did not touch them (so `type: ExternalName` can be set with a plain patch)
 */
export function prepareServiceUpdate(svc: Service, old: Service): void {
  const [spec, before] = [svc.spec, old.spec];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (needsClusterIP(before) && needsClusterIP(spec)) {
    if (!spec.clusterIP && before.clusterIP) spec.clusterIP = before.clusterIP;
    if (!spec.clusterIPs?.length && before.clusterIPs?.length) spec.clusterIPs = [...before.clusterIPs];
    if (spec.ipFamilyPolicy === undefined && before.ipFamilyPolicy) spec.ipFamilyPolicy = before.ipFamilyPolicy;
    if (!spec.ipFamilies?.length && before.ipFamilies?.length) spec.ipFamilies = [...before.ipFamilies];
  }
  // NormalizeClusterIPs: a changed clusterIP with untouched clusterIPs speaks for both
  if (spec.clusterIP !== before.clusterIP && same(spec.clusterIPs, before.clusterIPs)) {
    if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
    else delete spec.clusterIPs;
  }
  if (needsNodePort(before) && needsNodePort(spec)) {
    const used = new Set(
      (spec.ports ?? []).map((p) => p.nodePort).filter((n) => n && before.ports?.some((o) => o.nodePort === n)),
    );
    for (const p of spec.ports ?? []) {
      const was = before.ports?.find((o) => (o.name ?? '') === (p.name ?? ''))?.nodePort;
      if (!p.nodePort && was && !used.has(was)) p.nodePort = was;
    }
  }
  if (needsHealthCheck(before) && needsHealthCheck(spec) && !spec.healthCheckNodePort && before.healthCheckNodePort) {
    spec.healthCheckNodePort = before.healthCheckNodePort;
  }
  if (needsClusterIP(before) && !needsClusterIP(spec)) {
    if (same(spec.clusterIPs, before.clusterIPs) && spec.clusterIP === before.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (same(spec.ipFamilies, before.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === before.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  // sameNodePorts: ports may be added, removed or changed as long as no net-new node port appears
  if (
    needsNodePort(before) &&
    !needsNodePort(spec) &&
    (spec.ports ?? []).every((p) => !p.nodePort || before.ports?.some((o) => o.nodePort === p.nodePort))
  ) {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheck(before) && !needsHealthCheck(spec) && spec.healthCheckNodePort === before.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  if (before.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === before.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === before.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (
    externallyAccessible(before) &&
    !externallyAccessible(spec) &&
    spec.externalTrafficPolicy === before.externalTrafficPolicy
  ) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type !== 'LoadBalancer' && svc.status) svc.status = { loadBalancer: {} };
}

/** ValidatePodUpdate: only images, added tolerations and a few other fields may change */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePod(pod)];
  for (const key of ['containers', 'initContainers'] as const) {
    const [now, before] = [pod.spec[key] ?? [], old.spec[key] ?? []];
    if (now.length !== before.length)
      return [...errs, field.forbidden(`spec.${key}`, 'pod updates may not add or remove containers')];
    now.forEach((c, i) => !c.image && errs.push(field.required(`spec.${key}[${i}].image`)));
    errs.push(...imageWhitespace(now, `spec.${key}`));
  }
  const oldTolerations = old.spec.tolerations ?? [];
  const kept = oldTolerations.every((t) =>
    (pod.spec.tolerations ?? []).some((n) => semanticEqual({ ...t, tolerationSeconds: n.tolerationSeconds }, n)),
  );
  if (!kept)
    errs.push(field.forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  else errs.push(...validateTolerations(pod.spec.tolerations, 'spec.tolerations'));
  // compare what is left once the mutable fields are taken from the old pod
  const munged: PodSpec = { ...pod.spec, tolerations: oldTolerations };
  munged.containers = pod.spec.containers.map((c, i) => ({ ...c, image: old.spec.containers[i]?.image ?? '' }));
  const oldInit = old.spec.initContainers;
  if (pod.spec.initContainers)
    munged.initContainers = pod.spec.initContainers.map((c, i) => ({ ...c, image: oldInit?.[i]?.image ?? '' }));
  if ((old.spec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = old.spec.terminationGracePeriodSeconds!;
  }
  if (!semanticEqual(munged, old.spec)) {
    errs.push(
      field.forbidden('spec', `pod updates may not change fields other than ${UPDATABLE}\n${specDiff(old.spec, munged)}`),
    );
  }
  return errs;
}

/** a cmp.Diff-shaped list of the changed top-level fields (go-cmp randomises its exact output on purpose) */
function specDiff(before: PodSpec, after: PodSpec): string {
  const [b, a] = [before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const changed = keys.filter((k) => !semanticEqual(b[k], a[k]));
  const goName = (k: string) => k[0]!.toUpperCase() + k.slice(1);
  const lines = changed.flatMap((k) => [`- \t${goName(k)}: ${goJson(b[k])},`, `+ \t${goName(k)}: ${goJson(a[k])},`]);
  return ['  core.PodSpec{', ...lines, `  \t... // ${keys.length - changed.length} identical fields`, '  }', ''].join('\n');
}
