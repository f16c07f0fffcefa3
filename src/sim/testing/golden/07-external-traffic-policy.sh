kubectl create deployment whoami --image=traefik/whoami --replicas=1 --port=80
kubectl rollout status deployment/whoami
kubectl get pods -o wide
kubectl expose deployment whoami --type=NodePort --port=80 --name=whoami
PORT=$(kubectl get svc whoami -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://172.18.0.3:$PORT | grep RemoteAddr
curl -s http://172.18.0.4:$PORT | grep RemoteAddr
kubectl patch svc whoami -p '{"spec":{"externalTrafficPolicy":"Local"}}'
kubectl get svc whoami -o jsonpath='{.spec.externalTrafficPolicy}{"\n"}'
curl -s --max-time 2 http://172.18.0.3:$PORT | grep RemoteAddr
curl -s --max-time 2 http://172.18.0.4:$PORT | grep RemoteAddr
kubesim trace -n 2
