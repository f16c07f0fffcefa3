// nslookup and dig inside pods, whole outputs: busybox's nslookup (1.37) in a busybox pod, and
// BIND 9.9's nslookup and dig in the jessie-dnsutils image the DNS-debugging docs use
import { describe, expect, test } from 'vitest';
import { runDnsScript } from './dns-tools-harness.ts';
import { kubectlSession } from '../testing/kubectl-session.ts';

describe('busybox nslookup in a busybox pod', () => {
  test('a short name: A and AAAA under every search domain, each reply printed, exit status 1 for the misses', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup web')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

Name:\tweb.default.svc.cluster.local
Address: 10.96.10.10

** server can't find web.svc.cluster.local: NXDOMAIN

** server can't find web.cluster.local: NXDOMAIN


** server can't find web.svc.cluster.local: NXDOMAIN

** server can't find web.cluster.local: NXDOMAIN

command terminated with exit code 1
`,
    );
  });

  test('a name with a dot is asked as it is: another namespace by its full name', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup cart.shop.svc.cluster.local')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

Name:\tcart.shop.svc.cluster.local
Address: 10.96.20.20


`,
    );
  });

  test('a headless Service: one address per ready endpoint', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup db')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

Name:\tdb.default.svc.cluster.local
Address: 10.244.2.6
Name:\tdb.default.svc.cluster.local
Address: 10.244.1.5

** server can't find db.svc.cluster.local: NXDOMAIN

** server can't find db.cluster.local: NXDOMAIN


** server can't find db.svc.cluster.local: NXDOMAIN

** server can't find db.cluster.local: NXDOMAIN

command terminated with exit code 1
`,
    );
  });

  test('an ExternalName Service: the CNAME and the outside address, not authoritative upstream', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup pg.default.svc.cluster.local')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

pg.default.svc.cluster.local\tcanonical name = my.database.com
Name:\tmy.database.com
Address: 203.0.113.10

pg.default.svc.cluster.local\tcanonical name = my.database.com

`,
    );
  });

  test('-type=srv', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup -type=srv _http._tcp.web.default.svc.cluster.local')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

_http._tcp.web.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local

`,
    );
  });

  test('NXDOMAIN for both questions', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup nope.default.svc.cluster.local')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

** server can't find nope.default.svc.cluster.local: NXDOMAIN

** server can't find nope.default.svc.cluster.local: NXDOMAIN

command terminated with exit code 1
`,
    );
  });

  test('an address is looked up by its PTR name', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup 10.96.10.10')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

10.10.96.10.in-addr.arpa\tname = web.default.svc.cluster.local

`,
    );
  });

  test('an outside name: forwarded, so not authoritative', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup www.example.com')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

Non-authoritative answer:
Name:\twww.example.com
Address: 203.0.113.30

Non-authoritative answer:

`,
    );
  });

  test('a server on the command line: resolv.conf is not read, so no search list', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup web 10.96.0.10')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10:53

** server can't find web: NXDOMAIN

** server can't find web: NXDOMAIN

command terminated with exit code 1
`,
    );
  });

  test('a server that never answers', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup web 10.1.2.3')).toBe(
      `;; connection timed out; no servers could be reached

command terminated with exit code 1
`,
    );
  });

  test("no host: busybox's usage", async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup')).toBe(
      `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
command terminated with exit code 1
`,
    );
  });

  test('an unknown query type', async () => {
    expect(await runDnsScript('kubectl exec client -- nslookup -type=foo web')).toBe(
      `nslookup: invalid query type "foo"
command terminated with exit code 1
`,
    );
  });
});

describe('BIND nslookup in jessie-dnsutils', () => {
  test('a short name through the search list: only the answer is printed', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup web')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

Name:\tweb.default.svc.cluster.local
Address: 10.96.10.10

`,
    );
  });

  test('<svc>.<ns> through the second search domain', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup cart.shop')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

Name:\tcart.shop.svc.cluster.local
Address: 10.96.20.20

`,
    );
  });

  test('NXDOMAIN after the whole search list names what was typed', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup nope')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

** server can't find nope: NXDOMAIN

command terminated with exit code 1
`,
    );
  });

  test('-type=srv with a relative name', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup -type=srv _http._tcp.web')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

_http._tcp.web.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local.

`,
    );
  });

  test('NODATA: no answer', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup -type=aaaa web')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

*** Can't find web: No answer

`,
    );
  });

  test('an outside name: non-authoritative', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup www.example.com')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

Non-authoritative answer:
Name:\twww.example.com
Address: 203.0.113.30

`,
    );
  });

  test("a type the outside name lacks: the authority's SOA", async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup -type=mx www.example.com')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

Non-authoritative answer:
*** Can't find www.example.com: No answer

Authoritative answers can be found from:
example.com
\torigin = ns1.example.com
\tmail addr = hostmaster.example.com
\tserial = 2026010101
\trefresh = 7200
\tretry = 3600
\texpire = 1209600
\tminimum = 300

`,
    );
  });

  test('an endpoint address names the endpoint', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup 10.244.2.6')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

6.2.244.10.in-addr.arpa\tname = 10-244-2-6.db.default.svc.cluster.local.

`,
    );
  });

  test('an ExternalName alias', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- nslookup pg')).toBe(
      `Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

pg.default.svc.cluster.local\tcanonical name = my.database.com.
Name:\tmy.database.com
Address: 203.0.113.10

`,
    );
  });
});

describe('dig in jessie-dnsutils', () => {
  test('no search list by default: web. is forwarded and does not exist', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig web')).toBe(
      `
; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> web
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 314
;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 4096
;; QUESTION SECTION:
;web.\t\t\t\tIN\tA

;; AUTHORITY SECTION:
.\t\t\t30\tIN\tSOA\ta.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400

;; Query time: 23 msec
;; SERVER: 10.96.0.10#53(10.96.0.10)
;; WHEN: Thu Jan 01 09:00:10 UTC 2026
;; MSG SIZE  rcvd: 107

`,
    );
  });

  test('+search finds the Service; CoreDNS is authoritative and offers no recursion', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig +search web')).toBe(
      `
; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> +search web
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 314
;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 4096
;; QUESTION SECTION:
;web.default.svc.cluster.local.\tIN\tA

;; ANSWER SECTION:
web.default.svc.cluster.local. 30 IN\tA\t10.96.10.10

;; Query time: 1 msec
;; SERVER: 10.96.0.10#53(10.96.0.10)
;; WHEN: Thu Jan 01 09:00:10 UTC 2026
;; MSG SIZE  rcvd: 103

`,
    );
  });

  test('+short: the addresses only', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig +short db.default.svc.cluster.local')).toBe(
      `10.244.2.6
10.244.1.5
`,
    );
  });

  test("@server and -t srv: the target's address in the additional section", async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig @10.96.0.10 -t srv _http._tcp.web.default.svc.cluster.local')).toBe(
      `
; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> @10.96.0.10 -t srv _http._tcp.web.default.svc.cluster.local
; (1 server found)
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 314
;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 2
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 4096
;; QUESTION SECTION:
;_http._tcp.web.default.svc.cluster.local. IN SRV

;; ANSWER SECTION:
_http._tcp.web.default.svc.cluster.local. 30 IN\tSRV 0 100 80 web.default.svc.cluster.local.

;; ADDITIONAL SECTION:
web.default.svc.cluster.local. 30 IN\tA\t10.96.10.10

;; Query time: 1 msec
;; SERVER: 10.96.0.10#53(10.96.0.10)
;; WHEN: Thu Jan 01 09:00:10 UTC 2026
;; MSG SIZE  rcvd: 203

`,
    );
  });

  test('+noall +answer: the CNAME chain of an alias', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig +noall +answer pg.default.svc.cluster.local')).toBe(
      `pg.default.svc.cluster.local. 30 IN\tCNAME\tmy.database.com.
my.database.com.\t30\tIN\tA\t203.0.113.10
`,
    );
  });

  test('NXDOMAIN with the cluster.local SOA', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig nope.default.svc.cluster.local')).toBe(
      `
; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> nope.default.svc.cluster.local
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 314
;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1
;; WARNING: recursion requested but not available

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 4096
;; QUESTION SECTION:
;nope.default.svc.cluster.local.\tIN\tA

;; AUTHORITY SECTION:
cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1767258000 7200 1800 86400 30

;; Query time: 1 msec
;; SERVER: 10.96.0.10#53(10.96.0.10)
;; WHEN: Thu Jan 01 09:00:10 UTC 2026
;; MSG SIZE  rcvd: 152

`,
    );
  });

  test('-x: the reverse name of the kube-dns ClusterIP', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig -x 10.96.0.10 +short')).toBe(
      `kube-dns.kube-system.svc.cluster.local.
`,
    );
  });

  test('a server that never answers: exit status 9', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig @10.1.2.3 web.default.svc.cluster.local')).toBe(
      `
; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> @10.1.2.3 web.default.svc.cluster.local
; (1 server found)
;; global options: +cmd
;; connection timed out; no servers could be reached
command terminated with exit code 9
`,
    );
  });

  test('an unknown +option', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig +bogus')).toBe(
      `Invalid option: +bogus
Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}
            {global-d-opt} host [@local-server] {local-d-opt}
            [ host [@local-server] {local-d-opt} [...]]

Use "dig -h" (or "dig -h | more") for complete list of options
command terminated with exit code 1
`,
    );
  });

  test('-v', async () => {
    expect(await runDnsScript('kubectl exec dnsutils -- dig -v')).toBe(
      `DiG 9.9.5-9+deb8u19-Debian
`,
    );
  });
});

describe('/etc/resolv.conf and the tools agree', () => {
  const CLUSTER_FIRST =
    'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';

  test('the ClusterFirst file is what it always was, in every image', async () => {
    expect(await runDnsScript('kubectl exec client -- cat /etc/resolv.conf\nkubectl exec dnsutils -- cat /etc/resolv.conf')).toBe(
      CLUSTER_FIRST + CLUSTER_FIRST,
    );
  });

  test("a Default-policy pod gets the node's file and resolves outside names only", async () => {
    const manifest = [
      'cat <<EOF | kubectl apply -f -',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: hostdns',
      'spec:',
      '  dnsPolicy: Default',
      '  containers:',
      '  - name: c',
      '    image: busybox',
      '    command: ["sleep", "3600"]',
      'EOF',
      'sleep 5',
    ].join('\n');
    expect(
      await runDnsScript(
        `${manifest}\nkubectl exec hostdns -- cat /etc/resolv.conf\nkubectl exec hostdns -- nslookup www.example.com\nkubectl exec hostdns -- nslookup kubernetes.default.svc.cluster.local`,
      ),
    ).toBe(
      `pod/hostdns created
nameserver 172.18.0.1
options ndots:0
Server:\t\t172.18.0.1
Address:\t172.18.0.1:53

Non-authoritative answer:
Name:\twww.example.com
Address: 203.0.113.30

Non-authoritative answer:

Server:\t\t172.18.0.1
Address:\t172.18.0.1:53

** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN

** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN

command terminated with exit code 1
`,
    );
  });

  test('the tools read the file as it is now: an edited one sends them elsewhere', async () => {
    expect(
      await runDnsScript(
        'kubectl exec client -- sh -c "echo nameserver 172.18.0.1 > /etc/resolv.conf"\nkubectl exec client -- nslookup web.default.svc.cluster.local',
      ),
    ).toBe(`Server:\t\t172.18.0.1
Address:\t172.18.0.1:53

** server can't find web.default.svc.cluster.local: NXDOMAIN

** server can't find web.default.svc.cluster.local: NXDOMAIN

command terminated with exit code 1
`);
  });

  test('an unknown image tag of the dnsutils image fails to pull, as any missing tag does', async () => {
    const { session } = kubectlSession(1);
    let output = '';
    const out = { stdout: (t: string) => void (output += t), stderr: (t: string) => void (output += t) };
    await session.feedLine('kubectl run d --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:9.9 -- sleep infinity', out);
    await session.feedLine('sleep 10', out);
    await session.feedLine('kubectl get pod d', out);
    expect(output).toBe(
      'pod/d created\nNAME   READY   STATUS             RESTARTS   AGE\nd      0/1     ImagePullBackOff   0          10s\n',
    );
  });
});

describe('BIND 9.11 nslookup in the Ubuntu toolbox (alicek106/rr-test:curl)', () => {
  test('the AAAA lookup 9.11 adds after an A prints nothing when there is no AAAA', async () => {
    expect(
      await runDnsScript(
        'kubectl run tb --image=alicek106/rr-test:curl --restart=Never -- sleep 3600\nsleep 5\nkubectl exec tb -- nslookup pg\nkubectl exec tb -- nslookup nope',
      ),
    ).toBe(`pod/tb created
Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

pg.default.svc.cluster.local\tcanonical name = my.database.com.
Name:\tmy.database.com
Address: 203.0.113.10

Server:\t\t10.96.0.10
Address:\t10.96.0.10#53

** server can't find nope: NXDOMAIN

command terminated with exit code 1
`);
  });
});
