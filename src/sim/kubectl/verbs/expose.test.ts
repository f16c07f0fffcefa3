// kubectl expose: selectors, ports and protocols read from what is exposed, the flags that shape
// the Service, --dry-run and -o, and upstream's errors
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

const FILES = `cat <<EOF > deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: filed
  labels:
    tier: web
spec:
  selector:
    matchLabels:
      app: filed
  template:
    metadata:
      labels:
        app: filed
    spec:
      containers:
      - name: c
        image: nginx
        ports:
        - containerPort: 8080
        - containerPort: 8443
EOF
cat <<EOF > expr.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: expr
spec:
  selector:
    matchLabels:
      app: expr
    matchExpressions:
    - key: tier
      operator: In
      values: [front, back]
    - key: canary
      operator: DoesNotExist
  template:
    metadata:
      labels:
        app: expr
        tier: front
    spec:
      containers:
      - name: c
        image: nginx
EOF
cat <<EOF > rc.yaml
apiVersion: v1
kind: ReplicationController
metadata:
  name: rc1
spec:
  replicas: 1
  selector:
    app: rc1
  template:
    metadata:
      labels:
        app: rc1
    spec:
      containers:
      - name: c
        image: nginx
        ports:
        - containerPort: 80
EOF`;

describe('kubectl expose', () => {
  test('a deployment: its selector and container port, a NodePort, get and describe', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx --port=80
kubectl expose deployment web
kubectl expose deployment web --name=web-np --type=NodePort --port=8080 --target-port=80
kubectl get svc
kubectl get svc -o wide web
kubectl describe svc web-np
`),
    ).toBe(`$ kubectl create deployment web --image=nginx --port=80
deployment.apps/web created
$ kubectl expose deployment web
service/web exposed
$ kubectl expose deployment web --name=web-np --type=NodePort --port=8080 --target-port=80
service/web-np exposed
$ kubectl get svc
NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP          5m
web          ClusterIP   10.106.36.156   <none>        80/TCP           0s
web-np       NodePort    10.99.122.143   <none>        8080:31060/TCP   0s
$ kubectl get svc -o wide web
NAME   TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE   SELECTOR
web    ClusterIP   10.106.36.156   <none>        80/TCP    0s    app=web
$ kubectl describe svc web-np
Name:                     web-np
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.99.122.143
IPs:                      10.99.122.143
Port:                     <unset>  8080/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  31060/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  test('--type LoadBalancer with --load-balancer-ip, --external-ip, --session-affinity and -l', async () => {
    const k = kubectlSession();
    const fields = "'{.spec.type} {.spec.loadBalancerIP} {.spec.externalIPs} {.spec.sessionAffinity} {.metadata.labels}'";
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx --port=80
kubectl expose deploy/web --name=web-lb --type=LoadBalancer --load-balancer-ip=203.0.113.10 --external-ip=192.0.2.1 --session-affinity=ClientIP -l tier=front,app=web
kubectl get svc web-lb -o jsonpath=${fields}
kubectl expose deploy/web --name=web-cip --load-balancer-ip=203.0.113.10 -o jsonpath={.spec}
`),
    ).toBe(`$ kubectl create deployment web --image=nginx --port=80
deployment.apps/web created
$ kubectl expose deploy/web --name=web-lb --type=LoadBalancer --load-balancer-ip=203.0.113.10 --external-ip=192.0.2.1 --session-affinity=ClientIP -l tier=front,app=web
service/web-lb exposed
$ kubectl get svc web-lb -o jsonpath=${fields}
LoadBalancer 203.0.113.10 ["192.0.2.1"] ClientIP {"app":"web","tier":"front"}$ kubectl expose deploy/web --name=web-cip --load-balancer-ip=203.0.113.10 -o jsonpath={.spec}
{"clusterIP":"10.101.209.74","clusterIPs":["10.101.209.74"],"internalTrafficPolicy":"Cluster","ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack","ports":[{"port":80,"protocol":"TCP","targetPort":80}],"selector":{"app":"web"},"sessionAffinity":"None","type":"ClusterIP"}`);
  });

  test('the generated Service with --dry-run and -o; several ports get names; -f uses the file as written', async () => {
    const k = kubectlSession();
    await k.run(FILES);
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx --port=80
kubectl expose deployment web --name=p2 --port=80,443 --dry-run=client -o yaml
kubectl expose deployment web --name=udp --port=53 --protocol=UDP --cluster-ip=None -o name
kubectl expose deployment web --name=srv --dry-run=server
kubectl get svc srv
kubectl expose -f deploy.yaml --dry-run=client
kubectl expose -f deploy.yaml
kubectl get deploy filed
kubectl get svc filed -o wide
kubectl expose deployment coredns -n kube-system --name=dns --dry-run=client -o yaml
`),
    ).toBe(`$ kubectl create deployment web --image=nginx --port=80
deployment.apps/web created
$ kubectl expose deployment web --name=p2 --port=80,443 --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: p2
spec:
  ports:
  - name: port-1
    port: 80
    protocol: TCP
    targetPort: 80
  - name: port-2
    port: 443
    protocol: TCP
    targetPort: 443
  selector:
    app: web
status:
  loadBalancer: {}
$ kubectl expose deployment web --name=udp --port=53 --protocol=UDP --cluster-ip=None -o name
service/udp
$ kubectl expose deployment web --name=srv --dry-run=server
service/srv exposed (server dry run)
$ kubectl get svc srv
Error from server (NotFound): services "srv" not found
[exit 1]
$ kubectl expose -f deploy.yaml --dry-run=client
service/filed exposed (dry run)
$ kubectl expose -f deploy.yaml
service/filed exposed
$ kubectl get deploy filed
Error from server (NotFound): deployments.apps "filed" not found
[exit 1]
$ kubectl get svc filed -o wide
NAME    TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)             AGE   SELECTOR
filed   ClusterIP   10.106.36.156   <none>        8080/TCP,8443/TCP   0s    app=filed
$ kubectl expose deployment coredns -n kube-system --name=dns --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  labels:
    k8s-app: kube-dns
  name: dns
  namespace: kube-system
spec:
  ports:
  - name: port-1-udp
    port: 53
    protocol: UDP
    targetPort: 53
  - name: port-1-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  - name: port-2
    port: 9153
    protocol: TCP
    targetPort: 9153
  selector:
    k8s-app: kube-dns
status:
  loadBalancer: {}
`);
  });

  test('replication controllers, services, pods; a headless Service needs no port', async () => {
    const k = kubectlSession();
    await k.run(FILES);
    expect(
      await k.transcript(`
kubectl apply -f rc.yaml
kubectl expose rc rc1 --target-port=http
kubectl get svc rc1 -o jsonpath={.spec.ports}
kubectl expose svc kube-dns -n kube-system --name=dns-copy
kubectl get svc -n kube-system dns-copy
kubectl run lone --image=nginx --port=8080
kubectl expose pod lone --name=lone-svc
kubectl get svc lone-svc -o wide
kubectl create deployment noport --image=nginx
kubectl expose deployment noport
kubectl expose deployment noport --cluster-ip=None
kubectl get svc noport
`),
    ).toBe(`$ kubectl apply -f rc.yaml
replicationcontroller/rc1 created
$ kubectl expose rc rc1 --target-port=http
service/rc1 exposed
$ kubectl get svc rc1 -o jsonpath={.spec.ports}
[{"port":80,"protocol":"TCP","targetPort":"http"}]$ kubectl expose svc kube-dns -n kube-system --name=dns-copy
service/dns-copy exposed
$ kubectl get svc -n kube-system dns-copy
NAME       TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)                  AGE
dns-copy   ClusterIP   10.99.122.143   <none>        53/UDP,53/TCP,9153/TCP   0s
$ kubectl run lone --image=nginx --port=8080
pod/lone created
$ kubectl expose pod lone --name=lone-svc
service/lone-svc exposed
$ kubectl get svc lone-svc -o wide
NAME       TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)    AGE   SELECTOR
lone-svc   ClusterIP   10.101.209.74   <none>        8080/TCP   0s    run=lone
$ kubectl create deployment noport --image=nginx
deployment.apps/noport created
$ kubectl expose deployment noport
error: couldn't find port via --port flag or introspection
[exit 1]
$ kubectl expose deployment noport --cluster-ip=None
service/noport exposed
$ kubectl get svc noport
NAME     TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
noport   ClusterIP   None         <none>        <none>    0s
`);
  });

  test("upstream's errors", async () => {
    const k = kubectlSession();
    await k.run(FILES);
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx --port=80
kubectl apply -f expr.yaml
kubectl expose deployment expr --port=80
kubectl expose deployment web
kubectl expose deployment web
kubectl expose deployment web --name=bad --port=abc
kubectl expose deployment web --name=bad --selector=app
kubectl expose deployment web --name=bad --labels==x
kubectl expose deployment web --name=bad --session-affinity=Sticky
kubectl expose deployment web --name=bad --type=nodeport
kubectl expose svc kubernetes --name=k2
kubectl expose ds kube-proxy -n kube-system
kubectl expose cm coredns -n kube-system
kubectl expose deployment nope web2 --port=80
kubectl expose deployment
kubectl expose
kubectl expose foo web
kubectl expose deployment web --generator=service/v1
kubectl expose deployment web --dry-run=bogus
kubectl expose deployment web --overrides={}
`),
    ).toBe(`$ kubectl create deployment web --image=nginx --port=80
deployment.apps/web created
$ kubectl apply -f expr.yaml
deployment.apps/expr created
$ kubectl expose deployment expr --port=80
error: couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "[{Key:tier Operator:In Values:[front back]} {Key:canary Operator:DoesNotExist Values:[]}]" to map-based selector format
[exit 1]
$ kubectl expose deployment web
service/web exposed
$ kubectl expose deployment web
Error from server (AlreadyExists): services "web" already exists
[exit 1]
$ kubectl expose deployment web --name=bad --port=abc
error: strconv.Atoi: parsing "abc": invalid syntax
[exit 1]
$ kubectl expose deployment web --name=bad --selector=app
error: unexpected label spec: app
[exit 1]
$ kubectl expose deployment web --name=bad --labels==x
error: unexpected empty label key
[exit 1]
$ kubectl expose deployment web --name=bad --session-affinity=Sticky
error: unknown session affinity: Sticky
[exit 1]
$ kubectl expose deployment web --name=bad --type=nodeport
The Service "bad" is invalid: spec.type: Unsupported value: "nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"
[exit 1]
$ kubectl expose svc kubernetes --name=k2
error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set
[exit 1]
$ kubectl expose ds kube-proxy -n kube-system
error: cannot expose a DaemonSet.apps
[exit 1]
$ kubectl expose cm coredns -n kube-system
error: cannot expose a ConfigMap
[exit 1]
$ kubectl expose deployment nope web2 --port=80
Error from server (NotFound): deployments.apps "nope" not found
Error from server (NotFound): deployments.apps "web2" not found
[exit 1]
$ kubectl expose deployment
error: resource(s) were provided, but no name was specified
[exit 1]
$ kubectl expose
error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
[exit 1]
$ kubectl expose foo web
error: the server doesn't have a resource type "foo"
[exit 1]
$ kubectl expose deployment web --generator=service/v1
error: unknown flag: --generator
See 'kubectl expose --help' for usage.
[exit 1]
$ kubectl expose deployment web --dry-run=bogus
error: Invalid dry-run value (bogus). Must be "none", "server", or "client".
[exit 1]
$ kubectl expose deployment web --overrides={}
kubesim: 'kubectl expose --overrides' is not simulated
[exit 1]
`);
  });
});
