// the server-side table columns of pkg/printers/internalversion/printers.go, one entry per kind.
// the apiserver always generates every cell (GenerateOptions{Wide: true}); kubectl then hides the
// Priority 1 columns unless -o wide, so row functions return all cells, wide ones included, in
// the order of the definitions below.

import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  Endpoints,
  EndpointSlice,
  KubeEvent,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
  ServiceAccount,
} from '../../api/types.ts';
import { age } from './duration.ts';
import type { RowContext } from './row-helpers.ts';
import { podRow } from './pod-columns.ts';
import { daemonSetRow, deploymentRow, replicaSetRow, replicationControllerRow } from './workload-columns.ts';
import { configMapRow, eventRow, namespaceRow, nodeRow, serviceAccountRow } from './cluster-columns.ts';
import { endpointSliceRow, endpointsRow, serviceRow } from './network-columns.ts';

export type { RowContext } from './row-helpers.ts';

export interface ColumnDef {
  /** upstream's column name; the table printer upper-cases it for the header */
  name: string;
  /** Priority 1: only shown with -o wide */
  wide: boolean;
  /** Format "name": the cell kubectl prefixes with `kind/` when printing several kinds */
  isName?: boolean;
}

export interface KindPrinter {
  columns: ColumnDef[];
  row: (obj: KubeObject, ctx: RowContext) => string[];
}

const col = (name: string, wide = false): ColumnDef => ({ name, wide });
const nameColumn: ColumnDef = { name: 'Name', wide: false, isName: true };
const ageColumn: ColumnDef = col('Age');
const templateColumns = [col('Containers', true), col('Images', true), col('Selector', true)];
const replicaColumns = [nameColumn, col('Desired'), col('Current'), col('Ready'), ageColumn, ...templateColumns];

/** each row function reads its own kind; the table is only ever built for one kind at a time */
const printer = <T extends KubeObject>(columns: ColumnDef[], row: (obj: T, ctx: RowContext) => string[]): KindPrinter => ({
  columns,
  row: (obj, ctx) => row(obj as T, ctx),
});

const PRINTERS: Record<string, KindPrinter> = {
  Pod: printer<Pod>(
    [
      nameColumn,
      col('Ready'),
      col('Status'),
      col('Restarts'),
      ageColumn,
      col('IP', true),
      col('Node', true),
      col('Nominated Node', true),
      col('Readiness Gates', true),
    ],
    podRow,
  ),
  ReplicaSet: printer<ReplicaSet>(replicaColumns, replicaSetRow),
  ReplicationController: printer<ReplicationController>(replicaColumns, replicationControllerRow),
  Deployment: printer<Deployment>(
    [nameColumn, col('Ready'), col('Up-to-date'), col('Available'), ageColumn, ...templateColumns],
    deploymentRow,
  ),
  DaemonSet: printer<DaemonSet>(
    [
      nameColumn,
      col('Desired'),
      col('Current'),
      col('Ready'),
      col('Up-to-date'),
      col('Available'),
      col('Node Selector'),
      ageColumn,
      ...templateColumns,
    ],
    daemonSetRow,
  ),
  Node: printer<Node>(
    [
      nameColumn,
      col('Status'),
      col('Roles'),
      ageColumn,
      col('Version'),
      col('Internal-IP', true),
      col('External-IP', true),
      col('OS-Image', true),
      col('Kernel-Version', true),
      col('Container-Runtime', true),
    ],
    nodeRow,
  ),
  Namespace: printer<Namespace>([nameColumn, col('Status'), ageColumn], namespaceRow),
  Event: printer<KubeEvent>(
    [
      col('Last Seen'),
      col('Type'),
      col('Reason'),
      col('Object'),
      col('Subobject', true),
      col('Source', true),
      col('Message'),
      col('First Seen', true),
      col('Count', true),
      { ...nameColumn, wide: true },
    ],
    eventRow,
  ),
  Service: printer<Service>(
    [nameColumn, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), ageColumn, col('Selector', true)],
    serviceRow,
  ),
  Endpoints: printer<Endpoints>([nameColumn, col('Endpoints'), ageColumn], endpointsRow),
  EndpointSlice: printer<EndpointSlice>(
    [nameColumn, col('AddressType'), col('Ports'), col('Endpoints'), ageColumn],
    endpointSliceRow,
  ),
  ConfigMap: printer<ConfigMap>([nameColumn, col('Data'), ageColumn], configMapRow),
  ServiceAccount: printer<ServiceAccount>([nameColumn, col('Secrets'), ageColumn], serviceAccountRow),
};

/** tableprinter's fallback for kinds without a handler: NAME and AGE from object metadata */
export const DEFAULT_PRINTER: KindPrinter = {
  columns: [nameColumn, ageColumn],
  row: (obj, ctx) => [obj.metadata.name ?? '', age(obj.metadata.creationTimestamp, ctx.now)],
};

/** the columns and row function for a kind (`Pod`, `Deployment`, ...) */
export function printerFor(kind: string): KindPrinter {
  return PRINTERS[kind] ?? DEFAULT_PRINTER;
}
