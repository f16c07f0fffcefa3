// EndpointSlice validation (pkg/apis/discovery/validation: ValidateEndpointSliceCreate and
// ValidateEndpointSliceUpdate): the address type, each endpoint's addresses and hostname, and the
// ports' names and protocols. topology hints are not simulated.

import { field, type FieldError } from '../field-errors.ts';
import type { EndpointSlice } from '../types.ts';
import { validateImmutable, validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import * as names from './names.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;
const MAX_ENDPOINTS = 1000;

const isV4 = (ip: string) => names.isIP(ip) && !ip.includes(':');
const isV6 = (ip: string) => names.isIP(ip) && ip.includes(':');

function validateEndpoints(slice: EndpointSlice): FieldError[] {
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) return [field.tooMany('endpoints', endpoints.length, MAX_ENDPOINTS)];
  const errs: FieldError[] = [];
  endpoints.forEach((endpoint, i) => {
    const at = `endpoints[${i}]`;
    const addresses = endpoint.addresses ?? [];
    if (addresses.length === 0) errs.push(field.required(`${at}.addresses`, 'must contain at least 1 address'));
    else if (addresses.length > MAX_ADDRESSES) errs.push(field.tooMany(`${at}.addresses`, addresses.length, MAX_ADDRESSES));
    addresses.forEach((address, j) => {
      const path = `${at}.addresses[${j}]`;
      if (slice.addressType === 'IPv4' || slice.addressType === 'IPv6') {
        const v4 = slice.addressType === 'IPv4';
        if (!(v4 ? isV4(address) : isV6(address))) {
          errs.push(field.invalid(path, address, v4 ? 'must be a valid IPv4 address' : 'must be a valid IPv6 address'));
        }
        if (names.isIP(address)) errs.push(...names.nonSpecialIPErrors(address).map((m) => field.invalid(path, address, m)));
      }
    });
    if (endpoint.hostname !== undefined) {
      errs.push(...names.isDNS1123Label(endpoint.hostname).map((m) => field.invalid(`${at}.hostname`, endpoint.hostname, m)));
    }
  });
  return errs;
}

function validatePorts(slice: EndpointSlice): FieldError[] {
  const ports = slice.ports ?? [];
  if (ports.length > MAX_PORTS) return [field.tooMany('ports', ports.length, MAX_PORTS)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  ports.forEach((port, i) => {
    const at = `ports[${i}]`;
    const name = port.name ?? '';
    if (name) errs.push(...names.isDNS1123Label(name).map((m) => field.invalid(`${at}.name`, name, m)));
    if (seen.has(name)) errs.push(field.duplicate(`${at}.name`, name));
    else seen.add(name);
    if (port.protocol === undefined) errs.push(field.required(`${at}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(field.notSupported(`${at}.protocol`, port.protocol, PROTOCOLS));
    if (port.appProtocol !== undefined) errs.push(...validateLabelName(port.appProtocol, `${at}.appProtocol`));
  });
  return errs;
}

/** ValidateEndpointSliceCreate */
export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, { namespaced: true, nameFn: names.nameIsDNSSubdomain });
  if (!slice.addressType) errs.push(field.required('addressType'));
  else if (!ADDRESS_TYPES.includes(slice.addressType)) {
    errs.push(field.notSupported('addressType', slice.addressType, ADDRESS_TYPES));
  }
  return [...errs, ...validateEndpoints(slice), ...validatePorts(slice)];
}

/** ValidateEndpointSliceUpdate: the address type may not change */
export function validateEndpointSliceUpdate(slice: EndpointSlice, old: EndpointSlice): FieldError[] {
  return [
    ...validateObjectMetaUpdate(slice.metadata, old.metadata),
    ...validateEndpointSlice(slice).filter((e) => !e.field.startsWith('metadata.')),
    ...validateImmutable(slice.addressType, old.addressType, 'addressType'),
  ];
}
