// kubectl's flag parsing, as cobra/pflag do it: --name=value, --name value, -n value, -nvalue,
// grouped booleans (-it), `--` ending flags, and pflag's exact errors for unknown flags

export type FlagKind = 'bool' | 'string' | 'int' | 'stringArray' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** deprecated flags still parse; kubectl prints this warning */
  deprecated?: string;
  /** pflag's NoOptDefVal: the value of `--flag` given alone (the next word is not taken as its value) */
  noOptDefault?: string;
}

/** cmdutil.AddDryRunFlag: --dry-run alone is "unchanged", which GetDryRunStrategy takes for a client dry run */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', kind: 'string', noOptDefault: 'unchanged' };

const noOptDefault = (spec: FlagSpec): string | undefined => spec.noOptDefault;

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

/** kubectl's other global flags (`kubectl options`): parsed, but not offered on Tab */
export const OTHER_GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'as', kind: 'string' },
  { name: 'as-group', kind: 'stringArray' },
  { name: 'as-uid', kind: 'string' },
  { name: 'cache-dir', kind: 'string' },
  { name: 'certificate-authority', kind: 'string' },
  { name: 'client-certificate', kind: 'string' },
  { name: 'client-key', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'disable-compression', kind: 'bool' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'log-flush-frequency', kind: 'string' },
  { name: 'match-server-version', kind: 'bool' },
  { name: 'password', kind: 'string' },
  { name: 'profile', kind: 'string' },
  { name: 'profile-output', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'tls-server-name', kind: 'string' },
  { name: 'token', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'username', kind: 'string' },
  { name: 'vmodule', kind: 'string' },
  { name: 'warnings-as-errors', kind: 'bool' },
];

/** every global flag kubectl has */
export const ALL_GLOBAL_FLAGS: FlagSpec[] = [...GLOBAL_FLAGS, ...OTHER_GLOBAL_FLAGS];

/** Go's strconv.ParseBool, or null for anything else */
export function goBool(value: string): boolean | null {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return null;
}

/** Go's time.Duration units, in ms */
const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  '\u00b5s': 1e-3,
  '\u03bcs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration (`1h30m`, `-1.5s`, `0`), in ms, or its error for text that is not one */
export function parseGoDuration(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  const invalid = { ok: false as const, error: `time: invalid duration "${text}"` };
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, ms: 0 };
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (number[1] === '' && !number[2]) return invalid;
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') return { ok: false, error: `time: missing unit in duration "${text}"` };
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) return { ok: false, error: `time: unknown unit "${unit}" in duration "${text}"` };
    total += Number(`${number[1] || '0'}.${number[2] ?? ''}0`) * scale;
    rest = rest.slice(unit.length);
  }
  return { ok: true, ms: sign * total };
}

function setValue(values: Map<string, FlagValue>, spec: FlagSpec, raw: string): string | null {
  // pflag names the flag with its shorthand whichever form was typed
  const shown = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  switch (spec.kind) {
    case 'duration': {
      const parsed = parseGoDuration(raw);
      if (!parsed.ok) return `invalid argument "${raw}" for "${shown}" flag: ${parsed.error}`;
      values.set(spec.name, raw);
      return null;
    }
    case 'bool': {
      const b = goBool(raw);
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
  // a command's own flag hides the global one of the same name, shorthand and all (cobra merges
  // the persistent flags in only where the name is free: `config set-context` has no -n)
  const all = [...specs, ...ALL_GLOBAL_FLAGS.filter((g) => !specs.some((s) => s.name === g.name))];
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
      else if (noOptDefault(spec) !== undefined) raw = noOptDefault(spec)!;
      else {
        if (i + 1 >= args.length) return { ok: false, error: `error: flag needs an argument: --${name}${usage}` };
        raw = args[++i]!;
      }
      const error = setValue(values, spec, raw);
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
            const error = setValue(values, spec, arg.slice(j + 2));
            if (error) return { ok: false, error: `error: ${error}${usage}` };
            break;
          }
          values.set(spec.name, true);
          continue;
        }
        let raw = arg.slice(j + 1);
        if (raw.startsWith('=')) raw = raw.slice(1);
        else if (raw === '' && noOptDefault(spec) !== undefined) raw = noOptDefault(spec)!;
        else if (raw === '') {
          if (i + 1 >= args.length) return { ok: false, error: `error: flag needs an argument: '${c}' in -${c}${usage}` };
          raw = args[++i]!;
        }
        const error = setValue(values, spec, raw);
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
