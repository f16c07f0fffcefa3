// discovery.k8s.io/v1 EndpointSlice: a piece of a Service's list of backends, with each
// endpoint's readiness; kube-proxy and cluster DNS read Services' endpoints from these

import { bool, int, kindHeader, list, mapOf, object, opaque, ref, str, t, type TypeDef } from './schema-types.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** keys after `@` keep two schemas of the same name apart (core and discovery EndpointPort) */
export const DISCOVERY_TYPES: Record<string, TypeDef> = {
  EndpointSlice: object(
    'An EndpointSlice holds some of the network endpoints behind a Service. A Service may have several slices; together, found by their kubernetes.io/service-name label, they list all of its endpoints.',
    {
      ...kindHeader(),
      addressType: str(
        'What kind of address every endpoint of this slice carries: IPv4, IPv6 or FQDN. It cannot be changed once the slice exists.',
        { required: true, enum: ADDRESS_TYPES },
      ),
      endpoints: list(t.ref('Endpoint'), 'The endpoints of this slice, at most 1000 of them.', { required: true }),
      ports: list(
        t.ref('EndpointPort@discovery'),
        'The ports every endpoint of this slice serves on. An empty list means the ports are not restricted.',
      ),
    },
  ),
  Endpoint: object('One backend of a Service, usually a pod.', {
    addresses: list(t.string, "The addresses of this endpoint, of the slice's address type. Usually there is exactly one.", {
      required: true,
    }),
    conditions: ref('EndpointConditions', "What is known about the endpoint's readiness."),
    deprecatedTopology: mapOf(
      t.string,
      'Topology information from the older v1beta1 API. It cannot be written through v1 and is ignored.',
    ),
    hints: ref('EndpointHints', 'Suggestions for consumers about where this endpoint should be used.'),
    hostname: str('A DNS label naming this endpoint, set for pods that ask for a hostname under the Service.'),
    nodeName: str('The node that hosts this endpoint.'),
    targetRef: ref('ObjectReference', 'The object behind this endpoint, normally a pod.'),
    zone: str('The zone this endpoint is in.'),
  }),
  EndpointConditions: object('The readiness of an endpoint as the component that manages it sees it.', {
    ready: bool(
      'Whether the endpoint should get new traffic. For a pod this is its Ready condition, and it is false while the pod terminates. Unset means unknown, which most consumers treat as ready.',
    ),
    serving: bool('Like ready, but also true for a ready pod that is terminating.'),
    terminating: bool('Whether the endpoint is on its way out, as a pod with a deletion timestamp is.'),
  }),
  EndpointHints: opaque('Topology hints for consumers of an endpoint, such as the zones that should use it.'),
  'EndpointPort@discovery': object('One port the endpoints of a slice serve on.', {
    appProtocol: str('The application protocol on this port, copied from the Service port.'),
    name: str('The name of the port, matching the name of the Service port. Empty for an unnamed port.'),
    port: int('The port number. Unset means any port.'),
    protocol: str('The transport protocol: TCP, UDP or SCTP. Defaults to TCP.', { enum: PROTOCOLS }),
  }),
};
