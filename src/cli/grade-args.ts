// `kubesim grade`'s own arguments: exercise mode (an id and manifest files) or submission mode
// (--submission and submission files); anything it does not know is an error
import { FORMATS, type Format } from '../grading/report.ts';

export interface GradeArgs {
  mode: 'exercise' | 'submission' | 'list' | 'help';
  exerciseId: string | null;
  files: string[];
  seed: number;
  format: Format;
}

export type ParsedGradeArgs = { ok: true; args: GradeArgs } | { ok: false; message: string };

export const GRADE_USAGE = `Usage:
  kubesim grade EXERCISE-ID FILE...     apply the manifest FILEs to the exercise's starting cluster
                                        and run its checks
  kubesim grade --submission FILE...    replay each learner's submission in a fresh cluster,
                                        re-grade it and compare with what it claims
  kubesim grade --list                  list the exercises

Options:
  --seed N       the variant of a parameterised exercise, and the cluster's seed (default 1)
  --format F     table (the default), json, junit or csv
  -h, --help     show this help

Exit status: 0 when every check passes (and every submission's claims match its replay),
1 when one does not, 2 for a usage error.
`;

export function parseGradeArgs(argv: string[]): ParsedGradeArgs {
  const args: GradeArgs = { mode: 'exercise', exerciseId: null, files: [], seed: 1, format: 'table' };
  let submission = false;
  let list = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { ok: true, args: { ...args, mode: 'help' } };
    if (arg === '--submission') submission = true;
    else if (arg === '--list') list = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? argv[++i] : arg.slice('--seed='.length);
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 0xffffffff) {
        return { ok: false, message: `kubesim grade: --seed needs a whole number from 0 to 4294967295, got '${value ?? ''}'` };
      }
      args.seed = Number(value);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (!FORMATS.includes(value as Format)) {
        return { ok: false, message: `kubesim grade: --format needs one of ${FORMATS.join(', ')}, got '${value ?? ''}'` };
      }
      args.format = value as Format;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, message: `kubesim grade: unknown option '${arg}'\n\n${GRADE_USAGE}` };
    } else positional.push(arg);
  }
  if (list) return { ok: true, args: { ...args, mode: 'list' } };
  if (submission) {
    if (positional.length === 0)
      return { ok: false, message: `kubesim grade: --submission needs at least one submission file\n\n${GRADE_USAGE}` };
    return { ok: true, args: { ...args, mode: 'submission', files: positional } };
  }
  if (positional.length === 0)
    return { ok: false, message: `kubesim grade: name an exercise and the manifest files to grade\n\n${GRADE_USAGE}` };
  if (positional.length === 1) {
    return { ok: false, message: `kubesim grade: give the manifest files to apply to ${positional[0]}\n\n${GRADE_USAGE}` };
  }
  return { ok: true, args: { ...args, exerciseId: positional[0]!, files: positional.slice(1) } };
}
