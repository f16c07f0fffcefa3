// the controllers that keep pods running: apps/v1 ReplicaSet and Deployment and the older core/v1
// ReplicationController, each with its spec, status and status conditions

import { conditionType } from './schema-meta.ts';
import { bool, int, kindHeader, labels, list, object, ref, str, t, type TypeDef } from './schema-types.ts';

const replicasStatus = (owner: string) => ({
  availableReplicas: int(`How many of the ${owner}'s pods have been ready for at least minReadySeconds.`),
  fullyLabeledReplicas: int(`How many of the ${owner}'s pods carry every label of the pod template.`),
  observedGeneration: int(`The metadata.generation of the ${owner} that the controller last acted on.`),
  readyReplicas: int(`How many of the ${owner}'s pods are ready.`),
  replicas: int(`How many pods the ${owner} currently has, counted by the controller.`, { required: true }),
});

export const WORKLOAD_TYPES: Record<string, TypeDef> = {
  ReplicaSet: object(
    'A ReplicaSet keeps a set number of identical pods running, creating or deleting pods to match its selector and replica count. Deployments create and manage ReplicaSets, so you rarely create one directly.',
    {
      ...kindHeader(),
      spec: ref(
        'ReplicaSetSpec',
        'What the ReplicaSet should maintain: how many pods, which ones, and the template for new ones.',
      ),
      status: ref('ReplicaSetStatus', 'What the controller last observed about the ReplicaSet. Read-only.'),
    },
  ),
  ReplicaSetSpec: object('The desired state of a ReplicaSet.', {
    minReadySeconds: int('How long a new pod must stay ready, without crashing, before it counts as available. Defaults to 0.'),
    replicas: int('How many pods should be running. Defaults to 1.'),
    selector: ref(
      'LabelSelector',
      "Which pods belong to this ReplicaSet. It must match the template's labels; the controller adopts any pod it matches.",
      { required: true },
    ),
    template: ref('PodTemplateSpec', 'The pod template used when more pods are needed.'),
  }),
  ReplicaSetStatus: object('The observed state of a ReplicaSet.', {
    ...replicasStatus('ReplicaSet'),
    conditions: list(t.ref('ReplicaSetCondition'), 'Observations about the ReplicaSet, such as a failure to create pods.'),
    terminatingReplicas: int("How many of the ReplicaSet's pods are shutting down but have not gone away yet."),
  }),
  ReplicaSetCondition: conditionType('ReplicaSet', ['lastTransitionTime']),
  ReplicationController: object(
    'The original, core/v1 way of keeping a number of identical pods running. It works like a ReplicaSet but selects pods by exact label matches only; new work should use a Deployment instead.',
    {
      ...kindHeader(),
      spec: ref('ReplicationControllerSpec', 'How many pods to keep, which pods count, and the template for new ones.'),
      status: ref('ReplicationControllerStatus', 'What the controller last observed. Read-only.'),
    },
  ),
  ReplicationControllerSpec: object('The desired state of a ReplicationController.', {
    minReadySeconds: int('How long a new pod must stay ready before it counts as available. Defaults to 0.'),
    replicas: int('How many pods should be running. Defaults to 1.'),
    selector: labels(
      'Labels a pod must carry, exactly, to count towards this controller. When left out, it defaults to the labels of the pod template.',
    ),
    template: ref('PodTemplateSpec', 'The pod template used when more pods are needed.'),
  }),
  ReplicationControllerStatus: object('The observed state of a ReplicationController.', {
    ...replicasStatus('ReplicationController'),
    conditions: list(
      t.ref('ReplicationControllerCondition'),
      'Observations about the controller, such as a failure to create pods.',
    ),
  }),
  ReplicationControllerCondition: conditionType('ReplicationController', ['lastTransitionTime']),
  Deployment: object(
    'A Deployment runs a stateless application as a set of identical pods and updates it declaratively: change the pod template and it rolls out a new ReplicaSet while scaling the old one down.',
    {
      ...kindHeader(),
      spec: ref('DeploymentSpec', 'The desired state of the Deployment.'),
      status: ref('DeploymentStatus', 'The most recently observed state of the Deployment. Read-only.'),
    },
  ),
  DeploymentSpec: object('What a Deployment should run and how it rolls out changes.', {
    minReadySeconds: int('How long a new pod must stay ready, without crashing, before it counts as available. Defaults to 0.'),
    paused: bool('When true, changes to the template are recorded but not rolled out until the Deployment is resumed.'),
    progressDeadlineSeconds: int(
      'How long a rollout may go without progress before the Deployment reports it as failed in its Progressing condition. It is not rolled back automatically. Defaults to 600.',
    ),
    replicas: int('How many pods should be running. Defaults to 1.'),
    revisionHistoryLimit: int('How many old ReplicaSets to keep so that you can roll back to them. Defaults to 10.'),
    selector: ref(
      'LabelSelector',
      "Which pods the Deployment manages. It must match the template's labels and cannot be changed after creation in apps/v1.",
      { required: true },
    ),
    strategy: ref('DeploymentStrategy', 'How old pods are replaced by new ones when the template changes.'),
    template: ref('PodTemplateSpec', 'The pods to run. Its restartPolicy may only be Always.', { required: true }),
  }),
  DeploymentStrategy: object('How a Deployment replaces old pods with new ones.', {
    rollingUpdate: ref(
      'RollingUpdateDeployment',
      'Settings for the RollingUpdate strategy. Only allowed when type is RollingUpdate.',
    ),
    type: str(
      'Recreate deletes every old pod before creating new ones; RollingUpdate, the default, replaces them gradually so the application keeps serving.',
      { enum: ['Recreate', 'RollingUpdate'] },
    ),
  }),
  RollingUpdateDeployment: object('Limits that pace a rolling update.', {
    maxSurge: ref(
      'IntOrString',
      'How many pods may exist above the desired count during the update, as a number or a percentage (rounded up). Defaults to 25%. Cannot be 0 when maxUnavailable is 0.',
    ),
    maxUnavailable: ref(
      'IntOrString',
      'How many pods may be unavailable below the desired count during the update, as a number or a percentage (rounded down). Defaults to 25%. Cannot be 0 when maxSurge is 0.',
    ),
  }),
  DeploymentStatus: object('The observed state of a Deployment.', {
    availableReplicas: int('How many pods have been ready for at least minReadySeconds.'),
    collisionCount: int('A counter the controller bumps to avoid naming clashes when it creates a new ReplicaSet.'),
    conditions: list(t.ref('DeploymentCondition'), 'Observations about the rollout, such as Available and Progressing.'),
    observedGeneration: int('The metadata.generation the controller last acted on.'),
    readyReplicas: int('How many pods of this Deployment are ready.'),
    replicas: int('How many pods the Deployment has across all its ReplicaSets, not counting ones shutting down.'),
    terminatingReplicas: int('How many pods are shutting down but have not gone away yet.'),
    unavailableReplicas: int('How many more pods are needed before the Deployment reaches 100% availability.'),
    updatedReplicas: int('How many pods already match the current template.'),
  }),
  DeploymentCondition: conditionType('Deployment', ['lastTransitionTime', 'lastUpdateTime']),
};
