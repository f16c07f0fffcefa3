import { describe, expect, test } from 'vitest';
import { progressSchema } from './storage-schema.ts';

describe('progressSchema', () => {
  test('accepts an exercise entry saved before seeds, last checks and challenges were kept', () => {
    const old = { v: 1, lessons: {}, exercises: { 'pods/first-pod': { status: 'passed', solutionShown: false, attempts: 2 } } };
    expect(progressSchema.safeParse(old).success).toBe(true);
  });

  test("accepts the exercise page's seed, last check and challenge attempts, and rejects a bad claim", () => {
    const attempt = {
      exerciseId: 'nodeport/numbers-api-challenge',
      seed: 7,
      startedAt: 1,
      submittedAt: 2,
      late: false,
      score: 40,
      checks: [{ id: 'in-cluster', pass: true }],
    };
    const entry = {
      status: 'failed',
      solutionShown: false,
      attempts: 1,
      seed: 7,
      lastCheck: { checks: [{ id: 'in-cluster', pass: true }], score: 40 },
      challenge: { learner: 'ann', startedAt: 5, attempts: [attempt] },
    };
    expect(progressSchema.safeParse({ v: 1, lessons: {}, exercises: { x: entry } }).success).toBe(true);
    const bad = { ...entry, lastCheck: { checks: [{ id: 'a', pass: 'yes' }], score: 40 } };
    expect(progressSchema.safeParse({ v: 1, lessons: {}, exercises: { x: bad } }).success).toBe(false);
  });
});
