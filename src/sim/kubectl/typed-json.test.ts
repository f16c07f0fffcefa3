// typedJson and toTypedJson: a typed object's JSON in its Go struct's field order, and the `-o json`
// of the commands that hold typed objects (the generators' client dry runs, and the server's answer
// a typed client decodes) compared whole with kubectl's
import { describe, expect, test } from 'vitest';
import { toTypedJson, typedJson } from './typed-json.ts';
import { kubectlSession } from './verbs/session.test-helper.ts';

describe('toTypedJson', () => {
  test('writes struct fields in declaration order and map keys sorted by bytes, integer-like keys too', () => {
    const service = {
      spec: { type: 'NodePort', selector: { b: '2', a: '1' }, ports: [{ targetPort: 8080, port: 80, name: 'web' }] },
      metadata: { labels: { tier: 'web', '9': 'x', '10': 'y', B: 'z' }, name: 'web' },
      apiVersion: 'v1',
      kind: 'Service',
    };
    expect(toTypedJson(service)).toBe(`{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "web",
        "labels": {
            "10": "y",
            "9": "x",
            "B": "z",
            "tier": "web"
        }
    },
    "spec": {
        "ports": [
            {
                "name": "web",
                "port": 80,
                "targetPort": 8080
            }
        ],
        "selector": {
            "a": "1",
            "b": "2"
        },
        "type": "NodePort"
    },
    "status": {
        "loadBalancer": {}
    }
}
`);
  });

  test('fills in the structs Go holds by value, and keeps fields it does not know after the known ones, sorted', () => {
    const pod = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'p' },
      spec: { zeta: true, containers: [{ name: 'c', alpha: 1 }] },
    };
    expect(toTypedJson(pod)).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "p"
    },
    "spec": {
        "containers": [
            {
                "name": "c",
                "resources": {},
                "alpha": 1
            }
        ],
        "zeta": true
    },
    "status": {}
}
`);
  });
});

describe('typedJson', () => {
  test('is compact, escapes <, > and & as encoding/json does, and ends in a newline', () => {
    const configMap = { data: { page: '<b>hi</b> & bye' }, metadata: { name: 'c' }, apiVersion: 'v1', kind: 'ConfigMap' };
    expect(typedJson(configMap)).toBe(
      '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c"},"data":{"page":"\\u003cb\\u003ehi\\u003c/b\\u003e \\u0026 bye"}}\n',
    );
  });
});

describe('-o json of the objects kubectl holds as Go types', () => {
  test("the generators' client dry runs: kubectl's field order (checked against kubectl 1.32, less its creationTimestamp: null)", async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx --dry-run=client -o json
kubectl create configmap settings --from-literal=mode=fast --from-literal=banner='<b>hi</b> & bye' --dry-run=client -o json
`),
    ).toBe(`$ kubectl create deployment web --image=nginx --dry-run=client -o json
{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
$ kubectl create configmap settings --from-literal=mode=fast --from-literal=banner='<b>hi</b> & bye' --dry-run=client -o json
{
    "kind": "ConfigMap",
    "apiVersion": "v1",
    "metadata": {
        "name": "settings"
    },
    "data": {
        "banner": "\\u003cb\\u003ehi\\u003c/b\\u003e \\u0026 bye",
        "mode": "fast"
    }
}
`);
  });

  test("create deployment: the server's answer, defaults filled in, in the Go order; get prints the same object sorted", async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create deployment web --image=nginx -o json
kubectl get deploy web -o json
`),
    ).toBe(`$ kubectl create deployment web --image=nginx -o json
{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "namespace": "default",
        "uid": "9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7",
        "resourceVersion": "1138",
        "generation": 1,
        "creationTimestamp": "2026-01-01T09:00:00Z",
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "resources": {},
                        "terminationMessagePath": "/dev/termination-log",
                        "terminationMessagePolicy": "File",
                        "imagePullPolicy": "Always"
                    }
                ],
                "restartPolicy": "Always",
                "terminationGracePeriodSeconds": 30,
                "dnsPolicy": "ClusterFirst",
                "securityContext": {},
                "schedulerName": "default-scheduler"
            }
        },
        "strategy": {
            "type": "RollingUpdate",
            "rollingUpdate": {
                "maxUnavailable": "25%",
                "maxSurge": "25%"
            }
        },
        "revisionHistoryLimit": 10,
        "progressDeadlineSeconds": 600
    },
    "status": {}
}
$ kubectl get deploy web -o json
{
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {
        "annotations": {
            "deployment.kubernetes.io/revision": "1"
        },
        "creationTimestamp": "2026-01-01T09:00:00Z",
        "generation": 1,
        "labels": {
            "app": "web"
        },
        "name": "web",
        "namespace": "default",
        "resourceVersion": "1145",
        "uid": "9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7"
    },
    "spec": {
        "progressDeadlineSeconds": 600,
        "replicas": 1,
        "revisionHistoryLimit": 10,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "strategy": {
            "rollingUpdate": {
                "maxSurge": "25%",
                "maxUnavailable": "25%"
            },
            "type": "RollingUpdate"
        },
        "template": {
            "metadata": {
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "image": "nginx",
                        "imagePullPolicy": "Always",
                        "name": "nginx",
                        "resources": {},
                        "terminationMessagePath": "/dev/termination-log",
                        "terminationMessagePolicy": "File"
                    }
                ],
                "dnsPolicy": "ClusterFirst",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "securityContext": {},
                "terminationGracePeriodSeconds": 30
            }
        }
    },
    "status": {
        "availableReplicas": 0,
        "conditions": [
            {
                "lastTransitionTime": "2026-01-01T09:00:00Z",
                "lastUpdateTime": "2026-01-01T09:00:00Z",
                "message": "Deployment does not have minimum availability.",
                "reason": "MinimumReplicasUnavailable",
                "status": "False",
                "type": "Available"
            },
            {
                "lastTransitionTime": "2026-01-01T09:00:00Z",
                "lastUpdateTime": "2026-01-01T09:00:00Z",
                "message": "ReplicaSet \\"web-7957885594\\" is progressing.",
                "reason": "ReplicaSetUpdated",
                "status": "True",
                "type": "Progressing"
            }
        ],
        "observedGeneration": 1,
        "readyReplicas": 0,
        "replicas": 1,
        "unavailableReplicas": 1,
        "updatedReplicas": 1
    }
}
`);
  });

  test('run: the pod with its admission-added API access volume, mount and tolerations, in the Go order', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl run pod1 --image=nginx --port=80 --env=MODE=fast -o json
`),
    ).toBe(`$ kubectl run pod1 --image=nginx --port=80 --env=MODE=fast -o json
{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "pod1",
        "namespace": "default",
        "uid": "9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7",
        "resourceVersion": "1138",
        "generation": 1,
        "creationTimestamp": "2026-01-01T09:00:00Z",
        "labels": {
            "run": "pod1"
        }
    },
    "spec": {
        "volumes": [
            {
                "name": "kube-api-access-blsbb",
                "projected": {
                    "sources": [
                        {
                            "serviceAccountToken": {
                                "expirationSeconds": 3607,
                                "path": "token"
                            }
                        },
                        {
                            "configMap": {
                                "name": "kube-root-ca.crt",
                                "items": [
                                    {
                                        "key": "ca.crt",
                                        "path": "ca.crt"
                                    }
                                ]
                            }
                        },
                        {
                            "downwardAPI": {
                                "items": [
                                    {
                                        "path": "namespace",
                                        "fieldRef": {
                                            "apiVersion": "v1",
                                            "fieldPath": "metadata.namespace"
                                        }
                                    }
                                ]
                            }
                        }
                    ],
                    "defaultMode": 420
                }
            }
        ],
        "containers": [
            {
                "name": "pod1",
                "image": "nginx",
                "ports": [
                    {
                        "containerPort": 80,
                        "protocol": "TCP"
                    }
                ],
                "env": [
                    {
                        "name": "MODE",
                        "value": "fast"
                    }
                ],
                "resources": {},
                "volumeMounts": [
                    {
                        "name": "kube-api-access-blsbb",
                        "readOnly": true,
                        "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"
                    }
                ],
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "imagePullPolicy": "Always"
            }
        ],
        "restartPolicy": "Always",
        "terminationGracePeriodSeconds": 30,
        "dnsPolicy": "ClusterFirst",
        "serviceAccountName": "default",
        "serviceAccount": "default",
        "securityContext": {},
        "schedulerName": "default-scheduler",
        "tolerations": [
            {
                "key": "node.kubernetes.io/not-ready",
                "operator": "Exists",
                "effect": "NoExecute",
                "tolerationSeconds": 300
            },
            {
                "key": "node.kubernetes.io/unreachable",
                "operator": "Exists",
                "effect": "NoExecute",
                "tolerationSeconds": 300
            }
        ],
        "priority": 0,
        "enableServiceLinks": true,
        "preemptionPolicy": "PreemptLowerPriority"
    },
    "status": {
        "phase": "Pending",
        "qosClass": "BestEffort"
    }
}
`);
  });

  test('create service and expose: the allocated service in the Go order, also from a server dry run', async () => {
    const k = kubectlSession();
    expect(
      await k.transcript(`
kubectl create service nodeport web --tcp=80:8080 -o json
kubectl create deployment api --image=nginx --port=8080
kubectl expose deployment api --port=80 --target-port=8080 --type=LoadBalancer -o json
kubectl expose deployment api --name=api-preview --port=80 --dry-run=server -o json
`),
    ).toBe(`$ kubectl create service nodeport web --tcp=80:8080 -o json
{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "web",
        "namespace": "default",
        "uid": "9c4c6df3-637b-4302-a6c7-00ee8d1b3cf7",
        "resourceVersion": "1138",
        "creationTimestamp": "2026-01-01T09:00:00Z",
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "ports": [
            {
                "name": "80-8080",
                "protocol": "TCP",
                "port": 80,
                "targetPort": 8080,
                "nodePort": 30668
            }
        ],
        "selector": {
            "app": "web"
        },
        "clusterIP": "10.106.36.156",
        "clusterIPs": [
            "10.106.36.156"
        ],
        "type": "NodePort",
        "sessionAffinity": "None",
        "externalTrafficPolicy": "Cluster",
        "ipFamilies": [
            "IPv4"
        ],
        "ipFamilyPolicy": "SingleStack",
        "internalTrafficPolicy": "Cluster"
    },
    "status": {
        "loadBalancer": {}
    }
}
$ kubectl create deployment api --image=nginx --port=8080
deployment.apps/api created
$ kubectl expose deployment api --port=80 --target-port=8080 --type=LoadBalancer -o json
{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "api",
        "namespace": "default",
        "uid": "eaf761ab-ca93-4a63-80b2-f82a10b5d0b7",
        "resourceVersion": "1152",
        "creationTimestamp": "2026-01-01T09:00:00Z",
        "labels": {
            "app": "api"
        }
    },
    "spec": {
        "ports": [
            {
                "protocol": "TCP",
                "port": 80,
                "targetPort": 8080,
                "nodePort": 30919
            }
        ],
        "selector": {
            "app": "api"
        },
        "clusterIP": "10.101.209.74",
        "clusterIPs": [
            "10.101.209.74"
        ],
        "type": "LoadBalancer",
        "sessionAffinity": "None",
        "externalTrafficPolicy": "Cluster",
        "ipFamilies": [
            "IPv4"
        ],
        "ipFamilyPolicy": "SingleStack",
        "allocateLoadBalancerNodePorts": true,
        "internalTrafficPolicy": "Cluster"
    },
    "status": {
        "loadBalancer": {}
    }
}
$ kubectl expose deployment api --name=api-preview --port=80 --dry-run=server -o json
{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "api-preview",
        "namespace": "default",
        "uid": "92601f64-cea6-4762-bedc-f2c67bc227cb",
        "creationTimestamp": "2026-01-01T09:00:00Z",
        "labels": {
            "app": "api"
        }
    },
    "spec": {
        "ports": [
            {
                "protocol": "TCP",
                "port": 80,
                "targetPort": 80
            }
        ],
        "selector": {
            "app": "api"
        },
        "clusterIP": "10.96.0.0",
        "clusterIPs": [
            "10.96.0.0"
        ],
        "type": "ClusterIP",
        "sessionAffinity": "None",
        "ipFamilies": [
            "IPv4"
        ],
        "ipFamilyPolicy": "SingleStack",
        "internalTrafficPolicy": "Cluster"
    },
    "status": {
        "loadBalancer": {}
    }
}
`);
  });
});
