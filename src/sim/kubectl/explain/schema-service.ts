// core/v1 Service (a stable virtual address in front of a changing set of pods) and Endpoints
// (the list of pod addresses behind a Service that the endpoints controller keeps up to date)

import { bool, int, kindHeader, labels, list, object, ref, str, t, type TypeDef } from './schema-types.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

export const SERVICE_TYPES: Record<string, TypeDef> = {
  Service: object(
    'A Service gives a set of pods, usually chosen by a label selector, one stable name and virtual IP address, and spreads connections across them. Depending on its type it can also be reached from outside the cluster.',
    {
      ...kindHeader(),
      spec: ref('ServiceSpec', 'How the Service is exposed and which pods it sends traffic to.'),
      status: ref(
        'ServiceStatus',
        'What the system last observed about the Service, such as its load balancer address. Read-only.',
      ),
    },
  ),
  ServiceSpec: object('The settings a user chooses for a Service.', {
    allocateLoadBalancerNodePorts: bool(
      'For type LoadBalancer: whether node ports are allocated as well. Defaults to true; set it to false when the load balancer sends traffic straight to pods.',
    ),
    clusterIP: str(
      'The virtual IP address of the Service inside the cluster, usually picked at random when the Service is created. "None" makes a headless Service that has no virtual IP, so DNS returns the pod addresses directly.',
    ),
    clusterIPs: list(
      t.string,
      'The virtual IP addresses of the Service, one per IP family on dual-stack clusters. The first entry always equals clusterIP.',
    ),
    externalIPs: list(
      t.string,
      'Extra IP addresses, not managed by Kubernetes, for which the nodes also accept traffic to this Service. Deprecated: it is easy to misuse.',
    ),
    externalName: str(
      'For type ExternalName: the DNS name the Service is an alias for. Cluster DNS answers with a CNAME record to it and nothing is proxied.',
    ),
    externalTrafficPolicy: str(
      'How traffic arriving from outside (through node ports or a load balancer) is routed. Cluster, the default, may forward it to pods on any node; Local only uses pods on the receiving node and keeps the client source IP.',
      { enum: TRAFFIC_POLICIES },
    ),
    healthCheckNodePort: int(
      'For type LoadBalancer with externalTrafficPolicy Local: the node port a load balancer can probe to learn which nodes have ready endpoints. Allocated automatically if left empty.',
    ),
    internalTrafficPolicy: str(
      'How traffic sent to the cluster IP from inside the cluster is routed. Cluster, the default, uses every endpoint; Local only uses endpoints on the same node as the client and drops traffic when there are none.',
      { enum: TRAFFIC_POLICIES },
    ),
    ipFamilies: list(
      t.string,
      'The IP families (IPv4, IPv6) the Service uses, in order. Usually filled in automatically from the cluster setup.',
    ),
    ipFamilyPolicy: str(
      'Whether the Service gets addresses from one IP family or two. SingleStack is the default; PreferDualStack uses two families when the cluster has them; RequireDualStack insists on two.',
      { enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'] },
    ),
    loadBalancerClass: str(
      "For type LoadBalancer: which load balancer implementation should handle this Service. When empty, the cluster's default implementation does.",
    ),
    loadBalancerIP: str(
      'An older, deprecated way to ask a load balancer for a specific IP address. Support varies between providers.',
    ),
    loadBalancerSourceRanges: list(
      t.string,
      'For type LoadBalancer: the client CIDR ranges allowed to connect, if the provider supports restricting them.',
    ),
    ports: list(t.ref('ServicePort'), 'The ports the Service exposes and where each one forwards to.'),
    publishNotReadyAddresses: bool(
      'When true, pods are listed as endpoints even before they are ready. Mostly used with headless Services so peers can discover each other early.',
    ),
    selector: labels(
      'The labels that pick the pods behind this Service. When left out, no endpoints are managed for you and you maintain them yourself.',
    ),
    sessionAffinity: str(
      'Whether connections from the same client keep going to the same pod. ClientIP pins them by client address; None, the default, spreads every connection.',
      { enum: ['ClientIP', 'None'] },
    ),
    sessionAffinityConfig: ref('SessionAffinityConfig', 'Settings for session affinity, such as how long a client stays pinned.'),
    trafficDistribution: str(
      'A hint for how traffic should be spread across endpoints, such as PreferClose to favour endpoints that are topologically close to the client.',
    ),
    type: str(
      'How the Service is exposed. ClusterIP, the default, gives it an address reachable only inside the cluster; NodePort also opens a port on every node; LoadBalancer also asks for an external load balancer; ExternalName is just a DNS alias for externalName.',
      { enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] },
    ),
  }),
  ServicePort: object('One port a Service exposes.', {
    appProtocol: str(
      'The application protocol spoken on this port, such as http or kubernetes.io/h2c, as a hint for proxies and load balancers.',
    ),
    name: str('A name for the port, unique within the Service. Required when the Service has more than one port.'),
    nodePort: int(
      'For types NodePort and LoadBalancer: the port opened on every node, by default from the range 30000-32767. Picked automatically when left empty.',
    ),
    port: int('The port number the Service listens on.', { required: true }),
    protocol: str('The transport protocol: TCP, UDP or SCTP. Defaults to TCP.', { enum: PROTOCOLS }),
    targetPort: ref(
      'IntOrString',
      'The port on the selected pods that traffic is sent to, as a number or as the name of a container port. Defaults to the same value as port.',
    ),
  }),
  SessionAffinityConfig: object('Settings for session affinity.', {
    clientIP: ref('ClientIPConfig', 'Settings for ClientIP affinity.'),
  }),
  ClientIPConfig: object('Settings for pinning a client to one pod by its IP address.', {
    timeoutSeconds: int(
      'How long a client stays pinned after its last connection, from 1 to 86400 seconds. Defaults to 10800 (three hours).',
    ),
  }),
  ServiceStatus: object('The observed state of a Service.', {
    conditions: list(t.ref('Condition'), 'Observations about the Service.'),
    loadBalancer: ref('LoadBalancerStatus', 'The external load balancer, if the Service has one.'),
  }),
  LoadBalancerStatus: object('The state of an external load balancer.', {
    ingress: list(t.ref('LoadBalancerIngress'), 'The addresses where the load balancer accepts traffic.'),
  }),
  LoadBalancerIngress: object('One address of a load balancer.', {
    hostname: str('A DNS name for the load balancer, for providers that hand out names rather than IPs.'),
    ip: str('An IP address for the load balancer.'),
    ipMode: str(
      'How traffic reaches the Service through this IP: VIP delivers it with the IP as destination, Proxy through a proxy that rewrites the destination.',
    ),
    ports: list(t.ref('PortStatus'), 'The state of each Service port on this address.'),
  }),
  PortStatus: object('The state of one Service port on a load balancer.', {
    error: str('Why the port is in trouble, if it is.'),
    port: int('The port number.', { required: true }),
    protocol: str('The transport protocol of the port.', { required: true, enum: PROTOCOLS }),
  }),
  Endpoints: object(
    'Endpoints list the network addresses that back a Service, kept up to date from the pods its selector matches. Newer clients read EndpointSlices instead, and this API is deprecated.',
    {
      ...kindHeader(),
      subsets: list(
        t.ref('EndpointSubset'),
        'Groups of addresses that all share the same set of ports. Together they cover every endpoint of the Service.',
      ),
    },
  ),
  EndpointSubset: object('A group of addresses that share a set of ports; every address can be combined with every port.', {
    addresses: list(t.ref('EndpointAddress'), 'Addresses that are ready to receive traffic.'),
    notReadyAddresses: list(
      t.ref('EndpointAddress'),
      'Addresses of pods that exist but are not ready yet, or have recently failed their readiness probe.',
    ),
    ports: list(t.ref('EndpointPort'), 'The ports these addresses serve on.'),
  }),
  EndpointAddress: object('One endpoint, usually a pod.', {
    hostname: str('The hostname of the endpoint, when it has one.'),
    ip: str('The IP address of the endpoint.', { required: true }),
    nodeName: str('The node that hosts the endpoint.'),
    targetRef: ref('ObjectReference', 'The object behind this address, normally a pod.'),
  }),
  EndpointPort: object('One port of the endpoints.', {
    appProtocol: str('The application protocol on this port, copied from the Service port.'),
    name: str('The name of the port, matching the name of the Service port.'),
    port: int('The port number.', { required: true }),
    protocol: str('The transport protocol: TCP, UDP or SCTP. Defaults to TCP.', { enum: PROTOCOLS }),
  }),
};
