// names inside the cluster: from a pod, a name resolves to a Service's ClusterIP, to the pods'
// own IPs (a headless Service), or by CNAME to an outside host (an ExternalName Service)
import type { Service } from '../sim/api/types.ts';
import { networkOf } from '../sim/network/net.ts';
import { probeLookup } from '../sim/network/probe.ts';
import type { CheckOf } from './checks.ts';
import { code, listing, serviceFromHost } from './facts.ts';
import { failed, passed, type Evaluator } from './outcome.ts';
import { aliasFinding } from './routing-requests.ts';
import { diagnoseMissingService, type Finding } from './service-diagnosis.ts';
import { sourcePod } from './sources.ts';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

export const dnsResolves: Evaluator<CheckOf<'dns-resolves'>> = (cluster, check) => {
  const source = sourcePod(cluster, check.from);
  if ('failure' in source) return source.failure;
  const pod = source.pod;
  const lookup = probeLookup(
    cluster,
    { kind: 'pod', pod, ...(check.from.container ? { container: check.from.container } : {}) },
    check.name,
  );
  const addresses = lookup.ok ? lookup.addresses : [];
  const cnames = lookup.ok ? lookup.cnames : [];
  const observed = { addresses, cnames, ...(lookup.ok ? {} : { error: lookup.error }) };
  const asked = code(check.name);
  const got = lookup.ok
    ? `resolves to ${listing(addresses)}${cnames.length ? ` (through CNAME ${cnames.map(code).join(' → ')})` : ''}`
    : 'does not resolve';
  const sentence = (finding: Finding) =>
    failed(`From pod ${code(pod.metadata.name!)}, ${asked} ${got}: ${finding.cause}.`, finding.hint, observed);
  const expect = check.expect;

  if (expect.kind === 'cname') {
    if (lookup.ok && cnames[0]?.toLowerCase() === expect.target.toLowerCase()) return passed(observed);
    const ref = serviceFromHost(check.name, pod.metadata.namespace!);
    const svc = ref ? cluster.api.get<Service>('Service', ref.namespace, ref.name) : undefined;
    if (ref && !svc) return sentence(diagnoseMissingService(cluster, ref.name, ref.namespace));
    const finding = svc ? aliasFinding(svc, expect.target, lookup.ok) : null;
    return sentence(
      finding ?? {
        cause: `it is not a CNAME for ${code(expect.target)}`,
        hint: `Create an ExternalName Service for ${expect.target}.`,
      },
    );
  }

  const { name, namespace } = expect.service;
  const svc = cluster.api.get<Service>('Service', namespace, name);
  if (!svc) return sentence(diagnoseMissingService(cluster, name, namespace));
  const svcName = `Service ${code(name)}`;
  const clusterIP = svc.spec.clusterIP ?? '';
  if (expect.kind === 'cluster-ip') {
    if (lookup.ok && sameSet(addresses, [clusterIP])) return passed(observed);
    if (clusterIP === 'None') {
      return sentence({
        cause: `${svcName} is headless (clusterIP: None), so its name gives the pods' own addresses rather than one virtual IP`,
        hint: 'Leave clusterIP out so that the Service gets a virtual IP.',
      });
    }
    if (svc.spec.type === 'ExternalName') {
      return sentence({
        cause: `${svcName} is an ExternalName Service: its name is a CNAME, not a ClusterIP`,
        hint: 'Use type ClusterIP.',
      });
    }
    return sentence({
      cause: `${svcName} has ClusterIP ${clusterIP}; ${check.name} is looked up through the search path of a pod in ${code(pod.metadata.namespace!)}`,
      hint: `Ask for the full name \`${name}.${namespace}.svc.cluster.local\` or check the Service's namespace.`,
    });
  }
  // pod IPs: what a headless Service's name must give — one A record per ready endpoint
  const wanted = [
    ...new Set(
      (svc.spec.ports ?? []).flatMap((sp) =>
        networkOf(cluster)
          .services.endpoints(svc, sp)
          .filter((ep) => ep.ready)
          .map((ep) => ep.ip),
      ),
    ),
  ];
  if (lookup.ok && wanted.length > 0 && sameSet(addresses, wanted)) return passed({ ...observed, endpoints: wanted });
  if (clusterIP !== 'None') {
    return sentence({
      cause: `${svcName} has a ClusterIP (${clusterIP}), so its name gives that one virtual address, not the pods' IPs`,
      hint: 'Set `clusterIP: None` to make the Service headless (the field cannot be changed in place: delete and recreate it).',
    });
  }
  return sentence({
    cause:
      wanted.length === 0
        ? `${svcName} has no ready endpoints, so there are no pod addresses to give`
        : `${svcName}'s ready endpoints are ${listing(wanted)}`,
    hint: "Check the Service's selector against the pods' labels.",
  });
};
