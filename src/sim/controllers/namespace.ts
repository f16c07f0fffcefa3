// the namespace controller: a Terminating namespace has everything in it deleted, then
// disappears itself

import type { ApiServer } from '../api/apiserver.ts';
import { SIMULATED_TYPES } from '../api/resources.ts';
import type { WatchEvent } from '../api/store.ts';
import { WorkQueue, type Controller } from './controller.ts';

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  private queue = new WorkQueue();

  constructor(private readonly api: ApiServer) {}

  hasWork(): boolean {
    return this.queue.size > 0;
  }

  handle(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === 'Namespace' && obj.metadata.deletionTimestamp && event.type !== 'DELETED') {
      this.queue.add(obj.metadata.name!);
    } else if (event.type === 'DELETED' && obj.metadata.namespace) {
      const ns = this.api.get('Namespace', undefined, obj.metadata.namespace);
      if (ns?.metadata.deletionTimestamp) this.queue.add(obj.metadata.namespace);
    }
  }

  syncAll(): void {
    for (const name of this.queue.drain()) {
      const ns = this.api.get('Namespace', undefined, name);
      if (!ns?.metadata.deletionTimestamp) continue;
      let remaining = 0;
      for (const type of SIMULATED_TYPES) {
        if (!type.namespaced) continue;
        for (const obj of this.api.store.list(type.resource, name)) {
          remaining += 1;
          if (!obj.metadata.deletionTimestamp)
            this.api.delete(obj.kind, name, obj.metadata.name!, { propagationPolicy: 'Background' });
        }
      }
      if (remaining === 0) this.api.finalize(ns);
    }
  }
}
