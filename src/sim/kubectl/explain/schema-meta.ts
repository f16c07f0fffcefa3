// meta/v1 and shared helper schemas: object metadata, label selectors, references, and the
// named scalar types (Time, IntOrString, Quantity) that kubectl prints by their type or name

import { bool, int, labels, list, object, opaque, ref, scalar, str, t, time, type TypeDef } from './schema-types.ts';

export const META_TYPES: Record<string, TypeDef> = {
  Time: scalar(
    'A point in time, written as an RFC 3339 timestamp string such as 2024-05-01T12:00:00Z. The API stores it with one-second precision.',
    'string',
  ),
  IntOrString: scalar(
    'A value that may be given either as a whole number or as a string. Ports accept a number or a named port; surge and unavailability settings accept a count or a percentage such as "25%".',
    null,
  ),
  Quantity: scalar(
    'An amount of a resource written as a number with an optional suffix, such as 500m (half a CPU), 128Mi (binary megabytes) or 1G (decimal gigabytes).',
    null,
  ),
  ObjectMeta: object(
    'The metadata every stored object carries: the name and namespace that identify it, the labels and annotations users attach, and fields the API server maintains such as uid, resourceVersion and creationTimestamp.',
    {
      annotations: labels(
        'Free-form key/value notes attached to the object. Tools store information here for themselves or for people; unlike labels, annotations cannot be used to select objects.',
      ),
      creationTimestamp: time(
        'When the server created this object. It is set by the system, cannot be changed, and is empty for objects that have not been created yet.',
      ),
      deletionGracePeriodSeconds: int(
        'How many seconds the object is given to shut down gracefully once deletion has started. Only set after a delete request; the server may shorten it.',
      ),
      deletionTimestamp: time(
        'When the server will remove this object. It is set once someone asks for deletion; the object stays visible until its finalizers are cleared and the grace period ends.',
      ),
      finalizers: list(
        t.string,
        'Names of cleanup steps that must finish before the object is removed from storage. Controllers remove their entry when their work is done; while any remain, deletion waits.',
      ),
      generateName: str(
        'A prefix the server uses to invent a unique name when the name field is left empty. The server appends random characters, so the final name is only known after creation.',
      ),
      generation: int(
        'A counter the server increases each time the desired state (usually the spec) changes. Controllers compare it with the status to tell whether they have acted on the latest change.',
      ),
      labels: labels(
        'Key/value pairs used to organise and select objects. Services, ReplicaSets and Deployments find the pods they manage by matching these labels.',
      ),
      managedFields: list(
        t.ref('ManagedFieldsEntry'),
        'Records which client (field manager) last set each field, for server-side apply. It is maintained by the server and is rarely read by people.',
      ),
      name: str(
        'The name of the object, unique among objects of the same kind in its namespace. It is required when creating an object unless generateName is used, and cannot be changed later.',
      ),
      namespace: str(
        'The namespace the object lives in. Names only need to be unique within a namespace; an empty value means the "default" namespace for namespaced kinds. Cluster-wide kinds such as nodes have none.',
      ),
      ownerReferences: list(
        t.ref('OwnerReference'),
        'The objects this one depends on. When every owner is deleted, the garbage collector removes this object too; a ReplicaSet, for example, owns the pods it creates.',
      ),
      resourceVersion: str(
        'An opaque value that changes whenever the object changes. Clients send it back on updates so the server can reject writes based on stale data, and watches use it as a bookmark.',
      ),
      selfLink: str('An old, unused field that once held the URL of this object. The server no longer fills it in.'),
      uid: str(
        'A unique identifier the server assigns when the object is created. Unlike the name, it is never reused, so it tells apart two objects that had the same name at different times.',
      ),
    },
  ),
  ManagedFieldsEntry: opaque(
    'One entry of field-ownership tracking: the manager that set some fields, the operation it used and when.',
  ),
  OwnerReference: object('A pointer from an object to the object that owns it, such as from a pod to its ReplicaSet.', {
    apiVersion: str('The API version of the owner, such as apps/v1.', { required: true }),
    blockOwnerDeletion: bool(
      'When true, and foreground deletion is used, the owner is not fully deleted until this object has been removed.',
    ),
    controller: bool('True when the owner is the controller that manages this object. At most one owner can be the controller.'),
    kind: str('The kind of the owner, such as ReplicaSet.', { required: true }),
    name: str('The name of the owner.', { required: true }),
    uid: str('The uid of the owner, so a new object that reuses the name is not mistaken for it.', { required: true }),
  }),
  LabelSelector: object(
    'A query over labels. An object matches when it satisfies every matchLabels pair and every matchExpressions rule; an empty selector matches everything, while a missing one matches nothing.',
    {
      matchExpressions: list(
        t.ref('LabelSelectorRequirement'),
        'A list of rules, each comparing one label key with a set of values. All rules must hold.',
      ),
      matchLabels: labels(
        'Exact key/value pairs the labels must contain. Each pair is the same as a matchExpressions rule with operator In and a single value.',
      ),
    },
  ),
  LabelSelectorRequirement: object(
    'One rule of a label selector: a key, an operator and, for some operators, a list of values.',
    {
      key: str('The label key the rule looks at.', { required: true }),
      operator: str('How the key is compared with the values: In, NotIn, Exists or DoesNotExist.', { required: true }),
      values: list(
        t.string,
        'The values to compare with. In and NotIn need at least one value; Exists and DoesNotExist must leave this empty.',
      ),
    },
  ),
  ObjectReference: object('A pointer to another object, precise enough to find it and, optionally, one field inside it.', {
    apiVersion: str('The API version of the referenced object.'),
    fieldPath: str(
      'A path to a part of the object rather than the whole, such as spec.containers{web} for one container of a pod.',
    ),
    kind: str('The kind of the referenced object, such as Pod.'),
    name: str('The name of the referenced object.'),
    namespace: str('The namespace of the referenced object.'),
    resourceVersion: str('The resource version of the object that this reference was made from, if any.'),
    uid: str('The uid of the referenced object.'),
  }),
  Condition: object("One aspect of an object's current state, in the standard form shared across APIs.", {
    lastTransitionTime: ref('Time', 'When the condition last changed from one status to another.', { required: true }),
    message: str('A human-readable explanation of the current status.', { required: true }),
    observedGeneration: int('The metadata.generation the condition was computed from.'),
    reason: str('A short CamelCase word giving the reason for the last transition.', { required: true }),
    status: str('Whether the condition holds: True, False or Unknown.', { required: true }),
    type: str('Which aspect of the object this condition describes.', { required: true }),
  }),
};

/** the status conditions of core objects share one shape: type, status, reason, message and times */
export function conditionType(about: string, times: readonly string[]): TypeDef {
  const fields: Record<string, ReturnType<typeof str>> = {
    message: str('A human-readable explanation of the last transition.'),
    reason: str('A short CamelCase word explaining the last transition.'),
    status: str('Whether the condition holds: True, False or Unknown.', { required: true }),
    type: str(`Which aspect of the ${about} this condition reports on.`, { required: true }),
  };
  for (const name of times) {
    fields[name] =
      name === 'lastTransitionTime'
        ? time('When the condition last moved from one status to another.')
        : name === 'lastUpdateTime'
          ? time('When the condition was last written, even if its status did not change.')
          : name === 'lastProbeTime'
            ? time('When the condition was last checked.')
            : time('When the node last reported this condition.');
  }
  return object(`One observation about the ${about}'s state, with its status and when it last changed.`, fields);
}
