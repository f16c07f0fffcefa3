import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod, Service } from '../../api/types.ts';
import { addEvent, ago, emptyCluster, NOW, put } from './fixtures.ts';
import { describeObject } from './index.ts';

function nodePortService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(300), labels: { app: 'web' } },
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
      clusterIP: '10.96.142.7',
      clusterIPs: ['10.96.142.7'],
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
    status: { loadBalancer: {} },
  };
}

function webPod(name: string, ip: string, ready: boolean): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
    status: {
      phase: 'Running',
      podIP: ip,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null }],
    },
  };
}

describe('describe service', () => {
  it('prints a NodePort Service with the endpoints behind its port', () => {
    const cluster = emptyCluster();
    const svc = put(cluster, nodePortService());
    put(cluster, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets: [
        {
          addresses: [{ ip: '10.244.1.4' }, { ip: '10.244.2.3' }],
          notReadyAddresses: [{ ip: '10.244.1.5' }],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    } as Endpoints);
    addEvent(cluster, svc, { reason: 'Type', from: 'service-controller', first: 60, message: 'ClusterIP -> NodePort' });
    expect(describeObject(svc, { now: NOW, cluster })).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.142.7
IPs:                      10.96.142.7
Port:                     <unset>  80/TCP
TargetPort:               8080/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                10.244.1.4:8080,10.244.2.3:8080
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:
  Type    Reason  Age   From                Message
  ----    ------  ----  ----                -------
  Normal  Type    60s   service-controller  ClusterIP -> NodePort
`);
  });

  it('finds the endpoints from the pods when there is no Endpoints object, three at most', () => {
    const cluster = emptyCluster();
    const svc = nodePortService();
    svc.spec = {
      ...svc.spec,
      type: 'ClusterIP',
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' },
        { name: 'admin', protocol: 'TCP', port: 9000, targetPort: 9000 },
      ],
    };
    delete svc.spec.externalTrafficPolicy;
    delete svc.spec.ports![0]!.nodePort;
    put(cluster, svc);
    put(cluster, webPod('web-1', '10.244.1.4', true));
    put(cluster, webPod('web-2', '10.244.1.5', false));
    put(cluster, webPod('web-3', '10.244.2.3', true));
    put(cluster, webPod('web-4', '10.244.2.4', true));
    put(cluster, webPod('web-5', '10.244.2.5', true));
    expect(describeObject(svc, { now: NOW, cluster, showEvents: false })).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.142.7
IPs:                      10.96.142.7
Port:                     http  80/TCP
TargetPort:               http/TCP
Endpoints:                10.244.1.4:8080,10.244.2.3:8080,10.244.2.4:8080 + 1 more...
Port:                     admin  9000/TCP
TargetPort:               9000/TCP
Endpoints:                10.244.1.4:9000,10.244.2.3:9000,10.244.2.4:9000 + 1 more...
Session Affinity:         None
Internal Traffic Policy:  Cluster
`);
  });

  it('prints an empty endpoint list for a selector that matches nothing, and a LoadBalancer ingress', () => {
    const cluster = emptyCluster();
    const svc = nodePortService();
    svc.metadata.name = 'shop';
    svc.metadata.annotations = { 'metallb.io/ip-allocated-from-pool': 'kind' };
    svc.spec = {
      ...svc.spec,
      type: 'LoadBalancer',
      selector: { app: 'shop' },
      healthCheckNodePort: 31422,
      externalTrafficPolicy: 'Local',
    };
    svc.status = { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } };
    put(cluster, svc);
    expect(describeObject(svc, { now: NOW, cluster })).toBe(`Name:                     shop
Namespace:                default
Labels:                   app=web
Annotations:              metallb.io/ip-allocated-from-pool: kind
Selector:                 app=shop
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.142.7
IPs:                      10.96.142.7
LoadBalancer Ingress:     172.18.255.200 (VIP)
Port:                     <unset>  80/TCP
TargetPort:               8080/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Cluster
HealthCheck NodePort:     31422
Events:                   <none>
`);
  });

  it('prints an Endpoints object', () => {
    const cluster = emptyCluster();
    const ep = put(cluster, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    } as Endpoints);
    expect(describeObject(ep, { now: NOW, cluster })).toBe(`Name:         kubernetes
Namespace:    default
Labels:       endpointslice.kubernetes.io/skip-mirror=true
Annotations:  <none>
Subsets:
  Addresses:          172.18.0.2
  NotReadyAddresses:  <none>
  Ports:
    Name   Port  Protocol
    ----   ----  --------
    https  6443  TCP

Events:  <none>
`);
  });
});
