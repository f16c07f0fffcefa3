// the ConfigMap describer: name, labels and annotations, then each data key underlined by
// dashes and followed by its value, the binary keys with their sizes, and events

import type { ConfigMap, KubeEvent } from '../../api/types.ts';
import { compareStrings } from '../printers/go-fmt.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';

/** data keys in order (Go walks the map at random; a sorted walk is one of its orders) */
export function describeConfigMap(cm: ConfigMap, events: KubeEvent[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const key of Object.keys(cm.data ?? {}).sort(compareStrings)) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![key]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    const binary = (cm as ConfigMap & { binaryData?: Record<string, string> }).binaryData ?? {};
    for (const key of Object.keys(binary).sort(compareStrings)) {
      // the JSON carries base64; describe counts the decoded bytes
      const text = binary[key]!.replace(/=+$/, '');
      w.write(LEVEL_0, `${key}: ${Math.floor((text.length * 3) / 4)} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(w, events, now);
  });
}
