// kubesim grade's arguments: the two forms, --seed, --format, and what is refused
import { describe, expect, test } from 'vitest';
import { GRADE_USAGE, parseGradeArgs } from './grade-args.ts';

describe('parseGradeArgs', () => {
  test('an exercise with files, and submissions', () => {
    expect(parseGradeArgs(['services/expose-hostname', 'a.yaml', 'b.yaml', '--seed', '3', '--format=junit'])).toEqual({
      ok: true,
      args: { mode: 'exercise', exerciseId: 'services/expose-hostname', files: ['a.yaml', 'b.yaml'], seed: 3, format: 'junit' },
    });
    expect(parseGradeArgs(['--submission', 'alice.json', 'bob.json'])).toEqual({
      ok: true,
      args: { mode: 'submission', exerciseId: null, files: ['alice.json', 'bob.json'], seed: 1, format: 'table' },
    });
    expect(parseGradeArgs(['--list'])).toMatchObject({ ok: true, args: { mode: 'list' } });
    expect(parseGradeArgs(['x', '--help'])).toMatchObject({ ok: true, args: { mode: 'help' } });
  });

  test('refuses what it does not know, with the usage', () => {
    expect(parseGradeArgs(['--format', 'xml', 'x', 'y'])).toEqual({
      ok: false,
      message: "kubesim grade: --format needs one of table, json, junit, csv, got 'xml'",
    });
    expect(parseGradeArgs(['--seed', '-1'])).toEqual({
      ok: false,
      message: "kubesim grade: --seed needs a whole number from 0 to 4294967295, got '-1'",
    });
    expect(parseGradeArgs(['--verbose'])).toEqual({
      ok: false,
      message: `kubesim grade: unknown option '--verbose'\n\n${GRADE_USAGE}`,
    });
    expect(parseGradeArgs([])).toEqual({
      ok: false,
      message: `kubesim grade: name an exercise and the manifest files to grade\n\n${GRADE_USAGE}`,
    });
    expect(parseGradeArgs(['pods/first-pod'])).toEqual({
      ok: false,
      message: `kubesim grade: give the manifest files to apply to pods/first-pod\n\n${GRADE_USAGE}`,
    });
    expect(parseGradeArgs(['--submission'])).toEqual({
      ok: false,
      message: `kubesim grade: --submission needs at least one submission file\n\n${GRADE_USAGE}`,
    });
  });
});
