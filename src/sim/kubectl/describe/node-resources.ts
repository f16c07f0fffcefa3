// describeNodeResource: the `Non-terminated Pods` table with each pod's requests and limits as a
// share of the node's allocatable, then the `Allocated resources` totals

import type { Node, Pod } from '../../api/types.ts';
import { age } from '../printers/duration.ts';
import { compareStrings } from '../printers/go-fmt.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';
import {
  addQuantity,
  compareQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  quantityValue,
  ZERO,
  type Quantity,
} from './quantity.ts';

type ResourceList = Map<string, Quantity>;

function addList(into: ResourceList, list: Record<string, string> | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text);
    if (!q) continue;
    const have = into.get(name);
    into.set(name, have ? addQuantity(have, q) : q);
  }
}

function maxList(into: ResourceList, list: Record<string, string> | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text);
    const have = into.get(name);
    if (q && (!have || compareQuantity(q, have) > 0)) into.set(name, q);
  }
}

/** resourcehelper.PodRequestsAndLimits: containers add up, an init container counts if it is larger */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceList; limits: ResourceList } {
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const c of pod.spec.containers ?? []) {
    addList(reqs, c.resources?.requests);
    addList(limits, c.resources?.limits);
  }
  for (const c of pod.spec.initContainers ?? []) {
    maxList(reqs, c.resources?.requests);
    maxList(limits, c.resources?.limits);
  }
  return { reqs, limits };
}

const get = (list: ResourceList, name: string): Quantity => list.get(name) ?? ZERO;

/** int64(float64(used)/float64(total)*100), truncated as Go converts */
const percent = (used: number, total: number): number => (total === 0 ? 0 : Math.trunc((used / total) * 100));

const cell = (q: Quantity, used: number, total: number): string => `${formatQuantity(q)} (${percent(used, total)}%)`;

export function describeNodeResource(w: PrefixWriter, pods: readonly Pod[], node: Node, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const source = Object.keys(node.status.allocatable ?? {}).length > 0 ? node.status.allocatable : node.status.capacity;
  const allocatable: ResourceList = new Map();
  addList(allocatable, source);
  const cpu = milliValue(get(allocatable, 'cpu'));
  const memory = quantityValue(get(allocatable, 'memory'));
  const totals = { reqs: new Map() as ResourceList, limits: new Map() as ResourceList };
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const [cr, cl, mr, ml] = [get(reqs, 'cpu'), get(limits, 'cpu'), get(reqs, 'memory'), get(limits, 'memory')];
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(cr, milliValue(cr), cpu)}\t${cell(cl, milliValue(cl), cpu)}\t${cell(mr, quantityValue(mr), memory)}\t${cell(ml, quantityValue(ml), memory)}\t${age(pod.metadata.creationTimestamp, now)}\n`,
    );
    for (const [into, from] of [
      [totals.reqs, reqs],
      [totals.limits, limits],
    ] as const) {
      for (const [name, q] of from) into.set(name, into.has(name) ? addQuantity(into.get(name)!, q) : q);
    }
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const storage = quantityValue(get(allocatable, 'ephemeral-storage'));
  const row = (name: string, value: (q: Quantity) => number, total: number) => {
    const [r, l] = [get(totals.reqs, name), get(totals.limits, name)];
    w.write(LEVEL_1, `${name}\t${cell(r, value(r), total)}\t${cell(l, value(l), total)}\n`);
  };
  row('cpu', milliValue, cpu);
  row('memory', quantityValue, memory);
  row('ephemeral-storage', quantityValue, storage);
  const names = [...allocatable.keys()].sort(compareStrings);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) {
    row(name, quantityValue, quantityValue(get(allocatable, name)));
  }
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n))) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(get(totals.reqs, name))}\t${formatQuantity(get(totals.limits, name))}\n`);
  }
}
