// variants from seeds, scores out of 100, hidden checks and kept attempts
import { describe, expect, test } from 'vitest';
import { attemptRecord, bestScore, challengeSeed, challengeVariant, keepAttempt, timeLeft, visibleChecks } from './challenge.ts';
import type { CheckResult } from './evaluate.ts';
import { loadExercises } from './exercise-files.ts';
import { drawParameters } from './parameters.ts';
import { scoreOf } from './score.ts';

const challenge = loadExercises().exercises.find((e) => e.id === 'nodeport/numbers-api-challenge')!;

describe('variants', () => {
  test('the same seed always gives the same variant', () => {
    expect(drawParameters(challenge, 42)).toEqual(drawParameters(challenge, 42));
    expect(challengeVariant(challenge, 42)).toEqual(challengeVariant(challenge, 42));
  });

  test('seeds give different variants, every value within its range', () => {
    const variants = Array.from({ length: 40 }, (_, seed) => drawParameters(challenge, seed));
    expect(new Set(variants.map((v) => JSON.stringify(v))).size).toBeGreaterThan(10);
    for (const v of variants) {
      expect([8000, 8080, 9090]).toContain(v['port']);
      expect(v['replicas']).toBeGreaterThanOrEqual(2);
      expect(v['replicas']).toBeLessThanOrEqual(4);
      expect(Number(v['nodePort']) % 100).toBe(0);
    }
    expect(new Set(variants.map((v) => v['replicas']))).toEqual(new Set([2, 3, 4]));
  });

  test('parameters are put into the goal, the starting state and the checks', () => {
    const variant = challengeVariant(challenge, 1);
    expect(variant.params).toEqual({ nodePort: 30600, port: 9090, replicas: 3 });
    expect(variant.exercise.goal).toContain('runs 3 replicas');
    expect(variant.exercise.start.manifests[0]).toContain('replicas: 3\n');
    expect(variant.checks.find((c) => c.id === 'from-outside')).toMatchObject({ port: 30600 });
    expect(variant.checks.find((c) => c.id === 'in-cluster')).toMatchObject({ url: 'http://numbers-api:9090/' });
  });

  test('a learner’s seed is stable for them and differs between learners', () => {
    expect(challengeSeed('Alice', challenge.id)).toBe(challengeSeed(' alice ', challenge.id));
    expect(challengeSeed('alice', challenge.id)).not.toBe(challengeSeed('bob', challenge.id));
  });
});

describe('hidden checks and time', () => {
  test('hidden checks show only their weight until submit', () => {
    const variant = challengeVariant(challenge, 1);
    expect(visibleChecks(variant, false)).toEqual([
      { id: 'in-cluster', title: null, weight: 2 },
      { id: 'from-outside', title: null, weight: 2 },
      { id: 'full-name', title: null, weight: 1 },
    ]);
    expect(visibleChecks(variant, true)[1]).toEqual({
      id: 'from-outside',
      title: 'From outside, port 30600 reaches the replicas on every node',
      weight: 2,
    });
  });

  test('the clock runs from the start for the time limit', () => {
    expect(timeLeft(challenge, 0, 60_000)).toBe(9 * 60_000);
    expect(timeLeft(challenge, 0, 11 * 60_000)).toBe(-60_000);
  });
});

describe('scores and attempts', () => {
  const result = (id: string, weight: number, pass: boolean): CheckResult => ({ id, title: id, weight, hidden: true, pass });

  test('a score is the weighted share of passed checks, out of 100, never rounded up to 100', () => {
    expect(scoreOf([result('a', 2, true), result('b', 2, false), result('c', 1, true)])).toBe(60);
    expect(scoreOf([result('a', 1, true), result('b', 1, true), result('c', 1, false)])).toBe(66);
    expect(scoreOf([result('a', 999, true), result('b', 1, false)])).toBe(99);
    expect(scoreOf([result('a', 1, true)])).toBe(100);
    expect(scoreOf([])).toBe(0);
  });

  test('every attempt is kept; the best in time counts', () => {
    const first = attemptRecord(
      challenge,
      7,
      [result('in-cluster', 2, true), result('from-outside', 2, false), result('full-name', 1, true)],
      {
        startedAt: 0,
        submittedAt: 5 * 60_000,
      },
    );
    expect(first).toEqual({
      exerciseId: 'nodeport/numbers-api-challenge',
      seed: 7,
      startedAt: 0,
      submittedAt: 300_000,
      late: false,
      score: 60,
      checks: [
        { id: 'in-cluster', pass: true },
        { id: 'from-outside', pass: false },
        { id: 'full-name', pass: true },
      ],
    });
    const late = attemptRecord(challenge, 7, [result('in-cluster', 2, true)], { startedAt: 0, submittedAt: 12 * 60_000 });
    const attempts = keepAttempt(keepAttempt([], first), late);
    expect(attempts).toHaveLength(2);
    expect(late.late).toBe(true);
    expect(bestScore(attempts)).toBe(60);
    expect(bestScore([late])).toBeNull();
  });
});
