// the ServiceAccount describer: name, labels and annotations, then the three lists of secret
// names under headers padded to one width, sorted by header as describe.go walks them, and events.
// this cluster stores no Secrets, so a name the account lists is always "(not found)" and no
// legacy token Secret points back at it.

import type { KubeEvent, ServiceAccount } from '../../api/types.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';

const EMPTY_HEADER = '                   ';

export function describeServiceAccount(sa: ServiceAccount, events: KubeEvent[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    const lists: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', []],
    ];
    for (const [header, names] of lists) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : EMPTY_HEADER}\t${name} (not found)\n`));
    }
    if (events) describeEvents(w, events, now);
  });
}
