// a resizable split as data: where the handle is, in percent of the space, and its bounds
export interface Split {
  percent: number;
  min: number;
  max: number;
}

/** moves the handle by `delta` percent, staying within bounds */
export function resizeBy(split: Split, delta: number): Split {
  return { ...split, percent: Math.min(split.max, Math.max(split.min, split.percent + delta)) };
}
