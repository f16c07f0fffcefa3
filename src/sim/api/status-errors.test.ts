import { describe, expect, test } from 'vitest';
import { field } from './field-errors.ts';
import {
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  internalError,
  invalid,
  kubectlMessage,
  methodNotAllowed,
  notFound,
} from './status-errors.ts';

const MISMATCH = field.invalid('spec.template.metadata.labels', { app: 'x' }, '`selector` does not match template `labels`');

describe('status errors', () => {
  test('not found and already exists name the qualified resource', () => {
    expect(notFound('deployments.apps', 'web')).toEqual({
      reason: 'NotFound',
      code: 404,
      message: 'deployments.apps "web" not found',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    expect(notFound('pods', 'x').message).toBe('pods "x" not found');
    expect(alreadyExists('pods', 'x')).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'pods "x" already exists' });
  });

  test('conflicts, bad requests, forbidden and the rest', () => {
    expect(
      conflict(
        'deployments.apps',
        'web',
        'the object has been modified; please apply your changes to the latest version and try again',
      ).message,
    ).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(badRequest('bad')).toEqual({ reason: 'BadRequest', code: 400, message: 'bad' });
    expect(forbidden('namespaces', 'default', 'this namespace may not be deleted').message).toBe(
      'namespaces "default" is forbidden: this namespace may not be deleted',
    );
    expect(forbidden('pods', '', 'no').message).toBe('pods is forbidden: no');
    expect(forbidden('already complete').message).toBe('already complete');
    expect(methodNotAllowed('events', 'delete').message).toBe('delete is not supported on resources of kind "events"');
    expect(internalError('boom')).toMatchObject({ code: 500, message: 'Internal error occurred: boom' });
  });

  test('invalid: one error without brackets, the group on the kind', () => {
    const err = invalid('Deployment', 'web', [MISMATCH]);
    expect(err.code).toBe(422);
    expect(err.message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
    );
    expect(err.details).toEqual({
      name: 'web',
      group: 'apps',
      kind: 'Deployment',
      causes: [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: {"app":"x"}: `selector` does not match template `labels`',
          field: 'spec.template.metadata.labels',
        },
      ],
    });
  });

  test('invalid: several errors bracketed, core kinds bare', () => {
    const err = invalid('Service', 'db', [field.required('spec.ports[0].name'), field.required('spec.ports[1].name')]);
    expect(err.message).toBe('Service "db" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]');
  });

  test('kubectl prints invalid errors from the details, others with their reason', () => {
    expect(kubectlMessage(invalid('Deployment', 'web', [MISMATCH]))).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
    );
    const two = invalid('Service', 'db', [field.required('spec.ports[0].name'), field.required('spec.ports[1].name')]);
    expect(kubectlMessage(two)).toBe(
      'The Service "db" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value',
    );
    expect(kubectlMessage(notFound('pods', 'x'))).toBe('Error from server (NotFound): pods "x" not found');
  });
});
