import { describe, expect, test } from 'vitest';
import { age, humanDuration } from './duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  test('tolerates up to a second of clock skew, then reports <invalid>', () => {
    expect(humanDuration(-999)).toBe('0s');
    expect(humanDuration(-1999)).toBe('0s');
    expect(humanDuration(-2000)).toBe('<invalid>');
  });

  test('seconds up to two minutes', () => {
    expect(humanDuration(0)).toBe('0s');
    expect(humanDuration(5 * s + 900)).toBe('5s');
    expect(humanDuration(119 * s)).toBe('119s');
  });

  test('minutes with seconds below ten minutes, plain minutes below three hours', () => {
    expect(humanDuration(2 * m)).toBe('2m');
    expect(humanDuration(3 * m + 20 * s)).toBe('3m20s');
    expect(humanDuration(9 * m + 59 * s)).toBe('9m59s');
    expect(humanDuration(10 * m + 30 * s)).toBe('10m');
    expect(humanDuration(179 * m)).toBe('179m');
  });

  test('hours with minutes below eight hours, plain hours below two days', () => {
    expect(humanDuration(3 * h)).toBe('3h');
    expect(humanDuration(4 * h + 5 * m)).toBe('4h5m');
    expect(humanDuration(8 * h + 5 * m)).toBe('8h');
    expect(humanDuration(47 * h + 59 * m)).toBe('47h');
  });

  test('days with hours below eight days, then days, then years', () => {
    expect(humanDuration(2 * d)).toBe('2d');
    expect(humanDuration(2 * d + 5 * h)).toBe('2d5h');
    expect(humanDuration(8 * d + 5 * h)).toBe('8d');
    expect(humanDuration(729 * d)).toBe('729d');
    expect(humanDuration(730 * d)).toBe('2y');
    expect(humanDuration(365 * 3 * d + 10 * d)).toBe('3y10d');
    expect(humanDuration(365 * 9 * d + 10 * d)).toBe('9y');
  });
});

describe('age', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');

  test('measures from an RFC 3339 timestamp to now', () => {
    expect(age('2024-05-01T11:55:00Z', now)).toBe('5m');
    expect(age('2024-04-28T12:00:00Z', now)).toBe('3d');
  });

  test('a missing timestamp is <unknown>, a future one <invalid>', () => {
    expect(age(undefined, now)).toBe('<unknown>');
    expect(age(null, now)).toBe('<unknown>');
    expect(age('2024-05-01T12:00:10Z', now)).toBe('<invalid>');
  });
});
