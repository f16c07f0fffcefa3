import { describe, expect, test } from 'vitest';
import { whoamiRespond } from './http.ts';

describe('traefik/whoami', () => {
  test('its own lines end in LF; the request follows as Go writes it: CRLF, Host, User-Agent, the rest sorted', () => {
    const response = whoamiRespond(
      {
        method: 'GET',
        path: '/',
        host: 'who',
        headers: [
          ['Host', 'who'],
          ['User-Agent', 'curl/8.17.0'],
          ['X-Trace', '1'],
          ['Accept', '*/*'],
        ],
        clientIp: '10.244.1.3',
        clientPort: 40123,
        serverIp: '10.244.2.2',
        serverPort: 80,
        now: Date.UTC(2026, 0, 1),
      },
      { hostname: 'who-1', ips: ['10.244.2.2'] },
    );
    expect(response.body).toBe(
      'Hostname: who-1\nIP: 127.0.0.1\nIP: 10.244.2.2\nRemoteAddr: 10.244.1.3:40123\n' +
        'GET / HTTP/1.1\r\nHost: who\r\nUser-Agent: curl/8.17.0\r\nAccept: */*\r\nX-Trace: 1\r\n\r\n',
    );
  });
});
