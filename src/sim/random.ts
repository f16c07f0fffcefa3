// a small seeded PRNG (sfc32) so that every random choice replays exactly for a seed

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** a uint32 */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** an integer in [0, n) */
  int(n: number): number {
    return Math.floor((this.next() / 0x100000000) * n);
  }

  /** one element of a non-empty array */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}
