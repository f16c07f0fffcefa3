import { describe, expect, test } from 'vitest';
import { renderFieldError } from '../field-errors.ts';
import {
  formatLabelSelector,
  labelSelectorAsSelector,
  matchesSelector,
  parseSelector,
  requirementsToString,
  selectorFromSet,
  selectorToString,
  validateLabelSelector,
} from './selectors.ts';

const render = (errs: Parameters<typeof renderFieldError>[0][]) => errs.map(renderFieldError);
const parsed = (text: string) => {
  const result = parseSelector(text);
  return 'error' in result ? `error: ${result.error}` : requirementsToString(result.requirements);
};

describe('validateLabelSelector', () => {
  test('In needs values, Exists takes none, operators are checked', () => {
    const errs = validateLabelSelector(
      {
        matchExpressions: [
          { key: 'tier', operator: 'In' },
          { key: 'env', operator: 'Exists', values: ['x'] },
          { key: 'app', operator: 'Has' as 'In', values: ['a b'] },
        ],
      },
      'spec.selector',
    );
    expect(render(errs)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Has": not a valid selector operator',
      `spec.selector.matchExpressions[2].values[0]: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });

  test('matchLabels errors carry the map path', () => {
    expect(render(validateLabelSelector({ matchLabels: { app: 'web!' } }, 'spec.selector'))[0]).toMatch(
      /^spec\.selector\.matchLabels: Invalid value: "web!": a valid label must be/,
    );
  });
});

describe('matching', () => {
  test('matchLabels and expressions together', () => {
    const sel = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In' as const, values: ['a', 'b'] },
        { key: 'canary', operator: 'DoesNotExist' as const },
      ],
    };
    expect(matchesSelector(sel, { app: 'web', tier: 'b' })).toBe(true);
    expect(matchesSelector(sel, { app: 'web', tier: 'c' })).toBe(false);
    expect(matchesSelector(sel, { app: 'web', tier: 'a', canary: 'yes' })).toBe(false);
  });

  test('an empty selector selects everything, a missing one nothing', () => {
    expect(matchesSelector({}, { anything: 'x' })).toBe(true);
    expect(matchesSelector(undefined, { anything: 'x' })).toBe(false);
  });

  test('a conversion error is upstream text', () => {
    expect(labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' as 'In' }] })).toEqual({
      error: '"Foo" is not a valid label selector operator',
    });
  });
});

describe('string forms', () => {
  test('sorted by key, set values sorted', () => {
    expect(
      selectorToString({
        matchLabels: { tier: 'web', app: 'x' },
        matchExpressions: [
          { key: 'env', operator: 'NotIn', values: ['prod', 'dev'] },
          { key: 'zz', operator: 'Exists' },
        ],
      }),
    ).toBe('app=x,env notin (dev,prod),tier=web,zz');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(requirementsToString(selectorFromSet({ b: '2', a: '1' }))).toBe('a=1,b=2');
  });
});

describe('parseSelector', () => {
  test('every operator kubectl -l accepts', () => {
    expect(parsed('app=web')).toBe('app=web');
    expect(parsed('app==web,tier!=db')).toBe('app==web,tier!=db');
    expect(parsed('tier in (b, a),env notin (prod)')).toBe('env notin (prod),tier in (a,b)');
    expect(parsed('canary, !legacy')).toBe('canary,!legacy');
    expect(parsed('x in (in, notin)')).toBe('x in (in,notin)');
    expect(parsed('')).toBe('');
  });

  test('matches parsed requirements', () => {
    const result = parseSelector('app in (web,api),!canary');
    expect('requirements' in result && result.requirements.map((r) => r.key)).toEqual(['app', 'canary']);
  });

  test("upstream's parse errors", () => {
    expect(parsed('app=web,')).toBe("error: found '', expected: identifier after ','");
    expect(parsed('app web')).toBe("error: unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt");
    expect(parsed('tier in a')).toBe("error: unable to parse requirement: found 'a' expected: '('");
    expect(parsed('tier in (a b)')).toBe("error: unable to parse requirement: found 'b', expected: ',' or ')'");
    expect(parsed(',a')).toBe("error: found ',', expected: !, identifier, or 'end of string'");
    expect(parsed('a=b c')).toBe("error: found 'c', expected: ',' or 'end of string'");
    expect(parsed('a@b=c')).toBe(
      "error: unable to parse requirement: <nil>: Invalid value: \"a@b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
    expect(parsed('a=b@')).toMatch(
      /^error: unable to parse requirement: values\[0\]\[a\]: Invalid value: "b@": a valid label must be/,
    );
  });
});
