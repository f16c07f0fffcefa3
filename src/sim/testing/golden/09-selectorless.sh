cat <<EOF > external-db.yaml
apiVersion: v1
kind: Service
metadata:
  name: external-db
spec:
  ports:
  - port: 80
    targetPort: 80
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external-db
subsets:
- addresses:
  - ip: 203.0.113.10
  ports:
  - port: 80
EOF
kubectl apply -f external-db.yaml
kubectl get svc,endpoints
kubectl get endpointslices
kubectl describe svc external-db
kubectl run client --image=busybox --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- wget -qO- http://external-db
kubectl exec client -- wget -qO- --header "Host: my.database.com" http://external-db
kubesim trace
