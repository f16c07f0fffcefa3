cat <<EOF > external-svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: externalname-svc
spec:
  type: ExternalName
  externalName: my.database.com
EOF
kubectl apply -f external-svc.yaml
kubectl get svc
kubectl get endpoints
kubectl run client --image=curlimages/curl --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- nslookup externalname-svc
kubectl exec client -- curl -s http://externalname-svc
kubectl exec client -- curl -s -H "Host: my.database.com" http://externalname-svc
kubesim trace
kubectl exec client -- curl -s http://externalname-svc.default.svc.cluster.local
kubectl create service externalname bad --external-name=not_a_dns_name
kubectl get configmap coredns -n kube-system -o jsonpath='{.data.Corefile}'
