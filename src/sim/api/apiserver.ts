// the simulated kube-apiserver: defaulting, validation, admission and metadata on the way
// into the store, graceful and cascading deletion on the way out. results are values; only
// programmer errors throw.

import type { Clock } from '../clock.ts';
import type { Random } from '../random.ts';
import { applyDefaults } from './defaults.ts';
import { clone, randomSuffix, randomUid, timestamp } from './meta.ts';
import { qualifiedName, typeForKind, type ResourceType } from './resources.ts';
import { alreadyExists, conflict, invalid, notFound, type StatusError } from './status-errors.ts';
import { namespaceImmortal, namespaceTerminating } from './validation/namespace.ts';
import type { ObjectStore } from './store.ts';
import { qosClass } from './qos.ts';
import type { KubeObject, Namespace, Pod } from './types.ts';
import { validateCreate, validateUpdate } from './validation/index.ts';

export type ApiResult<T extends KubeObject = KubeObject> =
  { ok: true; object: T; warnings: string[] } | { ok: false; error: StatusError };

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
}

/** admission plugins run after validation on create (and on update for some), e.g. IP allocation */
export interface AdmissionPlugin {
  name: string;
  /** may change the object; returns an error to reject it */
  admit(obj: KubeObject, old: KubeObject | undefined, api: ApiServer): StatusError | null;
  /** frees what admit took (an IP, a port) when the object goes away */
  release?(obj: KubeObject): void;
  /**
   * runs before validation, as the registry's BeginCreate and BeginUpdate hooks do (the Service
   * registry allocates cluster IPs and node ports there); may change the object, or refuse it.
   * `finish` is told whether the write went through, so a refused write can give back what it took.
   */
  begin?(
    obj: KubeObject,
    old: KubeObject | undefined,
    api: ApiServer,
    dryRun: boolean,
    request: AdmissionRequest,
  ): AdmissionBegin;
}

/** what an admission plugin knows of the request besides the object */
export interface AdmissionRequest {
  /** the name the request asked for: the generateName prefix when the server made the name up */
  requestedName: string;
}

export type AdmissionBegin = { ok: true; finish(success: boolean): void } | { ok: false; error: StatusError };

/** the kinds whose registry strategy says AllowCreateOnUpdate: a PUT of a missing one creates it */
const CREATE_ON_UPDATE = new Set(['Service', 'Endpoints', 'Event']);

/** where etcd keeps a resource, where the registry's prefix is not the resource's name */
const STORAGE_PREFIX: Record<string, string> = {
  services: 'services/specs',
  endpoints: 'services/endpoints',
  nodes: 'minions',
  replicationcontrollers: 'controllers',
};

/** the object's etcd key, as storage errors name it */
function storageKey(type: ResourceType, namespace: string | undefined, name: string): string {
  const prefix = STORAGE_PREFIX[type.resource] ?? type.resource;
  return `/registry/${prefix}/${type.namespaced ? `${namespace}/` : ''}${name}`;
}

export const FINALIZER_FOREGROUND = 'foregroundDeletion';
export const FINALIZER_ORPHAN = 'orphan';

export class ApiServer {
  private admission: AdmissionPlugin[] = [];

  constructor(
    readonly store: ObjectStore,
    readonly clock: Clock,
    readonly random: Random,
  ) {}

  addAdmission(plugin: AdmissionPlugin): void {
    this.admission.push(plugin);
  }

  typeOf(kind: string): ResourceType {
    const type = typeForKind(kind);
    if (!type) throw new Error(`the simulated apiserver has no resource for kind ${kind}`);
    return type;
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const type = this.typeOf(kind);
    return this.store.get(type.resource, type.namespaced ? namespace : undefined, name) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    return this.store.list(this.typeOf(kind).resource, namespace) as T[];
  }

  /**
   * POST: the object is copied (unless the caller hands over a fresh object it will not touch
   * again, as controllers do); the stored version is returned. `random`, when given, draws the
   * generated name and uid, so a controller's objects do not shift everyone else's random choices
   */
  create<T extends KubeObject>(
    input: T,
    namespace?: string,
    options: { handOver?: boolean; dryRun?: boolean; random?: Random } = {},
  ): ApiResult<T> {
    const type = this.typeOf(input.kind);
    const obj = options.handOver ? input : (clone(input) as T);
    if (type.namespaced) {
      obj.metadata.namespace = obj.metadata.namespace ?? namespace ?? 'default';
      const ns = this.store.get('namespaces', undefined, obj.metadata.namespace) as Namespace | undefined;
      if (!ns) return { ok: false, error: notFound('namespaces', obj.metadata.namespace) };
      if (ns.status?.phase === 'Terminating') {
        return { ok: false, error: namespaceTerminating(qualifiedName(type), obj.metadata.name ?? '', obj.metadata.namespace) };
      }
    } else {
      delete obj.metadata.namespace;
    }
    // the name is made up after admission upstream, so admission's refusals name the prefix
    const requestedName = obj.metadata.name || obj.metadata.generateName || '';
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = obj.metadata.generateName + randomSuffix(options.random ?? this.random);
    }
    applyDefaults(obj);
    const begun = this.begin(obj, undefined, options.dryRun ?? false, { requestedName });
    if (!begun.ok) return begun;
    const fail = (error: StatusError): ApiResult<T> => {
      begun.finish(false);
      return { ok: false, error };
    };
    const errors = validateCreate(obj);
    if (errors.length > 0) return fail(invalid(obj.kind, obj.metadata.name ?? '', errors, type));
    if (this.store.get(type.resource, obj.metadata.namespace, obj.metadata.name!)) {
      return fail(alreadyExists(qualifiedName(type), obj.metadata.name!));
    }
    for (const plugin of this.admission) {
      const error = plugin.admit(obj, undefined, this);
      if (error) return fail(error);
    }
    // the pod strategy's PrepareForCreate: whatever status was sent, a new pod is Pending with its
    // QoS class
    if (obj.kind === 'Pod') obj.status = { phase: 'Pending', qosClass: qosClass(obj as unknown as Pod) };
    const meta = obj.metadata;
    meta.uid = randomUid(options.random ?? this.random);
    meta.creationTimestamp = timestamp(this.clock.now());
    if (hasGeneration(obj)) meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.resourceVersion;
    begun.finish(true);
    // a server-side dry run answers with the object as it would be stored, and stores nothing
    if (options.dryRun) return { ok: true, object: obj, warnings: [] };
    return { ok: true, object: this.store.put(type.resource, obj) as T, warnings: [] };
  }

  /**
   * PUT: replaces spec and metadata; status is kept from the stored object unless `withStatus`.
   * `put`: a client's PUT (kubectl replace): the body's uid is a precondition on the stored
   * object, and a missing object of a kind whose strategy allows it (AllowCreateOnUpdate) is
   * created. `dryRun`: validated and answered, stored nowhere
   */
  update<T extends KubeObject>(input: T, options: { withStatus?: boolean; dryRun?: boolean; put?: boolean } = {}): ApiResult<T> {
    const type = this.typeOf(input.kind);
    const namespace = type.namespaced ? input.metadata.namespace : undefined;
    const old = this.store.get(type.resource, namespace, input.metadata.name ?? '');
    const uid = input.metadata.uid;
    if (options.put && uid && uid !== (old?.metadata.uid ?? '')) {
      // storage.Preconditions.Check, whose invalid-object error the registry turns into a Conflict
      // (a missing object has an empty uid)
      const key = storageKey(type, namespace, input.metadata.name ?? '');
      const message = `StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old?.metadata.uid ?? ''}`;
      return { ok: false, error: conflict(qualifiedName(type), input.metadata.name ?? '', message) };
    }
    if (!old && options.put && CREATE_ON_UPDATE.has(type.kind))
      return this.create(input, namespace, { dryRun: options.dryRun ?? false });
    if (!old) return { ok: false, error: notFound(qualifiedName(type), input.metadata.name ?? '') };
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      return {
        ok: false,
        error: conflict(
          qualifiedName(type),
          old.metadata.name!,
          'the object has been modified; please apply your changes to the latest version and try again',
        ),
      };
    }
    const obj = clone(input) as T;
    if (!options.withStatus && 'status' in old) obj.status = clone(old.status);
    applyDefaults(obj);
    const begun = this.begin(obj, old, options.dryRun ?? false, { requestedName: obj.metadata.name ?? '' });
    if (!begun.ok) return begun;
    const errors = validateUpdate(obj, old);
    if (errors.length > 0) {
      begun.finish(false);
      return { ok: false, error: invalid(obj.kind, obj.metadata.name!, errors, type) };
    }
    for (const plugin of this.admission) {
      const error = plugin.admit(obj, old, this);
      if (error) {
        begun.finish(false);
        return { ok: false, error };
      }
    }
    begun.finish(true);
    // the server owns these fields; clients cannot change them
    obj.metadata.uid = old.metadata.uid!;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp!;
    if (old.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    else delete obj.metadata.deletionTimestamp;
    if (hasGeneration(obj)) {
      const specChanged = JSON.stringify(generationalPart(obj)) !== JSON.stringify(generationalPart(old));
      obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    }
    if (options.dryRun) {
      if (old.metadata.resourceVersion) obj.metadata.resourceVersion = old.metadata.resourceVersion;
      return { ok: true, object: obj, warnings: [] };
    }
    return { ok: true, object: this.store.put(type.resource, obj) as T, warnings: [] };
  }

  /** every plugin's begin, in order; when one refuses, those already begun are finished as failed */
  private begin(obj: KubeObject, old: KubeObject | undefined, dryRun: boolean, request: AdmissionRequest): AdmissionBegin {
    const finishers: ((success: boolean) => void)[] = [];
    for (const plugin of this.admission) {
      const begun = plugin.begin?.(obj, old, this, dryRun, request);
      if (!begun) continue;
      if (!begun.ok) {
        for (const finish of finishers) finish(false);
        return begun;
      }
      finishers.push((success) => begun.finish(success));
    }
    return { ok: true, finish: (success) => finishers.forEach((finish) => finish(success)) };
  }

  /** controllers write status (and sometimes metadata) without generation bumps or validation */
  writeStatus<T extends KubeObject>(obj: T): T {
    return this.store.put(this.typeOf(obj.kind).resource, obj) as T;
  }

  /**
   * DELETE. pods get a grace period (the kubelet finishes them); objects with finalizers or
   * foreground/orphan propagation are marked and finished by the garbage collector.
   */
  delete(kind: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): ApiResult {
    const type = this.typeOf(kind);
    const ns = type.namespaced ? namespace : undefined;
    const current = this.store.get(type.resource, ns, name);
    if (!current) return { ok: false, error: notFound(qualifiedName(type), name) };
    const obj = clone(current);
    const meta = obj.metadata;
    if (kind === 'Namespace') {
      if (['default', 'kube-system', 'kube-public'].includes(name)) {
        return { ok: false, error: namespaceImmortal(name) };
      }
      if (!meta.deletionTimestamp) {
        meta.deletionTimestamp = timestamp(this.clock.now());
        (obj as Namespace).status = { phase: 'Terminating' };
        return { ok: true, object: this.store.put(type.resource, obj), warnings: [] };
      }
      return { ok: true, object: current, warnings: [] };
    }
    const policy = options.propagationPolicy ?? 'Background';
    const finalizers = new Set(meta.finalizers ?? []);
    if (policy === 'Foreground') finalizers.add(FINALIZER_FOREGROUND);
    if (policy === 'Orphan') finalizers.add(FINALIZER_ORPHAN);
    if (kind === 'Pod') {
      const grace =
        options.gracePeriodSeconds ??
        (obj.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds ??
        30;
      const unscheduled = !(obj.spec as { nodeName?: string }).nodeName;
      if ((grace === 0 || unscheduled) && finalizers.size === 0) return this.remove(type, current);
      if (!meta.deletionTimestamp || grace < (meta.deletionGracePeriodSeconds ?? Infinity)) {
        meta.deletionTimestamp = timestamp(this.clock.now() + grace * 1000);
        meta.deletionGracePeriodSeconds = grace;
      }
      meta.finalizers = [...finalizers];
      if (meta.finalizers.length === 0) delete meta.finalizers;
      return { ok: true, object: this.store.put(type.resource, obj), warnings: [] };
    }
    if (finalizers.size === 0) return this.remove(type, current);
    meta.finalizers = [...finalizers];
    meta.deletionTimestamp ??= timestamp(this.clock.now());
    meta.deletionGracePeriodSeconds = 0;
    return { ok: true, object: this.store.put(type.resource, obj), warnings: [] };
  }

  /** removes an object for good (finalizers done, grace period over) */
  finalize(obj: KubeObject): void {
    const type = this.typeOf(obj.kind);
    const current = this.store.get(type.resource, obj.metadata.namespace, obj.metadata.name!);
    if (current) this.remove(type, current);
  }

  private remove(type: ResourceType, obj: KubeObject): ApiResult {
    for (const plugin of this.admission) plugin.release?.(obj);
    this.store.remove(type.resource, type.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name!);
    return { ok: true, object: obj, warnings: [] };
  }
}

/** what a generation counts changes of: the spec, or an EndpointSlice's body (it has no spec) */
function generationalPart(obj: KubeObject): unknown {
  if (obj.kind !== 'EndpointSlice') return obj.spec;
  return [obj['addressType'], obj['endpoints'], obj['ports']];
}

/**
 * kinds whose metadata.generation tracks spec changes: those whose registry strategy sets it
 * (pods since PodObservedGenerationTracking, the workload controllers' objects, EndpointSlices).
 * Namespaces, ServiceAccounts, ConfigMaps, Services, Endpoints, Nodes and Events have none
 */
const GENERATIONAL = new Set(['Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'DaemonSet', 'EndpointSlice']);

function hasGeneration(obj: KubeObject): boolean {
  return GENERATIONAL.has(obj.kind);
}
