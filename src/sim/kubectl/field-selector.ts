// --field-selector as the apiserver evaluates it on a list: `field=value`, `field==value` and
// `field!=value`, comma-separated and ANDed, over the fields each resource offers
// (pkg/apis/core/v1 conversion's field label functions; every resource has metadata.name and
// metadata.namespace), and the server's refusals word for word.

import type { ResourceType } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';

type Getter = (obj: KubeObject) => string;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const at =
  (...path: string[]): Getter =>
  (obj) => {
    let v: unknown = obj;
    for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    return str(v);
  };

const META: Record<string, Getter> = {
  'metadata.name': at('metadata', 'name'),
  'metadata.namespace': at('metadata', 'namespace'),
};

/** resources with more than the metadata fields, and how each field reads */
const FIELDS: Record<string, Record<string, Getter>> = {
  pods: {
    ...META,
    'spec.nodeName': at('spec', 'nodeName'),
    'spec.restartPolicy': at('spec', 'restartPolicy'),
    'spec.schedulerName': at('spec', 'schedulerName'),
    'spec.serviceAccountName': at('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => str((o as { spec?: { hostNetwork?: boolean } }).spec?.hostNetwork ?? false),
    'status.phase': at('status', 'phase'),
    'status.podIP': at('status', 'podIP'),
    'status.podIPs': at('status', 'podIP'),
    'status.nominatedNodeName': at('status', 'nominatedNodeName'),
  },
  nodes: {
    'metadata.name': at('metadata', 'name'),
    'spec.unschedulable': (o) => str((o as { spec?: { unschedulable?: boolean } }).spec?.unschedulable ?? false),
  },
  namespaces: { 'metadata.name': at('metadata', 'name'), 'status.phase': at('status', 'phase') },
  events: {
    ...META,
    'involvedObject.kind': at('involvedObject', 'kind'),
    'involvedObject.namespace': at('involvedObject', 'namespace'),
    'involvedObject.name': at('involvedObject', 'name'),
    'involvedObject.uid': at('involvedObject', 'uid'),
    'involvedObject.apiVersion': at('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject', 'fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: at('source', 'component'),
    type: at('type'),
  },
  services: { ...META, 'spec.clusterIP': at('spec', 'clusterIP'), 'spec.type': at('spec', 'type') },
  replicationcontrollers: { ...META, 'status.replicas': at('status', 'replicas') },
  replicasets: { ...META, 'status.replicas': at('status', 'replicas') },
};

/** pods and the other converted kinds answer "field label not supported"; the rest list what they have */
const CONVERTED = new Set(['pods', 'nodes', 'namespaces', 'events', 'services', 'replicationcontrollers', 'replicasets']);

interface Term {
  field: string;
  value: string;
  equal: boolean;
}

function parse(text: string): Term[] | null {
  const terms: Term[] = [];
  for (const part of text.split(',')) {
    if (part === '') continue;
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part);
    if (!m) return null;
    terms.push({ field: m[1]!.trim(), value: m[3]!.trim(), equal: m[2] !== '!=' });
  }
  return terms;
}

/** fields.ParseSelector's complaint about a selector it cannot read, as kubectl prints it client-side; null when it reads */
export function fieldSelectorError(text: string): string | null {
  if (parse(text)) return null;
  return `invalid selector: '${text}'; can't understand '${text.split(',').find((p) => !/[=]/.test(p)) ?? text}'`;
}

export type FieldFilter = { ok: true; match: (obj: KubeObject) => boolean } | { ok: false; error: string };

/** the filter for one resource, or the server's BadRequest as kubectl prints it */
export function fieldFilter(type: ResourceType, text: string | undefined, labelSelector: string | undefined): FieldFilter {
  if (text === undefined || text === '') return { ok: true, match: () => true };
  const group = type.group ? `${type.group}/${type.version}` : `/${type.version}`;
  const prefix = `Error from server (BadRequest): Unable to find "${group}, Resource=${type.resource}" that match label selector "${labelSelector ?? ''}", field selector "${text}": `;
  const terms = parse(text);
  if (!terms)
    return {
      ok: false,
      error: `${prefix}${fieldSelectorError(text)}`,
    };
  const fields = FIELDS[type.resource] ?? META;
  const getters: [Getter, Term][] = [];
  for (const term of terms) {
    const field = type.resource === 'pods' && term.field === 'spec.host' ? 'spec.nodeName' : term.field;
    const getter = fields[field];
    if (!getter) {
      return {
        ok: false,
        error: CONVERTED.has(type.resource)
          ? `${prefix}field label not supported: ${term.field}`
          : `${prefix}"${term.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      };
    }
    getters.push([getter, term]);
  }
  return { ok: true, match: (obj) => getters.every(([get, term]) => (get(obj) === term.value) === term.equal) };
}
