import { describe, expect, test } from 'vitest';
import { aggregateMessage, errorBody, field, goJson, goQuote, goValue, renderFieldError } from './field-errors.ts';

describe('renderFieldError', () => {
  test('prints numbers bare and the detail last', () => {
    expect(renderFieldError(field.invalid('spec.replicas', -1, 'must be greater than or equal to 0'))).toBe(
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  test('quotes strings as go %q does', () => {
    expect(renderFieldError(field.invalid('metadata.name', 'a"b\\c\n\x01é', 'x'))).toBe(
      'metadata.name: Invalid value: "a\\"b\\\\c\\n\\x01é": x',
    );
  });

  test('prints maps, lists and nil through encoding/json', () => {
    expect(renderFieldError(field.invalid('spec.template.metadata.labels', { tier: 'web', app: 'x' }, 'bad'))).toBe(
      'spec.template.metadata.labels: Invalid value: {"app":"x","tier":"web"}: bad',
    );
    expect(errorBody(field.invalid('f', ['10.0.0.1', '<a&b>'], 'd'))).toBe(
      'Invalid value: ["10.0.0.1","\\u003ca\\u0026b\\u003e"]: d',
    );
    expect(errorBody(field.invalid('f', null, 'd'))).toBe('Invalid value: null: d');
    expect(errorBody(field.invalid('f', true, 'd'))).toBe('Invalid value: true: d');
    expect(errorBody(field.invalid('f', goValue('{"Type":"Foo","RollingUpdate":null}'), 'd'))).toBe(
      'Invalid value: {"Type":"Foo","RollingUpdate":null}: d',
    );
  });

  test('required, forbidden and too-long errors carry no value', () => {
    expect(renderFieldError(field.required('spec.containers'))).toBe('spec.containers: Required value');
    expect(renderFieldError(field.required('metadata.name', 'name or generateName is required'))).toBe(
      'metadata.name: Required value: name or generateName is required',
    );
    expect(renderFieldError(field.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))).toBe(
      'spec.clusterIPs: Forbidden: may not be set for ExternalName services',
    );
    expect(renderFieldError(field.tooLong('metadata.annotations', 262144))).toBe(
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    );
    expect(renderFieldError(field.tooLong('x', 1))).toBe('x: Too long: may not be more than 1 byte');
    expect(renderFieldError(field.internal('spec', 'boom'))).toBe('spec: Internal error: boom');
  });

  test('unsupported values list the supported ones quoted', () => {
    expect(renderFieldError(field.notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']))).toBe(
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
  });

  test('duplicates, not-founds and too-manys', () => {
    expect(renderFieldError(field.duplicate('spec.containers[1].name', 'web'))).toBe(
      'spec.containers[1].name: Duplicate value: "web"',
    );
    expect(renderFieldError(field.notFound('spec.containers[0].volumeMounts[0].name', 'data'))).toBe(
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    );
    expect(renderFieldError(field.tooMany('spec.ports', 3, 2))).toBe('spec.ports: Too many: 3: must have at most 2 items');
    expect(renderFieldError(field.tooMany('spec.ports', -1, 1))).toBe('spec.ports: Too many: must have at most 1 item');
  });
});

describe('aggregateMessage', () => {
  test('one error bare, several bracketed, repeats dropped', () => {
    const a = field.required('spec.ports[0].name');
    const b = field.required('spec.ports[1].name');
    expect(aggregateMessage([a])).toBe('spec.ports[0].name: Required value');
    expect(aggregateMessage([a, b, a])).toBe('[spec.ports[0].name: Required value, spec.ports[1].name: Required value]');
    expect(aggregateMessage([])).toBe('');
  });
});

describe('go formatting helpers', () => {
  test('goQuote escapes non-printables and keeps printable unicode', () => {
    expect(goQuote('tab\there')).toBe('"tab\\there"');
    expect(goQuote('nbsp\u00a0')).toBe('"nbsp\\u00a0"');
    expect(goQuote('日本')).toBe('"日本"');
  });

  test('goJson sorts nested map keys', () => {
    expect(goJson({ b: { d: 1, c: [true, null] }, a: 'x' })).toBe('{"a":"x","b":{"c":[true,null],"d":1}}');
  });
});
