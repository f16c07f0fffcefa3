// shareable assignment links: round trip, and a clear message for every way a link goes wrong
import { describe, expect, test } from 'vitest';
import { assignmentUrl, decodeAssignmentLink, encodeAssignmentLink } from './assignment-link.ts';
import { assignmentSchema } from './assignment-schema.ts';
import { loadExercises } from './exercise-files.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const known = loadExercises().exercises.map((e) => e.id);
const week = {
  title: 'Week 3: Services — 서비스',
  due: '2026-03-20',
  exercises: ['services/expose-hostname', 'nodeport/fixed-port'],
};

describe('encodeAssignmentLink / decodeAssignmentLink', () => {
  test('round-trips, Unicode titles included, in URL-safe characters', () => {
    const code = encodeAssignmentLink(week);
    expect(code).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeAssignmentLink(code, known)).toEqual({ ok: true, assignment: week });
  });

  test('reads the code out of a whole URL', () => {
    const url = assignmentUrl('https://course.example/assignments/', week);
    expect(url).toBe(`https://course.example/assignments/?assignment=${encodeAssignmentLink(week)}`);
    expect(decodeAssignmentLink(url, known)).toEqual({ ok: true, assignment: week });
  });

  test('says what is wrong with a malformed link', () => {
    expect(decodeAssignmentLink('  ')).toEqual({
      ok: false,
      error: 'The assignment link is empty: copy the whole link your instructor shared.',
    });
    expect(decodeAssignmentLink('https://example.com/?assignment=hello')).toEqual({
      ok: false,
      error: 'This is not a kubesim assignment link (the code should start with "v1.").',
    });
    expect(decodeAssignmentLink(encodeAssignmentLink(week).slice(0, 20))).toEqual({
      ok: false,
      error: 'The assignment link is damaged (perhaps cut off when it was copied): ask your instructor for it again.',
    });
    const noDue = 'v1.' + Buffer.from(JSON.stringify({ title: 'x', exercises: ['pods/first-pod'] })).toString('base64url');
    expect(decodeAssignmentLink(noDue)).toEqual({
      ok: false,
      error: 'The assignment link has a missing or invalid due: ask your instructor for a new link.',
    });
  });

  test('names exercise ids the course does not have, with the closest one', () => {
    const code = encodeAssignmentLink({ ...week, exercises: ['services/expose-hostnam', 'nope/nothing'] });
    expect(decodeAssignmentLink(code, known)).toEqual({
      ok: false,
      error:
        'The assignment link names exercises this course does not have: services/expose-hostnam (did you mean services/expose-hostname?), nope/nothing.',
    });
  });
});

describe('assignment files', () => {
  test('the sample assignment matches the schema and names real exercises', () => {
    const data = assignmentSchema.parse(
      parse(readFileSync(new URL('../../content/assignments/services-basics.yaml', import.meta.url), 'utf8')),
    );
    expect(data.id).toBe('services-basics');
    expect(data.exercises.filter((id) => !known.includes(id))).toEqual([]);
  });
});
