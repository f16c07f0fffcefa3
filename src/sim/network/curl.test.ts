import { describe, expect, test } from 'vitest';
import { runKubesimScript } from '../testing/kubesim-script.ts';

const POD = `kubectl run web --image=nginx:1.27
sleep 10
`;

describe('curl inside a pod', () => {
  test('prints the page, or only the status code with -w', async () => {
    const { output } = await runKubesimScript(
      `${POD}kubectl exec web -- curl -s -o /dev/null -w '%{http_code}\\n' localhost\nkubectl exec web -- curl -s localhost/missing`,
    );
    expect(output).toBe(
      'pod/web created\n200\n<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n',
    );
  });

  test('fails with curl’s own codes and messages', async () => {
    const { output } = await runKubesimScript(
      `${POD}kubectl exec web -- curl -f localhost/missing\necho $?\nkubectl exec web -- curl\nkubectl exec web -- curl --bogus localhost\nkubectl exec web -- curl -s localhost:81\necho $?`,
    );
    expect(output).toBe(
      [
        'pod/web created',
        'curl: (22) The requested URL returned error: 404',
        'command terminated with exit code 22',
        '22',
        'curl: no URL specified',
        "curl: try 'curl --help' or 'curl --manual' for more information",
        'command terminated with exit code 2',
        'curl: option --bogus: is unknown',
        "curl: try 'curl --help' or 'curl --manual' for more information",
        'command terminated with exit code 2',
        'command terminated with exit code 7',
        '7',
        '',
      ].join('\n'),
    );
  });
});
