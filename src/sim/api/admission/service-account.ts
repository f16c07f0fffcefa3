// the ServiceAccount admission plugin, on pod creation: a pod that names no account runs as
// default; the account must exist (`error looking up service account ...`); and unless the pod or
// the account turns automounting off, every container and init container gets the API access
// volume (kube-api-access-XXXXX: a token, the cluster's CA and the namespace, projected) mounted
// read-only at /var/run/secrets/kubernetes.io/serviceaccount. mirror pods are left alone.

import type { AdmissionBegin, AdmissionPlugin, AdmissionRequest, ApiServer } from '../apiserver.ts';
import { randomSuffix } from '../meta.ts';
import { forbidden, notFound } from '../status-errors.ts';
import type { Container, KubeObject, Pod, ServiceAccount } from '../types.ts';
import type { Random } from '../../random.ts';

export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: an hour and seven seconds */
const TOKEN_EXPIRATION_SECONDS = 3607;
/** corev1.ProjectedVolumeSourceDefaultMode (0644) */
const PROJECTED_DEFAULT_MODE = 420;

function tokenVolume(name: string) {
  return {
    name,
    projected: {
      defaultMode: PROJECTED_DEFAULT_MODE,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

export class ServiceAccountAdmission implements AdmissionPlugin {
  readonly name = 'ServiceAccount';

  /** `random` draws the volumes' suffixes, apart from every other random choice */
  constructor(private readonly random: Random) {}

  admit(): null {
    return null;
  }

  begin(
    obj: KubeObject,
    old: KubeObject | undefined,
    api: ApiServer,
    _dryRun: boolean,
    request: AdmissionRequest,
  ): AdmissionBegin {
    const done: AdmissionBegin = { ok: true, finish: () => {} };
    if (obj.kind !== 'Pod' || old) return done;
    const pod = obj as Pod;
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined || !pod.spec) return done;
    const spec = pod.spec;
    spec.serviceAccountName ||= 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const namespace = pod.metadata.namespace ?? 'default';
    const account = api.get<ServiceAccount>('ServiceAccount', namespace, spec.serviceAccountName);
    if (!account) {
      const reason = `error looking up service account ${namespace}/${spec.serviceAccountName}: ${notFound('serviceaccount', spec.serviceAccountName).message}`;
      return { ok: false, error: forbidden('pods', request.requestedName, reason) };
    }
    if (spec.automountServiceAccountToken ?? account.automountServiceAccountToken ?? true) this.mount(pod);
    return done;
  }

  /** mountServiceAccountToken: one volume (an existing kube-api-access-* one is reused), mounted wherever nothing else is */
  private mount(pod: Pod): void {
    const spec = pod.spec;
    const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(VOLUME_PREFIX));
    const volumeName = existing?.name ?? VOLUME_PREFIX + randomSuffix(this.random);
    let needed = false;
    const mountIn = (c: Container) => {
      if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) return;
      c.volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
      needed = true;
    };
    (spec.initContainers ?? []).forEach(mountIn);
    (spec.containers ?? []).forEach(mountIn);
    if (!existing && needed) spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
  }
}
