// the runtime error of jsonpath evaluation and the filter comparisons, which client-go borrows
// from text/template (eq, lt, ...): both sides must be of the same basic kind, except that signed
// and unsigned integers compare with each other.

import { compareStrings, GoByte, GoFloat } from './go-fmt.ts';

export class JsonPathRuntimeError extends Error {
  /** what the failing step handed back; an `exists` filter still looks at it */
  constructor(
    message: string,
    readonly partial: unknown[] = [],
  ) {
    super(message);
  }
}

export const fail = (message: string, partial: unknown[] = []): never => {
  throw new JsonPathRuntimeError(message, partial);
};

type Kind = 'bool' | 'int' | 'uint' | 'float' | 'string';

/** text/template's basicKind */
function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoByte) return 'uint';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return fail('invalid type for comparison');
}

const numeric = (v: unknown): number => (v instanceof GoByte || v instanceof GoFloat ? v.value : (v as number));

function equal(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    // integers compare across signedness; anything else is a type error
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return numeric(a) === numeric(b);
    return fail('incompatible types for comparison');
  }
  return ka === 'string' || ka === 'bool' ? a === b : numeric(a) === numeric(b);
}

function less(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return numeric(a) < numeric(b);
    return fail('incompatible types for comparison');
  }
  if (ka === 'bool') return fail('invalid type for comparison');
  if (ka === 'string') return compareStrings(a as string, b as string) < 0;
  return numeric(a) < numeric(b);
}

export function compare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '<':
      return less(left, right);
    case '>':
      return !(less(left, right) || equal(left, right));
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '<=':
      return less(left, right) || equal(left, right);
    case '>=':
      return !less(left, right);
  }
  return fail(`unrecognized filter operator ${operator}`);
}
