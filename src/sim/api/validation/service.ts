// Service and Endpoints validation (pkg/apis/core/validation: ValidateService, ValidateServiceUpdate,
// ValidateEndpoints) and the messages the node port and cluster IP allocators refuse requests with.

import { field, goValue, type FieldError } from '../field-errors.ts';
import type { Endpoints, Service, ServicePort, ServiceSpec } from '../types.ts';
import {
  oneOf,
  validateLabelName,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePortNumOrName,
} from './meta.ts';
import * as names from './names.ts';

const { invalid, required, forbidden, notSupported, duplicate } = field;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const LB_ONLY = "may only be used when `type` is 'LoadBalancer'";
const CIDR_ERROR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

// the allocators' refusals, for the admission step that hands out node ports and cluster IPs
export const NODE_PORT_ALLOCATED = 'provided port is already allocated';
export const nodePortNotInRange = (range = '30000-32767') =>
  `provided port is not in the valid range. The range of valid ports is ${range}`;
export const nodePortError = (index: number, port: number, reason: string): FieldError =>
  invalid(`spec.ports[${index}].nodePort`, port, reason);
export const IP_ALREADY_ALLOCATED = 'provided IP is already allocated';
export const ipNotInRange = (ip: string, cidr: string) =>
  `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`;
export const clusterIPError = (svc: Service, ip: string, reason: string): FieldError =>
  invalid('spec.clusterIPs', svc.spec.clusterIPs ?? null, `failed to allocate IP ${ip}: ${reason}`);

export const isHeadless = (spec: ServiceSpec) => spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === 'None';
const isV6 = (ip: string) => ip.includes(':');
export const needsClusterIP = (spec: ServiceSpec) => spec.type !== 'ExternalName';
export const needsNodePort = (spec: ServiceSpec) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
export const needsHealthCheck = (spec: ServiceSpec) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
/** apiservice.ExternallyAccessible */
export const externallyAccessible = (spec: ServiceSpec) =>
  needsNodePort(spec) || (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);

const nonSpecialIP = (ip: string, path: string) => names.nonSpecialIPErrors(ip).map((m) => invalid(path, ip, m));

function validateServicePort(sp: ServicePort, requireName: boolean, seen: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(`${path}.name`));
  else if (sp.name) {
    errs.push(...names.isDNS1123Label(sp.name).map((m) => invalid(`${path}.name`, sp.name, m)));
    if (seen.has(sp.name)) errs.push(duplicate(`${path}.name`, sp.name));
    else seen.add(sp.name);
  }
  errs.push(...names.isValidPortNum(sp.port ?? 0).map((m) => invalid(`${path}.port`, sp.port ?? 0, m)));
  errs.push(...oneOf(sp.protocol, `${path}.protocol`, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, `${path}.targetPort`));
  if (sp.appProtocol !== undefined) errs.push(...validateLabelName(sp.appProtocol, `${path}.appProtocol`));
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP, clusterIPs, ipFamilies and ipFamilyPolicy together */
export function validateClusterIPs(spec: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP && ips.length === 0) errs.push(required('spec.clusterIPs'));
  else if (spec.clusterIP && ips[0] !== spec.clusterIP)
    errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  else if (!spec.clusterIP && ips.length > 0)
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  const families = new Set<string>();
  (spec.ipFamilies ?? []).forEach((family, i) => {
    if (family !== 'IPv4' && family !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, family, ['IPv4', 'IPv6']));
    if (families.has(family)) errs.push(duplicate(`spec.ipFamilies[${i}]`, family));
    families.add(family);
  });
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (spec.ipFamilyPolicy !== undefined && !policies.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, policies));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      badIPs ||= ips.length > 1;
    } else if (!names.isIP(ip)) {
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, names.IP_ERROR));
      badIPs = true;
    }
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length === 2 && isV6(ips[0]!) === isV6(ips[1]!)) {
    errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  }
  if (isHeadless(spec)) return errs;
  ips.forEach((ip, i) => {
    const family = spec.ipFamilies?.[i];
    if (family && (family === 'IPv6') !== isV6(ip)) {
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an ${family} value as indicated by \`ipFamilies[${i}]\``));
    }
  });
  return errs;
}

export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec ?? ({} as ServiceSpec);
  const type = spec.type ?? '';
  const errs = validateObjectMeta(svc.metadata, { namespaced: true, nameFn: names.nameIsDNS1035Label });
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(required('spec.ports'));
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  } else if (type === 'ExternalName') {
    for (const key of ['clusterIPs', 'ipFamilies', 'ipFamilyPolicy'] as const) {
      if (key === 'ipFamilyPolicy' ? spec[key] !== undefined : (spec[key]?.length ?? 0) > 0) {
        errs.push(forbidden(`spec.${key}`, 'may not be set for ExternalName services'));
      }
    }
    // the CNAME may end in a dot to mark it fully qualified
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (!cname) errs.push(required('spec.externalName'));
    else errs.push(...names.isDNS1123Subdomain(cname).map((m) => invalid('spec.externalName', cname, m)));
  }
  const portNames = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, portNames, `spec.ports[${i}]`)));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...oneOf(spec.sessionAffinity, 'spec.sessionAffinity', ['ClientIP', 'None']));
  const affinity = spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const when = 'when session affinity type is ClientIP';
    const timeout = affinity?.clientIP?.timeoutSeconds;
    const at = 'spec.sessionAffinityConfig';
    if (!affinity) errs.push(required(at, when));
    else if (!affinity.clientIP) errs.push(required(`${at}.clientIP`, when));
    else if (timeout === undefined) errs.push(required(`${at}.clientIP.timeoutSeconds`, when));
    else if (timeout <= 0 || timeout > 86400)
      errs.push(invalid(`${at}.clientIP.timeoutSeconds`, timeout, 'must be greater than 0 and less than 86400'));
  } else if (spec.sessionAffinity === 'None' && affinity) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPs(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    const at = `spec.externalIPs[${i}]`;
    errs.push(...(names.isIP(ip) ? nonSpecialIP(ip, at) : [invalid(at, ip, names.IP_ERROR)]));
  });
  errs.push(...oneOf(type, 'spec.type', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']));
  const nodePorts = new Set<string>();
  const servicePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (type === 'ClusterIP' && p.nodePort)
      errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    const nodeKey = `${p.protocol ?? ''}/${p.nodePort}`;
    if (p.nodePort && nodePorts.has(nodeKey)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    if (p.nodePort) nodePorts.add(nodeKey);
  });
  ports.forEach((p, i) => {
    // the duplicate is reported as a core.ServicePort holding only protocol and port
    const key = `{"Name":"","Protocol":${JSON.stringify(p.protocol ?? '')},"AppProtocol":null,"Port":${p.port ?? 0},"TargetPort":0,"NodePort":0}`;
    if (servicePorts.has(key)) errs.push(duplicate(`spec.ports[${i}]`, goValue(key)));
    servicePorts.add(key);
  });
  if (spec.loadBalancerSourceRanges?.length) {
    if (type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', LB_ONLY));
    spec.loadBalancerSourceRanges.forEach((cidr, i) => {
      const [ip, bits, ...rest] = cidr.trim().split('/');
      const ok = rest.length === 0 && names.isIP(ip ?? '') && /^\d+$/.test(bits ?? '') && Number(bits) <= (isV6(ip!) ? 128 : 32);
      if (!ok) errs.push(invalid(`spec.LoadBalancerSourceRanges[${i}]`, cidr.trim(), CIDR_ERROR));
    });
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', LB_ONLY));
  }
  // upstream reports this one without the spec. prefix
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined)
    errs.push(required('allocateLoadBalancerNodePorts'));
  if (type === 'LoadBalancer' && spec.loadBalancerClass !== undefined) {
    errs.push(...validateLabelName(spec.loadBalancerClass, 'spec.loadBalancerClass'));
  } else if (spec.loadBalancerClass !== undefined) errs.push(forbidden('spec.loadBalancerClass', LB_ONLY));
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else errs.push(...oneOf(etp, 'spec.externalTrafficPolicy', ['Cluster', 'Local']));
  const hcnp = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(spec) && hcnp !== 0) {
    errs.push(
      invalid(
        'spec.healthCheckNodePort',
        hcnp,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  } else if (needsHealthCheck(spec) && hcnp === 0) errs.push(required('spec.healthCheckNodePort'));
  if (spec.internalTrafficPolicy === undefined) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy'));
  } else errs.push(...oneOf(spec.internalTrafficPolicy, 'spec.internalTrafficPolicy', ['Cluster', 'Local']));
  return errs;
}

/** ValidateServiceUpdate: primary cluster IPs and IP families may not change once set */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  const [spec, before] = [svc.spec, old.spec];
  const bothNeedIPs = needsClusterIP(spec) && needsClusterIP(before);
  if (bothNeedIPs && !(isHeadless(spec) && isHeadless(before))) {
    const [now, was] = [spec.clusterIPs ?? [], before.clusterIPs ?? []];
    const changed = 'may not change once set';
    if (now.length === was.length)
      was.forEach((ip, i) => ip !== now[i] && errs.push(invalid(`spec.clusterIPs[${i}]`, now, changed)));
    else if (now.length === 0) errs.push(invalid('spec.clusterIPs[0]', now, 'primary clusterIP can not be unset'));
    else if (was.length > 0 && now[0] !== was[0]) errs.push(invalid('spec.clusterIPs[0]', now, changed));
  }
  if (bothNeedIPs && isHeadless(spec) === isHeadless(before) && !isHeadless(spec)) {
    const [now, was] = [spec.ipFamilies ?? [], before.ipFamilies ?? []];
    if (now.length === was.length && now.some((f, i) => f !== was[i]))
      errs.push(invalid('spec.ipFamilies[0]', now, 'may not change once set'));
  }
  if (needsHealthCheck(before) && needsHealthCheck(spec) && spec.healthCheckNodePort !== before.healthCheckNodePort) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  return [...errs, ...validateService(svc)];
}

export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, { namespaced: true, nameFn: names.nameIsDNSSubdomain });
  (ep.subsets ?? []).forEach((ss, i) => {
    const at = `subsets[${i}]`;
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length)
      errs.push(required(at, 'must specify `addresses` or `notReadyAddresses`'));
    for (const kind of ['addresses', 'notReadyAddresses'] as const) {
      (ss[kind] ?? []).forEach((a, j) => {
        const ap = `${at}.${kind}[${j}]`;
        if (!names.isIP(a.ip)) errs.push(invalid(`${ap}.ip`, a.ip, names.IP_ERROR));
        if (a.hostname) errs.push(...names.isDNS1123Label(a.hostname).map((m) => invalid(`${ap}.hostname`, a.hostname, m)));
        if (a.nodeName) errs.push(...names.isDNS1123Subdomain(a.nodeName).map((m) => invalid(`${ap}.nodeName`, a.nodeName, m)));
        errs.push(...nonSpecialIP(a.ip, `${ap}.ip`));
      });
    }
    (ss.ports ?? []).forEach((p, j) => {
      const pp = `${at}.ports[${j}]`;
      if ((ss.ports?.length ?? 0) > 1 && !p.name) errs.push(required(`${pp}.name`));
      else if (p.name) errs.push(...names.isDNS1123Label(p.name).map((m) => invalid(`${pp}.name`, p.name, m)));
      errs.push(...names.isValidPortNum(p.port ?? 0).map((m) => invalid(`${pp}.port`, p.port ?? 0, m)));
      errs.push(...oneOf(p.protocol, `${pp}.protocol`, PROTOCOLS));
      if (p.appProtocol !== undefined) errs.push(...validateLabelName(p.appProtocol, `${pp}.appProtocol`));
    });
  });
  return errs;
}
