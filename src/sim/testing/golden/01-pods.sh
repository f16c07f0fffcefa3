cat > nginx-pod.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
      protocol: TCP
EOF
kubectl apply -f nginx-pod.yaml
kubectl get pods
sleep 10
kubectl get pods
kubectl get pod web -o wide
kubectl apply -f nginx-pod.yaml
kubectl get pod web -o jsonpath='{.status.phase} {.spec.containers[0].image}{"\n"}'
kubectl get po web -o name
kubectl get pod missing
echo $?
kubectl get pods,nodes
kubectl delete -f nginx-pod.yaml
kubectl get pods
kubectl run typo --image=ngnix
sleep 30
kubectl get pods
kubectl delete pod typo --now
cat > sidecar.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
  - name: sidecar
    image: alicek106/rr-test:curl
    command: ["tail"]
    args: ["-f", "/dev/null"]
EOF
kubectl apply -f sidecar.yaml
sleep 10
kubectl get pod pair
kubectl exec pair -c sidecar -- curl -s localhost
kubectl exec pair -c sidecar -- curl -sI localhost/nope
kubectl exec pair -c sidecar -- curl -s localhost:8080
echo $?
kubectl exec pair -c sidecar -- curl localhost:8080
kubectl exec pair -c sidecar -- curl -s http://pair.default.svc.cluster.local
kubectl logs pair -c nginx --tail=2
