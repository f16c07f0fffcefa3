// kubectl's flag parsing, as cobra/pflag do it: --name=value, --name value, -n value, -nvalue,
// grouped booleans (-it), `--` ending flags, and pflag's exact errors for unknown flags

export type FlagKind = 'bool' | 'string' | 'int' | 'stringArray' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** deprecated flags still parse; kubectl prints this warning */
  deprecated?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  positionals: string[];
  /** arguments after `--` */
  rest: string[] | null;
  warnings: string[];
}

export type FlagResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string };

/** flags every kubectl command accepts (a subset of the real globals that means something here) */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'v', short: 'v', kind: 'int' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'help', short: 'h', kind: 'bool' },
];

function parseBool(value: string): boolean | null {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return null;
}

function setValue(values: Map<string, FlagValue>, spec: FlagSpec, raw: string, shown: string): string | null {
  switch (spec.kind) {
    case 'bool': {
      const b = parseBool(raw);
      if (b === null) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
      values.set(spec.name, b);
      return null;
    }
    case 'int': {
      if (!/^-?\d+$/.test(raw))
        return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
      values.set(spec.name, Number(raw));
      return null;
    }
    case 'stringArray': {
      const list = (values.get(spec.name) as string[] | undefined) ?? [];
      values.set(spec.name, [...list, raw]);
      return null;
    }
    default:
      values.set(spec.name, raw);
      return null;
  }
}

/** parses `args` against the command's flags plus the globals; flags may come anywhere */
export function parseFlags(args: string[], specs: FlagSpec[], commandPath: string): FlagResult {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, FlagValue>();
  const positionals: string[] = [];
  const warnings: string[] = [];
  const usage = `\nSee '${commandPath} --help' for usage.`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return { ok: true, flags: { values, positionals, rest: args.slice(i + 1), warnings } };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `error: unknown flag: --${name}${usage}` };
      if (spec.deprecated) warnings.push(`Flag --${name} has been deprecated, ${spec.deprecated}`);
      let raw: string;
      if (eq >= 0) raw = arg.slice(eq + 1);
      else if (spec.kind === 'bool') raw = 'true';
      else {
        if (i + 1 >= args.length) return { ok: false, error: `error: flag needs an argument: --${name}${usage}` };
        raw = args[++i]!;
      }
      const error = setValue(values, spec, raw, `--${name}`);
      if (error) return { ok: false, error: `error: ${error}${usage}` };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      // a group of shorthands: -it, -nweb, -n web, -o=yaml
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        const spec = byShort.get(c);
        if (!spec) return { ok: false, error: `error: unknown shorthand flag: '${c}' in ${arg}${usage}` };
        if (spec.deprecated) warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
        if (spec.kind === 'bool') {
          if (arg[j + 1] === '=') {
            const error = setValue(values, spec, arg.slice(j + 2), `-${c}, --${spec.name}`);
            if (error) return { ok: false, error: `error: ${error}${usage}` };
            break;
          }
          values.set(spec.name, true);
          continue;
        }
        let raw = arg.slice(j + 1);
        if (raw.startsWith('=')) raw = raw.slice(1);
        else if (raw === '') {
          if (i + 1 >= args.length) return { ok: false, error: `error: flag needs an argument: '${c}' in -${c}${usage}` };
          raw = args[++i]!;
        }
        const error = setValue(values, spec, raw, `-${c}, --${spec.name}`);
        if (error) return { ok: false, error: `error: ${error}${usage}` };
        break;
      }
      continue;
    }
    positionals.push(arg);
  }
  return { ok: true, flags: { values, positionals, rest: null, warnings } };
}

export function flagString(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flagBool(flags: ParsedFlags, name: string, fallback = false): boolean {
  const v = flags.values.get(name);
  return typeof v === 'boolean' ? v : fallback;
}

export function flagInt(flags: ParsedFlags, name: string): number | undefined {
  const v = flags.values.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function flagList(flags: ParsedFlags, name: string): string[] {
  const v = flags.values.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
