import { describe, expect, test } from 'vitest';
import { applyDefaults } from '../defaults.ts';
import { renderFieldError } from '../field-errors.ts';
import { clone } from '../meta.ts';
import type { ConfigMap, Namespace } from '../types.ts';
import { validateCreate, validateUpdate } from './index.ts';
import {
  namespaceImmortal,
  namespaceTerminating,
  validateNamespaceFinalizeUpdate,
  validateNamespaceStatusUpdate,
} from './namespace.ts';

function namespace(name: string): Namespace {
  const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  applyDefaults(ns);
  return ns;
}

const render = (errs: Parameters<typeof renderFieldError>[0][]) => errs.map(renderFieldError);

describe('namespaces', () => {
  test('names are DNS labels; the namespace field is not allowed', () => {
    expect(render(validateCreate(namespace('dev')))).toEqual([]);
    expect(render(validateCreate(namespace('dev.team')))).toEqual([
      'metadata.name: Invalid value: "dev.team": must not contain dots',
    ]);
    const scoped = namespace('dev');
    scoped.metadata.namespace = 'default';
    expect(render(validateCreate(scoped))).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
  });

  test('spec finalizers are checked without their index', () => {
    const ns = namespace('dev');
    ns.spec = { finalizers: ['kubernetes', 'cleanup'] };
    expect(render(validateCreate(ns))).toEqual([
      'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(render(validateNamespaceFinalizeUpdate(ns, namespace('dev')))).toEqual([
      'spec.finalizers[1]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  test('an update keeps the stored finalizers and only checks metadata', () => {
    const old = namespace('dev');
    const edited = clone(old);
    edited.spec = { finalizers: [] };
    edited.metadata.labels = { ...edited.metadata.labels, team: 'a' };
    expect(validateUpdate(edited, old)).toEqual([]);
    expect(edited.spec).toEqual({ finalizers: ['kubernetes'] });
    const renamed = clone(old);
    renamed.metadata.name = 'prod';
    expect(render(validateUpdate(renamed, old))).toEqual(['metadata.name: Invalid value: "prod": field is immutable']);
  });

  test('the phase must agree with deletion', () => {
    const terminating = namespace('dev');
    terminating.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    expect(render(validateNamespaceStatusUpdate(terminating, namespace('dev')))).toEqual([
      'status.Phase: Invalid value: "Active": may only be \'Terminating\' if `deletionTimestamp` is not empty',
    ]);
  });

  test('lifecycle refusals', () => {
    expect(namespaceTerminating('pods', 'web', 'dev').message).toBe(
      'pods "web" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
    expect(namespaceImmortal('default').message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe('other kinds', () => {
  test('only their metadata is checked', () => {
    const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', labels: { 'a/b/c': 'x' } } };
    expect(render(validateCreate(cm))).toEqual([
      'metadata.name: Required value: name or generateName is required',
      "metadata.labels: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});
