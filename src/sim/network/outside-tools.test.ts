// the learner's machine: outside the cluster, with curl, ping, nslookup, dig +short, docker
import { describe, expect, test } from 'vitest';
import { runKubesimScript } from '../testing/kubesim-script.ts';

describe('the learner’s machine', () => {
  test('reaches outside hosts and nodes by name or address, but no ClusterIP or pod IP', async () => {
    const r = await runKubesimScript(
      [
        'curl -s http://my.database.com/',
        'curl -s -H "Host: my.database.com" http://api.example.com/ | head -1',
        'curl --max-time 2 http://10.96.0.1:443/',
        'echo $?',
        'ping -c 1 172.18.0.3 | head -2',
        'nslookup my.database.com',
        'nslookup kubernetes.default.svc.cluster.local',
        'echo $?',
        'dig +short www.example.com',
        'dig www.example.com',
        'echo $?',
        'kubesim trace',
      ].join('\n'),
    );
    expect(r.output).toBe(
      '{"service":"my.database.com","status":"ok","engine":"postgres","version":"16.4"}\n' +
        '<html>\r\n' +
        'curl: (28) Connection timed out after 2001 milliseconds\n' +
        '28\n' +
        'PING 172.18.0.3 (172.18.0.3) 56(84) bytes of data.\n' +
        '64 bytes from 172.18.0.3: icmp_seq=1 ttl=64 time=' +
        r.output.split('icmp_seq=1 ttl=64 time=')[1]!.split('\n')[0] +
        '\n' +
        'Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\tmy.database.com\nAddress: 203.0.113.10\n\n' +
        "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN\n\n" +
        '1\n' +
        '203.0.113.30\n' +
        "kubesim: 'dig www.example.com' is not simulated on this machine; dig +short NAME [TYPE] is (a pod from registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 has the full dig)\n" +
        '1\n' +
        'outside → 10.96.0.1:443: no answer\n' +
        '  1. dropped: 10.96.0.1 is a ClusterIP: only nodes and pods route to it\n',
    );
  });

  test('docker lists the kind nodes and opens a node shell with kube-proxy’s rules', async () => {
    const r = await runKubesimScript(
      [
        'docker exec kind-worker hostname',
        'docker exec kind-worker ipvsadm -Ln',
        'docker exec nope bash',
        'docker exec kind-worker vi',
      ].join('\n'),
    );
    expect(r.output).toBe(
      'kind-worker\n' +
        'IP Virtual Server version 1.2.1 (size=4096)\n' +
        'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'Error response from daemon: No such container: nope\n' +
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "vi": executable file not found in $PATH: unknown\n',
    );
  });
});
