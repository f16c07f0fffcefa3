// apiserver failures as metav1.Status values, with the messages of apimachinery's
// k8s.io/apimachinery/pkg/api/errors constructors, plus how kubectl prints them
// (k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr / StandardErrorMessage).

import { aggregateMessage, causeType, errorBody, goQuote, type FieldError } from './field-errors.ts';
import { typeForKind } from './resources.ts';

export type StatusReason =
  'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed' | 'InternalError';

export interface StatusCause {
  /** the cause type, e.g. FieldValueInvalid */
  reason: string;
  message: string;
  field: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  /** the resource (`pods`) for most reasons, the kind (`Pod`) for Invalid, as upstream */
  kind?: string;
  causes?: StatusCause[];
}

export interface StatusError {
  reason: StatusReason;
  code: number;
  message: string;
  details?: StatusDetails;
}

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Invalid: 422,
  BadRequest: 400,
  Conflict: 409,
  Forbidden: 403,
  MethodNotAllowed: 405,
  InternalError: 500,
};

function status(reason: StatusReason, message: string, details?: StatusDetails): StatusError {
  return details ? { reason, code: CODES[reason], message, details } : { reason, code: CODES[reason], message };
}

/** `deployments.apps` → group `apps`, resource `deployments`; the group is omitted when empty, as in json */
function resourceDetails(qualified: string, name: string): StatusDetails {
  const dot = qualified.indexOf('.');
  const resource = dot < 0 ? qualified : qualified.slice(0, dot);
  const group = dot < 0 ? '' : qualified.slice(dot + 1);
  const details: StatusDetails = {};
  if (name) details.name = name;
  if (group) details.group = group;
  if (resource) details.kind = resource;
  return details;
}

/** `pods "x" not found`, `deployments.apps "web" not found` */
export function notFound(resource: string, name: string): StatusError {
  return status('NotFound', `${resource} ${goQuote(name)} not found`, resourceDetails(resource, name));
}

export function alreadyExists(resource: string, name: string): StatusError {
  return status('AlreadyExists', `${resource} ${goQuote(name)} already exists`, resourceDetails(resource, name));
}

/** `Operation cannot be fulfilled on deployments.apps "web": the object has been modified; ...` */
export function conflict(resource: string, name: string, reason: string): StatusError {
  return status(
    'Conflict',
    `Operation cannot be fulfilled on ${resource} ${goQuote(name)}: ${reason}`,
    resourceDetails(resource, name),
  );
}

export function badRequest(message: string): StatusError {
  return status('BadRequest', message);
}

/**
 * errors.NewForbidden: `pods "x" is forbidden: <reason>` (or `pods is forbidden: ...` without a
 * name). with one argument the message is taken as already complete.
 */
export function forbidden(message: string): StatusError;
export function forbidden(resource: string, name: string, reason: string): StatusError;
export function forbidden(resourceOrMessage: string, name?: string, reason?: string): StatusError {
  if (reason === undefined) return status('Forbidden', resourceOrMessage);
  const resource = resourceOrMessage;
  const message = !resource
    ? `forbidden: ${reason}`
    : name
      ? `${resource} ${goQuote(name)} is forbidden: ${reason}`
      : `${resource} is forbidden: ${reason}`;
  return status('Forbidden', message, resourceDetails(resource, name ?? ''));
}

/** `delete is not supported on resources of kind "events"`-style 405s */
export function methodNotAllowed(resource: string, action: string): StatusError {
  return status(
    'MethodNotAllowed',
    `${action} is not supported on resources of kind ${goQuote(resource)}`,
    resourceDetails(resource, ''),
  );
}

export function internalError(message: string): StatusError {
  return status('InternalError', `Internal error occurred: ${message}`, { causes: [{ reason: '', message, field: '' }] });
}

/**
 * errors.NewInvalid. the server's message is `Deployment.apps "web" is invalid: <errors>` (one
 * error bare, several as `[a, b]`); kubectl instead prints `The Deployment "web" is invalid: ...`
 * from details.kind and the causes, see kubectlMessage.
 */
export function invalid(kind: string, name: string, errors: readonly FieldError[], type?: { group: string }): StatusError {
  const group = type?.group ?? typeForKind(kind)?.group ?? '';
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const aggregate = aggregateMessage(errors);
  const message = aggregate
    ? `${qualifiedKind} ${goQuote(name)} is invalid: ${aggregate}`
    : `${qualifiedKind} ${goQuote(name)} is invalid`;
  const details: StatusDetails = {};
  if (name) details.name = name;
  if (group) details.group = group;
  details.kind = kind;
  details.causes = errors.map((e) => ({ reason: causeType(e.type), message: errorBody(e), field: e.field }));
  return status('Invalid', message, details);
}

/** the text kubectl writes to stderr for a server error (without the trailing newline) */
export function kubectlMessage(err: StatusError): string {
  if (err.reason !== 'Invalid') return `Error from server (${err.reason}): ${err.message}`;
  const details = err.details;
  let s = 'The request is invalid';
  if (!details) return err.message ? `${s}: ${err.message}` : s;
  if (details.kind || details.name) s = `The ${details.kind ?? ''} ${goQuote(details.name ?? '')} is invalid`;
  else if (err.message && !details.causes?.length) s += `: ${err.message}`;
  // statusCausesToAggrError drops repeated `field: message` lines, keeping the first
  const causes = [...new Set((details.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
  if (causes.length === 0) return s;
  if (causes.length === 1) return `${s}: ${causes[0]}`;
  return `${s}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
}
