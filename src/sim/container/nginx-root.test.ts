import { describe, expect, test } from 'vitest';
import { runKubectlScript } from '../testing/kubectl-session.ts';

describe('nginx serves the files under its root as they are in its container', () => {
  test("the image's own files until something changes them: the welcome page with the image's time, 50x.html, 404 for the rest", async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl run client --image=curlimages/curl --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/web pod/client
IP=$(kubectl get pod web -o jsonpath='{.status.podIP}')
kubectl exec client -- curl -sI $IP/
kubectl exec client -- curl -s -o /dev/null -w '%{http_code} ' $IP/50x.html
kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\\n' $IP/nope
`);
    expect(r.output).toBe(`pod/web created
pod/client created
pod/web condition met
pod/client condition met
HTTP/1.1 200 OK\r
Server: nginx/1.29.3\r
Date: Thu, 01 Jan 2026 09:00:02 GMT\r
Content-Type: text/html\r
Content-Length: 615\r
Last-Modified: Tue, 07 Oct 2025 17:04:07 GMT\r
Connection: keep-alive\r
ETag: "68e54807-267"\r
Accept-Ranges: bytes\r
\r
200 404
`);
  });

  test("a page written into each replica tells a Service's backends apart", async () => {
    const r = await runKubectlScript(`kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port=80
kubectl wait --for=condition=Available deploy/web
for p in $(kubectl get pods -l app=web -o name); do kubectl exec $p -- sh -c 'echo "served by $(hostname)" > /usr/share/nginx/html/index.html'; done
kubectl run client --image=curlimages/curl --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
for i in 1 2 3 4 5 6 7 8; do kubectl exec client -- curl -s web; done | sort | uniq -c
kubectl get pods -l app=web -o name
`);
    const pods = r.output
      .split('\n')
      .filter((line) => line.startsWith('pod/web-'))
      .map((line) => line.slice('pod/'.length));
    expect(pods).toHaveLength(2);
    const counts = r.output.split('\n').filter((line) => /^\s+\d+ served by /.test(line));
    expect(counts.map((line) => line.replace(/^\s+\d+ served by /, '')).sort()).toEqual([...pods].sort());
  });

  test("a file's type, time and size; a directory without its slash is a 301, without an index a 403", async () => {
    const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl wait --for=condition=Ready pod/web
kubectl exec web -- mkdir -p /usr/share/nginx/html/docs
sleep 5
kubectl exec web -- sh -c 'echo "{\\"ok\\":true}" > /usr/share/nginx/html/docs/a.json'
kubectl exec web -- curl -sI localhost/docs/a.json
kubectl exec web -- curl -si localhost/docs
kubectl exec web -- curl -s localhost/docs/
kubectl exec web -- rm /usr/share/nginx/html/index.html
kubectl exec web -- curl -s -o /dev/null -w '%{http_code}\\n' localhost/
`);
    expect(r.output).toBe(`pod/web created
pod/web condition met
HTTP/1.1 200 OK\r
Server: nginx/1.29.3\r
Date: Thu, 01 Jan 2026 09:00:07 GMT\r
Content-Type: application/json\r
Content-Length: 12\r
Last-Modified: Thu, 01 Jan 2026 09:00:07 GMT\r
Connection: keep-alive\r
ETag: "69563797-c"\r
Accept-Ranges: bytes\r
\r
HTTP/1.1 301 Moved Permanently\r
Server: nginx/1.29.3\r
Date: Thu, 01 Jan 2026 09:00:07 GMT\r
Content-Type: text/html\r
Content-Length: 169\r
Location: http://localhost/docs/\r
Connection: keep-alive\r
\r
<html>\r
<head><title>301 Moved Permanently</title></head>\r
<body>\r
<center><h1>301 Moved Permanently</h1></center>\r
<hr><center>nginx/1.29.3</center>\r
</body>\r
</html>\r
<html>\r
<head><title>403 Forbidden</title></head>\r
<body>\r
<center><h1>403 Forbidden</h1></center>\r
<hr><center>nginx/1.29.3</center>\r
</body>\r
</html>\r
403
`);
  });
});
