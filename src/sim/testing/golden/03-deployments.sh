kubectl create deployment web --image=nginx:1.26 --replicas=3
kubectl rollout status deployment/web
kubectl get deploy,rs
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl get rs
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=1
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
kubectl delete deployment web
kubectl get rs
