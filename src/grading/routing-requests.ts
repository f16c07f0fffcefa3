// single requests from inside a pod: one HTTP GET from a container gets the page it should
// (a sidecar reaching its neighbour over localhost, a client reaching a Service), and a name
// leads to an outside host (an ExternalName alias)
import type { Service } from '../sim/api/types.ts';
import { listenerContainer, probeHttp, type ProbeResult } from '../sim/network/probe.ts';
import type { CheckOf } from './checks.ts';
import { code, listing, parseUrl, serviceFromHost } from './facts.ts';
import { failed, passed, type Evaluator } from './outcome.ts';
import { dropReason, explainFailure, OUTCOME_WORDS } from './routing.ts';
import { diagnoseMissingService, type Finding } from './service-diagnosis.ts';
import { sourcePod } from './sources.ts';

export const httpGet: Evaluator<CheckOf<'http-get'>> = (cluster, check) => {
  const source = sourcePod(cluster, check.from);
  if ('failure' in source) return source.failure;
  const pod = source.pod;
  const containerName = check.from.container ?? pod.spec.containers[0]!.name;
  const podName = code(pod.metadata.name!);
  const runtime = cluster.kubelet.containerRuntime(pod, containerName);
  if (!runtime?.running) {
    const status = pod.status?.containerStatuses?.find((s) => s.name === containerName);
    const state = status?.state.waiting?.reason ?? status?.state.terminated?.reason ?? 'not running';
    return failed(
      `container ${code(containerName)} of pod ${podName} is ${state}, so nothing can be sent from it`,
      'A sidecar that only waits needs a command that keeps running, such as `sleep 3600`.',
    );
  }
  if (check.tool && runtime.image && !runtime.image.binaries.includes(check.tool)) {
    const image = pod.spec.containers.find((c) => c.name === containerName)?.image ?? runtime.image.reference;
    return failed(
      `container ${code(containerName)} of pod ${podName} runs ${code(image)}, which has no ${check.tool}`,
      `Use an image that ships ${check.tool}, such as curlimages/curl.`,
    );
  }
  const { host, port, path } = parseUrl(check.url);
  const probe = probeHttp(cluster, { kind: 'pod', pod, container: containerName }, host, port, path);
  const observed = { outcome: probe.outcome, status: probe.status, servedBy: probe.pod?.metadata.name ?? probe.externalHost };
  const sentFrom = `From container ${code(containerName)} of pod ${podName}`;
  if (probe.outcome !== 'answered') {
    const local = host === 'localhost' || host.startsWith('127.');
    if (local) {
      const containers = pod.spec.containers.map((c) => `${code(c.name)} (${code(c.image ?? '')})`);
      return failed(
        `${sentFrom}, ${check.url} was refused: no container of the pod listens on port ${port} (its containers: ${listing(containers)})`,
        'Containers of one pod share its network: the server must run in the same pod as the client.',
        observed,
      );
    }
    const finding = explainFailure(cluster, probe, pod, host, port, null);
    return failed(
      `${sentFrom}, ${check.url} ${OUTCOME_WORDS[probe.outcome] ?? probe.outcome}: ${finding.cause}.`,
      finding.hint,
      observed,
    );
  }
  const problems: string[] = [];
  const status = check.status ?? 200;
  if (probe.status !== status) {
    // an outside server that hosts by name sees the alias in the Host header, not its own name
    const byName = probe.externalHost && probe.status === 404 && host.toLowerCase() !== probe.externalHost;
    problems.push(
      `the answer was HTTP ${probe.status}, not ${status}${byName ? ` (the outside host ${code(probe.externalHost!)} serves by name, and the request's Host header says ${code(host)})` : ''}`,
    );
  }
  if (check.bodyIncludes !== undefined && !(probe.body ?? '').includes(check.bodyIncludes)) {
    problems.push(`the page does not contain ${JSON.stringify(check.bodyIncludes)}`);
  }
  if (check.servedBy?.pod !== undefined && probe.pod?.metadata.name !== check.servedBy.pod) {
    problems.push(
      `it was answered by ${code(probe.pod?.metadata.name ?? probe.externalHost ?? '?')}, not pod ${code(check.servedBy.pod)}`,
    );
  }
  if (check.servedBy?.container !== undefined && probe.pod) {
    const answering = listenerContainer(cluster, probe.pod, port);
    if (answering !== check.servedBy.container) {
      problems.push(`it was answered by container ${code(answering ?? '?')}, not ${code(check.servedBy.container)}`);
    }
  }
  if (problems.length === 0) return passed(observed);
  return failed(
    `${sentFrom}, ${check.url} answered, but ${listing(problems)}.`,
    'Check which server answers on that port.',
    observed,
  );
};

export const reachesHost: Evaluator<CheckOf<'reaches-host'>> = (cluster, check) => {
  const source = sourcePod(cluster, check.from);
  if ('failure' in source) return source.failure;
  const pod = source.pod;
  const from = { kind: 'pod' as const, pod, ...(check.from.container ? { container: check.from.container } : {}) };
  const probe = probeHttp(cluster, from, check.host, check.port, null);
  const observed = {
    outcome: probe.outcome,
    address: probe.ip,
    cnames: probe.lookup?.ok ? probe.lookup.cnames : [],
    reached: probe.externalHost ?? probe.pod?.metadata.name ?? null,
  };
  if (probe.outcome === 'answered' && probe.externalHost === check.external) return passed(observed);
  const target = `${check.host}:${check.port}`;
  const sentFrom = `From pod ${code(pod.metadata.name!)}`;
  const ns = pod.metadata.namespace!;
  const ref = serviceFromHost(check.host, ns);
  const svc = ref ? cluster.api.get<Service>('Service', ref.namespace, ref.name) : undefined;
  if (svc) {
    const finding = aliasFinding(svc, check.external, probe.outcome !== 'unresolved');
    if (finding) return failed(`${sentFrom}, ${code(target)} ${reachedWords(probe)}: ${finding.cause}.`, finding.hint, observed);
  }
  const finding =
    probe.outcome === 'unresolved' && ref && !svc
      ? diagnoseMissingService(cluster, ref.name, ref.namespace)
      : { cause: dropReason(probe) ?? `it did not reach ${code(check.external)}`, hint: `Point the name at ${check.external}.` };
  return failed(`${sentFrom}, ${code(target)} ${reachedWords(probe)}: ${finding.cause}.`, finding.hint, observed);
};

function reachedWords(probe: ProbeResult): string {
  if (probe.outcome === 'answered') return `reached ${code(probe.externalHost ?? probe.pod?.metadata.name ?? '?')}`;
  return OUTCOME_WORDS[probe.outcome] ?? probe.outcome;
}

/** what is wrong with a Service meant to be an alias for an outside host */
export function aliasFinding(svc: Service, external: string, resolves: boolean): Finding | null {
  const name = code(svc.metadata.name!);
  const type = svc.spec.type ?? 'ClusterIP';
  if (type !== 'ExternalName') {
    const ip = svc.spec.clusterIP && svc.spec.clusterIP !== 'None' ? ` (ClusterIP ${svc.spec.clusterIP})` : '';
    return {
      cause: `Service ${name} is type ${type}${ip}: its name leads to the Service's own endpoints, never to ${code(external)}`,
      hint: `Make it \`type: ExternalName\` with \`externalName: ${external}\`.`,
    };
  }
  const alias = (svc.spec.externalName ?? '').replace(/\.$/, '');
  if (alias.toLowerCase() !== external.toLowerCase()) {
    return {
      cause: `Service ${name} is an ExternalName for ${code(alias)}, not ${code(external)}${resolves ? '' : `, and ${code(alias)} does not resolve`}`,
      hint: `Set \`externalName: ${external}\` (check the spelling).`,
    };
  }
  return null;
}
