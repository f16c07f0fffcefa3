// describe.DescribePodTemplate as `rollout history --revision=N` and `rollout undo --dry-run`
// print it: polymorphichelpers' printTemplate writes through a PrefixWriter straight into a
// buffer, with no tabwriter, so the tabs stay tabs

import type { PodTemplateSpec } from '../../api/types.ts';
import { describePodTemplate as describeInto } from '../describe/pod-template.ts';
import { PrefixWriter } from '../describe/prefix-writer.ts';

/** describe.NewPrefixWriter(buf): indentation per level, no column layout */
class RawPrefixWriter extends PrefixWriter {
  private raw = '';

  override write(level: number, text: string): void {
    this.raw += '  '.repeat(level) + text;
  }

  override writeLine(...parts: string[]): void {
    this.raw += parts.join(' ') + '\n';
  }

  override toString(): string {
    return this.raw;
  }
}

/** the `Pod Template:` block, ending with its last line's newline */
export function describePodTemplate(template: PodTemplateSpec): string {
  const w = new RawPrefixWriter();
  describeInto(w, template);
  return w.toString();
}
