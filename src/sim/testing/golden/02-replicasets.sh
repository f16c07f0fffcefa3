cat > lonely.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: lonely
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
EOF
cat > rs.yaml <<'EOF'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
EOF
kubectl apply -f lonely.yaml
sleep 5
kubectl apply -f rs.yaml
sleep 10
kubectl get pods --show-labels
kubectl get rs
kubectl get pods -l app=web -o name | wc -l
kubectl label pod lonely app=debug --overwrite
sleep 10
kubectl get pods -L app
kubectl delete rs web
kubectl get pods
kubectl get rs
cat > bad-rs.yaml <<'EOF'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: broken
spec:
  replicas: 1
  selector:
    matchLabels:
      app: one
  template:
    metadata:
      labels:
        app: two
    spec:
      containers:
      - name: nginx
        image: nginx
EOF
kubectl apply -f bad-rs.yaml
echo $?
