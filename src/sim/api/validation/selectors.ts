// label selectors: validation of metav1.LabelSelector (apis/meta/v1/validation), conversion to
// requirements and matching (metav1.LabelSelectorAsSelector, k8s.io/apimachinery/pkg/labels),
// the string form kubectl prints, and the parser behind `-l`, with upstream's error messages.

import { aggregateMessage, field, renderFieldError, type FieldError } from '../field-errors.ts';
import type { LabelSelector, LabelSelectorRequirement } from '../types.ts';
import { validateLabelName, validateLabels } from './meta.ts';
import { isQualifiedName, isValidLabelValue } from './names.ts';

/** selection.Operator values */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}
/** null selects nothing (a nil selector); an empty list selects everything */
export type Selector = Requirement[] | null;
export type Labels = Record<string, string> | undefined;

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

export function validateLabelSelector(sel: LabelSelector | undefined, path: string, allowInvalidValues = false): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const values = expr.values ?? [];
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) errs.push(field.required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0)
        errs.push(field.forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(field.invalid(`${at}.operator`, expr.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key, `${at}.key`));
    if (!allowInvalidValues) {
      values.forEach((v, j) => errs.push(...isValidLabelValue(v).map((msg) => field.invalid(`${at}.values[${j}]`, v, msg))));
    }
  });
  return errs;
}

/** labels.NewRequirement: the requirement and what is wrong with it (paths rooted at `key`/`values`) */
export function newRequirement(key: string, operator: Operator, values: string[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const keyErrors = isQualifiedName(key);
  if (keyErrors.length > 0) errs.push(field.invalid('key', key, keyErrors.join('; ')));
  const vals = values ?? [];
  if ((operator === 'in' || operator === 'notin') && vals.length === 0) {
    errs.push(field.invalid('values', values ?? null, "for 'in', 'notin' operators, values set can't be empty"));
  } else if ((operator === '=' || operator === '==' || operator === '!=') && vals.length !== 1) {
    errs.push(field.invalid('values', values ?? null, 'exact-match compatibility requires one single value'));
  } else if ((operator === 'exists' || operator === '!') && vals.length !== 0) {
    errs.push(field.invalid('values', vals, 'values set must be empty for exists and does not exist'));
  } else if (operator === 'gt' || operator === 'lt') {
    if (vals.length !== 1) errs.push(field.invalid('values', vals, "for 'Gt', 'Lt' operators, exactly one value is required"));
    vals.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v))
        errs.push(field.invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(field.invalid(`values[${i}][${key}]`, v, msgs.join('; ')));
  });
  return errs;
}

const byKey = (reqs: Requirement[]) => [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const OPERATOR_OF: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** metav1.LabelSelectorAsSelector: a selector or the error message upstream returns */
export function labelSelectorAsSelector(sel: LabelSelector | undefined): { selector: Selector } | { error: string } {
  if (!sel) return { selector: null };
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    const errs = newRequirement(key, '=', [value]);
    if (errs.length > 0) return { error: aggregateMessage(errs) };
    reqs.push({ key, operator: '=', values: [value] });
  }
  for (const expr of sel.matchExpressions ?? []) {
    const operator = OPERATOR_OF[expr.operator];
    if (!operator) return { error: `"${expr.operator}" is not a valid label selector operator` };
    // upstream copies the values with append([]string(nil), ...), so an empty list reads as nil
    const errs = newRequirement(expr.key, operator, expr.values?.length ? expr.values : undefined);
    if (errs.length > 0) return { error: aggregateMessage(errs) };
    reqs.push({ key: expr.key, operator, values: [...(expr.values ?? [])] });
  }
  return { selector: byKey(reqs) };
}

/** the LabelSelector operator of each set-based requirement operator (the inverse of OPERATOR_OF) */
const LABEL_SELECTOR_OPERATOR = Object.fromEntries(Object.entries(OPERATOR_OF).map(([op, req]) => [req, op])) as Partial<
  Record<Operator, LabelSelectorRequirement['operator']>
>;

/**
 * metav1.ParseToLabelSelector: the string form parsed as labels.Parse does, equality requirements
 * as matchLabels and set-based ones as matchExpressions (`!=`, `>` and `<` have no LabelSelector form)
 */
export function parseToLabelSelector(
  text: string,
):
  { ok: true; matchLabels: Record<string, string>; matchExpressions: LabelSelectorRequirement[] } | { ok: false; error: string } {
  const parsed = parseSelector(text);
  if ('error' in parsed) return { ok: false, error: `couldn't parse the selector string "${text}": ${parsed.error}` };
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const req of parsed.requirements) {
    if (req.operator === '=' || req.operator === '==') {
      matchLabels[req.key] = req.values[0] ?? '';
      continue;
    }
    if (req.operator === 'gt' || req.operator === 'lt')
      return { ok: false, error: `"${req.operator}" isn't supported in label selectors` };
    const operator = LABEL_SELECTOR_OPERATOR[req.operator];
    if (!operator) return { ok: false, error: `"${req.operator}" is not a valid label selector operator` };
    matchExpressions.push({ key: req.key, operator, values: req.values });
  }
  return { ok: true, matchLabels, matchExpressions };
}

/** labels.SelectorFromSet, for the plain-map selectors of services and replication controllers */
export function selectorFromSet(set: Labels): Requirement[] {
  return byKey(Object.entries(set ?? {}).map(([key, value]) => ({ key, operator: '=', values: [value] })));
}

export function matchesRequirements(reqs: Selector, labels: Labels): boolean {
  if (reqs === null) return false;
  const ls = labels ?? {};
  // an indexed loop: controllers match every pod they own on every sync
  for (let i = 0; i < reqs.length; i++) if (!matchesRequirement(reqs[i]!, ls)) return false;
  return true;
}

function matchesRequirement({ key, operator, values }: Requirement, ls: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(ls, key);
  const value = ls[key];
  switch (operator) {
    case 'in':
    case '=':
    case '==':
      return has && values.includes(value!);
    case 'notin':
    case '!=':
      return !has || !values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    default: {
      if (!has || !/^[+-]?\d+$/.test(value!) || values.length !== 1 || !/^[+-]?\d+$/.test(values[0]!)) return false;
      return operator === 'gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
  }
}

/** whether a LabelSelector selects these labels: a missing selector selects nothing, an empty one everything */
export function matchesSelector(sel: LabelSelector | undefined, labels: Labels): boolean {
  const result = labelSelectorAsSelector(sel);
  return 'selector' in result && matchesRequirements(result.selector, labels);
}

/** Requirement.String joined by commas: `app=web,tier in (a,b),!canary` */
export function requirementsToString(reqs: Selector): string {
  return (reqs ?? [])
    .map(({ key, operator, values }) => {
      if (operator === 'exists') return key;
      if (operator === '!') return `!${key}`;
      const vals = values.length === 1 ? values[0]! : [...values].sort().join(',');
      const op = { in: ' in ', notin: ' notin ', '=': '=', '==': '==', '!=': '!=', gt: '>', lt: '<' }[operator];
      return operator === 'in' || operator === 'notin' ? `${key}${op}(${vals})` : `${key}${op}${vals}`;
    })
    .join(',');
}

/** selector.String() of a LabelSelector ('' for a nil or empty one) */
export function selectorToString(sel: LabelSelector | undefined): string {
  const result = labelSelectorAsSelector(sel);
  return 'selector' in result ? requirementsToString(result.selector) : '';
}

/** metav1.FormatLabelSelector, as kubectl describe and get -o wide print selectors */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const result = labelSelectorAsSelector(sel);
  if ('error' in result) return '<error>';
  return requirementsToString(result.selector) || '<none>';
}

// the lexer's tokens: symbols and words; `in`/`notin` are keywords only where an operator may stand
const TOKEN = /\s*(!=|==|[=!(),<>]|[^\s=!(),<>]+)/y;

function lex(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push(m[1]!);
  return tokens;
}

const OPERATORS: Record<string, Operator> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };
const isId = (t: string | undefined) => t !== undefined && !/^(!=|==|[=!(),<>])$/.test(t);

class ParseError extends Error {}

/** labels.Parse, as the server parses `kubectl get -l`: requirements sorted by key, or the error text */
export function parseSelector(text: string): { requirements: Requirement[] } | { error: string } {
  const tokens = lex(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const lit = (t: string | undefined) => t ?? '';
  const fail = (msg: string): never => {
    throw new ParseError(msg);
  };
  const requirement = (): Requirement => {
    let t = next();
    const negated = t === '!';
    if (negated) t = next();
    if (!isId(t)) fail(`found '${lit(t)}', expected: identifier`);
    const key = t!;
    const keyErrors = isQualifiedName(key);
    if (keyErrors.length > 0) fail(renderFieldError(field.invalid('<nil>', key, keyErrors.join('; '))));
    let operator: Operator = negated ? '!' : 'exists';
    let values: string[] = [];
    if (!negated && peek() !== undefined && peek() !== ',') {
      const op = next()!;
      operator = OPERATORS[op] ?? fail(`found '${op}', expected: ${BINARY_OPERATORS.join(', ')}`);
      values = operator === 'in' || operator === 'notin' ? valueSet() : exactValue();
    }
    const errs = newRequirement(key, operator, values);
    if (errs.length > 0) fail(aggregateMessage(errs));
    return { key, operator, values };
  };
  const valueSet = (): string[] => {
    const open = next();
    if (open !== '(') fail(`found '${lit(open)}' expected: '('`);
    const first = peek();
    if (first === ')') return (next(), ['']);
    if (!isId(first) && first !== ',') fail(`found '${lit(first)}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const t = next();
      if (isId(t)) {
        values.add(t!);
        if (peek() === ')') break;
        if (peek() !== ',') fail(`found '${lit(peek())}', expected: ',' or ')'`);
      } else if (t === ',') {
        // empty entries: `(,a)`, `(a,,b)` and `(a,)` all add the empty value
        if (values.size === 0 || peek() === ',' || peek() === ')') values.add('');
        if (peek() === ')') break;
      } else fail(`found '${lit(t)}', expected: ',', or identifier`);
    }
    next();
    return [...values].sort();
  };
  const exactValue = (): string[] => {
    if (peek() === undefined || peek() === ',') return [''];
    const t = next();
    return isId(t) ? [t!] : fail(`found '${lit(t)}', expected: identifier`);
  };
  const reqs: Requirement[] = [];
  try {
    while (peek() !== undefined) {
      if (!isId(peek()) && peek() !== '!') fail(`found '${lit(peek())}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(requirement());
      } catch (e) {
        throw e instanceof ParseError ? new ParseError(`unable to parse requirement: ${e.message}`) : e;
      }
      const after = next();
      if (after === undefined) break;
      if (after !== ',') fail(`found '${after}', expected: ',' or 'end of string'`);
      if (!isId(peek()) && peek() !== '!') fail(`found '${lit(peek())}', expected: identifier after ','`);
    }
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message };
    throw e;
  }
  return { requirements: byKey(reqs) };
}
