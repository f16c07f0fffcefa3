// kubesim's own arguments; anything it does not know is an error, as in any real tool

import { PRESETS } from '../sim/world.ts';

export interface CliArgs {
  seed: number | null;
  /** `--preset NAME`: which cluster to start; null for the kind-like default */
  preset: string | null;
  script: string | null;
  help: boolean;
  version: boolean;
}

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; message: string };

export const USAGE = `Usage:
  kubesim [--seed N]              interactive shell on a terminal; script from stdin otherwise
  kubesim [--seed N] SCRIPT       run each line of SCRIPT as a learner would type it
  kubesim grade ...               grade manifests or learners' submissions (kubesim grade --help)

Options:
  --seed N     make every random choice reproducible
  --preset P   the cluster to start: kind (the default, with a load-balancer provider) or
               on-premises (no provider: LoadBalancer Services stay <pending>)
  -h, --help   show this help
  --version    print the simulator version
`;

export function parseArgs(argv: string[]): ParsedArgs {
  const args: CliArgs = { seed: null, preset: null, script: null, help: false, version: false };
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
    } else if (arg === '--preset' || arg.startsWith('--preset=')) {
      const value = arg === '--preset' ? argv[++i] : arg.slice('--preset='.length);
      if (value === undefined || !Object.hasOwn(PRESETS, value)) {
        return {
          ok: false,
          message: `kubesim: --preset needs one of ${Object.keys(PRESETS).join(', ')}, got '${value ?? ''}'`,
        };
      }
      args.preset = value;
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
