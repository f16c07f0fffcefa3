// the two ends of a probe as checks name them: the pod requests are sent from, and the pods that
// should answer (a Deployment's replicas or a label selector's pods)
import type { Cluster } from '../sim/cluster.ts';
import type { Pod } from '../sim/api/types.ts';
import {
  closeNames,
  code,
  labelString,
  listing,
  livePods,
  podState,
  podsOwnedBy,
  podsSelected,
  templateLabels,
} from './facts.ts';
import { failed, type CheckOutcome } from './outcome.ts';
import type { Backend } from './service-diagnosis.ts';

export interface FromSpec {
  pod: string;
  namespace: string;
  container?: string | undefined;
}

export interface BackendSpec {
  deployment?: string | undefined;
  selector?: Record<string, string> | undefined;
  namespace: string;
}

/** the pod to send from, running; or a failure saying why it cannot send */
export function sourcePod(cluster: Cluster, from: FromSpec): { pod: Pod } | { failure: CheckOutcome } {
  const pod = cluster.api.get<Pod>('Pod', from.namespace, from.pod);
  if (!pod || pod.metadata.deletionTimestamp) {
    const close = closeNames(
      from.pod,
      livePods(cluster, from.namespace).map((p) => p.metadata.name!),
    );
    return {
      failure: failed(
        `there is no pod ${code(from.pod)} in namespace ${code(from.namespace)} to send the requests from${close.length ? ` (there is ${listing(close.map(code))})` : ''}`,
        `The requests go out from pod \`${from.pod}\`: it must exist and run (if the exercise made it and it is gone, reset the exercise).`,
      ),
    };
  }
  if (from.container && !pod.spec.containers.some((c) => c.name === from.container)) {
    const names = pod.spec.containers.map((c) => code(c.name)).join(', ');
    return {
      failure: failed(
        `pod ${code(from.pod)} has no container named ${code(from.container)} (its containers: ${names})`,
        `Name the container \`${from.container}\` in the pod's spec.containers.`,
      ),
    };
  }
  const names = from.container ? [from.container] : pod.spec.containers.map((c) => c.name);
  const running = names.some((name) => cluster.kubelet.containerRuntime(pod, name)?.running);
  if (pod.status?.phase !== 'Running' || !running) {
    return {
      failure: failed(
        `${from.container ? `container ${code(from.container)} of pod ${code(from.pod)}` : `pod ${code(from.pod)}`} is not running (${podState(pod)}), so it cannot send requests`,
        'Wait for the pod to run, or look at `kubectl describe pod` for why it does not.',
      ),
    };
  }
  return { pod };
}

/** the pods that should answer, and how to name them; or a failure when there are none */
export function backendPods(cluster: Cluster, spec: BackendSpec): { backend: Backend } | { failure: CheckOutcome } {
  if (spec.deployment !== undefined) {
    const pods = podsOwnedBy(cluster, spec.namespace, 'Deployment', spec.deployment);
    if (pods === null) {
      return {
        failure: failed(
          `there is no Deployment ${code(spec.deployment)} in namespace ${code(spec.namespace)}`,
          `The exercise starts with a Deployment \`${spec.deployment}\`; if you deleted it, reset the exercise.`,
        ),
      };
    }
    return {
      backend: {
        pods,
        description: `the pods of Deployment ${code(spec.deployment)}`,
        labels: templateLabels(cluster, spec.namespace, spec.deployment),
      },
    };
  }
  const selector = spec.selector ?? {};
  return {
    backend: {
      pods: podsSelected(cluster, spec.namespace, selector),
      description: `the pods labelled ${code(labelString(selector, true))}`,
      labels: selector,
    },
  };
}
