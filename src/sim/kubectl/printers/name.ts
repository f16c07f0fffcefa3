// resource names as kubectl spells them: `-o name` (cli-runtime's NamePrinter) prints
// `kind.group/name` with a lower-case kind and no group for the core API, and tables printed for
// several resource types prefix each NAME cell the same way (GroupKind.String(), lower-cased).

import type { KubeObject } from '../../api/types.ts';

/** the API group of an apiVersion: `apps` for `apps/v1`, '' for the core `v1` */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** GroupKind.String() lower-cased: `pod`, `deployment.apps`, `replicaset.apps` */
export function kindPrefix(obj: KubeObject): string {
  const group = groupOf(obj.apiVersion);
  return (group ? `${obj.kind}.${group}` : obj.kind).toLowerCase();
}

/** `pod/web`, `deployment.apps/web`, `replicaset.apps/web-5d78c9b8f4` */
export function resourceName(obj: KubeObject): string {
  return `${kindPrefix(obj)}/${obj.metadata.name ?? ''}`;
}

/** `-o name`: one line per object, each ending in a newline */
export function printNames(objects: readonly KubeObject[]): string {
  return objects.map((obj) => resourceName(obj) + '\n').join('');
}
