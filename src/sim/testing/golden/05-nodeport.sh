kubectl create deployment hostname --image=alicek106/rr-test:echo-hostname --replicas=3 --port=80
kubectl rollout status deployment/hostname
cat <<EOF > hostname-svc-nodeport.yaml
apiVersion: v1
kind: Service
metadata:
  name: hostname-svc-nodeport
spec:
  ports:
    - name: web-port
      port: 8080
      targetPort: 80
  selector:
    app: hostname
  type: NodePort
EOF
kubectl apply -f hostname-svc-nodeport.yaml
kubectl get services
kubectl get nodes -o wide
PORT=$(kubectl get svc hostname-svc-nodeport -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://172.18.0.2:$PORT
curl -s http://172.18.0.3:$PORT
curl -s http://172.18.0.4:$PORT
kubesim trace
cat <<EOF > fixed.yaml
apiVersion: v1
kind: Service
metadata:
  name: fixed
spec:
  type: NodePort
  selector:
    app: hostname
  ports:
  - port: 8080
    targetPort: 80
    nodePort: 31000
EOF
kubectl apply -f fixed.yaml
kubectl get svc fixed
cat <<EOF > clash.yaml
apiVersion: v1
kind: Service
metadata:
  name: clash
spec:
  type: NodePort
  selector:
    app: hostname
  ports:
  - port: 80
    nodePort: 31000
EOF
kubectl apply -f clash.yaml
cat <<EOF > range.yaml
apiVersion: v1
kind: Service
metadata:
  name: range
spec:
  type: NodePort
  selector:
    app: hostname
  ports:
  - port: 80
    nodePort: 8080
EOF
kubectl apply -f range.yaml
kubectl expose deployment hostname --name=exposed --type=NodePort --port=80
kubectl get svc exposed
docker exec kind-worker iptables-save -t nat | grep "default/fixed"
curl -s --max-time 2 http://172.18.0.3:31000
kubectl patch svc fixed -p '{"spec":{"sessionAffinity":"ClientIP"}}'
