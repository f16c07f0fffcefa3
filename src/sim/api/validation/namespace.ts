// Namespace validation (pkg/apis/core/validation: ValidateNamespace, ValidateNamespaceUpdate,
// ValidateNamespaceStatusUpdate, ValidateNamespaceFinalizeUpdate) and the NamespaceLifecycle
// admission refusals, worded as upstream words them.

import { field, type FieldError } from '../field-errors.ts';
import { forbidden, type StatusError } from '../status-errors.ts';
import type { Namespace } from '../types.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.ts';
import { isQualifiedName, nameIsDNSLabel } from './names.ts';

/** namespaces the lifecycle plugin refuses to delete */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** validateFinalizerName: a qualified name, and unprefixed only for the standard `kubernetes` */
function validateFinalizerName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => field.invalid(path, name, msg));
  if (!name.includes('/') && name !== 'kubernetes' && name !== 'orphan' && name !== 'foregroundDeletion') {
    errs.push(field.invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, { namespaced: false, nameFn: nameIsDNSLabel });
  // upstream reports spec finalizers without their index here
  for (const name of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(name, 'spec.finalizers'));
  return errs;
}

/** a plain update only checks metadata: spec.finalizers and status have their own subresources */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}

/** the namespace/status subresource: the phase must agree with deletionTimestamp */
export function validateNamespaceStatusUpdate(ns: Namespace, old: Namespace): FieldError[] {
  const errs = validateObjectMetaUpdate(ns.metadata, old.metadata);
  const phase = ns.status?.phase ?? '';
  if (!ns.metadata.deletionTimestamp && phase !== 'Active') {
    errs.push(field.invalid('status.Phase', phase, "may only be 'Active' if `deletionTimestamp` is empty"));
  } else if (ns.metadata.deletionTimestamp && phase !== 'Terminating') {
    errs.push(field.invalid('status.Phase', phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
  }
  return errs;
}

/** the namespace/finalize subresource, which the namespace controller uses to drop `kubernetes` */
export function validateNamespaceFinalizeUpdate(ns: Namespace, old: Namespace): FieldError[] {
  const errs = validateObjectMetaUpdate(ns.metadata, old.metadata);
  (ns.spec?.finalizers ?? []).forEach((name, i) => errs.push(...validateFinalizerName(name, `spec.finalizers[${i}]`)));
  return errs;
}

/** the namespace strategy's PrepareForUpdate: spec.finalizers and status come from the stored object */
export function prepareNamespaceUpdate(ns: Namespace, old: Namespace): void {
  if (old.spec) ns.spec = { ...ns.spec, finalizers: [...(old.spec.finalizers ?? [])] };
  else delete ns.spec;
  if (old.status) ns.status = structuredClone(old.status);
}

/** `pods "web" is forbidden: unable to create new content in namespace dev because it is being terminated` */
export function namespaceTerminating(resource: string, name: string, namespace: string): StatusError {
  return forbidden(resource, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
}

/** `namespaces "default" is forbidden: this namespace may not be deleted` */
export function namespaceImmortal(name: string): StatusError {
  return forbidden('namespaces', name, 'this namespace may not be deleted');
}
