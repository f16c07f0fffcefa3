// environment variables in a running container, as `kubectl exec … -- env` would list them;
// a missing `<SERVICE>_SERVICE_HOST` is explained by the two caveats of service variables
import type { Pod, Service } from '../sim/api/types.ts';
import { parseTimestamp } from '../sim/api/meta.ts';
import { envVariableName } from '../sim/container/environment.ts';
import { containerInstance, execEnvironment } from '../sim/container/instances.ts';
import type { CheckOf } from './checks.ts';
import { code, listing, podState } from './facts.ts';
import { failed, passed, type Evaluator } from './outcome.ts';
import { findObject } from './resources.ts';
import type { Cluster } from '../sim/cluster.ts';

const SERVICE_VAR = /^(.+)_SERVICE_(HOST|PORT)(_.+)?$/;

/** why a service variable is missing from a container started at `startedAt` */
function missingServiceVar(
  cluster: Cluster,
  pod: Pod,
  prefix: string,
  startedAt: number,
): { cause: string; hint: string } | null {
  const services = cluster.api.list<Service>('Service').filter((s) => envVariableName(s.metadata.name!) === prefix);
  const ns = pod.metadata.namespace!;
  const own = services.find((s) => s.metadata.namespace === ns);
  if (pod.spec.enableServiceLinks === false && own) {
    return {
      cause: `pod ${code(pod.metadata.name!)} sets enableServiceLinks: false`,
      hint: 'Remove enableServiceLinks: false from the pod spec.',
    };
  }
  if (own) {
    const created = parseTimestamp(own.metadata.creationTimestamp) ?? 0;
    if (created > startedAt) {
      return {
        cause: `Service ${code(own.metadata.name!)} was created after the container started, and the kubelet sets service variables only when a container starts`,
        hint: 'Recreate the pod after the Service exists (for a Deployment: `kubectl rollout restart deployment/NAME`).',
      };
    }
    return null;
  }
  const elsewhere = services.map((s) => s.metadata.namespace!);
  if (elsewhere.length > 0) {
    return {
      cause: `Service ${code(services[0]!.metadata.name!)} is in namespace ${listing(elsewhere.map(code))}, and a pod only gets variables for Services of its own namespace (${code(ns)})`,
      hint: `Create the Service in namespace \`${ns}\`, or find it by DNS instead.`,
    };
  }
  return {
    cause: `there is no Service whose name gives the prefix ${code(prefix)}`,
    hint: 'Create the Service, then recreate the pod.',
  };
}

export const envVar: Evaluator<CheckOf<'env-var'>> = (cluster, check) => {
  const found = findObject(cluster, 'Pod', check.pod, check.namespace);
  if ('failure' in found) return found.failure;
  const pod = found.obj as Pod;
  const container = check.container ?? pod.spec.containers[0]!.name;
  const instance = containerInstance(cluster, pod, container);
  if (!instance) {
    return failed(
      `container ${code(container)} of pod ${code(check.pod)} is not running (${podState(pod)})`,
      'Wait for the pod to run.',
    );
  }
  const env = execEnvironment(instance, false);
  const entry = env.find(([name]) => name === check.variable);
  const observed = { value: entry ? entry[1] : null };
  const where = `container ${code(container)} of pod ${code(check.pod)}`;
  if (!check.present) {
    if (!entry) return passed(observed);
    return failed(`${where} has ${check.variable}=${entry[1]}, which should not be set`, `Remove ${check.variable}.`, observed);
  }
  if (!entry) {
    const service = SERVICE_VAR.exec(check.variable);
    const why = service ? missingServiceVar(cluster, pod, service[1]!, instance.startedAt) : null;
    return failed(
      `${where} has no variable ${check.variable}${why ? `: ${why.cause}` : ''}`,
      why?.hint ?? `Set it under the container's env: \`- name: ${check.variable}\`.`,
      observed,
    );
  }
  const value = entry[1];
  if (check.equals !== undefined && value !== String(check.equals)) {
    return failed(
      `${where} has ${check.variable}=${value}, not ${check.equals}`,
      `Set ${check.variable} to ${check.equals}.`,
      observed,
    );
  }
  if (check.matches !== undefined && !new RegExp(check.matches).test(value)) {
    return failed(
      `${where} has ${check.variable}=${value}, which does not match ${code(check.matches)}`,
      `Check the value of ${check.variable}.`,
      observed,
    );
  }
  return passed(observed);
};
