cat <<EOF > deployment-hostname.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hostname-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: webserver
  template:
    metadata:
      name: my-webserver
      labels:
        app: webserver
    spec:
      containers:
      - name: my-webserver
        image: alicek106/rr-test:echo-hostname
        ports:
        - containerPort: 80
EOF
cat <<EOF > hostname-svc-clusterip.yaml
apiVersion: v1
kind: Service
metadata:
  name: hostname-svc-clusterip
spec:
  ports:
    - name: web-port
      port: 8080
      targetPort: 80
  selector:
    app: webserver
  type: ClusterIP
EOF
kubectl apply -f deployment-hostname.yaml
kubectl rollout status deployment/hostname-deployment
kubectl get pods -o wide
kubectl apply -f hostname-svc-clusterip.yaml
kubectl get services
kubectl get endpoints
kubectl get endpointslices
kubectl describe service hostname-svc-clusterip
kubectl run client --image=busybox --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- wget -qO- http://hostname-svc-clusterip:8080
kubectl exec client -- wget -qO- http://hostname-svc-clusterip:8080
kubectl exec client -- wget -qO- http://hostname-svc-clusterip:8080
kubectl exec client -- wget -qO- http://hostname-svc-clusterip.default.svc.cluster.local:8080
kubesim trace
kubectl exec client -- nslookup hostname-svc-clusterip
kubectl exec client -- cat /etc/resolv.conf
kubectl run late --image=busybox --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/late
kubectl exec late -- env | grep HOSTNAME_SVC_CLUSTERIP | sort
kubectl exec deploy/hostname-deployment -- env | grep -c HOSTNAME_SVC_CLUSTERIP
curl --max-time 3 http://$(kubectl get svc hostname-svc-clusterip -o jsonpath='{.spec.clusterIP}'):8080
echo $?
kubectl scale deployment hostname-deployment --replicas=0
kubectl get endpoints hostname-svc-clusterip
sleep 2
kubectl exec client -- wget -qO- http://hostname-svc-clusterip:8080
kubectl delete service hostname-svc-clusterip
kubectl get endpoints
