// the container images the simulator knows and what each one does when it runs: which ports
// it listens on, what it logs, which commands exist inside it. any other image fails to
// pull, exactly as a typo in a real cluster does.

import { nginxVersionFor } from './http.ts';

export type ShellKind = 'bash' | 'sh';

export interface ImageInfo {
  /** the canonical reference the kubelet reports, e.g. docker.io/library/nginx:latest */
  reference: string;
  /** repo digest reported as imageID */
  imageID: string;
  sizeBytes: number;
  /** the image's default entrypoint + cmd */
  defaultCommand: string[];
  /** how many leading words of defaultCommand are ENTRYPOINT (kept when a pod sets only args) */
  entrypointLength: number;
  /** shells present, in the order `kubectl exec` would find them */
  shells: ShellKind[];
  /** commands that exist inside the image (besides shell builtins) */
  binaries: string[];
  /** what the default process prints at start (`{time}` is replaced by the start time) */
  startupLog: (ctx: { time: string }) => string[];
  /** ports the default process listens on */
  listens: number[];
  /** does PID 1 exit promptly on SIGTERM? (`sleep` as PID 1 does not: it waits for SIGKILL) */
  stopsOnSigterm: boolean;
}

interface ImageFamily {
  /** repository names this family answers to, without registry and tag */
  names: string[];
  /** tags that exist; null means any tag */
  tags: string[] | null;
  info: (reference: string) => ImageInfo;
}

const COREUTILS = [
  'cat',
  'ls',
  'env',
  'hostname',
  'echo',
  'sleep',
  'pwd',
  'mkdir',
  'rm',
  'touch',
  'head',
  'tail',
  'grep',
  'wc',
  'sort',
  'uniq',
  'cut',
  'tr',
  'seq',
  'sed',
  'awk',
  'xargs',
  'tee',
  'true',
  'false',
  'id',
  'date',
  'uname',
];

/** a stable fake digest per reference so imageID looks real and never changes */
function digestFor(reference: string): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (const ch of reference + round) h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}

function nginxLog({ time }: { time: string }, version: string): string[] {
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${time} [notice] 1#1: using the "epoll" event method`,
    `${time} [notice] 1#1: nginx/${version}`,
    `${time} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) `,
    `${time} [notice] 1#1: OS: Linux 6.12.48-cloud-amd64`,
    `${time} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${time} [notice] 1#1: start worker processes`,
    `${time} [notice] 1#1: start worker process 29`,
    `${time} [notice] 1#1: start worker process 30`,
  ];
}

const FAMILIES: ImageFamily[] = [
  {
    names: ['nginx', 'library/nginx'],
    tags: null,
    info: (reference) => ({
      reference,
      imageID: `docker.io/library/nginx@${digestFor(reference)}`,
      sizeBytes: 72_218_459,
      defaultCommand: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
      entrypointLength: 1,
      shells: ['bash', 'sh'],
      binaries: [...COREUTILS, 'curl', 'nginx'],
      startupLog: (ctx) => nginxLog(ctx, nginxVersionFor(reference)),
      listens: [80],
      stopsOnSigterm: true,
    }),
  },
  {
    names: ['busybox', 'library/busybox'],
    tags: null,
    info: (reference) => ({
      reference,
      imageID: `docker.io/library/busybox@${digestFor(reference)}`,
      sizeBytes: 2_223_685,
      defaultCommand: ['sh'],
      entrypointLength: 0,
      shells: ['sh'],
      binaries: [...COREUTILS, 'ps', 'wget', 'nslookup', 'ping', 'nc', 'ip', 'ifconfig', 'netstat', 'top', 'vi'],
      startupLog: () => [],
      listens: [],
      stopsOnSigterm: false,
    }),
  },
  {
    names: ['curlimages/curl'],
    tags: null,
    info: (reference) => ({
      reference,
      imageID: `docker.io/curlimages/curl@${digestFor(reference)}`,
      sizeBytes: 11_143_474,
      defaultCommand: ['/entrypoint.sh', 'curl'],
      entrypointLength: 1,
      shells: ['sh'],
      binaries: [...COREUTILS, 'curl', 'ps', 'wget', 'nslookup', 'ping'],
      startupLog: () => ["curl: try 'curl --help' or 'curl --manual' for more information"],
      listens: [],
      stopsOnSigterm: false,
    }),
  },
  {
    names: ['alicek106/rr-test'],
    tags: ['echo-hostname', 'curl'],
    info: (reference) => {
      const echo = reference.endsWith(':echo-hostname');
      return {
        reference,
        imageID: `docker.io/alicek106/rr-test@${digestFor(reference)}`,
        sizeBytes: echo ? 44_523_124 : 61_232_102,
        defaultCommand: echo ? ['nginx', '-g', 'daemon off;'] : ['/bin/sh'],
        entrypointLength: 0,
        shells: echo ? ['bash', 'sh'] : ['bash', 'sh'],
        binaries: echo ? [...COREUTILS, 'nginx', 'ps'] : [...COREUTILS, 'curl', 'ps', 'ping', 'nslookup'],
        startupLog: () => [],
        listens: echo ? [80] : [],
        stopsOnSigterm: echo,
      };
    },
  },
  {
    names: ['traefik/whoami'],
    tags: null,
    info: (reference) => ({
      reference,
      imageID: `docker.io/traefik/whoami@${digestFor(reference)}`,
      sizeBytes: 3_104_209,
      defaultCommand: ['/whoami'],
      entrypointLength: 1,
      // a scratch image: there is no shell inside at all
      shells: [],
      binaries: [],
      startupLog: () => ['Starting up on port 80'],
      listens: [80],
      stopsOnSigterm: true,
    }),
  },
];

export interface ParsedImage {
  /** e.g. docker.io */
  registry: string;
  /** e.g. library/nginx */
  repository: string;
  tag: string;
  /** the full reference the kubelet reports */
  reference: string;
}

/** splits an image name the way container runtimes normalise it */
export function parseImage(image: string): ParsedImage {
  let rest = image.split('@')[0]!;
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  const colon = rest.lastIndexOf(':');
  const tag = colon > rest.lastIndexOf('/') && colon >= 0 ? rest.slice(colon + 1) : 'latest';
  let repository = colon > rest.lastIndexOf('/') && colon >= 0 ? rest.slice(0, colon) : rest;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return { registry, repository, tag, reference: `${registry}/${repository}:${tag}` };
}

/** the cluster's own components: they run, serve their ports and stay quiet */
const SYSTEM_IMAGES: Record<string, { sizeBytes: number; listens: number[]; command: string[] }> = {
  'registry.k8s.io/coredns/coredns': { sizeBytes: 22_384_805, listens: [53, 8080, 8181, 9153], command: ['/coredns'] },
  'registry.k8s.io/etcd': { sizeBytes: 58_938_593, listens: [2379, 2380], command: ['etcd'] },
  'registry.k8s.io/kube-apiserver': { sizeBytes: 30_109_823, listens: [6443], command: ['kube-apiserver'] },
  'registry.k8s.io/kube-controller-manager': { sizeBytes: 27_014_426, listens: [10257], command: ['kube-controller-manager'] },
  'registry.k8s.io/kube-scheduler': { sizeBytes: 21_752_345, listens: [10259], command: ['kube-scheduler'] },
  'registry.k8s.io/kube-proxy': { sizeBytes: 31_929_115, listens: [10249, 10256], command: ['/usr/local/bin/kube-proxy'] },
  'docker.io/kindest/kindnetd': { sizeBytes: 44_375_501, listens: [], command: ['/bin/kindnetd'] },
};

function systemImage(parsed: ParsedImage): ImageInfo | null {
  const system = SYSTEM_IMAGES[`${parsed.registry}/${parsed.repository}`];
  if (!system) return null;
  return {
    reference: parsed.reference,
    imageID: `${parsed.registry}/${parsed.repository}@${digestFor(parsed.reference)}`,
    sizeBytes: system.sizeBytes,
    defaultCommand: system.command,
    entrypointLength: system.command.length,
    shells: [],
    binaries: [],
    startupLog: () => [],
    listens: system.listens,
    stopsOnSigterm: true,
  };
}

/** toolbox images from registries other than Docker Hub, by repository */
const REGISTRY_TOOLBOXES: Record<string, { tags: string[]; info: (reference: string) => ImageInfo }> = {
  // the Kubernetes DNS-debugging page's image: Debian jessie with dnsutils (dig, nslookup, host)
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': {
    tags: ['1.3'],
    info: (reference) => ({
      reference,
      imageID: `registry.k8s.io/e2e-test-images/jessie-dnsutils@${digestFor(reference)}`,
      sizeBytes: 73_821_466,
      defaultCommand: ['bash'],
      entrypointLength: 0,
      shells: ['bash', 'sh'],
      binaries: [...COREUTILS, 'dig', 'nslookup', 'host'],
      startupLog: () => [],
      listens: [],
      stopsOnSigterm: false,
    }),
  },
};

const cache = new Map<string, ImageInfo | null>();

/** the image's behaviour, or null when no such image exists (the pull fails) */
export function lookupImage(image: string): ImageInfo | null {
  let info = cache.get(image);
  if (info === undefined) {
    info = findImage(image);
    cache.set(image, info);
  }
  return info;
}

function findImage(image: string): ImageInfo | null {
  const parsed = parseImage(image);
  const system = systemImage(parsed);
  if (system) return system;
  const toolbox = REGISTRY_TOOLBOXES[`${parsed.registry}/${parsed.repository}`];
  if (toolbox) return toolbox.tags.includes(parsed.tag) ? toolbox.info(parsed.reference) : null;
  if (parsed.registry !== 'docker.io') return null;
  const short = parsed.repository.replace(/^library\//, '');
  for (const family of FAMILIES) {
    if (!family.names.includes(short) && !family.names.includes(parsed.repository)) continue;
    if (family.tags && !family.tags.includes(parsed.tag)) return null;
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(parsed.tag)) return null;
    return family.info(parsed.reference);
  }
  return null;
}
