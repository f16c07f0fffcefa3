// the files the kubelet puts in a container for the API access volume the ServiceAccount admission
// plugin adds (kube-api-access-XXXXX at /var/run/secrets/kubernetes.io/serviceaccount): `token`, a
// bound service account token; `ca.crt`, from the namespace's kube-root-ca.crt ConfigMap; and
// `namespace`, from the downward API. other projected volumes, and every other kind of volume,
// are not simulated inside containers.
//
// the token is a JWT as kube-apiserver issues one for a pod: its header and claims are what a real
// one carries (go-jose writes the claims with sorted keys; a 3607 s request is extended to a year,
// with `warnafter` at the hour, as --service-account-extend-token-expiration does by default). its
// signature is bytes derived from the claims: nothing in the simulation verifies it.

import type { ApiServer } from '../api/apiserver.ts';
import type { Node, Pod, ServiceAccount } from '../api/types.ts';
import { CLUSTER_CA_CERT, ROOT_CA_CONFIGMAP } from '../controllers/namespace-defaults.ts';

/** kind's --service-account-issuer and --api-audiences */
const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds and ExpirationExtensionSeconds */
const WARN_ONLY_SECONDS = 3607;
const EXTENDED_SECONDS = 365 * 24 * 60 * 60;
/** the simulated cluster's signing key id (a real one is the base64url SHA-256 of the public key) */
const KEY_ID = 'kS9vbl1m0DqkXWj2yQdS2eZg7cTuLkD-3wVq0xR8nYs';

interface ProjectedSource {
  serviceAccountToken?: { path: string; expirationSeconds?: number; audience?: string };
  configMap?: { name: string; items?: { key: string; path: string }[] };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string } }[] };
}

interface VolumeLike {
  name: string;
  projected?: { sources?: ProjectedSource[] };
}

const base64url = (bytes: Uint8Array) => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/** 256 bytes (an RS256 signature's length) spun from the text, FNV-1a per four bytes */
function signatureBytes(text: string): Uint8Array {
  const out = new Uint8Array(256);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  for (let i = 0; i < out.length; i += 4) {
    hash = Math.imul(hash ^ i, 0x01000193) >>> 0;
    hash ^= hash >>> 13;
    out[i] = hash & 255;
    out[i + 1] = (hash >>> 8) & 255;
    out[i + 2] = (hash >>> 16) & 255;
    out[i + 3] = (hash >>> 24) & 255;
  }
  return out;
}

/** a uuid-shaped id spun from the text, for the token's jti */
function tokenId(text: string): string {
  const hex = Array.from(signatureBytes(`jti:${text}`).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** the bound token kube-apiserver's TokenRequest gives the kubelet for this pod, issued at `issuedAt` (ms) */
export function boundToken(api: ApiServer, pod: Pod, issuedAt: number, expirationSeconds = WARN_ONLY_SECONDS): string {
  const namespace = pod.metadata.namespace ?? 'default';
  const accountName = pod.spec.serviceAccountName || 'default';
  const account = api.get<ServiceAccount>('ServiceAccount', namespace, accountName);
  const nodeName = pod.spec.nodeName;
  const node = nodeName ? api.get<Node>('Node', '', nodeName) : undefined;
  const iat = Math.floor(issuedAt / 1000);
  const extended = expirationSeconds === WARN_ONLY_SECONDS;
  const kubernetes: Record<string, unknown> = { namespace };
  if (nodeName) kubernetes['node'] = { name: nodeName, uid: node?.metadata.uid ?? '' };
  kubernetes['pod'] = { name: pod.metadata.name, uid: pod.metadata.uid };
  kubernetes['serviceaccount'] = { name: accountName, uid: account?.metadata.uid ?? '' };
  if (extended) kubernetes['warnafter'] = iat + WARN_ONLY_SECONDS;
  const claims = {
    aud: [ISSUER],
    exp: iat + (extended ? EXTENDED_SECONDS : expirationSeconds),
    iat,
    iss: ISSUER,
    jti: tokenId(`${pod.metadata.uid}/${iat}`),
    'kubernetes.io': kubernetes,
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${accountName}`,
  };
  const signed = `${encodeJson({ alg: 'RS256', kid: KEY_ID })}.${encodeJson(claims)}`;
  return `${signed}.${base64url(signatureBytes(signed))}`;
}

/**
 * the files of the container's projected API access volume, by absolute path: what the kubelet
 * writes for its token, kube-root-ca.crt and namespace sources. empty when it has none
 */
export function projectedFiles(api: ApiServer, pod: Pod, containerName: string, startedAt: number): Record<string, string> {
  const container = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === containerName);
  const volumes = (pod.spec.volumes ?? []) as VolumeLike[];
  const files: Record<string, string> = {};
  for (const mount of container?.volumeMounts ?? []) {
    const volume = volumes.find((v) => v.name === mount.name);
    const sources = volume?.projected?.sources;
    if (!sources) continue;
    const at = (path: string) => `${mount.mountPath.replace(/\/+$/, '')}/${path}`;
    for (const source of sources) {
      if (source.serviceAccountToken) {
        const token = source.serviceAccountToken;
        files[at(token.path)] = boundToken(api, pod, startedAt, token.expirationSeconds ?? WARN_ONLY_SECONDS);
      }
      if (source.configMap?.name === ROOT_CA_CONFIGMAP) {
        for (const item of source.configMap.items ?? [{ key: 'ca.crt', path: 'ca.crt' }]) {
          if (item.key === 'ca.crt') files[at(item.path)] = CLUSTER_CA_CERT;
        }
      }
      for (const item of source.downwardAPI?.items ?? []) {
        if (item.fieldRef?.fieldPath === 'metadata.namespace') files[at(item.path)] = pod.metadata.namespace ?? 'default';
        if (item.fieldRef?.fieldPath === 'metadata.name') files[at(item.path)] = pod.metadata.name ?? '';
      }
    }
  }
  return files;
}
