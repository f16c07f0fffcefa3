// kubectl events (events.go, event_printer.go): the namespace's events (or all, -A) oldest first,
// --for TYPE/NAME, --types Normal,Warning, --no-headers, -o, and -w, which lists what is there
// and then each new event as it arrives (until Ctrl-C; in scripts until the cluster is quiet)
import { apiVersionOf, resolveType } from '../../api/resources.ts';
import type { KubeEvent, KubeObject } from '../../api/types.ts';
import type { KubectlEnv, Verb } from '../env.ts';
import { flagBool, flagList, flagString, parseFlags, type FlagSpec } from '../flags.ts';
import { PRINT_FLAGS, printObjects } from '../output.ts';
import { escapeTerminal } from '../printers/custom-columns.ts';
import { age } from '../printers/duration.ts';
import { TabWriter } from '../printers/tabwriter.ts';
import { checkErr, plain, standard, validatePrintFlags } from './select.ts';
import { watchLoop } from './watch.ts';

const EVENTS_FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'for', kind: 'string' },
  { name: 'types', kind: 'stringArray' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'chunk-size', kind: 'int' },
  ...PRINT_FLAGS,
];

interface EventExtras {
  series?: { count?: number; lastObservedTime?: string };
}

/** event_printer.go escapeCell: a cell ends at a line or form feed, with `...` */
function escapeCell(text: string): string {
  const at = text.search(/[\f\n\r]/);
  return escapeTerminal(at >= 0 ? text.slice(0, at) + '...' : text);
}

/** getInterval: when it was last seen, with how often and since when for a repeated one */
function interval(e: KubeEvent & EventExtras, now: number): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** eventTime in SortableEvents: the series' last observation, else lastTimestamp, else eventTime */
function sortTime(e: KubeEvent & EventExtras): number {
  const text = e.series?.lastObservedTime ?? (e.lastTimestamp || e.eventTime || '');
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? 0 : ms;
}

function row(e: KubeEvent, now: number, allNamespaces: boolean): string {
  const cells = [
    interval(e, now),
    escapeCell(e.type ?? ''),
    escapeCell(e.reason ?? ''),
    `${escapeCell(e.involvedObject?.kind ?? '')}/${escapeCell(e.involvedObject?.name ?? '')}`,
    escapeCell((e.message ?? '').trim()),
  ];
  return (allNamespaces ? [e.metadata.namespace ?? '', ...cells] : cells).join('\t') + '\n';
}

const HEADER = 'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n';

async function events(env: KubectlEnv, args: string[]): Promise<number> {
  const parsed = parseFlags(args, EVENTS_FLAGS, 'kubectl events');
  if (!parsed.ok) return checkErr(env, [standard(parsed.error)]);
  const flags = parsed.flags;
  for (const warning of flags.warnings) env.out.stderr(warning + '\n');
  const outputError = validatePrintFlags(flags);
  if (outputError) return checkErr(env, [outputError]);
  const allNamespaces = flagBool(flags, 'all-namespaces');

  // ToOptions: --for names one resource as TYPE/NAME
  let forKind: string | null = null;
  let forApiVersion = '';
  let forName = '';
  const target = flagString(flags, 'for');
  if (target) {
    if (!target.includes('/')) return checkErr(env, [plain('--for must be in resource/name form')]);
    const parts = target.split('/');
    if (parts.length !== 2) return checkErr(env, [plain('arguments in resource/name form may not have more than one slash')]);
    const type = resolveType(parts[0]!);
    if (!type) return checkErr(env, [plain(`no matches for /, Resource=${parts[0]!.toLowerCase()}`)]);
    forKind = type.kind;
    forApiVersion = apiVersionOf(type);
    forName = parts[1]!;
  }
  // pflag's string slice: commas split, and the set sorted and made unique
  const types = [...new Set(flagList(flags, 'types').flatMap((t) => t.split(',')))].sort();
  // Validate
  if (types.some((t) => !/^(normal|warning)$/i.test(t))) return checkErr(env, [plain('valid --types are Normal or Warning')]);

  const wanted = (e: KubeEvent): boolean => {
    if (!allNamespaces && e.metadata.namespace !== env.namespace) return false;
    if (forKind !== null) {
      const involved = e.involvedObject ?? {};
      if (involved.kind !== forKind || involved.apiVersion !== forApiVersion || involved.name !== forName) return false;
    }
    return types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
  };
  const output = flagString(flags, 'output');
  const noHeaders = flagBool(flags, 'no-headers');
  const list = () => env.cluster.api.list<KubeEvent>('Event', allNamespaces ? undefined : env.namespace).filter(wanted);

  if (flagBool(flags, 'watch')) return watchEvents(env, list(), wanted, { output, noHeaders, allNamespaces, flags });

  const items = list()
    .map((e, i) => ({ e, i }))
    .sort((a, b) => sortTime(a.e) - sortTime(b.e) || a.i - b.i)
    .map(({ e }) => e);
  if (items.length === 0) {
    env.out.stderr(allNamespaces ? 'No events found.\n' : `No events found in ${env.namespace} namespace.\n`);
    return 0;
  }
  if (output) {
    const eventList = { apiVersion: 'v1', kind: 'EventList', metadata: {}, items } as unknown as KubeObject;
    return printObjects(env, [eventList], flags, true);
  }
  const now = env.cluster.clock.now();
  const writer = new TabWriter();
  if (!noHeaders) writer.write(allNamespaces ? 'NAMESPACE\t' + HEADER : HEADER);
  for (const e of items) writer.write(row(e, now, allNamespaces));
  env.out.stdout(writer.flush());
  return 0;
}

/** runWatch: every event already there, then each new one, through one tabwriter that remembers widths */
async function watchEvents(
  env: KubectlEnv,
  initial: KubeEvent[],
  wanted: (e: KubeEvent) => boolean,
  o: { output: string | undefined; noHeaders: boolean; allNamespaces: boolean; flags: Parameters<typeof printObjects>[2] },
): Promise<number> {
  const pending: KubeEvent[] = [...initial];
  const unsubscribe = env.cluster.store.watch((change) => {
    if (change.type === 'DELETED' || change.object.kind !== 'Event') return;
    if (wanted(change.object as KubeEvent)) pending.push(change.object as KubeEvent);
  });
  const writer = new TabWriter();
  let headed = false;
  try {
    return await watchLoop(env, () => {
      while (pending.length > 0) {
        const e = pending.shift()!;
        if (o.output) {
          printObjects(env, [e], o.flags, true);
          continue;
        }
        if (!headed && !o.noHeaders) writer.write(o.allNamespaces ? 'NAMESPACE\t' + HEADER : HEADER);
        headed = true;
        writer.write(row(e, env.cluster.clock.now(), o.allNamespaces));
        env.out.stdout(writer.flush());
      }
    });
  } finally {
    unsubscribe();
  }
}

export const eventsVerb: Verb = {
  name: 'events',
  summary: 'List events',
  flags: EVENTS_FLAGS,
  parsesOwnFlags: true,
  run: (env, _flags, args) => events(env, args),
};
