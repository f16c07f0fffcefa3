// --record (deprecated, still honoured): the `kubernetes.io/change-cause` annotation holding the
// command line, rebuilt as cli-runtime's parseCommandArguments does: `kubectl`, the positional
// words in order (subcommands included), then every flag that was set as ` --name=value`

import type { KubeObject } from '../../api/types.ts';
import { CHANGE_CAUSE } from '../../controllers/deployment-util.ts';
import type { KubectlEnv } from '../env.ts';
import { ALL_GLOBAL_FLAGS, flagBool, type FlagSpec, type ParsedFlags } from '../flags.ts';

/** RecordFlags.AddFlags, with MarkDeprecated's text */
export const RECORD_FLAG: FlagSpec = { name: 'record', kind: 'bool', deprecated: '--record will be removed in the future' };

/** the change-cause for `argv` (the words after `kubectl`) parsed against `specs` plus the globals; '' if they do not parse */
export function changeCause(argv: string[], specs: FlagSpec[]): string {
  const all = [...specs, ...ALL_GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const args: string[] = [];
  let flags = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) return '';
      let value: string;
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (spec.kind === 'bool') value = 'true';
      else if (i + 1 < argv.length) value = argv[++i]!;
      else return '';
      flags += ` --${spec.name}=${value}`;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      for (let j = 1; j < arg.length; j++) {
        const spec = byShort.get(arg[j]!);
        if (!spec) return '';
        if (spec.kind === 'bool') {
          if (arg[j + 1] === '=') {
            flags += ` --${spec.name}=${arg.slice(j + 2)}`;
            break;
          }
          flags += ` --${spec.name}=true`;
          continue;
        }
        let value = arg.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        else if (value === '') {
          if (i + 1 >= argv.length) return '';
          value = argv[++i]!;
        }
        flags += ` --${spec.name}=${value}`;
        break;
      }
      continue;
    }
    args.push(arg);
  }
  return 'kubectl' + (args.length > 0 ? ' ' + args.join(' ') : '') + flags;
}

/** ChangeCauseRecorder.Record when --record is true: sets the annotation on `obj` in place */
export function recordChange(env: KubectlEnv, flags: ParsedFlags, specs: FlagSpec[], obj: KubeObject): boolean {
  if (!flagBool(flags, 'record')) return false;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(env.argv, specs) };
  return true;
}
