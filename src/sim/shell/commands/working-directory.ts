// bash's cd and pwd builtins. the working directory lives in the file system (fs.cwd) so the
// prompt and every relative path see it; cd also keeps $PWD and $OLDPWD as bash does, which is
// what makes `cd -` work. symbolic links do not exist here, so -L and -P change nothing.
import type { ShellCommand } from '../command.ts';
import { missingReason } from './cli-support.ts';

/** bash's builtin option scan: leading words of known letters, `--` ends it; else the bad word */
function scanOptions(args: string[], letters: string): { rest: string[] } | { bad: string } {
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return { rest: args.slice(i + 1) };
    if (!arg.startsWith('-') || arg === '-') break;
    const bad = [...arg.slice(1)].find((c) => !letters.includes(c));
    if (bad !== undefined) return { bad: `-${bad}` };
  }
  return { rest: args.slice(i) };
}

export const cd: ShellCommand = {
  name: 'cd',
  summary: 'change the working directory (cd alone goes home, cd - goes back)',
  run({ args, out, fs, env, shell }) {
    const scan = scanOptions(args, 'LPe@');
    if ('bad' in scan) {
      out.stderr(`bash: cd: ${scan.bad}: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n`);
      return 2;
    }
    if (scan.rest.length > 1) {
      out.stderr('bash: cd: too many arguments\n');
      return 1;
    }
    let target = scan.rest[0];
    let announce = false;
    if (target === undefined || target === '-') {
      const name = target === '-' ? 'OLDPWD' : 'HOME';
      target = env.get(name);
      if (!target) {
        out.stderr(`bash: cd: ${name} not set\n`);
        return 1;
      }
      announce = name === 'OLDPWD';
    }
    const st = fs.stat(target === '' ? '.' : target);
    if (st?.kind !== 'dir') {
      const reason = st ? 'Not a directory' : missingReason(fs, target);
      out.stderr(`bash: cd: ${target}: ${reason}\n`);
      return 1;
    }
    const from = fs.cwd;
    fs.cwd = fs.resolve(target === '' ? '.' : target);
    shell.setVar('OLDPWD', from);
    shell.setVar('PWD', fs.cwd);
    if (announce) out.stdout(fs.cwd + '\n');
    return 0;
  },
};

export const pwd: ShellCommand = {
  name: 'pwd',
  summary: 'print the working directory',
  run({ args, out, fs }) {
    const scan = scanOptions(args, 'LP');
    if ('bad' in scan) {
      out.stderr(`bash: pwd: ${scan.bad}: invalid option\npwd: usage: pwd [-LP]\n`);
      return 2;
    }
    // like bash, words after the options are ignored
    out.stdout(fs.cwd + '\n');
    return 0;
  },
};
