// core/v1 container schemas: what runs in a pod (Container and the probes, ports, env and
// resources it uses) and how the kubelet reports on it (ContainerStatus and ContainerState)

import { bool, int, list, mapOf, object, opaque, ref, str, t, time, type TypeDef } from './schema-types.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const CONTAINER_TYPES: Record<string, TypeDef> = {
  Container: object(
    'One application container to run inside a pod: the image to start, how to start it, and the ports, environment, resources and health checks it needs.',
    {
      args: list(
        t.string,
        "Arguments passed to the command. When empty, the image's own default arguments (CMD) are used. $(VAR) references to the container's environment are expanded.",
      ),
      command: list(
        t.string,
        "The program to run, replacing the image's ENTRYPOINT. It is not run through a shell; when empty, the image's entrypoint is used.",
      ),
      env: list(t.ref('EnvVar'), 'Environment variables to set in the container, in addition to those baked into the image.'),
      image: str(
        'The container image to run, such as nginx:1.27 or registry.example.com/team/app@sha256:... . Workload controllers require it; a bare Pod may leave it to defaulting rules.',
      ),
      imagePullPolicy: str(
        'When the kubelet pulls the image: Always before each start, IfNotPresent only when the node lacks it, or Never. It defaults to Always for the :latest tag (or no tag) and to IfNotPresent otherwise.',
        { enum: ['Always', 'IfNotPresent', 'Never'] },
      ),
      lifecycle: ref('Lifecycle', 'Hooks the kubelet runs right after the container starts and just before it is stopped.'),
      livenessProbe: ref(
        'Probe',
        'A periodic check that the container is still working. When it fails often enough, the kubelet kills the container and restarts it according to the restart policy.',
      ),
      name: str('The name of the container, unique within the pod. It is used in logs, exec and status reporting.', {
        required: true,
      }),
      ports: list(
        t.ref('ContainerPort'),
        'Ports the container listens on. Listing them is mostly informational: a process listening on 0.0.0.0 is reachable whether or not its port appears here.',
      ),
      readinessProbe: ref(
        'Probe',
        "A periodic check that the container is ready to receive traffic. While it fails, the pod is left out of its Services' endpoints, but the container is not restarted.",
      ),
      resources: ref(
        'ResourceRequirements',
        'How much CPU and memory the container asks for (requests, used for scheduling) and may use at most (limits, enforced on the node).',
      ),
      securityContext: ref(
        'SecurityContext',
        'Security settings for this container, such as the user it runs as and the Linux capabilities it gets.',
      ),
      startupProbe: ref(
        'Probe',
        'A check that runs first and holds back the liveness and readiness probes until it succeeds, giving slow-starting programs time to come up.',
      ),
      stdin: bool('Whether the container keeps a standard input stream open. Defaults to false.'),
      terminationMessagePath: str(
        'A file inside the container whose contents become the termination message when the container exits. Defaults to /dev/termination-log.',
      ),
      terminationMessagePolicy: str(
        'Where the termination message comes from: File reads terminationMessagePath only, FallbackToLogsOnError also uses the end of the log when the file is empty and the container failed.',
        { enum: ['FallbackToLogsOnError', 'File'] },
      ),
      tty: bool('Whether the container is given a terminal. Usually set together with stdin. Defaults to false.'),
      volumeMounts: list(t.ref('VolumeMount'), "The pod's volumes to mount into this container's filesystem, and where."),
      workingDir: str("The directory the command starts in. When empty, the image's own working directory is used."),
    },
    ['envFrom', 'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'stdinOnce', 'volumeDevices'],
  ),
  ContainerPort: object('A network port that a container listens on.', {
    containerPort: int("The port number on the pod's IP address, between 1 and 65535.", { required: true }),
    hostIP: str('The node IP address to bind hostPort to. Rarely needed.'),
    hostPort: int(
      'A port on the node to forward to containerPort. Most pods do not need this: it limits where the pod can be scheduled, because two pods cannot claim the same host port.',
    ),
    name: str(
      'A name for the port, unique within the pod, such as http. Services can then target the port by this name instead of its number.',
    ),
    protocol: str('The transport protocol: TCP, UDP or SCTP. Defaults to TCP.', { enum: PROTOCOLS }),
  }),
  EnvVar: object('One environment variable to set in a container.', {
    name: str('The name of the variable.', { required: true }),
    value: str(
      'The literal value. $(OTHER) references to variables defined earlier in the list are expanded; write $$(OTHER) to keep the text as is. Defaults to an empty string.',
    ),
    valueFrom: ref(
      'EnvVarSource',
      "Where to read the value from instead of giving it literally: a ConfigMap or Secret key, or a field of the pod's own metadata or resources.",
    ),
  }),
  EnvVarSource: opaque('A source for an environment variable value, such as a ConfigMap key, a Secret key or a pod field.'),
  Lifecycle: opaque('Actions the kubelet takes when a container starts (postStart) and before it is stopped (preStop).'),
  SecurityContext: opaque('Security options for one container, which override the pod-level settings where both are given.'),
  ResourceRequirements: object('The compute resources a container (or pod) requests and the most it may use.', {
    claims: list(t.ref('ResourceClaim'), "Names of the pod's dynamically allocated resource claims that this container uses."),
    limits: mapOf(
      t.ref('Quantity'),
      'The most of each resource the container may use, such as cpu: 500m or memory: 256Mi. Going over the memory limit gets the container killed; CPU use above the limit is throttled.',
    ),
    requests: mapOf(
      t.ref('Quantity'),
      'The amount of each resource the scheduler reserves for the container on a node. When left out, requests default to the limits if those are set.',
    ),
  }),
  ResourceClaim: opaque('A reference to one of the resource claims listed in the pod spec.'),
  Probe: object(
    'A health check the kubelet runs against a container. Exactly one way of checking (exec, httpGet, tcpSocket or grpc) is given, plus timing settings.',
    {
      exec: ref('ExecAction', 'Run a command inside the container; an exit status of 0 counts as success.'),
      failureThreshold: int('How many failures in a row make the probe count as failed. Defaults to 3; the minimum is 1.'),
      grpc: ref('GRPCAction', 'Call the standard gRPC health checking service on a port of the container.'),
      httpGet: ref('HTTPGetAction', 'Send an HTTP GET request; any status from 200 to 399 counts as success.'),
      initialDelaySeconds: int('How long to wait after the container starts before the first check. Defaults to 0.'),
      periodSeconds: int('How often to run the check, in seconds. Defaults to 10; the minimum is 1.'),
      successThreshold: int(
        'How many successes in a row are needed to count as passing again after a failure. Defaults to 1, and must be 1 for liveness and startup probes.',
      ),
      tcpSocket: ref('TCPSocketAction', 'Open a TCP connection to a port; being able to connect counts as success.'),
      terminationGracePeriodSeconds: int(
        "How long a container killed by this probe gets to shut down, overriding the pod's terminationGracePeriodSeconds. Not allowed on readiness probes.",
      ),
      timeoutSeconds: int('How long one check may take before it counts as failed. Defaults to 1 second.'),
    },
  ),
  ExecAction: object('A command to run inside the container.', {
    command: list(
      t.string,
      "The command and its arguments. It runs directly, not in a shell, from the container's root directory; wrap it in sh -c to use shell features.",
    ),
  }),
  HTTPGetAction: object('An HTTP GET request made by the kubelet.', {
    host: str(
      'The host name to connect to. Defaults to the pod IP; set a Host header in httpHeaders instead to name a virtual host.',
    ),
    httpHeaders: list(t.ref('HTTPHeader'), 'Extra headers to send with the request.'),
    path: str('The path to request, such as /healthz.'),
    port: ref('IntOrString', 'The port to connect to, as a number or as the name of a container port.', { required: true }),
    scheme: str('Whether to use plain HTTP or HTTPS. Defaults to HTTP.', { enum: ['HTTP', 'HTTPS'] }),
  }),
  HTTPHeader: object('One HTTP header to send with a probe request.', {
    name: str('The header name.', { required: true }),
    value: str('The header value.', { required: true }),
  }),
  TCPSocketAction: object('A TCP connection attempt made by the kubelet.', {
    host: str('The host to connect to. Defaults to the pod IP.'),
    port: ref('IntOrString', 'The port to connect to, as a number or as the name of a container port.', { required: true }),
  }),
  GRPCAction: object('A call to the standard gRPC health checking service.', {
    port: int('The port the gRPC service listens on, between 1 and 65535.', { required: true }),
    service: str('The service name to put in the health check request. When empty, the server reports its overall health.'),
  }),
  VolumeMount: object('Where one of the pod volumes appears inside a container.', {
    mountPath: str('The path inside the container to mount the volume at. It must not contain a colon.', { required: true }),
    mountPropagation: str(
      'Whether mounts made later on the host or in the container spread to the other side. Defaults to None.',
      { enum: ['Bidirectional', 'HostToContainer', 'None'] },
    ),
    name: str("The name of the volume, matching an entry in the pod's volumes list.", { required: true }),
    readOnly: bool('Mount the volume read-only. Defaults to false.'),
    recursiveReadOnly: str('Whether a read-only mount is also made read-only for mounts nested inside it.'),
    subPath: str("A path inside the volume to mount instead of the volume's root."),
    subPathExpr: str('Like subPath, but $(VAR) references to the container environment are expanded first.'),
  }),
  ContainerStatus: object(
    'What the kubelet last observed about one container of the pod.',
    {
      containerID: str(
        'The ID the container runtime gave this container, prefixed with the runtime name, such as containerd://.',
      ),
      image: str('The image the container is running, as the runtime reports it.', { required: true }),
      imageID: str('The exact image the runtime resolved, usually including its digest.', { required: true }),
      lastState: ref(
        'ContainerState',
        'The state of the previous run of this container, which explains why it last stopped. Empty if the container has never restarted.',
      ),
      name: str('The name of the container, as given in the pod spec.', { required: true }),
      ready: bool('Whether the container is passing its readiness probe, or has started if it has none.', { required: true }),
      restartCount: int('How many times the container has been restarted.', { required: true }),
      started: bool('Whether the container has started and passed its startup probe, if it has one.'),
      state: ref('ContainerState', 'The current state of the container: waiting, running or terminated.'),
    },
    ['allocatedResources', 'allocatedResourcesStatus', 'resources', 'stopSignal', 'user', 'volumeMounts'],
  ),
  ContainerState: object('The state of a container. Only one of the three fields is set.', {
    running: ref('ContainerStateRunning', 'Set while the container is running.'),
    terminated: ref('ContainerStateTerminated', 'Set when the container has stopped, with its exit code and the reason.'),
    waiting: ref('ContainerStateWaiting', 'Set while the container is not running yet, for example while its image is pulled.'),
  }),
  ContainerStateRunning: object('A running container.', {
    startedAt: time('When the container last started.'),
  }),
  ContainerStateTerminated: object('A container that has stopped.', {
    containerID: str('The runtime ID of the container that stopped.'),
    exitCode: int('The exit status of the process; 0 means it succeeded.', { required: true }),
    finishedAt: time('When the container stopped.'),
    message: str('More detail about why the container stopped.'),
    reason: str('A short word for why the container stopped, such as Completed, Error or OOMKilled.'),
    signal: int('The signal that stopped the process, if one did.'),
    startedAt: time('When the container had started.'),
  }),
  ContainerStateWaiting: object('A container that is not running yet.', {
    message: str('More detail about why the container is waiting.'),
    reason: str(
      'A short word for why the container is waiting, such as ContainerCreating, ImagePullBackOff or CrashLoopBackOff.',
    ),
  }),
};
