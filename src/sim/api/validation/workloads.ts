// workload validation: ReplicaSet, Deployment and DaemonSet (pkg/apis/apps/validation), the
// ReplicationController (pkg/apis/core/validation), and the selector immutability the apps
// registry strategies add on update.

import { field, goJson, goValue, type FieldError, type GoValue } from '../field-errors.ts';
import type { DaemonSet, Deployment, LabelSelector, PodTemplateSpec, ReplicaSet, ReplicationController } from '../types.ts';
import { nonNegative, validateImmutable, validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { isValidPercent, nameIsDNSSubdomain } from './names.ts';
import { validatePodTemplateSpec } from './pod.ts';
import {
  labelSelectorAsSelector,
  matchesRequirements,
  selectorFromSet,
  validateLabelSelector,
  type Selector,
} from './selectors.ts';

type IntOrString = number | string | undefined;
const MISMATCH = '`selector` does not match template `labels`';
const SUBDOMAIN = { namespaced: true, nameFn: nameIsDNSSubdomain };

/** a metav1.LabelSelector as encoding/json prints it inside error messages */
export function selectorJson(sel: LabelSelector | undefined): GoValue {
  if (!sel) return goValue('null');
  const parts: string[] = [];
  if (Object.keys(sel.matchLabels ?? {}).length > 0) parts.push(`"matchLabels":${goJson(sel.matchLabels)}`);
  if (sel.matchExpressions?.length) {
    const exprs = sel.matchExpressions.map(({ key, operator, values }) => {
      const vals = values?.length ? `,"values":${goJson(values)}` : '';
      return `{"key":${goJson(key)},"operator":${goJson(operator)}${vals}}`;
    });
    parts.push(`"matchExpressions":[${exprs.join(',')}]`);
  }
  return goValue(`{${parts.join(',')}}`);
}

/** ValidatePodTemplateSpecForReplicaSet (and ForRC): labels must satisfy the selector, pods must restart */
function validateTemplate(template: PodTemplateSpec, selector: Selector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const empty = selector !== null && selector.length === 0;
  if (!empty && !matchesRequirements(selector, template.metadata?.labels)) {
    errs.push(field.invalid(`${path}.metadata.labels`, template.metadata?.labels ?? null, MISMATCH));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const policy = template.spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(field.notSupported(`${path}.spec.restartPolicy`, policy, ['Always']));
  return errs;
}

/** the selector checks ReplicaSets and Deployments share, then the template against it */
function validateSelectorAndTemplate(sel: LabelSelector | undefined, template: PodTemplateSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!sel) errs.push(field.required(`${path}.selector`));
  else {
    errs.push(...validateLabelSelector(sel, `${path}.selector`));
    // upstream words this for deployments in the replica set check too
    const size = Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0);
    if (size === 0) errs.push(field.invalid(`${path}.selector`, selectorJson(sel), 'empty selector is invalid for deployment'));
  }
  const compiled = labelSelectorAsSelector(sel);
  if ('error' in compiled) return [...errs, field.invalid(`${path}.selector`, selectorJson(sel), 'invalid label selector')];
  return [...errs, ...validateTemplate(template ?? {}, compiled.selector, `${path}.template`)];
}

function percentValue(v: IntOrString): number | null {
  return typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : null;
}

/** intstr.GetIntOrPercentValue: a percent's number, else the int (a non-number string counts as 0) */
function intOrPercentValue(v: IntOrString): number {
  const percent = percentValue(v);
  if (percent !== null) return percent;
  if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
  return v ?? 0;
}

/** ValidatePositiveIntOrPercent: a percent string or a non-negative integer */
const validateIntOrPercent = (v: IntOrString, path: string): FieldError[] =>
  typeof v === 'string' ? isValidPercent(v).map((m) => field.invalid(path, v, m)) : nonNegative(v, path);

/** IsNotMoreThan100Percent */
const over100 = (v: IntOrString, path: string): FieldError[] =>
  (percentValue(v) ?? 0) > 100 ? [field.invalid(path, v, 'must not be greater than 100%')] : [];

// internal strategy structs have no json tags, so their field names print capitalised
const strategyJson = (type: unknown, rolling: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } | undefined) =>
  goValue(
    `{"Type":${goJson(type ?? '')},"RollingUpdate":${rolling ? `{"MaxUnavailable":${goJson(rolling.maxUnavailable ?? 0)},"MaxSurge":${goJson(rolling.maxSurge ?? 0)}}` : 'null'}}`,
  );

function validateDeploymentStrategy(strategy: Deployment['spec']['strategy'], path: string): FieldError[] {
  const rolling = strategy?.rollingUpdate;
  if (strategy?.type === 'Recreate') {
    return rolling ? [field.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (strategy?.type !== 'RollingUpdate') {
    return [field.notSupported(path, strategyJson(strategy?.type, rolling), ['Recreate', 'RollingUpdate'])];
  }
  if (!rolling) return [field.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
  const at = `${path}.rollingUpdate`;
  const errs = [...validateIntOrPercent(rolling.maxUnavailable, `${at}.maxUnavailable`)];
  errs.push(...validateIntOrPercent(rolling.maxSurge, `${at}.maxSurge`));
  if (intOrPercentValue(rolling.maxUnavailable) === 0 && intOrPercentValue(rolling.maxSurge) === 0) {
    errs.push(field.invalid(`${at}.maxUnavailable`, rolling.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
  }
  return [...errs, ...over100(rolling.maxUnavailable, `${at}.maxUnavailable`)];
}

function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? ({} as Deployment['spec']);
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'spec'));
  errs.push(...validateDeploymentStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(
        field.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'),
      );
    }
  }
  return errs;
}

function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? ({} as ReplicaSet['spec']);
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  return [...errs, ...validateSelectorAndTemplate(spec.selector, spec.template, 'spec')];
}

interface DaemonSetStrategy {
  type?: string;
  rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString };
}

function validateDaemonSetStrategy(strategy: DaemonSetStrategy | undefined, path: string): FieldError[] {
  if (strategy?.type === 'OnDelete') return [];
  if (strategy?.type !== 'RollingUpdate') {
    return [field.notSupported(path, strategyJson(strategy?.type, strategy?.rollingUpdate), ['RollingUpdate', 'OnDelete'])];
  }
  const rolling = strategy.rollingUpdate;
  if (!rolling) return [field.required(`${path}.rollingUpdate`)];
  const at = `${path}.rollingUpdate`;
  const errs = [...validateIntOrPercent(rolling.maxUnavailable, `${at}.maxUnavailable`)];
  errs.push(...validateIntOrPercent(rolling.maxSurge, `${at}.maxSurge`));
  errs.push(...over100(rolling.maxUnavailable, `${at}.maxUnavailable`), ...over100(rolling.maxSurge, `${at}.maxSurge`));
  const [unavailable, surge] = [intOrPercentValue(rolling.maxUnavailable) !== 0, intOrPercentValue(rolling.maxSurge) !== 0];
  if (unavailable && surge)
    errs.push(field.invalid(`${at}.maxSurge`, rolling.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!unavailable && !surge) errs.push(field.required(`${at}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function validateDaemonSetSpec(ds: DaemonSet): FieldError[] {
  const spec = (ds.spec ?? {}) as DaemonSet['spec'] & { minReadySeconds?: number; updateStrategy?: DaemonSetStrategy };
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  const compiled = labelSelectorAsSelector(spec.selector);
  const template = spec.template ?? {};
  if ('selector' in compiled && !matchesRequirements(compiled.selector, template.metadata?.labels)) {
    errs.push(field.invalid('spec.template.metadata.labels', template.metadata?.labels ?? null, MISMATCH));
  }
  const sel = spec.selector;
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
    errs.push(field.invalid('spec.selector', selectorJson(sel), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const policy = template.spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', policy, ['Always']));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateDaemonSetStrategy(spec.updateStrategy, 'spec.updateStrategy'));
  return [...errs, ...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit')];
}

function validateReplicationControllerSpec(rc: ReplicationController): FieldError[] {
  const spec = rc.spec ?? {};
  const errs = nonNegative(spec.minReadySeconds, 'spec.minReadySeconds');
  const selector = selectorFromSet(spec.selector);
  if (selector.length === 0) errs.push(field.required('spec.selector'));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  if (!spec.template) return [...errs, field.required('spec.template')];
  return [...errs, ...validateTemplate(spec.template, selector, 'spec.template')];
}

export const validateDeployment = (d: Deployment) => [...validateObjectMeta(d.metadata, SUBDOMAIN), ...validateDeploymentSpec(d)];
export const validateReplicaSet = (rs: ReplicaSet) => [
  ...validateObjectMeta(rs.metadata, SUBDOMAIN),
  ...validateReplicaSetSpec(rs),
];
export const validateDaemonSet = (ds: DaemonSet) => [...validateObjectMeta(ds.metadata, SUBDOMAIN), ...validateDaemonSetSpec(ds)];
export const validateReplicationController = (rc: ReplicationController) => [
  ...validateObjectMeta(rc.metadata, SUBDOMAIN),
  ...validateReplicationControllerSpec(rc),
];

/** apps/v1 forbids changing a controller's selector after creation (checked last, by the registry strategy) */
const selectorImmutable = (sel: LabelSelector | undefined, old: LabelSelector | undefined) =>
  validateImmutable(sel, old, 'spec.selector', selectorJson(sel));

export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  const meta = validateObjectMetaUpdate(d.metadata, old.metadata);
  return [...meta, ...validateDeploymentSpec(d), ...selectorImmutable(d.spec?.selector, old.spec?.selector)];
}

export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  const meta = validateObjectMetaUpdate(rs.metadata, old.metadata);
  return [...meta, ...validateReplicaSetSpec(rs), ...selectorImmutable(rs.spec?.selector, old.spec?.selector)];
}

export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  const meta = validateObjectMetaUpdate(ds.metadata, old.metadata);
  return [...meta, ...validateDaemonSetSpec(ds), ...selectorImmutable(ds.spec?.selector, old.spec?.selector)];
}

export function validateReplicationControllerUpdate(rc: ReplicationController, old: ReplicationController): FieldError[] {
  return [...validateObjectMetaUpdate(rc.metadata, old.metadata), ...validateReplicationControllerSpec(rc)];
}
