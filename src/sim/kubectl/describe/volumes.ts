// describeVolumes: each volume's name and the description of its source, for the volume
// sources a course cluster meets (the rest print `<unknown>` as upstream does for new ones)

import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.ts';
import { canonicalQuantity } from './quantity.ts';

type Volume = { name: string; [source: string]: unknown };
type Source = Record<string, unknown>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const optional = (src: Source): boolean => src['optional'] === true;

/** each source's `Type:` line and fields, written at LEVEL_2 with the fields' own indentation */
const SOURCES: [string, (w: PrefixWriter, src: Source) => void][] = [
  [
    'hostPath',
    (w, s) =>
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(s['path'])}\n    HostPathType:\t${str(s['type']) || '<none>'}\n`,
      ),
  ],
  [
    'emptyDir',
    (w, s) => {
      const limit = s['sizeLimit'] ? canonicalQuantity(str(s['sizeLimit'])) : '';
      w.write(
        LEVEL_2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(s['medium'])}\n    SizeLimit:\t${limit && limit !== '0' ? limit : '<unset>'}\n`,
      );
    },
  ],
  [
    'secret',
    (w, s) =>
      w.write(
        LEVEL_2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(s['secretName'])}\n    Optional:\t${optional(s)}\n`,
      ),
  ],
  [
    'configMap',
    (w, s) =>
      w.write(
        LEVEL_2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(s['name'])}\n    Optional:\t${optional(s)}\n`,
      ),
  ],
  [
    'persistentVolumeClaim',
    (w, s) =>
      w.write(
        LEVEL_2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(s['claimName'])}\n    ReadOnly:\t${s['readOnly'] === true}\n`,
      ),
  ],
  [
    'nfs',
    (w, s) =>
      w.write(
        LEVEL_2,
        `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(s['server'])}\n    Path:\t${str(s['path'])}\n    ReadOnly:\t${s['readOnly'] === true}\n`,
      ),
  ],
  [
    'downwardAPI',
    (w, s) => {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of (s['items'] as Source[] | undefined) ?? []) {
        const field = item['fieldRef'] as Source | undefined;
        const resource = item['resourceFieldRef'] as Source | undefined;
        if (field) w.write(LEVEL_3, `${str(field['fieldPath'])} -> ${str(item['path'])}\n`);
        if (resource) w.write(LEVEL_3, `${str(resource['resource'])} -> ${str(item['path'])}\n`);
      }
    },
  ],
  ['projected', describeProjected],
  [
    'image',
    (w, s) =>
      w.write(
        LEVEL_2,
        `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${str(s['reference'])}\n    PullPolicy:\t${str(s['pullPolicy'])}\n`,
      ),
  ],
];

/** printProjectedVolumeSource: the service account token volume every pod gets looks like this */
function describeProjected(w: PrefixWriter, s: Source): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of (s['sources'] as Source[] | undefined) ?? []) {
    const secret = source['secret'] as Source | undefined;
    const configMap = source['configMap'] as Source | undefined;
    const token = source['serviceAccountToken'] as Source | undefined;
    if (secret) w.write(LEVEL_2, `SecretName:\t${str(secret['name'])}\n    Optional:\t${optional(secret)}\n`);
    else if (source['downwardAPI']) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(configMap['name'])}\n    Optional:\t${optional(configMap)}\n`);
    else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${str(token['expirationSeconds'] ?? 3600)}\n`);
  }
}

export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${volume.name}:\n`);
    const found = SOURCES.find(([key]) => volume[key] !== undefined && volume[key] !== null);
    if (found) found[1](w, volume[found[0]] as Source);
    else w.write(LEVEL_1, '<unknown>\n');
  }
}
