import { describe, expect, test } from 'vitest';
import { quizCorrect } from './quiz-check.ts';

describe('quizCorrect', () => {
  test('single choice: exactly the right option', () => {
    expect(quizCorrect('single', 2, ['2'])).toBe(true);
    expect(quizCorrect('single', 2, ['1'])).toBe(false);
    expect(quizCorrect('single', 2, [])).toBe(false);
  });

  test('multiple choice: every right option and nothing else, in any order', () => {
    expect(quizCorrect('multiple', [0, 2], ['2', '0'])).toBe(true);
    expect(quizCorrect('multiple', [0, 2], ['0'])).toBe(false);
    expect(quizCorrect('multiple', [0, 2], ['0', '1', '2'])).toBe(false);
  });

  test('short answer: any accepted answer, ignoring case and extra spaces; empty is wrong', () => {
    expect(quizCorrect('short', ['localhost', '127.0.0.1'], ['  LocalHost '])).toBe(true);
    expect(quizCorrect('short', ['pause container'], ['pause   container'])).toBe(true);
    expect(quizCorrect('short', ['localhost'], ['nginx'])).toBe(false);
    expect(quizCorrect('short', ['localhost'], [' '])).toBe(false);
  });
});
