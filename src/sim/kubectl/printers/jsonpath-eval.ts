// client-go's jsonpath evaluator over unstructured content. values follow reflect: `null` is an
// interface holding nil (skipped by most steps), `undefined` an invalid value (the input of a range
// over nothing). map iteration (`*`, `..`) uses sorted keys where Go's order is random.

import type { JsonPathNode, SliceParam } from './jsonpath-parser.ts';
import { GoByte, GoFloat, goSprint, goTypeName, isPlainObject, sortedKeys, utf8Bytes } from './go-fmt.ts';
import { compare, fail, JsonPathRuntimeError } from './jsonpath-compare.ts';

/** what `*` and `..` step into: map values, list items, a string's bytes */
function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isPlainObject(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return utf8Bytes(v).map((b) => new GoByte(b));
  return [];
}

export interface EvalOptions {
  allowMissingKeys: boolean;
}

/** JSONPath.FindResults: one result list per printed action, ranges expanded */
export function findResults(nodes: JsonPathNode[], data: unknown, options: EvalOptions): unknown[][] {
  let beginRange = 0;
  let inRange = 0;
  let endRange = 0;
  let lastEndNode = -1;

  const walkList = (input: unknown[], list: JsonPathNode[]): unknown[] => list.reduce((cur, node) => walk(cur, node), input);

  function field(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const results = input
      .filter((v) => isPlainObject(v) && Object.hasOwn(v, name))
      .map((v) => (v as Record<string, unknown>)[name]);
    if (results.length === 0 && !options.allowMissingKeys) fail(`${name} is not found`);
    return results;
  }

  function array(input: unknown[], node: [SliceParam, SliceParam, SliceParam]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (!Array.isArray(value)) return fail(`${goTypeName(value)} is not array or slice`, input);
      const [p0, p1, p2] = node.map((p) => ({ ...p }));
      const len = value.length;
      if (!p0!.known) p0!.value = 0;
      if (p0!.value < 0) p0!.value += len;
      if (!p1!.known) p1!.value = len;
      if (p1!.value < 0 || (p1!.value === 0 && p1!.derived)) p1!.value += len;
      if (p1!.value === p0!.value) return result;
      if (p0!.value >= len || p0!.value < 0) fail(`array index out of bounds: index ${p0!.value}, length ${len}`, input);
      if (p1!.value > len || p1!.value < 0) fail(`array index out of bounds: index ${p1!.value - 1}, length ${len}`, input);
      if (p0!.value > p1!.value) fail(`starting index ${p0!.value} is greater than ending index ${p1!.value}`, input);
      const step = p2!.known ? p2!.value : 1;
      if (step <= 0) fail('step must be > 0', input);
      const slice = value.slice(p0!.value, p1!.value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  function side(item: unknown, list: JsonPathNode[]): unknown[] {
    return walkList([item], list);
  }

  function filter(input: unknown[], node: Extract<JsonPathNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        const shown = value === undefined ? '<invalid reflect.Value>' : goSprint(value);
        return fail(`${shown} is not array or slice and cannot be filtered`, input);
      }
      for (const item of value) {
        if (node.operator === 'exists') {
          let lefts: unknown[];
          try {
            lefts = side(item, node.left);
          } catch (e) {
            if (!(e instanceof JsonPathRuntimeError)) throw e;
            lefts = e.partial;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = side(item, node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) fail('can only compare one element at a time', input);
        const rights = side(item, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) fail('can only compare one element at a time', input);
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }

  function recursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      const kids = children(value);
      if (kids.length > 0) result.push(value, ...recursive(kids));
    }
    return result;
  }

  function walk(input: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return walkList(input, node.nodes);
      case 'text':
        return [node.text];
      case 'field':
        return field(input, node.name);
      case 'array':
        return array(input, node.params);
      case 'filter':
        return filter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.filter((v) => v !== null).flatMap(children);
      case 'recursive':
        return recursive(input);
      case 'union':
        return node.lists.flatMap((list) => walkList(input, list));
      case 'identifier':
        if (node.name === 'range') {
          beginRange++;
          return input;
        }
        if (node.name === 'end') {
          if (inRange > 0) endRange++;
          else fail('not in range, nothing to end');
          return [];
        }
        return fail(`unrecognized identifier ${node.name}`, input);
    }
  }

  function run(value: unknown, start: number): unknown[][] {
    const full: unknown[][] = [];
    const cur = [value];
    for (let i = start; i < nodes.length; i++) {
      const results = walk(cur, nodes[i]!);
      // an `end` inside the current range: this pass over the body is done
      if (endRange > 0 && endRange <= inRange) {
        endRange--;
        lastEndNode = i;
        break;
      }
      if (beginRange > 0) {
        beginRange--;
        inRange++;
        if (results.length > 0) for (const item of results) full.push(...run(item, i + 1));
        // an empty range still walks its body once, so the matching `end` is found
        else run(undefined, i + 1);
        inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  return run(data, 0);
}
