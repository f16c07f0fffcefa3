// field-level validation errors, rendered the way apimachinery's field.Error renders them
// (k8s.io/apimachinery/pkg/util/validation/field/errors.go). since 1.33 upstream prints bad
// values as: strings %q-quoted, int32/int64/float/bool bare, everything else through
// encoding/json (maps with sorted keys, structs with their json field names, nil as null).

import { goQuote } from './go-quote.ts';

export { goQuote };

export type FieldErrorType =
  'Invalid' | 'Required' | 'Duplicate' | 'NotSupported' | 'Forbidden' | 'TooLong' | 'TooMany' | 'Internal' | 'NotFound';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail: string;
  supported?: string[];
}

/** a bad value printed verbatim: go structs whose json the caller spells out in go's field order */
export class GoValue {
  constructor(readonly text: string) {}
}

export const goValue = (text: string): GoValue => new GoValue(text);

/** TooMany with an unknown count shows no value at all */
export const OMIT_VALUE = Symbol('omit');

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  Duplicate: 'Duplicate value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TooMany: 'Too many',
  Internal: 'Internal error',
  NotFound: 'Not found',
};

const CAUSE_TYPE: Record<FieldErrorType, string> = {
  Invalid: 'FieldValueInvalid',
  Required: 'FieldValueRequired',
  Duplicate: 'FieldValueDuplicate',
  NotSupported: 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  Internal: 'InternalError',
  NotFound: 'FieldValueNotFound',
};

/** the metav1.CauseType a Status carries for this error */
export const causeType = (type: FieldErrorType): string => CAUSE_TYPE[type];

/** constructors named after upstream's field.Invalid, field.Required, ... */
export const field = {
  invalid: (path: string, value: unknown, detail: string): FieldError => ({
    type: 'Invalid',
    field: path,
    badValue: value,
    detail,
  }),
  required: (path: string, detail = ''): FieldError => ({ type: 'Required', field: path, badValue: '', detail }),
  duplicate: (path: string, value: unknown): FieldError => ({ type: 'Duplicate', field: path, badValue: value, detail: '' }),
  notFound: (path: string, value: unknown): FieldError => ({ type: 'NotFound', field: path, badValue: value, detail: '' }),
  notSupported: (path: string, value: unknown, supported: readonly string[]): FieldError => ({
    type: 'NotSupported',
    field: path,
    badValue: value,
    detail: supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
    supported: [...supported],
  }),
  forbidden: (path: string, detail: string): FieldError => ({ type: 'Forbidden', field: path, badValue: '', detail }),
  tooLong: (path: string, max: number): FieldError => ({
    type: 'TooLong',
    field: path,
    badValue: '<value omitted>',
    detail: max >= 0 ? `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}` : 'value is too long',
  }),
  tooMany: (path: string, actual: number, max: number): FieldError => ({
    type: 'TooMany',
    field: path,
    badValue: actual >= 0 ? actual : OMIT_VALUE,
    detail: max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items',
  }),
  internal: (path: string, detail: string): FieldError => ({ type: 'Internal', field: path, badValue: null, detail }),
};

/** field.Error.ErrorBody(): the message without the field path */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const valueless = e.type === 'Required' || e.type === 'Forbidden' || e.type === 'TooLong' || e.type === 'Internal';
  if (!valueless && e.badValue !== OMIT_VALUE) s += `: ${renderBadValue(e.badValue)}`;
  const detail = e.detail || (e.supported?.length ? `supported values: ${e.supported.map(goQuote).join(', ')}` : '');
  if (detail) s += `: ${detail}`;
  return s;
}

/** field.Error.Error(): `spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
export function renderFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, several wrapped in [a, b] */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const messages = [...new Set(errors.map(renderFieldError))];
  return messages.length === 1 ? messages[0]! : messages.length === 0 ? '' : `[${messages.join(', ')}]`;
}

export function renderBadValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return goJson(value);
}

/** encoding/json.Marshal of plain data: object keys sorted as go sorts map keys, html escaped */
export function goJson(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${jsonString(k)}:${goJson(v)}`).join(',')}}`;
  }
  return 'null';
}

function jsonString(s: string): string {
  // go escapes <, > and & (and the js line separators) where JSON.stringify does not
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
