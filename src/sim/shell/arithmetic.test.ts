// sh's $((…)) as a container's own command reads it: what it evaluates, and what it refuses
import { describe, expect, test } from 'vitest';
import { ArithmeticFailure, compileArithmetic } from './arithmetic.ts';

const evaluate = (source: string, vars: Record<string, string> = {}) => {
  const compiled = compileArithmetic(source);
  if ('error' in compiled) return compiled.error;
  return compiled.evaluate(new Map(Object.entries(vars)));
};

describe('arithmetic expansion', () => {
  test('integers with C precedence, truncating division, comparisons and logic as 0 or 1', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('7 / 2')).toBe(3);
    expect(evaluate('-7 / 2')).toBe(-3);
    expect(evaluate('-7 % 3')).toBe(-1);
    expect(evaluate('2 < 3 && 3 <= 3 || 0')).toBe(1);
    expect(evaluate('!5')).toBe(0);
    expect(evaluate('0x1f + 1')).toBe(32);
    expect(evaluate('')).toBe(0);
  });

  test('variables by name or with $, unset or empty as 0; one that is no number fails when it runs', () => {
    expect(evaluate('i + 1', { i: '41' })).toBe(42);
    expect(evaluate('$i * 2', { i: ' 3 ' })).toBe(6);
    expect(evaluate('nope + 1')).toBe(1);
    expect(() => evaluate('x + 1', { x: 'abc' })).toThrow(ArithmeticFailure);
    expect(() => evaluate('1 / 0')).toThrow(new ArithmeticFailure('division by zero'));
  });

  test('what this reading does not take is refused when read', () => {
    expect(evaluate('i++')).toBe("'++'");
    expect(evaluate('2 ** 3')).toBe("'**'");
    expect(evaluate('a = 1')).toBe("'='");
    expect(evaluate('(1 + 2')).toBe("a missing ')'");
    expect(evaluate('1 +')).toBe('a missing operand');
  });
});
