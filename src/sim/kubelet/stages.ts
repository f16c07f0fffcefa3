// the pod lifecycle as data: how long each step takes and the exact reasons and messages the
// kubelet and containerd report, so timings and texts live in one place

/** pulling an image takes a moment; a cached image is found at once */
export const PULL_MS = { min: 600, max: 2400 } as const;
/** sandbox + container creation after the image is there */
export const CREATE_MS = 150;
/** restart back-off doubles from 10 s up to 5 min, as the kubelet's CrashLoopBackOff does */
export const BACKOFF_START_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** a pod sync that failed (CreateContainerConfigError) is tried again after this, plus up to half again (pod_workers.go) */
export const SYNC_BACKOFF_MS = 10_000;
/** a container that ran this long without failing resets its back-off */
export const BACKOFF_RESET_MS = 600_000;

export const REASON = {
  containerCreating: 'ContainerCreating',
  errImagePull: 'ErrImagePull',
  imagePullBackOff: 'ImagePullBackOff',
  crashLoopBackOff: 'CrashLoopBackOff',
  createContainerConfigError: 'CreateContainerConfigError',
  completed: 'Completed',
  error: 'Error',
  startError: 'StartError',
  containersNotReady: 'ContainersNotReady',
  podCompleted: 'PodCompleted',
} as const;

export function pullingMessage(image: string): string {
  return `Pulling image "${image}"`;
}

export function pulledMessage(image: string, ms: number, sizeBytes: number): string {
  const d = formatGoDuration(ms);
  return `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${sizeBytes} bytes.`;
}

export function alreadyPresentMessage(image: string): string {
  return `Container image "${image}" already present on machine and can be accessed by the pod`;
}

export function pullFailedMessage(image: string, reference: string): string {
  return `Failed to pull image "${image}": failed to pull and unpack image "${reference}": failed to resolve reference "${reference}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

export function backOffPullMessage(image: string): string {
  return `Back-off pulling image "${image}"`;
}

export function crashLoopMessage(delayMs: number, container: string, pod: string, namespace: string, uid: string): string {
  return `back-off ${formatGoDuration(delayMs)} restarting failed container=${container} pod=${pod}_${namespace}(${uid})`;
}

/** Go's time.Duration String(): 1.234s, 612ms, 5m0s */
export function formatGoDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalSeconds = ms / 1000;
  if (totalSeconds < 60) return `${trimFloat(totalSeconds)}s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds - minutes * 60;
  if (minutes < 60) return `${minutes}m${trimFloat(seconds)}s`;
  return `${Math.floor(minutes / 60)}h${minutes % 60}m${trimFloat(seconds)}s`;
}

function trimFloat(n: number): string {
  return String(Number(n.toFixed(3)));
}
