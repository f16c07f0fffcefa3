import { describe, expect, test } from 'vitest';
import { explain } from './index.ts';

const text = (path: string, recursive = false, apiVersion?: string): string => {
  const result = explain(path, apiVersion === undefined ? { recursive } : { recursive, apiVersion });
  return result.ok ? result.text : `ERR ${result.error}`;
};

describe('kubectl explain', () => {
  test('a kind: KIND/VERSION header, DESCRIPTION, then every field with its type and description', () => {
    expect(text('pods')).toBe(`KIND:       Pod
VERSION:    v1

DESCRIPTION:
    A Pod is the smallest thing Kubernetes runs: one or more containers that are
    scheduled together onto one node, share an IP address and can share storage.
    Pods are usually created for you by controllers such as Deployments.
FIELDS:
  apiVersion\t<string>
    The version of the API schema this object is written against, such as v1 or
    apps/v1. The API server uses it to decode the object and may convert it to
    the version it stores.

  kind\t<string>
    The type of this object in CamelCase, such as Pod or Service. It names the
    REST resource the object belongs to and cannot be changed once the object
    exists.

  metadata\t<ObjectMeta>
    Identifying information for the object: its name, namespace, labels and
    annotations, plus bookkeeping fields the API server fills in.

  spec\t<PodSpec>
    The desired state of the pod: its containers, volumes and scheduling
    preferences.

  status\t<PodStatus>
    What the system last observed about the pod. It is written by the scheduler
    and the kubelet, may lag behind reality, and is read-only for users.


`);
  });

  test('a field: FIELD line with the type, the field and its schema described together, -required- marks', () => {
    expect(text('pod.spec.containers.ports')).toBe(`KIND:       Pod
VERSION:    v1

FIELD: ports <[]ContainerPort>


DESCRIPTION:
    Ports the container listens on. Listing them is mostly informational: a
    process listening on 0.0.0.0 is reachable whether or not its port appears
    here.A network port that a container listens on.
FIELDS:
  containerPort\t<integer> -required-
    The port number on the pod's IP address, between 1 and 65535.

  hostIP\t<string>
    The node IP address to bind hostPort to. Rarely needed.

  hostPort\t<integer>
    A port on the node to forward to containerPort. Most pods do not need this:
    it limits where the pod can be scheduled, because two pods cannot claim the
    same host port.

  name\t<string>
    A name for the port, unique within the pod, such as http. Services can then
    target the port by this name instead of its number.

  protocol\t<string>
  enum: SCTP, TCP, UDP
    The transport protocol: TCP, UDP or SCTP. Defaults to TCP.


`);
  });

  test('an enum field lists its values under ENUM in the long view', () => {
    expect(text('svc.spec.type')).toBe(`KIND:       Service
VERSION:    v1

FIELD: type <string>
ENUM:
    ClusterIP
    ExternalName
    LoadBalancer
    NodePort

DESCRIPTION:
    How the Service is exposed. ClusterIP, the default, gives it an address
    reachable only inside the cluster; NodePort also opens a port on every node;
    LoadBalancer also asks for an external load balancer; ExternalName is just a
    DNS alias for externalName.

`);
  });

  test('--recursive prints one line per field, indented two spaces per level, enums included', () => {
    expect(text('deploy.spec.strategy', true)).toBe(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: strategy <DeploymentStrategy>


DESCRIPTION:
    How old pods are replaced by new ones when the template changes.How a
    Deployment replaces old pods with new ones.
FIELDS:
  rollingUpdate\t<RollingUpdateDeployment>
    maxSurge\t<IntOrString>
    maxUnavailable\t<IntOrString>
  type\t<string>
  enum: Recreate, RollingUpdate

`);
  });

  test('kinds outside the core group get a GROUP line, and group-qualified names resolve', () => {
    expect(text('deployments.apps.spec.replicas')).toBe(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: replicas <integer>


DESCRIPTION:
    How many pods should be running. Defaults to 1.

`);
    expect(text('Deployment.spec.replicas')).toBe(text('deployments.apps.spec.replicas'));
  });

  test('short names, singular and plural names all find the same kind', () => {
    for (const name of ['svc', 'service', 'services', 'Service'])
      expect(text(`${name}.spec.ports.port`)).toContain('FIELD: port <integer>');
    expect(text('rc.spec.selector')).toContain('FIELD: selector <map[string]string>');
    expect(text('no.spec.taints')).toContain('  effect\t<string> -required-\n  enum: NoExecute, NoSchedule, PreferNoSchedule\n');
  });

  test('an unknown field is reported by the last name in the path, as kubectl does', () => {
    expect(explain('pod.spec.foo', { recursive: false })).toEqual({ ok: false, error: 'error: field "foo" does not exist' });
    expect(explain('pod.spec.foo.bar', { recursive: false })).toEqual({ ok: false, error: 'error: field "bar" does not exist' });
    expect(explain('svc.spec.type.name', { recursive: false })).toEqual({
      ok: false,
      error: 'error: field "name" does not exist',
    });
  });

  test('an unknown resource type is an error from the REST mapper', () => {
    expect(explain('foo.spec', { recursive: false })).toEqual({
      ok: false,
      error: 'error: the server doesn\'t have a resource type "foo"',
    });
  });

  test('served kinds outside the course, and fields it leaves out, say so instead of pretending', () => {
    expect(text('secrets')).toBe(
      "ERR kubesim: 'kubectl explain secrets' is not simulated; the kinds this course covers are: ConfigMap, Deployment, Endpoints, EndpointSlice, Namespace, Node, Pod, ReplicaSet, ReplicationController, Service, ServiceAccount",
    );
    expect(text('ds.spec')).toContain("kubesim: 'kubectl explain ds' is not simulated");
    expect(text('pod.spec.hostPID')).toBe(
      "ERR kubesim: 'kubectl explain pod.spec.hostPID' is not simulated; this course describes only some fields of PodSpec",
    );
    expect(text('pod.spec.affinity.nodeAffinity')).toBe(
      "ERR kubesim: 'kubectl explain pod.spec.affinity.nodeAffinity' is not simulated; this course does not describe the fields of Affinity",
    );
  });

  test('--api-version must name the version the kind is served at', () => {
    expect(text('deploy', false, 'apps/v1')).toBe(text('deploy'));
    expect(text('deploy', false, 'apps/v2')).toBe('ERR error: couldn\'t find resource for "apps/v2, Resource=deployments"');
    expect(text('pods', false, 'batch/v1')).toBe('ERR error: GVR (batch/v1, Resource=pods) not found in OpenAPI schema');
  });
});
