// nginx run beside a container's own nginx: outputs as nginx 1.27 prints them (nginx.c's
// ngx_get_options and ngx_show_version_info; the official image's paths)
import { expect, test } from 'vitest';
import { runKubectlScript } from '../testing/kubectl-session.ts';

test('nginx -v, -h and -t answer as the image tag’s nginx does (so does NGINX_VERSION); their refusals use nginx’s words', async () => {
  const r = await runKubectlScript(`kubectl run web --image=nginx:1.27
kubectl wait --for=condition=ready pod/web
kubectl exec web -- nginx -v; echo "rc=$?"
kubectl exec web -- printenv NGINX_VERSION
kubectl exec web -- nginx -t; echo "rc=$?"
kubectl exec web -- nginx -tq; echo "rc=$?"
kubectl exec web -- nginx -vt
kubectl exec web -- nginx -?
kubectl exec web -- nginx -x
kubectl exec web -- nginx stop
kubectl exec web -- nginx -c
kubectl exec web -- nginx -s
kubectl exec web -- nginx -s restart
`);
  expect(r.output).toBe(`pod/web created
pod/web condition met
nginx version: nginx/1.27.5
rc=0
1.27.5
nginx: the configuration file /etc/nginx/nginx.conf syntax is ok
nginx: configuration file /etc/nginx/nginx.conf test is successful
rc=0
rc=0
nginx version: nginx/1.27.5
nginx: the configuration file /etc/nginx/nginx.conf syntax is ok
nginx: configuration file /etc/nginx/nginx.conf test is successful
nginx version: nginx/1.27.5
Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /etc/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

nginx: invalid option: "x"
command terminated with exit code 1
nginx: invalid option: "stop"
command terminated with exit code 1
nginx: option "-c" requires file name
command terminated with exit code 1
nginx: option "-s" requires parameter
command terminated with exit code 1
nginx: invalid option: "-s restart"
command terminated with exit code 1
`);
});

test('mainline nginx for an untagged image; what needs more than that says it is not simulated', async () => {
  const r = await runKubectlScript(`kubectl run web --image=nginx
kubectl run echo --image=alicek106/rr-test:echo-hostname
kubectl wait --for=condition=ready pod/web pod/echo
kubectl exec web -- nginx -v
kubectl exec web -- nginx -s reload
kubectl exec web -- nginx -V
kubectl exec web -- nginx -T
kubectl exec web -- nginx -t -c /tmp/other.conf
kubectl exec web -- nginx
kubectl exec web -- sh -c 'echo "server { listen 8080; }" > /etc/nginx/conf.d/extra.conf; nginx -t'
kubectl exec echo -- nginx -v
`);
  expect(r.output).toBe(`pod/web created
pod/echo created
pod/web condition met
pod/echo condition met
nginx version: nginx/1.29.3
kubesim: nginx -s reload (signalling the running nginx) inside a container is not simulated yet
command terminated with exit code 1
kubesim: nginx -V (the image's build options) inside a container is not simulated yet
command terminated with exit code 1
kubesim: nginx -T (the configuration dump) inside a container is not simulated yet
command terminated with exit code 1
kubesim: nginx -t with -c inside a container is not simulated yet
command terminated with exit code 1
kubesim: starting a second nginx inside a container is not simulated yet
command terminated with exit code 1
kubesim: nginx -t on a changed configuration inside a container is not simulated yet
command terminated with exit code 1
kubesim: 'nginx' inside a container is not simulated yet
command terminated with exit code 1
`);
});
