// a challenge's countdown as text, and when to announce it: at 5 minutes, at 1 minute and at
// time up, once each, and only when the clock crosses the mark (a reload at 3 minutes left
// announces nothing until 1 minute)

/** ms left as `m:ss` (hours as `h:mm:ss`), never below 0:00 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export type Mark = 'five' | 'one' | 'up';

const MARKS: readonly [Mark, number][] = [
  ['five', 5 * 60_000],
  ['one', 60_000],
  ['up', 0],
];

/** the mark crossed between two readings of the clock (the last one, when several were), or null */
export function crossedMark(before: number, now: number): Mark | null {
  let crossed: Mark | null = null;
  for (const [mark, at] of MARKS) if (before > at && now <= at) crossed = mark;
  return crossed;
}
