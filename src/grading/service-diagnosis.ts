// why a Service does not get requests to the pods it should: the chain a learner has to get
// right, checked link by link against the cluster — its type, its port, its selector against
// the pods' actual labels, its targetPort against the port the pods listen on, the pods'
// readiness. each finding names the objects and values involved.
import type { Cluster } from '../sim/cluster.ts';
import type { Pod, Service, ServicePort } from '../sim/api/types.ts';
import { networkOf } from '../sim/network/net.ts';
import { listeningPorts } from '../sim/network/probe.ts';
import {
  closeNames,
  code,
  imageTrouble,
  labelString,
  learnerServices,
  listing,
  otherNamespacesWith,
  plural,
  podReady,
  podsSelected,
  podStates,
} from './facts.ts';

/** the pods that should be behind the Service, and how to name them in a sentence */
export interface Backend {
  pods: Pod[];
  /** "the pods of Deployment `hostname`" */
  description: string;
  /** the labels the backend's pods are meant to carry (a Deployment's template labels) */
  labels?: Record<string, string> | null;
}

export interface Finding {
  cause: string;
  hint: string;
}

/** the ready endpoints kube-proxy has for one port of the Service */
export function readyEndpoints(cluster: Cluster, svc: Service, sp: ServicePort): number {
  return networkOf(cluster)
    .services.endpoints(svc, sp)
    .filter((ep) => ep.ready).length;
}

function declaredPort(pod: Pod, port: number): boolean {
  return pod.spec.containers.some((c) => (c.ports ?? []).some((p) => p.containerPort === port));
}

/** the pods' labels, as one or a few selector strings */
function labelsOf(pods: readonly Pod[], backend: Backend | null): string {
  if (backend?.labels) return code(labelString(backend.labels));
  const distinct = [...new Set(pods.map((p) => labelString(p.metadata.labels)).filter(Boolean))].slice(0, 3);
  return distinct.length ? listing(distinct.map(code), 'or') : 'nothing';
}

/** the port of the Service a request used: by `port`, or by `nodePort` for traffic to a node */
export function servicePortFor(svc: Service, port: number, byNodePort = false): ServicePort | undefined {
  return (svc.spec.ports ?? []).find(
    (p) => (byNodePort ? p.nodePort === port : p.port === port) && (p.protocol ?? 'TCP') === 'TCP',
  );
}

/**
 * the first broken link between a Service and the pods it should reach, or null when every
 * link holds (then the trouble is elsewhere: the client, the policy, the path)
 */
export function diagnoseService(
  cluster: Cluster,
  svc: Service,
  sp: ServicePort | undefined,
  port: number,
  backend: Backend | null,
): Finding | null {
  const name = code(svc.metadata.name!);
  const ns = svc.metadata.namespace!;
  if (svc.spec.type === 'ExternalName') {
    return {
      cause: `Service ${name} is an ExternalName Service (a DNS alias for ${code(svc.spec.externalName ?? '')}), so it never forwards traffic to pods`,
      hint: 'Use a Service of type ClusterIP (the default) with a selector for the pods.',
    };
  }
  if (!sp) {
    return {
      cause: `Service ${name} has no port ${port} (its ports: ${(svc.spec.ports ?? []).map((p) => p.port).join(', ') || 'none'}), so nothing answers on ${port}`,
      hint: `Set the Service's \`port\` to ${port}: that is the port clients connect to; \`targetPort\` is the one the pods listen on.`,
    };
  }
  const selector = svc.spec.selector ?? {};
  const endpoints = readyEndpoints(cluster, svc, sp);
  if (Object.keys(selector).length === 0) {
    return {
      cause: `Service ${name} has no selector, so Kubernetes adds no endpoints for it (it has ${plural(endpoints, 'endpoint')})`,
      hint: backend?.labels
        ? `Give the Service a selector matching the pods' labels: \`${labelString(backend.labels).replace(/=/g, ': ')}\`.`
        : "Give the Service a selector matching the pods' labels.",
    };
  }
  const selected = podsSelected(cluster, ns, selector);
  const wanted = backend ? backend.pods.filter((p) => selected.includes(p)) : selected;
  const shown = code(labelString(selector, true));
  if (wanted.length === 0) {
    const pods = backend ? backend.pods : cluster.api.list<Pod>('Pod', ns).filter((p) => !p.metadata.deletionTimestamp);
    const fix = backend?.labels
      ? `Set the Service's selector to the pods' labels: \`${labelString(backend.labels).replace(/=/g, ': ').replace(/,/g, ', ')}\`.`
      : "Set the Service's selector to labels the pods carry (`kubectl get pods --show-labels`).";
    if (selected.length > 0) {
      return {
        cause: `Service ${name} selects ${shown}, which matches ${selected.length === 1 ? 'pod' : 'pods'} ${listing(selected.map((p) => code(p.metadata.name!)))}, not ${backend?.description ?? 'the pods it should'} (labelled ${labelsOf(pods, backend)})`,
        hint: fix,
      };
    }
    const whose = backend ? backend.description : `the pods in ${code(ns)}`;
    return {
      cause: `Service ${name} selects ${shown} but ${whose} are labelled ${labelsOf(pods, backend)}, so it has ${plural(endpoints, 'endpoint')}`,
      hint: fix,
    };
  }
  if (backend && wanted.length < backend.pods.length) {
    const missed = backend.pods.filter((p) => !wanted.includes(p)).map((p) => code(p.metadata.name!));
    return {
      cause: `Service ${name} selects ${shown}, which only ${plural(wanted.length, 'pod')} of ${backend.pods.length} carry; ${listing(missed)} ${missed.length === 1 ? 'is' : 'are'} left out`,
      hint: "Select on a label every replica carries, such as the Deployment template's own labels.",
    };
  }
  // the selector holds: does the port the Service forwards to exist on the pods?
  const running = wanted.filter((p) => p.status?.phase === 'Running');
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'string') {
    const named = running.filter((p) => p.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === target)));
    if (running.length > 0 && named.length === 0) {
      const ports = [
        ...new Set(
          running.flatMap((p) =>
            p.spec.containers.flatMap((c) => (c.ports ?? []).map((cp) => cp.name ?? String(cp.containerPort))),
          ),
        ),
      ];
      return {
        cause: `Service ${name} forwards to targetPort ${code(target)}, but no container port of the selected pods is named ${code(target)} (their ports: ${ports.length ? ports.map(code).join(', ') : 'none declared'}), so it has ${plural(endpoints, 'endpoint')}`,
        hint: 'Name the containerPort in the pod template, or use the port number as targetPort.',
      };
    }
  } else if (running.length > 0) {
    const deaf = running.filter((p) => !listeningPorts(cluster, p).includes(target));
    if (deaf.length === running.length) {
      const actual = [...new Set(running.flatMap((p) => listeningPorts(cluster, p)))];
      const where = actual.length
        ? `the pods listen on port ${actual.join(', ')}${actual.every((a) => running.every((p) => declaredPort(p, a))) ? ` (containerPort ${actual.join(', ')})` : ''}`
        : 'nothing in the pods listens on any port';
      return {
        cause: `Service ${name} sends port ${sp.port} to targetPort ${target}, but ${where}, so every connection is refused`,
        hint: actual.length
          ? `Set \`targetPort: ${actual[0]}\`: the port the container listens on, not the Service's own port.`
          : 'Run an image that serves on a port, such as nginx or alicek106/rr-test:echo-hostname.',
      };
    }
  }
  const ready = wanted.filter(podReady);
  if (ready.length === 0) {
    const trouble = wanted.map(imageTrouble).find((t) => t !== null);
    return {
      cause: `the pods Service ${name} selects are not ready (${podStates(wanted)})${trouble ? `: ${trouble}` : ''}, so it has ${plural(endpoints, 'endpoint')}`,
      hint: trouble
        ? 'Fix the pod template (image name, command) and let the Deployment roll out again.'
        : 'Wait for the pods to become ready, or check `kubectl describe pod`.',
    };
  }
  return null;
}

/** a name that does not resolve because the Service is not there: where it is instead, or what is close */
export function diagnoseMissingService(cluster: Cluster, name: string, namespace: string): Finding {
  const elsewhere = otherNamespacesWith(cluster, 'Service', name, namespace);
  if (elsewhere.length > 0) {
    return {
      cause: `there is no Service ${code(name)} in namespace ${code(namespace)}; there is one in ${listing(elsewhere.map(code))}, and a short name only finds Services in the client's own namespace`,
      hint: `Create the Service in namespace \`${namespace}\` (metadata.namespace), or ask for it by \`${name}.${elsewhere[0]}\`.`,
    };
  }
  const services = learnerServices(cluster, namespace).map((s) => s.metadata.name!);
  const close = closeNames(name, services);
  if (close.length > 0) {
    return {
      cause: `there is no Service ${code(name)} in namespace ${code(namespace)}; there is ${listing(close.map(code), 'and')}, but a Service's name is the DNS name clients use`,
      hint: `Name the Service \`${name}\`.`,
    };
  }
  return {
    cause: `there is no Service ${code(name)} in namespace ${code(namespace)}${services.length ? ` (Services there: ${listing(services.map(code))})` : ''}`,
    hint: `Create a Service named \`${name}\` in namespace \`${namespace}\`.`,
  };
}
