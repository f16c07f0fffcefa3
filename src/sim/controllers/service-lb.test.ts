// the simulated cloud load-balancer provider: a LoadBalancer Service waits `<pending>` for a
// moment, then gets an address from the pool with the service controller's events; the address
// goes back when the Service stops wanting it; without a provider the Service waits forever
import { describe, expect, test } from 'vitest';
import { kubectl } from '../kubectl/kubectl.ts';
import { kubectlSession, type KubectlSession } from '../kubectl/verbs/session.test-helper.ts';
import { createSession } from '../shell/index.ts';
import { runScript } from '../testing/run-script.ts';
import { createWorld, PRESETS } from '../world.ts';

const LB = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: nlb
spec:
  type: LoadBalancer
  clusterIP: 10.96.100.40
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
`;

const LB_IPS = `apiVersion: v1
kind: Service
metadata:
  name: fixed
spec:
  type: LoadBalancer
  loadBalancerIP: 172.18.255.210
  clusterIP: 10.96.100.41
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30081
---
apiVersion: v1
kind: Service
metadata:
  name: outside
spec:
  type: LoadBalancer
  loadBalancerIP: 192.0.2.50
  clusterIP: 10.96.100.42
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30082
---
apiVersion: v1
kind: Service
metadata:
  name: elsewhere
spec:
  type: LoadBalancer
  loadBalancerClass: example.com/other-lb
  clusterIP: 10.96.100.43
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30083
`;

/** a learner's session on a fresh default cluster, with these files in the home directory */
async function withFiles(files: Record<string, string>): Promise<KubectlSession> {
  const k = kubectlSession();
  for (const [name, content] of Object.entries(files)) await k.run(`cat <<EOF > ${name}\n${content}EOF`);
  return k;
}

/** the same on a cluster started with the on-premises preset: no load-balancer provider */
async function onPremises(files: Record<string, string>): Promise<Pick<KubectlSession, 'transcript'>> {
  const world = createWorld(1, undefined, PRESETS['on-premises']);
  const session = createSession({ clock: world.cluster.clock, seed: 1, world, commands: [kubectl] });
  const run = (script: string) => runScript(script, 1, session);
  for (const [name, content] of Object.entries(files)) await run(`cat <<EOF > ${name}\n${content}EOF`);
  const transcript = async (script: string) => {
    let text = '';
    for (const line of script.split('\n')) {
      if (line.trim() === '') continue;
      const t = await run(line);
      text += `$ ${line}\n${t.output}${t.status !== 0 ? `[exit ${t.status}]\n` : ''}`;
    }
    return text;
  };
  return { transcript };
}

describe('LoadBalancer Services', () => {
  test('<pending>, then an address from the pool; a type change gives it back', async () => {
    const k = await withFiles({ 'lb.yaml': LB });
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl apply -f lb.yaml
kubectl get svc web
sleep 1
kubectl describe svc web
sleep 1
kubectl get svc web -o wide
kubectl describe svc web
kubectl get svc web -o jsonpath='{.metadata.finalizers}{"\\n"}{.status}{"\\n"}'
kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'
kubectl get svc web
kubectl describe svc web
kubectl patch svc web -p '{"spec":{"type":"LoadBalancer"}}'
sleep 2
kubectl get svc web
kubectl delete svc web
kubectl get svc
`),
    ).toBe(`$ kubectl create deployment web --image=nginx:1.27 --replicas=2
deployment.apps/web created
$ kubectl apply -f lb.yaml
service/web created
$ kubectl get svc web
NAME   TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE
web    LoadBalancer   10.96.100.40   <pending>     80:30080/TCP   0s
$ sleep 1
$ kubectl describe svc web
Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              service.beta.kubernetes.io/aws-load-balancer-type: nlb
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.40
IPs:                      10.96.100.40
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:
  Type    Reason                Age   From                Message
  ----    ------                ----  ----                -------
  Normal  EnsuringLoadBalancer  1s    service-controller  Ensuring load balancer
$ sleep 1
$ kubectl get svc web -o wide
NAME   TYPE           CLUSTER-IP     EXTERNAL-IP      PORT(S)        AGE   SELECTOR
web    LoadBalancer   10.96.100.40   172.18.255.200   80:30080/TCP   2s    app=web
$ kubectl describe svc web
Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              service.beta.kubernetes.io/aws-load-balancer-type: nlb
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.40
IPs:                      10.96.100.40
LoadBalancer Ingress:     172.18.255.200 (VIP)
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                10.244.2.2:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:
  Type    Reason                Age   From                Message
  ----    ------                ----  ----                -------
  Normal  EnsuringLoadBalancer  2s    service-controller  Ensuring load balancer
  Normal  EnsuredLoadBalancer   0s    service-controller  Ensured load balancer
$ kubectl get svc web -o jsonpath='{.metadata.finalizers}{"\\n"}{.status}{"\\n"}'
["service.kubernetes.io/load-balancer-cleanup"]
{"loadBalancer":{"ingress":[{"ip":"172.18.255.200","ipMode":"VIP"}]}}
$ kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'
service/web patched
$ kubectl get svc web
NAME   TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
web    ClusterIP   10.96.100.40   <none>        80/TCP    2s
$ kubectl describe svc web
Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              service.beta.kubernetes.io/aws-load-balancer-type: nlb
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.40
IPs:                      10.96.100.40
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
Endpoints:                10.244.2.2:80
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:
  Type    Reason                Age   From                Message
  ----    ------                ----  ----                -------
  Normal  EnsuringLoadBalancer  2s    service-controller  Ensuring load balancer
  Normal  EnsuredLoadBalancer   0s    service-controller  Ensured load balancer
  Normal  Type                  0s    service-controller  LoadBalancer -> ClusterIP
  Normal  DeletingLoadBalancer  0s    service-controller  Deleting load balancer
  Normal  DeletedLoadBalancer   0s    service-controller  Deleted load balancer
$ kubectl patch svc web -p '{"spec":{"type":"LoadBalancer"}}'
service/web patched
$ sleep 2
$ kubectl get svc web
NAME   TYPE           CLUSTER-IP     EXTERNAL-IP      PORT(S)        AGE
web    LoadBalancer   10.96.100.40   172.18.255.200   80:31785/TCP   4s
$ kubectl delete svc web
service "web" deleted from default namespace
$ kubectl get svc
NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m4s
`);
  });

  test('loadBalancerIP is honoured inside the pool and refused outside it; another loadBalancerClass is left alone', async () => {
    const k = await withFiles({ 'lb.yaml': LB_IPS });
    expect(
      await k.transcript(`
kubectl apply -f lb.yaml
sleep 3
kubectl get svc
kubectl describe svc outside
kubectl describe svc elsewhere
`),
    ).toBe(`$ kubectl apply -f lb.yaml
service/fixed created
service/outside created
service/elsewhere created
$ sleep 3
$ kubectl get svc
NAME         TYPE           CLUSTER-IP     EXTERNAL-IP      PORT(S)        AGE
elsewhere    LoadBalancer   10.96.100.43   <pending>        80:30083/TCP   3s
fixed        LoadBalancer   10.96.100.41   172.18.255.210   80:30081/TCP   3s
kubernetes   ClusterIP      10.96.0.1      <none>           443/TCP        5m3s
outside      LoadBalancer   10.96.100.42   <pending>        80:30082/TCP   3s
$ kubectl describe svc outside
Name:                     outside
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.42
IPs:                      10.96.100.42
Desired LoadBalancer IP:  192.0.2.50
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30082/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:
  Type     Reason                  Age   From                Message
  ----     ------                  ----  ----                -------
  Normal   EnsuringLoadBalancer    3s    service-controller  Ensuring load balancer
  Warning  SyncLoadBalancerFailed  1s    service-controller  Error syncing load balancer: failed to ensure load balancer: "192.0.2.50" is not allowed in config
$ kubectl describe svc elsewhere
Name:                     elsewhere
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.43
IPs:                      10.96.100.43
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30083/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  test('on premises, with no provider, the external IP stays <pending>', async () => {
    const k = await onPremises({ 'lb.yaml': LB });
    expect(
      await k.transcript(`
kubectl apply -f lb.yaml
sleep 60
kubectl get svc web
kubectl describe svc web
`),
    ).toBe(`$ kubectl apply -f lb.yaml
service/web created
$ sleep 60
$ kubectl get svc web
NAME   TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE
web    LoadBalancer   10.96.100.40   <pending>     80:30080/TCP   60s
$ kubectl describe svc web
Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              service.beta.kubernetes.io/aws-load-balancer-type: nlb
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.100.40
IPs:                      10.96.100.40
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  30080/TCP
Endpoints:                
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });
});
