import { describe, expect, it } from 'vitest';
import type { ConfigMap, Namespace } from '../../api/types.ts';
import { addEvent, ago, emptyCluster, NOW, put } from './fixtures.ts';
import { describeObject } from './index.ts';

describe('describe namespace, configmap and the generic describer', () => {
  it('prints a Namespace with its quota and limit sections', () => {
    const cluster = emptyCluster();
    const ns = put(cluster, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', creationTimestamp: ago(60), labels: { 'kubernetes.io/metadata.name': 'shop', team: 'payments' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    } as Namespace);
    expect(describeObject(ns, { now: NOW, cluster })).toBe(`Name:         shop
Labels:       kubernetes.io/metadata.name=shop
              team=payments
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });

  it('prints a ConfigMap key by key', () => {
    const cluster = emptyCluster();
    const cm = put(cluster, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'default' },
      data: { 'nginx.conf': 'server {\n  listen 8080;\n}\n', color: 'blue' },
    } as ConfigMap);
    expect(describeObject(cm, { now: NOW, cluster })).toBe(`Name:         web-config
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
color:
----
blue

nginx.conf:
----
server {
  listen 8080;
}



BinaryData
====

Events:  <none>
`);
  });

  it('prints an Event with the generic describer', () => {
    const cluster = emptyCluster();
    const cm = put(cluster, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'default' },
    } as ConfigMap);
    const event = addEvent(cluster, cm, {
      type: 'Warning',
      reason: 'Broken',
      from: 'kubesim',
      first: 30,
      message: 'something happened',
    });
    event.metadata.creationTimestamp = ago(30);
    event.metadata.resourceVersion = '1234';
    expect(describeObject(event, { now: NOW, cluster })).toBe(`Name:             web-config.0000000000000001
Namespace:        default
Labels:           <none>
Annotations:      <none>
API Version:      v1
Count:            1
Event Time:       <nil>
First Timestamp:  2026-01-01T09:59:30Z
Involved Object:
  API Version:   v1
  Kind:          ConfigMap
  Name:          web-config
  UID:           00000000-0000-4000-8000-000000000001
Kind:            Event
Last Timestamp:  2026-01-01T09:59:30Z
Message:         something happened
Metadata:
  Creation Timestamp:  2026-01-01T09:59:30Z
  Resource Version:    1234
  UID:                 00000000-0000-4000-8000-000000000002
Reason:                Broken
Reporting Component:   kubesim
Reporting Instance:    
Source:
  Component:  kubesim
Type:         Warning
Events:       <none>
`);
  });
});
