// the two kube-controller-manager loops that furnish every namespace: the serviceaccounts
// controller keeps a ServiceAccount named default in each active namespace, and the root CA
// publisher keeps the kube-root-ca.crt ConfigMap there, holding the cluster's CA certificate.
// each puts back what is deleted; neither touches a namespace that is being deleted.

import type { ApiServer } from '../api/apiserver.ts';
import type { WatchEvent } from '../api/store.ts';
import type { ConfigMap, Namespace, ServiceAccount } from '../api/types.ts';
import type { Random } from '../random.ts';
import { WorkQueue, type Controller } from './controller.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** publisher.go's DescriptionAnnotation and Description */
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** the simulated cluster's CA: a real self-signed certificate (CN=kubernetes, RSA 2048, ten years), made for kubesim */
export const CLUSTER_CA_CERT = `-----BEGIN CERTIFICATE-----
MIIC5zCCAc+gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDDAprdWJl
cm5ldGVzMB4XDTI1MTIwMTAwMDAwMFoXDTM1MTEyOTAwMDAwMFowFTETMBEGA1UE
AwwKa3ViZXJuZXRlczCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAKUD
dmEHfGoRzRGGz9N7tPsWCAC2CxRRoEsY90unqCNsfJqzyDDf5pb3azEh8wdlr0Ju
uG7XEtIsjsXkM5N/9tXYEy6ix6zv2BkKsTePYexjWg7kKC4fr0L+U6TQNP8l7XFU
gjxEMRunEax2GTkVIsJm9KfEJNH+HfEAlfEsIBUxoa4MAZyvKqIzyGaqlXfOGWAh
wUl6l2LaeGacd85mLvOR9Zj6W9G1jtqO0jWJ/vh7Olf4x3oR02ejhcekzXPX0QJR
ZdBA/Jtsu5E/cGkH08oMnk5oNWjSqMfpuv0Q24cONGMj4RuKknIu+FMMiJjYx6V0
LMbB3wvkmzOp+KBylbMCAwEAAaNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8B
Af8EBAMCAqQwHQYDVR0OBBYEFMuUFpWg53zJT29zfzXspP+0g1ISMA0GCSqGSIb3
DQEBCwUAA4IBAQCQdnvbovH4cSakrobaAgH7escbYMLvv6tWZugR38zmBszFtHZK
XNbqjlCKKGZjZ8RzzjBgSn3Ma7g+cLJ5BXL5Y4S8MfRnJUaYopSrxhTfE41CIEeO
y6H5UDX1jqyjoYp6HjXleJ0P0+5sxNKVrNz0nWV0hcWB0nufHR80exDe+FiWdYkH
2Obf/lzSQ3ycicOLWp85wQIbNNnpem+JcL4rqJmd9JSR8hJWRA34F65PR5Vo/DfM
D2WwLrk4LCWQ0KG0d+1B1W/8lmsi5ltZBqC4nU06wOeFlDfrxM3HPkvQDlo2eKMI
rCnp+9TPuOBZ0Z2pRC0Xfb5/r3pLJa5l1Sm0
-----END CERTIFICATE-----
`;

/**
 * what both loops share: a queue of namespaces, filled by every namespace change and by a change
 * to the one object they keep (`kind`/`objectName`), and a sync of each active namespace
 */
abstract class NamespaceFurnisher implements Controller {
  abstract readonly name: string;
  private queue = new WorkQueue();

  constructor(
    protected readonly api: ApiServer,
    protected readonly random: Random,
    private readonly kind: string,
    private readonly objectName: string,
  ) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  /** whether a change to the kept object calls for a look */
  protected watches(_event: WatchEvent): boolean {
    return true;
  }

  handle(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Namespace' && event.type !== 'DELETED') this.queue.add(obj.metadata.name!);
    else if (obj.kind === this.kind && obj.metadata.name === this.objectName && obj.metadata.namespace && this.watches(event))
      this.queue.add(obj.metadata.namespace);
  }

  syncAll(): void {
    for (const namespace of this.queue.drain()) {
      const ns = this.api.get<Namespace>('Namespace', undefined, namespace);
      if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') continue;
      this.sync(namespace);
    }
  }

  protected abstract sync(namespace: string): void;
}

/** serviceaccounts_controller.go: the default account, created when missing (a changed one is left as it is) */
export class ServiceAccountsController extends NamespaceFurnisher {
  readonly name = 'serviceaccount-controller';

  constructor(api: ApiServer, random: Random) {
    super(api, random, 'ServiceAccount', DEFAULT_SERVICE_ACCOUNT);
  }

  /** only a deletion: the account's own changes are the learner's to make */
  protected override watches(event: WatchEvent): boolean {
    return event.type === 'DELETED';
  }

  protected sync(namespace: string): void {
    if (this.api.get('ServiceAccount', namespace, DEFAULT_SERVICE_ACCOUNT)) return;
    const sa: ServiceAccount = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace },
    };
    this.api.create(sa, namespace, { handOver: true, random: this.random });
  }
}

/** publisher.go: the CA ConfigMap, created when missing and set back when its data or description changed */
export class RootCACertPublisher extends NamespaceFurnisher {
  readonly name = 'root-ca-cert-publisher';

  constructor(api: ApiServer, random: Random) {
    super(api, random, 'ConfigMap', ROOT_CA_CONFIGMAP);
  }

  protected sync(namespace: string): void {
    const current = this.api.get<ConfigMap>('ConfigMap', namespace, ROOT_CA_CONFIGMAP);
    if (!current) {
      const cm: ConfigMap = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
        data: { 'ca.crt': CLUSTER_CA_CERT },
      };
      this.api.create(cm, namespace, { handOver: true, random: this.random });
      return;
    }
    // a changed copy is put back: the data exactly, and the description beside any other annotations
    const data = current.data ?? {};
    const dataOk = Object.keys(data).length === 1 && data['ca.crt'] === CLUSTER_CA_CERT;
    if (dataOk && current.metadata.annotations?.[DESCRIPTION_ANNOTATION] === DESCRIPTION) return;
    const fixed = structuredClone(current);
    fixed.data = { 'ca.crt': CLUSTER_CA_CERT };
    delete (fixed as { binaryData?: unknown }).binaryData;
    fixed.metadata.annotations = { ...fixed.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION };
    this.api.update(fixed);
  }
}
