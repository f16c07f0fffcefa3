kubectl create deployment hostname --image=alicek106/rr-test:echo-hostname --replicas=3 --port=80
kubectl rollout status deployment/hostname
cat <<EOF > hostname-svc-lb.yaml
apiVersion: v1
kind: Service
metadata:
  name: hostname-svc-lb
spec:
  ports:
    - name: web-port
      port: 80
      targetPort: 80
  selector:
    app: hostname
  type: LoadBalancer
EOF
kubectl apply -f hostname-svc-lb.yaml
kubectl get svc hostname-svc-lb
sleep 10
kubectl get svc hostname-svc-lb
kubectl describe svc hostname-svc-lb
LB=$(kubectl get svc hostname-svc-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
curl -s http://$LB
curl -s http://$LB
kubesim trace
cat <<EOF > hostname-svc-nlb.yaml
apiVersion: v1
kind: Service
metadata:
  name: hostname-svc-nlb
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: "nlb"
spec:
  ports:
    - name: web-port
      port: 80
      targetPort: 80
  selector:
    app: hostname
  type: LoadBalancer
EOF
kubectl apply -f hostname-svc-nlb.yaml
sleep 10
kubectl get svc
kubectl delete svc hostname-svc-lb hostname-svc-nlb
kubectl get svc
