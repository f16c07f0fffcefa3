// walking through history with up/down while keeping the line being typed (the draft)

export class HistoryCursor {
  private index: number;
  private draft = '';

  constructor(private readonly entries: readonly string[]) {
    this.index = entries.length;
  }

  /** the older entry, or null at the oldest */
  up(current: string): string | null {
    if (this.index === 0) return null;
    if (this.index === this.entries.length) this.draft = current;
    this.index--;
    return this.entries[this.index]!;
  }

  /** the newer entry, the draft after the newest, or null when already on the draft */
  down(): string | null {
    if (this.index >= this.entries.length) return null;
    this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index]!;
  }
}
