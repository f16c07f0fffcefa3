// one file open in the editor, and what a change on disk (the terminal wrote or removed it)
// means for the buffer: a clean buffer follows the file, a modified one is warned about once

export type DiskChange = 'unchanged' | 'reload' | 'conflict' | 'deleted';

export class OpenFile {
  /** the content the buffer was loaded from or last saved as */
  private saved: string;
  /** the disk content last looked at (null: missing), so each change is reported once */
  private seen: string | null;

  constructor(
    readonly path: string,
    disk: string | null,
  ) {
    this.saved = disk ?? '';
    this.seen = disk;
  }

  /** the file is gone from disk: saving creates it again */
  get missing(): boolean {
    return this.seen === null;
  }

  /** the buffer differs from the file, or the file is gone */
  isDirty(buffer: string): boolean {
    return this.missing || buffer !== this.saved;
  }

  /** the file now reads `disk`; `buffer` is what the editor holds */
  observe(disk: string | null, buffer: string): DiskChange {
    if (disk === this.seen) return 'unchanged';
    this.seen = disk;
    if (disk === null) return 'deleted';
    // written with exactly what the editor holds: nothing to tell
    if (disk === buffer) {
      this.saved = disk;
      return 'unchanged';
    }
    if (buffer === this.saved) {
      this.saved = disk;
      return 'reload';
    }
    return 'conflict';
  }

  /** the editor wrote `content` */
  wrote(content: string): void {
    this.saved = content;
    this.seen = content;
  }
}
