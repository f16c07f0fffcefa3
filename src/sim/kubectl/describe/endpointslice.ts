// describeEndpointSliceV1: the address type, a port table, then each endpoint with its addresses,
// its Ready condition, hostname, target, node and zone (`<unset>` for what the slice leaves out)

import type { EndpointSlice, KubeEvent } from '../../api/types.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefix-writer.ts';

export function describeEndpointSlice(slice: EndpointSlice, events: KubeEvent[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${slice.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${slice.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', slice.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', slice.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${slice.addressType ?? ''}\n`);
    const ports = slice.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) {
        const name = p.name ? p.name : '<unset>';
        const port = p.port !== undefined ? String(p.port) : '<unset>';
        w.write(LEVEL_1, `${name}\t${port}\t${p.protocol ?? ''}\n`);
      }
    }
    const endpoints = slice.endpoints ?? [];
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of endpoints) {
        const addresses = (e.addresses ?? []).join(', ');
        w.write(LEVEL_1, `- Addresses:\t${addresses || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    if (events) describeEvents(w, events, now);
  });
}
