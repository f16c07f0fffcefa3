// requests inside the cluster: a Service routes from a pod to every (or at least N) replica at a
// URL. the failure explanations here serve the other request checks too (routing-requests.ts)
import type { Cluster } from '../sim/cluster.ts';
import type { Pod, Service } from '../sim/api/types.ts';
import { networkOf } from '../sim/network/net.ts';
import { probeHttp, type ProbeResult } from '../sim/network/probe.ts';
import type { CheckOf } from './checks.ts';
import { code, imageTrouble, listing, parseUrl, plural, podReady, podStates, serviceFromHost } from './facts.ts';
import { failed, passed, type Evaluator } from './outcome.ts';
import { diagnoseMissingService, diagnoseService, servicePortFor, type Backend, type Finding } from './service-diagnosis.ts';
import { backendPods, sourcePod } from './sources.ts';

export const OUTCOME_WORDS: Record<string, string> = {
  unresolved: 'does not resolve',
  refused: 'was refused',
  timeout: 'got no answer',
  'no-source': 'could not be sent',
};

/** the Service a failed request went to: by the address it dialled, or by its name */
function serviceBehind(cluster: Cluster, ip: string | null, host: string, namespace: string): Service | undefined {
  const byIp = ip ? networkOf(cluster).services.serviceByClusterIP(ip) : undefined;
  if (byIp) return byIp;
  const ref = serviceFromHost(host, namespace);
  return ref ? cluster.api.get<Service>('Service', ref.namespace, ref.name) : undefined;
}

/** the reason the packet model gave for dropping the request, in its own words */
export function dropReason(probe: ProbeResult): string | null {
  const drop = probe.hops.find((h) => h.step === 'drop');
  if (drop?.step === 'drop') return drop.reason;
  const external = probe.hops.find((h) => h.step === 'external');
  if (external?.step === 'external' && !external.listening) {
    return `the outside host ${code(external.host)} (${external.ip}) refuses port ${external.port}`;
  }
  const deliver = probe.hops.find((h) => h.step === 'deliver');
  if (deliver?.step === 'deliver' && !deliver.listening)
    return `pod ${code(deliver.pod)} has nothing listening on port ${deliver.port}`;
  return null;
}

/** why a request from `pod` to host:port failed, as a finding about the Service (or its absence) */
export function explainFailure(
  cluster: Cluster,
  probe: ProbeResult,
  pod: Pod,
  host: string,
  port: number,
  backend: Backend | null,
): Finding {
  const ns = pod.metadata.namespace!;
  const ref = serviceFromHost(host, ns);
  const svc = serviceBehind(cluster, probe.ip, host, ns);
  if (!svc && probe.outcome === 'unresolved' && ref) return diagnoseMissingService(cluster, ref.name, ref.namespace);
  if (svc) {
    const finding = diagnoseService(cluster, svc, servicePortFor(svc, port), port, backend);
    if (finding) return finding;
  }
  const reason = dropReason(probe);
  return {
    cause: reason ?? `the request ${OUTCOME_WORDS[probe.outcome] ?? probe.outcome}`,
    hint: 'Follow the request with `kubesim trace kubectl exec …` to see where it stops.',
  };
}

export const serviceRoutes: Evaluator<CheckOf<'service-routes'>> = (cluster, check) => {
  const source = sourcePod(cluster, check.from);
  if ('failure' in source) return source.failure;
  const found = backendPods(cluster, check.backend);
  if ('failure' in found) return found.failure;
  const { backend } = found;
  const ready = backend.pods.filter(podReady);
  const want = check.replicas === 'all' ? ready.length : check.replicas;
  if (ready.length === 0 || ready.length < want) {
    const trouble = backend.pods.map(imageTrouble).find((t) => t !== null);
    return failed(
      `${backend.description} ${ready.length === 0 ? 'are not ready' : `have only ${plural(ready.length, 'ready pod')}`}${backend.pods.length ? ` (${podStates(backend.pods)})` : ' (there are none)'}${trouble ? `: ${trouble}` : ''}`,
      'The replicas must run before a Service can reach them: check `kubectl get pods` and `kubectl describe pod`.',
    );
  }
  const { host, port, path } = parseUrl(check.url);
  const from = { kind: 'pod' as const, pod: source.pod, ...(check.from.container ? { container: check.from.container } : {}) };
  const limit = check.requests ?? Math.max(30, ready.length * 15);
  const readyNames = new Set(ready.map((p) => p.metadata.name!));
  const answered = new Map<string, number>();
  const strangers = new Map<string, number>();
  const failures: ProbeResult[] = [];
  let sent = 0;
  for (; sent < limit; sent++) {
    const probe = probeHttp(cluster, from, host, port, path);
    if (probe.outcome === 'answered' && probe.pod) {
      const name = probe.pod.metadata.name!;
      const into = readyNames.has(name) ? answered : strangers;
      into.set(name, (into.get(name) ?? 0) + 1);
    } else if (probe.outcome === 'answered') {
      strangers.set(probe.externalHost ?? '?', (strangers.get(probe.externalHost ?? '?') ?? 0) + 1);
    } else {
      failures.push(probe);
      // nothing gets through: more of the same teaches nothing
      if (answered.size === 0 && strangers.size === 0 && failures.length >= 5) {
        sent++;
        break;
      }
    }
  }
  const observed = {
    requests: sent,
    answeredBy: [...answered.keys()].sort(),
    replicas: [...readyNames].sort(),
    ...(strangers.size ? { others: [...strangers.keys()].sort() } : {}),
    ...(failures.length ? { failed: failures.length, firstFailure: failures[0]!.outcome } : {}),
  };
  if (failures.length === 0 && strangers.size === 0 && answered.size >= want) return passed(observed);
  const sentFrom = `from pod ${code(source.pod.metadata.name!)}`;
  if (failures.length > 0) {
    const first = failures[0]!;
    const finding = explainFailure(cluster, first, source.pod, host, port, backend);
    const what = first.outcome === 'unresolved' ? code(host) : check.url;
    const share = failures.length < sent ? ` (${failures.length} of ${sent} requests)` : '';
    const said = first.outcome === 'timeout' ? 'got no answer' : (OUTCOME_WORDS[first.outcome] ?? first.outcome);
    return failed(`${capitalise(sentFrom)}, ${what} ${said}${share}: ${finding.cause}.`, finding.hint, observed);
  }
  if (strangers.size > 0) {
    const svc = serviceBehind(cluster, null, host, source.pod.metadata.namespace!);
    const finding = svc ? diagnoseService(cluster, svc, servicePortFor(svc, port), port, backend) : null;
    const others = [...strangers.keys()].map(code);
    return failed(
      `${capitalise(sentFrom)}, ${check.url} was answered by ${listing(others)}, which ${others.length === 1 ? 'is' : 'are'} not among ${backend.description}${finding ? `: ${finding.cause}` : ''}.`,
      finding?.hint ?? "Make the Service's selector match only the replicas' labels.",
      observed,
    );
  }
  const missing = [...readyNames].filter((n) => !answered.has(n)).sort();
  const svc = serviceBehind(cluster, null, host, source.pod.metadata.namespace!);
  const why = svc ? coverageCause(cluster, svc, port, backend) : null;
  return failed(
    `${capitalise(sentFrom)}, ${sent} requests to ${check.url} reached only ${answered.size} of ${ready.length} replicas; ${listing(missing.map(code))} never answered${why ? `: ${why.cause}` : ''}.`,
    why?.hint ??
      'Every ready replica should be an endpoint of the Service: compare `kubectl get endpoints` with `kubectl get pods -o wide`.',
    observed,
  );
};

/** why a working Service keeps some replicas out of one client's requests */
function coverageCause(cluster: Cluster, svc: Service, port: number, backend: Backend): Finding | null {
  const name = code(svc.metadata.name!);
  if (svc.spec.sessionAffinity === 'ClientIP') {
    return {
      cause: `Service ${name} has sessionAffinity ClientIP, so every request from one client goes to the same pod`,
      hint: 'Leave sessionAffinity at None to spread requests over every replica.',
    };
  }
  if (svc.spec.internalTrafficPolicy === 'Local') {
    return {
      cause: `Service ${name} has internalTrafficPolicy Local, so a client only reaches the replicas on its own node`,
      hint: 'Leave internalTrafficPolicy at Cluster.',
    };
  }
  return diagnoseService(cluster, svc, servicePortFor(svc, port), port, backend);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
