// kubesim's own arguments; anything it does not know is an error, as in any real tool

export interface CliArgs {
  seed: number | null;
  script: string | null;
  help: boolean;
  version: boolean;
}

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; message: string };

export const USAGE = `Usage:
  kubesim [--seed N]              interactive shell on a terminal; script from stdin otherwise
  kubesim [--seed N] SCRIPT       run each line of SCRIPT as a learner would type it

Options:
  --seed N     make every random choice reproducible
  -h, --help   show this help
  --version    print the simulator version
`;

export function parseArgs(argv: string[]): ParsedArgs {
  const args: CliArgs = { seed: null, script: null, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--version') args.version = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? argv[++i] : arg.slice('--seed='.length);
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 0xffffffff) {
        return { ok: false, message: `kubesim: --seed needs a whole number from 0 to 4294967295, got '${value ?? ''}'` };
      }
      args.seed = Number(value);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, message: `kubesim: unknown option '${arg}'\n\n${USAGE}` };
    } else if (args.script === null) {
      args.script = arg;
    } else {
      return { ok: false, message: `kubesim: only one script may be given, got '${args.script}' and '${arg}'` };
    }
  }
  return { ok: true, args };
}
