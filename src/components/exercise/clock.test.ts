import { describe, expect, test } from 'vitest';
import { crossedMark, formatClock } from './clock.ts';

describe('formatClock', () => {
  test('returns minutes and seconds, rounding up, never below zero', () => {
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(-5_000)).toBe('0:00');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });
});

describe('crossedMark', () => {
  test('returns the mark the clock crossed between two readings', () => {
    expect(crossedMark(300_500, 299_500)).toBe('five');
    expect(crossedMark(60_400, 59_400)).toBe('one');
    expect(crossedMark(400, -600)).toBe('up');
  });

  test('returns null between marks and when starting past one', () => {
    expect(crossedMark(200_000, 199_000)).toBeNull();
    expect(crossedMark(180_000, 180_000)).toBeNull();
  });

  test('returns the last mark when the tab slept through several', () => {
    expect(crossedMark(400_000, -1_000)).toBe('up');
  });
});
