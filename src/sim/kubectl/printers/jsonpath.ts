// `-o jsonpath=...`: cli-runtime's JSONPathPrinter. missing keys print nothing unless
// --allow-missing-template-keys=false; failures come back as the exact stderr text kubectl prints
// (`error: ` prefix from cmdutil.CheckErr, the template and a %#v dump of the object included).

import { formatFloatG, GoFloat, goQuote, goSharpV, goSprint, isPlainObject } from './go-fmt.ts';
import { marshalCompact, toUnstructured } from './json.ts';
import { JsonPathRuntimeError } from './jsonpath-compare.ts';
import { findResults } from './jsonpath-eval.ts';
import { JsonPathSyntaxError, parseJsonPath, type JsonPathNode } from './jsonpath-parser.ts';

/** evalToText: how a scalar result prints (strings raw, nil as <nil>) */
export function valueText(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v instanceof GoFloat) return formatFloatG(v.value);
  return goSprint(v);
}

/** PrintResults: maps and lists as compact JSON, scalars as text, joined by single spaces */
export function printResults(results: unknown[]): string {
  return results.map((r) => (Array.isArray(r) || isPlainObject(r) ? marshalCompact(r) : valueText(r))).join(' ');
}

export type PrintResult = { ok: true; text: string } | { ok: false; error: string };

export interface JsonPathOptions {
  /** --allow-missing-template-keys, true by default as in kubectl */
  allowMissingKeys?: boolean;
}

/** parses a template, giving upstream's bare parse error message on failure */
export function compileJsonPath(template: string): { ok: true; nodes: JsonPathNode[] } | { ok: false; message: string } {
  try {
    return { ok: true, nodes: parseJsonPath(template) };
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
}

/** runs a compiled template; runtime errors come back as upstream's bare message */
export function evaluateJsonPath(
  nodes: JsonPathNode[],
  data: unknown,
  allowMissingKeys: boolean,
): { ok: true; results: unknown[][] } | { ok: false; message: string } {
  try {
    return { ok: true, results: findResults(nodes, data, { allowMissingKeys }) };
  } catch (e) {
    if (e instanceof JsonPathRuntimeError) return { ok: false, message: e.message };
    throw e;
  }
}

/**
 * prints `data` (one object, or a listWrapper of several) through a jsonpath template, as
 * `kubectl get -o jsonpath=<template>` does. no newline is added after the output.
 */
export function printJsonPath(template: string, data: unknown, options: JsonPathOptions = {}): PrintResult {
  if (template === '') return { ok: false, error: 'error: template format specified but no template given\n' };
  const compiled = compileJsonPath(template);
  if (!compiled.ok) return { ok: false, error: `error: error parsing jsonpath ${template}, ${compiled.message}\n` };

  const content = toUnstructured(data);
  const run = evaluateJsonPath(compiled.nodes, content, options.allowMissingKeys ?? true);
  if (!run.ok) {
    const details =
      `Error executing template: ${run.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(content)}\n\n`;
    return { ok: false, error: `error: error executing jsonpath ${goQuote(template)}: ${details}\n` };
  }
  return { ok: true, text: run.results.map(printResults).join('') };
}
