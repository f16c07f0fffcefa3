// facts about the cluster that diagnoses are built from: which pods a selector or a controller
// has, what state a pod is in (in the words `kubectl get pods` would show), labels as a
// selector string, names that are close to a wanted one
import type { Cluster } from '../sim/cluster.ts';
import type { Deployment, KubeObject, Pod, ReplicaSet, Service } from '../sim/api/types.ts';
import { isPodReady } from '../sim/controllers/replicaset.ts';
import { matchesRequirements, selectorFromSet } from '../sim/api/validation/selectors.ts';

type Labels = Record<string, string>;

/** labels a controller adds that say nothing about what the learner chose */
const NOISE = new Set(['pod-template-hash', 'controller-revision-hash', 'pod-template-generation']);

export function podReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp && isPodReady(pod);
}

/** a Service-style selector (a label set) selects these labels: the apiserver's own matching */
export function selects(selector: Labels, labels: Labels | undefined): boolean {
  return matchesRequirements(selectorFromSet(selector), labels ?? {});
}

/** `app=web,tier=front`, leaving out controller-added hashes */
export function labelString(labels: Labels | undefined, keepAll = false): string {
  const entries = Object.entries(labels ?? {}).filter(([k]) => keepAll || !NOISE.has(k));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '';
}

export function code(text: string | number): string {
  return `\`${text}\``;
}

/** `a`, `a` and `b`, `a`, `b` and `c` */
export function listing(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function livePods(cluster: Cluster, namespace: string): Pod[] {
  return cluster.api
    .list<Pod>('Pod', namespace)
    .filter((p) => !p.metadata.deletionTimestamp)
    .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
}

export function podsSelected(cluster: Cluster, namespace: string, selector: Labels): Pod[] {
  return livePods(cluster, namespace).filter((p) => selects(selector, p.metadata.labels));
}

function ownedBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid);
}

/** the pods a controller owns: a Deployment's through its ReplicaSets */
export function podsOwnedBy(cluster: Cluster, namespace: string, kind: string, name: string): Pod[] | null {
  const owner = cluster.api.get(kind, namespace, name);
  if (!owner) return null;
  const pods = livePods(cluster, namespace);
  if (kind !== 'Deployment') return pods.filter((p) => ownedBy(p, owner));
  const sets = cluster.api.list<ReplicaSet>('ReplicaSet', namespace).filter((rs) => ownedBy(rs, owner));
  return pods.filter((p) => sets.some((rs) => ownedBy(p, rs)));
}

/** the labels a Deployment gives its pods */
export function templateLabels(cluster: Cluster, namespace: string, deployment: string): Labels | null {
  return cluster.api.get<Deployment>('Deployment', namespace, deployment)?.spec.template.metadata?.labels ?? null;
}

/** why a pod is not ready, as `kubectl get pods` would show its status */
export function podState(pod: Pod): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const statuses = pod.status?.containerStatuses ?? [];
  const waiting = statuses.find((s) => s.state.waiting?.reason)?.state.waiting?.reason;
  const terminated = statuses.find((s) => s.state.terminated)?.state.terminated?.reason;
  if (pod.status?.phase === 'Pending' && !pod.spec.nodeName) {
    const unscheduled = pod.status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
    return unscheduled?.message ? `Pending (not scheduled: ${unscheduled.message})` : 'Pending';
  }
  if (waiting) return waiting;
  if (terminated) return terminated;
  if (pod.status?.phase === 'Running' && !podReady(pod)) {
    const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
    return notReady.length
      ? `Running but not ready (container ${listing(notReady.map(code))} not ready)`
      : 'Running but not ready';
  }
  return pod.status?.phase ?? 'Pending';
}

/** a pod's containers' images and what is wrong with them, for ErrImagePull-type diagnoses */
export function imageTrouble(pod: Pod): string | null {
  for (const s of pod.status?.containerStatuses ?? []) {
    const reason = s.state.waiting?.reason;
    if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff' || reason === 'InvalidImageName') {
      const image = pod.spec.containers.find((c) => c.name === s.name)?.image ?? s.image;
      return `image ${code(image)} of container ${code(s.name)} cannot be pulled (${reason}): no such image exists`;
    }
    if (reason === 'CrashLoopBackOff' || s.state.terminated) {
      const image = pod.spec.containers.find((c) => c.name === s.name)?.image ?? s.image;
      return `container ${code(s.name)} (${code(image)}) keeps exiting (${reason ?? s.state.terminated?.reason}): its command ends instead of running`;
    }
  }
  return null;
}

/** "pod `a` is ImagePullBackOff, pod `b` is Pending" */
export function podStates(pods: readonly Pod[]): string {
  return listing(pods.map((p) => `${code(p.metadata.name!)} is ${podState(p)}`));
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

/** names close to `wanted`: a small edit away, or one containing the other */
export function closeNames(wanted: string, names: readonly string[], limit = 3): string[] {
  const scored = names
    .filter((n) => n !== wanted)
    .map((n) => ({ n, d: levenshtein(wanted, n) }))
    .filter(({ n, d }) => d <= Math.max(2, Math.floor(wanted.length / 3)) || n.includes(wanted) || wanted.includes(n))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  return scored.slice(0, limit).map(({ n }) => n);
}

/** the learner's Services in a namespace (the cluster's own `kubernetes` left out) */
export function learnerServices(cluster: Cluster, namespace: string): Service[] {
  return cluster.api
    .list<Service>('Service', namespace)
    .filter((s) => !(namespace === 'default' && s.metadata.name === 'kubernetes'))
    .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
}

/** namespaces other than `namespace` holding an object of this kind and name */
export function otherNamespacesWith(cluster: Cluster, kind: string, name: string, namespace: string): string[] {
  return cluster.api
    .list(kind)
    .filter((o) => o.metadata.name === name && o.metadata.namespace !== namespace)
    .map((o) => o.metadata.namespace!)
    .sort();
}

/** `80/TCP, 443/TCP` */
export function servicePorts(svc: Service): string {
  const ports = svc.spec.ports ?? [];
  return ports.length ? ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') : 'none';
}

/** what a host name in a URL means for Services, seen from a pod in `podNamespace` */
export function serviceFromHost(host: string, podNamespace: string): { name: string; namespace: string } | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(h) || h === 'localhost') return null;
  const parts = h.split('.');
  if (parts.length === 1) return { name: parts[0]!, namespace: podNamespace };
  if (parts.length === 2) return { name: parts[0]!, namespace: parts[1]! };
  if (parts[2] === 'svc') return { name: parts[0]!, namespace: parts[1]! };
  return null;
}

/** reads a dotted path with [index] steps out of an object */
export function readPath(obj: unknown, path: string): { found: boolean; value: unknown } {
  let here: unknown = obj;
  for (const step of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step;
    if (here === null || typeof here !== 'object' || !(key in (here as object))) return { found: false, value: undefined };
    here = (here as Record<string | number, unknown>)[key];
  }
  return { found: true, value: here };
}

export function parseUrl(url: string): { host: string; port: number; path: string } {
  const m = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)!;
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/' };
}
