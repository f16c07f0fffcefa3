// a score out of 100: the weighted share of passed checks, rounded down so that a single
// failed check never rounds up to a perfect score
export interface Scored {
  weight: number;
  pass: boolean;
}

export function scoreOf(results: readonly Scored[]): number {
  const total = results.reduce((sum, r) => sum + r.weight, 0);
  if (total <= 0) return 0;
  const earned = results.reduce((sum, r) => sum + (r.pass ? r.weight : 0), 0);
  if (earned === total) return 100;
  return Math.floor((100 * earned) / total);
}
