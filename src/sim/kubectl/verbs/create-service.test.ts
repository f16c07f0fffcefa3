// kubectl create service clusterip|nodeport|loadbalancer|externalname: the Services upstream
// builds, their rows in kubectl get, --dry-run and -o, and upstream's errors
import { describe, expect, test } from 'vitest';
import { kubectlSession } from './session.test-helper.ts';

describe('kubectl create service', () => {
  test('each type, with allocated cluster IPs and node ports', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service clusterip my-cs --tcp=5678:8080
kubectl create service nodeport my-ns --tcp=5678:8080
kubectl create service nodeport fixed --tcp=80 --node-port=31000
kubectl create service loadbalancer my-lbs --tcp=80,443:8443
kubectl create service externalname my-en --external-name bar.com
kubectl create svc clusterip headless --clusterip=None
kubectl create service clusterip named --tcp=80:http,81 --tcp 82
kubectl get svc
kubectl get svc named -o jsonpath={.spec.ports}
`),
    ).toBe(`$ kubectl create service clusterip my-cs --tcp=5678:8080
service/my-cs created
$ kubectl create service nodeport my-ns --tcp=5678:8080
service/my-ns created
$ kubectl create service nodeport fixed --tcp=80 --node-port=31000
service/fixed created
$ kubectl create service loadbalancer my-lbs --tcp=80,443:8443
service/my-lbs created
$ kubectl create service externalname my-en --external-name bar.com
service/my-en created
$ kubectl create svc clusterip headless --clusterip=None
service/headless created
$ kubectl create service clusterip named --tcp=80:http,81 --tcp 82
service/named created
$ kubectl get svc
NAME         TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)                      AGE
fixed        NodePort       10.100.249.63   <none>        80:31000/TCP                 0s
headless     ClusterIP      None            <none>        <none>                       0s
kubernetes   ClusterIP      10.96.0.1       <none>        443/TCP                      5m
my-cs        ClusterIP      10.106.36.156   <none>        5678/TCP                     0s
my-en        ExternalName   <none>          bar.com       <none>                       0s
my-lbs       LoadBalancer   10.100.93.174   <pending>     80:32595/TCP,443:31881/TCP   0s
my-ns        NodePort       10.99.122.143   <none>        5678:31060/TCP               0s
named        ClusterIP      10.107.22.132   <none>        80/TCP,81/TCP,82/TCP         0s
$ kubectl get svc named -o jsonpath={.spec.ports}
[{"name":"80-http","port":80,"protocol":"TCP","targetPort":"http"},{"name":"81","port":81,"protocol":"TCP","targetPort":81},{"name":"82","port":82,"protocol":"TCP","targetPort":82}]`);
  });

  test('--dry-run=client prints what would be sent; -n names the namespace in it', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service nodeport np --tcp=5678:8080 --node-port=30080 -n kube-system --dry-run=client -o yaml
kubectl create service externalname my-en --external-name bar.com --dry-run=client -o yaml
kubectl create service clusterip web --tcp=80 --dry-run=client
kubectl create service clusterip web --tcp=80 --dry-run=client -o name
kubectl get svc web
`),
    ).toBe(`$ kubectl create service nodeport np --tcp=5678:8080 --node-port=30080 -n kube-system --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  labels:
    app: np
  name: np
  namespace: kube-system
spec:
  ports:
  - name: 5678-8080
    nodePort: 30080
    port: 5678
    protocol: TCP
    targetPort: 8080
  selector:
    app: np
  type: NodePort
status:
  loadBalancer: {}
$ kubectl create service externalname my-en --external-name bar.com --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  labels:
    app: my-en
  name: my-en
spec:
  externalName: bar.com
  selector:
    app: my-en
  type: ExternalName
status:
  loadBalancer: {}
$ kubectl create service clusterip web --tcp=80 --dry-run=client
service/web created (dry run)
$ kubectl create service clusterip web --tcp=80 --dry-run=client -o name
service/web
$ kubectl get svc web
Error from server (NotFound): services "web" not found
[exit 1]
`);
  });

  test('describe shows the allocated address and node port', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service nodeport my-ns --tcp=5678:8080
kubectl describe svc my-ns
`),
    ).toBe(`$ kubectl create service nodeport my-ns --tcp=5678:8080
service/my-ns created
$ kubectl describe svc my-ns
Name:                     my-ns
Namespace:                default
Labels:                   app=my-ns
Annotations:              <none>
Selector:                 app=my-ns
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.106.36.156
IPs:                      10.106.36.156
Port:                     5678-8080  5678/TCP
TargetPort:               8080/TCP
NodePort:                 5678-8080  30668/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  test("upstream's errors", async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service clusterip my-cs --tcp=80
kubectl create service clusterip my-cs --tcp=80
kubectl create service clusterip x
kubectl create service clusterip --tcp=80
kubectl create service loadbalancer lb --tcp=80 extra
kubectl create service externalname my-en
kubectl create service externalname my-en --external-name=bar_.com
kubectl create service nodeport np --tcp=abc
kubectl create service nodeport np --tcp=99999
kubectl create service nodeport np --tcp=80:99999
kubectl create service nodeport np --tcp=80:bad_name
kubectl create service nodeport np --tcp=80 --node-port=abc
kubectl create service nodeport np --tcp=80 --clusterip=None
kubectl create service clusterip x --tcp=80 -n nope
kubectl create service clusterip x --tcp=80 --dry-run=bogus
kubectl create service nodepor x
`),
    ).toBe(`$ kubectl create service clusterip my-cs --tcp=80
service/my-cs created
$ kubectl create service clusterip my-cs --tcp=80
error: failed to create ClusterIP service: services "my-cs" already exists
[exit 1]
$ kubectl create service clusterip x
error: at least one tcp port specifier must be provided
[exit 1]
$ kubectl create service clusterip --tcp=80
error: exactly one NAME is required, got 0
See 'kubectl create service clusterip -h' for help and examples
[exit 1]
$ kubectl create service loadbalancer lb --tcp=80 extra
error: exactly one NAME is required, got 2
See 'kubectl create service loadbalancer -h' for help and examples
[exit 1]
$ kubectl create service externalname my-en
error: required flag(s) "external-name" not set
[exit 1]
$ kubectl create service externalname my-en --external-name=bar_.com
error: invalid service external name bar_.com
[exit 1]
$ kubectl create service nodeport np --tcp=abc
error: strconv.ParseUint: parsing "abc": invalid syntax
[exit 1]
$ kubectl create service nodeport np --tcp=99999
error: strconv.ParseUint: parsing "99999": value out of range
[exit 1]
$ kubectl create service nodeport np --tcp=80:99999
error: must be between 1 and 65535, inclusive
[exit 1]
$ kubectl create service nodeport np --tcp=80:bad_name
error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)
[exit 1]
$ kubectl create service nodeport np --tcp=80 --node-port=abc
error: invalid argument "abc" for "--node-port" flag: strconv.ParseInt: parsing "abc": invalid syntax
See 'kubectl create service nodeport --help' for usage.
[exit 1]
$ kubectl create service nodeport np --tcp=80 --clusterip=None
error: unknown flag: --clusterip
See 'kubectl create service nodeport --help' for usage.
[exit 1]
$ kubectl create service clusterip x --tcp=80 -n nope
error: failed to create ClusterIP service: namespaces "nope" not found
[exit 1]
$ kubectl create service clusterip x --tcp=80 --dry-run=bogus
error: Invalid dry-run value (bogus). Must be "none", "server", or "client".
[exit 1]
$ kubectl create service nodepor x
error: unknown command "nodepor x"
See 'kubectl create service -h' for help and examples
[exit 1]
`);
  });

  test('without a subcommand: the help, on stderr with status 1', async () => {
    const k = kubectlSession();
    const t = await k.run('kubectl create service');
    expect([t.status, t.stdout, t.stderr]).toEqual([
      1,
      '',
      `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
    ]);
  });
});
