// the exercise schema: checks as data, {{parameters}} where numbers go, and the cross-references
// (wrong attempts name real checks, every parameter used is declared) checked at load time
import { describe, expect, test } from 'vitest';
import { checkSchema, checkTemplateSchema } from './checks.ts';
import { parseExerciseFile } from './exercise-files.ts';
import { exerciseSchema, parameterRefs, substitute } from './exercise-schema.ts';

const minimal = {
  id: 'services/x',
  title: 'X',
  chapter: 6,
  goal: 'Expose it on {{port}}.',
  parameters: { port: { choices: [8080] } },
  checks: [{ id: 'svc', title: 'svc', type: 'resource-exists', kind: 'Service', name: 'x' }],
  hints: ['look'],
  solution: { commands: 'kubectl create service clusterip x --tcp={{port}}:80' },
};

describe('checkSchema', () => {
  test('fills in defaults: weight 1, visible, namespace default', () => {
    expect(checkSchema.parse({ id: 'a', title: 'A', type: 'resource-exists', kind: 'Pod', name: 'p' })).toEqual({
      id: 'a',
      title: 'A',
      type: 'resource-exists',
      kind: 'Pod',
      name: 'p',
      namespace: 'default',
      weight: 1,
      hidden: false,
    });
  });

  test('a parameter may stand for a number only in the template schema', () => {
    const check = { id: 'a', title: 'A', type: 'reachable-outside', via: 'node-port', port: '{{nodePort}}' };
    expect(checkTemplateSchema.safeParse(check).success).toBe(true);
    expect(checkSchema.safeParse(check).success).toBe(false);
    const routes = {
      id: 'r',
      title: 'R',
      type: 'service-routes',
      from: { pod: 'c' },
      url: 'http://web:{{port}}/',
      replicas: 'all',
      backend: { deployment: 'w' },
    };
    expect(checkTemplateSchema.safeParse(routes).success).toBe(true);
    expect(checkSchema.safeParse(routes).success).toBe(false);
  });

  test('refuses what cannot be checked: two ways to name pods, a backend with neither', () => {
    expect(
      checkSchema.safeParse({ id: 'a', title: 'A', type: 'pods-ready', name: 'p', selector: { app: 'p' }, count: 1 }).success,
    ).toBe(false);
    const routes = {
      id: 'r',
      title: 'R',
      type: 'service-routes',
      from: { pod: 'c' },
      url: 'http://web/',
      replicas: 'all',
      backend: {},
    };
    expect(checkSchema.safeParse(routes).success).toBe(false);
    expect(checkSchema.safeParse({ id: 'Bad Id', title: 'A', type: 'resource-exists', kind: 'Pod', name: 'p' }).success).toBe(
      false,
    );
  });
});

describe('exerciseSchema', () => {
  test('accepts a minimal exercise', () => {
    expect(exerciseSchema.safeParse(minimal).success).toBe(true);
  });

  test('cross-references: duplicate check ids, unknown failing checks, undeclared parameters', () => {
    const result = exerciseSchema.safeParse({
      ...minimal,
      parameters: {},
      checks: [minimal.checks[0], minimal.checks[0]],
      wrongAttempts: [{ name: 'w', commands: 'true', fails: ['nope'] }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'checks.1.id: duplicate check id svc',
      'wrongAttempts.0.fails.0: no check has id nope',
      'parameters: {{port}} is used but not declared',
    ]);
  });

  test('a file whose id does not match its path is refused, naming the file', () => {
    expect(parseExerciseFile(JSON.stringify(minimal), 'services/y')).toEqual({
      error: "services/y: the id field says services/x, but the file's path makes it services/y",
    });
    expect(parseExerciseFile('id: [', 'services/x')).toMatchObject({
      error: expect.stringMatching(/^services\/x: not valid YAML: /),
    });
  });
});

describe('substitute', () => {
  test('a whole reference keeps the value’s type, an embedded one becomes text', () => {
    expect(substitute({ port: '{{port}}', url: 'http://x:{{port}}/', other: '{{unknown}}' }, { port: 8080 })).toEqual({
      port: 8080,
      url: 'http://x:8080/',
      other: '{{unknown}}',
    });
  });

  test('parameterRefs finds every reference', () => {
    expect([...parameterRefs({ a: ['{{x}} and {{y}}'], b: { c: '{{x}}' } })].sort()).toEqual(['x', 'y']);
  });
});
