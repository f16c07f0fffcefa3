kubectl create deployment web --image=alicek106/rr-test:echo-hostname --replicas=3 --port=80
kubectl rollout status deployment/web
cat <<EOF > headless.yaml
apiVersion: v1
kind: Service
metadata:
  name: web-headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
EOF
kubectl apply -f headless.yaml
kubectl get svc web-headless
kubectl get endpoints web-headless
kubectl run client --image=busybox --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- nslookup web-headless
kubectl exec client -- wget -qO- http://web-headless
kubectl exec client -- nslookup web-headless.default.svc.cluster.local
