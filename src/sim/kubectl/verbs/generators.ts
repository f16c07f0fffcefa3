// the objects kubectl's generators build: `create deployment`, `create namespace`, `run`

import type { Container, Deployment, Namespace, Pod } from '../../api/types.ts';

/** the container name kubectl derives from an image: its last path segment without tag or digest */
export function containerNameFor(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0]!.split(':')[0]!;
}

export function deploymentFor(
  name: string,
  images: string[],
  replicas: number,
  port: number | undefined,
  namespace: string,
): Deployment {
  const labels = { app: name };
  const containers: Container[] = images.map((image) => ({
    name: containerNameFor(image),
    image,
    ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}), labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { labels }, spec: { containers } },
    },
    status: {},
  };
}

export function namespaceFor(name: string): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} as never };
}

export interface RunOptions {
  name: string;
  image: string;
  namespace: string;
  labels: Record<string, string>;
  port?: number;
  env: { name: string; value: string }[];
  command: boolean;
  args: string[];
  restart: 'Always' | 'OnFailure' | 'Never';
  stdin: boolean;
  tty: boolean;
  annotations: Record<string, string>;
}

export function podFor(o: RunOptions): Pod {
  const container: Container = { name: o.name, image: o.image };
  if (o.args.length > 0) {
    if (o.command) container.command = o.args;
    else container.args = o.args;
  }
  if (o.env.length > 0) container.env = o.env;
  if (o.port !== undefined) container.ports = [{ containerPort: o.port }];
  container.resources = {};
  if (o.stdin) container.stdin = true;
  if (o.stdin) (container as Container & { stdinOnce?: boolean }).stdinOnce = true;
  if (o.tty) container.tty = true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      labels: o.labels,
      ...(Object.keys(o.annotations).length > 0 ? { annotations: o.annotations } : {}),
    },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: o.restart },
    status: {},
  };
}
