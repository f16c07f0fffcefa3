// the endpoints controllers as a learner meets them through kubectl: Endpoints with ready and
// not-ready addresses, EndpointSlices with every pod and its conditions, named target ports
// resolved per pod, a selector-less Service's hand-written Endpoints mirrored into a slice, and
// the deprecation warning every v1 Endpoints request brings
import { describe, expect, test } from 'vitest';
import { kubectlSession, type KubectlSession } from '../kubectl/verbs/session.test-helper.ts';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  clusterIP: 10.96.100.10
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
`;

// one pod names its port http on 80, one on 8080, one has no port of that name
const SHOP = `apiVersion: v1
kind: Pod
metadata:
  name: shop-a
  labels:
    app: shop
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: shop-b
  labels:
    app: shop
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: shop-c
  labels:
    app: shop
spec:
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  clusterIP: 10.96.100.20
  selector:
    app: shop
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: metrics
    port: 9100
`;

const EXTERNAL = `apiVersion: v1
kind: Service
metadata:
  name: external-db
spec:
  clusterIP: 10.96.100.30
  ports:
  - name: postgres
    port: 5432
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external-db
  labels:
    team: data
subsets:
- addresses:
  - ip: 203.0.113.10
  - ip: 203.0.113.11
  notReadyAddresses:
  - ip: 203.0.113.12
  ports:
  - name: postgres
    port: 5432
`;

const EXTERNAL2 = `apiVersion: v1
kind: Endpoints
metadata:
  name: external-db
  labels:
    team: data
subsets:
- addresses:
  - ip: 203.0.113.10
  ports:
  - name: postgres
    port: 5432
- addresses:
  - ip: 203.0.113.20
  ports:
  - name: postgres
    port: 6432
`;

/** a learner's session on a fresh default cluster, with these files in the home directory */
async function withFiles(files: Record<string, string>): Promise<KubectlSession> {
  const k = kubectlSession();
  for (const [name, content] of Object.entries(files)) await k.run(`cat <<EOF > ${name}\n${content}EOF`);
  return k;
}

describe('Endpoints and EndpointSlices', () => {
  test('follow a Deployment: ready pods in the Endpoints, every pod in the slice, terminating ones marked', async () => {
    const k = await withFiles({ 'web.yaml': WEB });
    expect(
      await k.transcript(`
kubectl apply -f web.yaml
kubectl get endpoints web
kubectl get endpointslices -l kubernetes.io/service-name=web
sleep 10
kubectl get ep web -o yaml
kubectl get endpointslices -l kubernetes.io/service-name=web -o yaml
kubectl scale deployment web --replicas=5
sleep 10
kubectl get ep web
kubectl get endpointslices -l kubernetes.io/service-name=web
kubectl describe svc web
kubectl scale deployment web --replicas=2
kubectl get ep web
kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.addresses[0]} ready={.conditions.ready} serving={.conditions.serving} terminating={.conditions.terminating}{"\\n"}{end}'
sleep 40
kubectl get endpointslices -l kubernetes.io/service-name=web
kubectl delete svc web
kubectl get ep,endpointslices
`),
    ).toBe(`$ kubectl apply -f web.yaml
deployment.apps/web created
service/web created
$ kubectl get endpoints web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS   AGE
web                0s
$ kubectl get endpointslices -l kubernetes.io/service-name=web
NAME        ADDRESSTYPE   PORTS   ENDPOINTS                          AGE
web-25d2n   IPv4          80      10.244.1.2,10.244.1.3,10.244.2.2   0s
$ sleep 10
$ kubectl get ep web -o yaml
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
apiVersion: v1
kind: Endpoints
metadata:
  annotations:
    endpoints.kubernetes.io/last-change-trigger-time: "2026-01-01T09:00:01Z"
  creationTimestamp: "2026-01-01T09:00:00Z"
  labels:
    app: web
    endpoints.kubernetes.io/managed-by: endpoint-controller
  name: web
  namespace: default
  resourceVersion: "1186"
  uid: d7369e7d-836d-4dea-aaad-bdcd3e1a107c
subsets:
- addresses:
  - ip: 10.244.1.2
    nodeName: kind-worker
    targetRef:
      kind: Pod
      name: web-d76698777-p5sc6
      namespace: default
      uid: 081a771b-d4b8-4b3c-bd2f-2ead2b3766e9
  - ip: 10.244.1.3
    nodeName: kind-worker
    targetRef:
      kind: Pod
      name: web-d76698777-jdmtt
      namespace: default
      uid: cea60762-7edc-42c6-bbc2-27cb7501f446
  - ip: 10.244.2.2
    nodeName: kind-worker2
    targetRef:
      kind: Pod
      name: web-d76698777-695tm
      namespace: default
      uid: 156595fd-f693-4a1b-9cfa-0f3ae1661a11
  ports:
  - name: http
    port: 80
    protocol: TCP
$ kubectl get endpointslices -l kubernetes.io/service-name=web -o yaml
apiVersion: v1
items:
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
  - addresses:
    - 10.244.1.2
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: kind-worker
    targetRef:
      kind: Pod
      name: web-d76698777-p5sc6
      namespace: default
      uid: 081a771b-d4b8-4b3c-bd2f-2ead2b3766e9
  - addresses:
    - 10.244.1.3
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: kind-worker
    targetRef:
      kind: Pod
      name: web-d76698777-jdmtt
      namespace: default
      uid: cea60762-7edc-42c6-bbc2-27cb7501f446
  - addresses:
    - 10.244.2.2
    conditions:
      ready: true
      serving: true
      terminating: false
    nodeName: kind-worker2
    targetRef:
      kind: Pod
      name: web-d76698777-695tm
      namespace: default
      uid: 156595fd-f693-4a1b-9cfa-0f3ae1661a11
  kind: EndpointSlice
  metadata:
    annotations:
      endpoints.kubernetes.io/last-change-trigger-time: "2026-01-01T09:00:01Z"
    creationTimestamp: "2026-01-01T09:00:00Z"
    generateName: web-
    generation: 4
    labels:
      app: web
      endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
      kubernetes.io/service-name: web
    name: web-25d2n
    namespace: default
    ownerReferences:
    - apiVersion: v1
      blockOwnerDeletion: true
      controller: true
      kind: Service
      name: web
      uid: 7c2ed8d2-ddb8-4298-a3c9-0a98e3421aed
    resourceVersion: "1187"
    uid: 3d1ccf3d-1b37-4226-9d3f-b7b3dacc38c5
  ports:
  - name: http
    port: 80
    protocol: TCP
kind: List
metadata:
  resourceVersion: ""
$ kubectl scale deployment web --replicas=5
deployment.apps/web scaled
$ sleep 10
$ kubectl get ep web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS                                               AGE
web    10.244.1.2:80,10.244.1.3:80,10.244.1.4:80 + 2 more...   20s
$ kubectl get endpointslices -l kubernetes.io/service-name=web
NAME        ADDRESSTYPE   PORTS   ENDPOINTS                                      AGE
web-25d2n   IPv4          80      10.244.1.2,10.244.1.3,10.244.2.2 + 2 more...   20s
$ kubectl describe svc web
Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.10
IPs:                      10.96.100.10
Port:                     http  80/TCP
TargetPort:               http/TCP
Endpoints:                10.244.1.2:80,10.244.1.3:80,10.244.2.2:80 + 2 more...
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ kubectl scale deployment web --replicas=2
deployment.apps/web scaled
$ kubectl get ep web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS                     AGE
web    10.244.1.2:80,10.244.1.3:80   20s
$ kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.addresses[0]} ready={.conditions.ready} serving={.conditions.serving} terminating={.conditions.terminating}{"\\n"}{end}'
10.244.1.2 ready=true serving=true terminating=false
10.244.1.3 ready=true serving=true terminating=false
10.244.2.2 ready=false serving=true terminating=true
10.244.1.4 ready=false serving=true terminating=true
10.244.2.3 ready=false serving=true terminating=true
$ sleep 40
$ kubectl get endpointslices -l kubernetes.io/service-name=web
NAME        ADDRESSTYPE   PORTS   ENDPOINTS               AGE
web-25d2n   IPv4          80      10.244.1.2,10.244.1.3   60s
$ kubectl delete svc web
service "web" deleted from default namespace
$ kubectl get ep,endpointslices
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME                   ENDPOINTS         AGE
endpoints/kubernetes   172.18.0.2:6443   6m

NAME                                        ADDRESSTYPE   PORTS   ENDPOINTS    AGE
endpointslice.discovery.k8s.io/kubernetes   IPv4          6443    172.18.0.2   6m
`);
  });

  test('not-ready pods wait in notReadyAddresses; relabelled and terminating pods leave the Endpoints', async () => {
    const k = await withFiles({});
    expect(
      await k.transcript(`
kubectl run web-1 --image=nginx:1.27 --labels=app=web
kubectl run web-2 --image=ngnix --labels=app=web
kubectl create service clusterip web --tcp=80:80 --clusterip=10.96.100.11
sleep 10
kubectl get ep web
kubectl describe ep web
kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} ready={.conditions.ready} serving={.conditions.serving} terminating={.conditions.terminating}{"\\n"}{end}'
kubectl label pod web-1 app=other --overwrite
kubectl get ep web
kubectl get endpointslices -l kubernetes.io/service-name=web
kubectl label pod web-1 app=web --overwrite
kubectl get ep web
kubectl delete pod web-1 --wait=false
kubectl get ep web
kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} ready={.conditions.ready} serving={.conditions.serving} terminating={.conditions.terminating}{"\\n"}{end}'
`),
    ).toBe(`$ kubectl run web-1 --image=nginx:1.27 --labels=app=web
pod/web-1 created
$ kubectl run web-2 --image=ngnix --labels=app=web
pod/web-2 created
$ kubectl create service clusterip web --tcp=80:80 --clusterip=10.96.100.11
service/web created
$ sleep 10
$ kubectl get ep web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS       AGE
web    10.244.2.2:80   10s
$ kubectl describe ep web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
Name:         web
Namespace:    default
Labels:       app=web
              endpoints.kubernetes.io/managed-by=endpoint-controller
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-01T09:00:02Z
Subsets:
  Addresses:          10.244.2.2
  NotReadyAddresses:  10.244.1.2
  Ports:
    Name   Port  Protocol
    ----   ----  --------
    80-80  80    TCP

Events:  <none>
$ kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} ready={.conditions.ready} serving={.conditions.serving} terminating={.conditions.terminating}{"\\n"}{end}'
web-2 ready=false serving=false terminating=false
web-1 ready=true serving=true terminating=false
$ kubectl label pod web-1 app=other --overwrite
pod/web-1 labeled
$ kubectl get ep web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS   AGE
web                10s
$ kubectl get endpointslices -l kubernetes.io/service-name=web
NAME        ADDRESSTYPE   PORTS   ENDPOINTS    AGE
web-25d2n   IPv4          80      10.244.1.2   10s
$ kubectl label pod web-1 app=web --overwrite
pod/web-1 labeled
$ kubectl get ep web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS       AGE
web    10.244.2.2:80   10s
$ kubectl delete pod web-1 --wait=false
pod "web-1" deleted from default namespace
$ kubectl get ep web
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME   ENDPOINTS   AGE
web                10s
$ kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} ready={.conditions.ready} serving={.conditions.serving} terminating={.conditions.terminating}{"\\n"}{end}'
web-2 ready=false serving=false terminating=false
web-1 ready=false serving=true terminating=true
`);
  });

  test('a named targetPort resolves on each pod: other numbers make other subsets and slices', async () => {
    const k = await withFiles({ 'shop.yaml': SHOP });
    expect(
      await k.transcript(`
kubectl apply -f shop.yaml
sleep 10
kubectl get ep shop -o yaml
kubectl get endpointslices -l kubernetes.io/service-name=shop
kubectl describe endpointslices -l kubernetes.io/service-name=shop
kubectl describe svc shop
`),
    ).toBe(`$ kubectl apply -f shop.yaml
pod/shop-a created
pod/shop-b created
pod/shop-c created
service/shop created
$ sleep 10
$ kubectl get ep shop -o yaml
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
apiVersion: v1
kind: Endpoints
metadata:
  annotations:
    endpoints.kubernetes.io/last-change-trigger-time: "2026-01-01T09:00:02Z"
  creationTimestamp: "2026-01-01T09:00:00Z"
  labels:
    endpoints.kubernetes.io/managed-by: endpoint-controller
  name: shop
  namespace: default
  resourceVersion: "1174"
  uid: d7369e7d-836d-4dea-aaad-bdcd3e1a107c
subsets:
- addresses:
  - ip: 10.244.2.2
    nodeName: kind-worker2
    targetRef:
      kind: Pod
      name: shop-a
      namespace: default
      uid: 9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7
  ports:
  - name: http
    port: 80
    protocol: TCP
- addresses:
  - ip: 10.244.1.2
    nodeName: kind-worker
    targetRef:
      kind: Pod
      name: shop-b
      namespace: default
      uid: 40306da7-5452-4ab1-974c-a4bc69a525b6
  ports:
  - name: http
    port: 8080
    protocol: TCP
- addresses:
  - ip: 10.244.1.2
    nodeName: kind-worker
    targetRef:
      kind: Pod
      name: shop-b
      namespace: default
      uid: 40306da7-5452-4ab1-974c-a4bc69a525b6
  - ip: 10.244.2.2
    nodeName: kind-worker2
    targetRef:
      kind: Pod
      name: shop-a
      namespace: default
      uid: 9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7
  - ip: 10.244.2.3
    nodeName: kind-worker2
    targetRef:
      kind: Pod
      name: shop-c
      namespace: default
      uid: d4b89b3c-7d2f-4ead-ab37-66e9875494e0
  ports:
  - name: metrics
    port: 9100
    protocol: TCP
$ kubectl get endpointslices -l kubernetes.io/service-name=shop
NAME         ADDRESSTYPE   PORTS       ENDPOINTS    AGE
shop-25d2n   IPv4          9100,80     10.244.2.2   10s
shop-4vgp5   IPv4          8080,9100   10.244.1.2   10s
shop-5z28l   IPv4          9100        10.244.2.3   10s
$ kubectl describe endpointslices -l kubernetes.io/service-name=shop
Name:         shop-25d2n
Namespace:    default
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=shop
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-01T09:00:02Z
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  metrics  9100  TCP
  http     80    TCP
Endpoints:
  - Addresses:  10.244.2.2
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/shop-a
    NodeName:   kind-worker2
    Zone:       <unset>
Events:         <none>


Name:         shop-4vgp5
Namespace:    default
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=shop
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-01T09:00:01Z
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  http     8080  TCP
  metrics  9100  TCP
Endpoints:
  - Addresses:  10.244.1.2
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/shop-b
    NodeName:   kind-worker
    Zone:       <unset>
Events:         <none>


Name:         shop-5z28l
Namespace:    default
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=shop
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-01T09:00:01Z
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  metrics  9100  TCP
Endpoints:
  - Addresses:  10.244.2.3
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/shop-c
    NodeName:   kind-worker2
    Zone:       <unset>
Events:         <none>
$ kubectl describe svc shop
Name:                     shop
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=shop
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.20
IPs:                      10.96.100.20
Port:                     http  80/TCP
TargetPort:               http/TCP
Endpoints:                10.244.2.2:80,10.244.1.2:8080
Port:                     metrics  9100/TCP
TargetPort:               9100/TCP
Endpoints:                10.244.2.2:9100,10.244.1.2:9100,10.244.2.3:9100
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  test('a selector-less Service keeps its hand-written Endpoints, mirrored into slices', async () => {
    const k = await withFiles({ 'external.yaml': EXTERNAL, 'external2.yaml': EXTERNAL2 });
    expect(
      await k.transcript(`
kubectl apply -f external.yaml
kubectl get ep external-db
kubectl get endpointslices -l kubernetes.io/service-name=external-db -o yaml
kubectl describe svc external-db
kubectl apply -f external2.yaml
kubectl get endpointslices -l kubernetes.io/service-name=external-db --show-labels
kubectl describe svc external-db
kubectl delete svc external-db
kubectl get ep,endpointslices
`),
    ).toBe(`$ kubectl apply -f external.yaml
service/external-db created
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
endpoints/external-db created
$ kubectl get ep external-db
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME          ENDPOINTS                             AGE
external-db   203.0.113.10:5432,203.0.113.11:5432   0s
$ kubectl get endpointslices -l kubernetes.io/service-name=external-db -o yaml
apiVersion: v1
items:
- addressType: IPv4
  apiVersion: discovery.k8s.io/v1
  endpoints:
  - addresses:
    - 203.0.113.10
    conditions:
      ready: true
  - addresses:
    - 203.0.113.11
    conditions:
      ready: true
  - addresses:
    - 203.0.113.12
    conditions:
      ready: false
  kind: EndpointSlice
  metadata:
    creationTimestamp: "2026-01-01T09:00:00Z"
    generateName: external-db-
    generation: 1
    labels:
      endpointslice.kubernetes.io/managed-by: endpointslicemirroring-controller.k8s.io
      kubernetes.io/service-name: external-db
      team: data
    name: external-db-5r7j2
    namespace: default
    ownerReferences:
    - apiVersion: v1
      blockOwnerDeletion: true
      controller: true
      kind: Endpoints
      name: external-db
      uid: f6d3d6bc-0014-4967-b33a-6e9323f5cf0f
    resourceVersion: "1140"
    uid: d561bffd-1543-4c8a-8545-d4ca5fd4fdce
  ports:
  - name: postgres
    port: 5432
    protocol: TCP
kind: List
metadata:
  resourceVersion: ""
$ kubectl describe svc external-db
Name:                     external-db
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 <none>
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.30
IPs:                      10.96.100.30
Port:                     postgres  5432/TCP
TargetPort:               5432/TCP
Endpoints:                203.0.113.10:5432,203.0.113.11:5432
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ kubectl apply -f external2.yaml
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
endpoints/external-db configured
$ kubectl get endpointslices -l kubernetes.io/service-name=external-db --show-labels
NAME                ADDRESSTYPE   PORTS   ENDPOINTS      AGE   LABELS
external-db-5r7j2   IPv4          5432    203.0.113.10   0s    endpointslice.kubernetes.io/managed-by=endpointslicemirroring-controller.k8s.io,kubernetes.io/service-name=external-db,team=data
external-db-jdv64   IPv4          6432    203.0.113.20   0s    endpointslice.kubernetes.io/managed-by=endpointslicemirroring-controller.k8s.io,kubernetes.io/service-name=external-db,team=data
$ kubectl describe svc external-db
Name:                     external-db
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 <none>
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.30
IPs:                      10.96.100.30
Port:                     postgres  5432/TCP
TargetPort:               5432/TCP
Endpoints:                203.0.113.10:5432,203.0.113.20:6432
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ kubectl delete svc external-db
service "external-db" deleted from default namespace
$ kubectl get ep,endpointslices
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME                   ENDPOINTS         AGE
endpoints/kubernetes   172.18.0.2:6443   5m

NAME                                        ADDRESSTYPE   PORTS   ENDPOINTS    AGE
endpointslice.discovery.k8s.io/kubernetes   IPv4          6443    172.18.0.2   5m
`);
  });

  test("a fresh cluster: the apiserver's kubernetes slice and the kube-dns Endpoints in canonical order", async () => {
    const k = await withFiles({});
    expect(
      await k.transcript(`
kubectl get endpoints -A
kubectl get endpointslices -A
kubectl get ep kube-dns -n kube-system -o yaml
kubectl get endpointslice kubernetes -o yaml
`),
    ).toBe(`$ kubectl get endpoints -A
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAMESPACE     NAME         ENDPOINTS                                                   AGE
default       kubernetes   172.18.0.2:6443                                             5m
kube-system   kube-dns     10.244.0.2:9153,10.244.0.3:9153,10.244.0.2:53 + 3 more...   5m
$ kubectl get endpointslices -A
NAMESPACE     NAME             ADDRESSTYPE   PORTS        ENDPOINTS               AGE
default       kubernetes       IPv4          6443         172.18.0.2              5m
kube-system   kube-dns-lr5fc   IPv4          53,53,9153   10.244.0.2,10.244.0.3   5m
$ kubectl get ep kube-dns -n kube-system -o yaml
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
apiVersion: v1
kind: Endpoints
metadata:
  annotations:
    endpoints.kubernetes.io/last-change-trigger-time: "2026-01-01T08:55:02Z"
  creationTimestamp: "2026-01-01T08:55:00Z"
  labels:
    endpoints.kubernetes.io/managed-by: endpoint-controller
    k8s-app: kube-dns
    kubernetes.io/cluster-service: "true"
    kubernetes.io/name: CoreDNS
  name: kube-dns
  namespace: kube-system
  resourceVersion: "1130"
  uid: 9e786ab5-377d-41b3-9de1-768055ff7d2a
subsets:
- addresses:
  - ip: 10.244.0.2
    nodeName: kind-control-plane
    targetRef:
      kind: Pod
      name: coredns-64586ddcf8-xgx2f
      namespace: kube-system
      uid: 9dcee06b-3d54-43af-a8c8-10d12baeb392
  - ip: 10.244.0.3
    nodeName: kind-control-plane
    targetRef:
      kind: Pod
      name: coredns-64586ddcf8-6j2qz
      namespace: kube-system
      uid: 9402139b-bc5f-403b-88bc-5e8b6d7b720b
  ports:
  - name: metrics
    port: 9153
    protocol: TCP
  - name: dns-tcp
    port: 53
    protocol: TCP
  - name: dns
    port: 53
    protocol: UDP
$ kubectl get endpointslice kubernetes -o yaml
addressType: IPv4
apiVersion: discovery.k8s.io/v1
endpoints:
- addresses:
  - 172.18.0.2
  conditions:
    ready: true
kind: EndpointSlice
metadata:
  creationTimestamp: "2026-01-01T08:55:00Z"
  generation: 1
  labels:
    kubernetes.io/service-name: kubernetes
  name: kubernetes
  namespace: default
  resourceVersion: "1055"
  uid: 6832df26-7f8b-4b00-bd24-afad004d76dd
ports:
- name: https
  port: 6443
  protocol: TCP
`);
  });

  test('v1 Endpoints requests warn once per command, where the request is made', async () => {
    const k = await withFiles({ 'external.yaml': EXTERNAL });
    expect(
      await k.transcript(`
kubectl get svc,ep
kubectl get endpointslices
kubectl get ep missing
kubectl describe endpoints kubernetes
kubectl explain endpoints.subsets.ports.port
kubectl apply -f external.yaml
kubectl annotate ep external-db owner=data
kubectl delete -f external.yaml
`),
    ).toBe(`$ kubectl get svc,ep
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m

NAME                   ENDPOINTS         AGE
endpoints/kubernetes   172.18.0.2:6443   5m
$ kubectl get endpointslices
NAME         ADDRESSTYPE   PORTS   ENDPOINTS    AGE
kubernetes   IPv4          6443    172.18.0.2   5m
$ kubectl get ep missing
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
Error from server (NotFound): endpoints "missing" not found
[exit 1]
$ kubectl describe endpoints kubernetes
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
Name:         kubernetes
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
$ kubectl explain endpoints.subsets.ports.port
KIND:       Endpoints
VERSION:    v1

FIELD: port <integer>


DESCRIPTION:
    The port number.

$ kubectl apply -f external.yaml
service/external-db created
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
endpoints/external-db created
$ kubectl annotate ep external-db owner=data
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
endpoints/external-db annotated
$ kubectl delete -f external.yaml
service "external-db" deleted from default namespace
Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice
endpoints "external-db" deleted from default namespace
`);
  });
});
