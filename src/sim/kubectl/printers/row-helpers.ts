// what the row functions share: the clock they measure ages against, and the label, selector and
// container formatting helpers printers.go borrows from apimachinery

import type { LabelSelector } from '../../api/types.ts';
import { compareStrings } from './go-fmt.ts';

export interface RowContext {
  /** the simulated clock, epoch ms, for AGE and the other relative times */
  now: number;
}

/** labels.FormatLabels: `k=v` sorted by key, joined with commas; `<none>` when empty */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/**
 * the String() of metav1.LabelSelectorAsSelector: requirements sorted by key, matchLabels as
 * `k=v`, expressions as `k in (a,b)`, `k notin (a,b)`, `k`, `!k`. nil and empty selectors are ''.
 */
export function labelSelectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` });
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(compareStrings).join(',');
    const text =
      expr.operator === 'In'
        ? `${expr.key} in (${values})`
        : expr.operator === 'NotIn'
          ? `${expr.key} notin (${values})`
          : expr.operator === 'Exists'
            ? expr.key
            : `!${expr.key}`;
    reqs.push({ key: expr.key, text });
  }
  return reqs
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: as above but `<none>` for an empty result */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  return labelSelectorString(selector) || '<none>';
}

/** layoutContainerCells: container names and images, each list joined with commas */
export function containerCells(containers: readonly { name: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
