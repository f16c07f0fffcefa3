// the small builtins: help, clear, true, false, export, unset
import type { ShellCommand } from '../command.ts';

export const help: ShellCommand = {
  name: 'help',
  summary: 'list the commands this simulated shell understands',
  run({ out, shell }) {
    const names = [...shell.commands.keys()].sort();
    const width = Math.max(...names.map((n) => n.length)) + 2;
    let text = 'kubesim: a simulated shell beside a simulated Kubernetes cluster.\n';
    text +=
      'Pipes (|), lists (; && ||), redirections (> >> <), heredocs (<<EOF), $?, $(…), globs (*.yaml) and for loops work.\n\n';
    text += 'Commands:\n';
    for (const name of names) text += `  ${name.padEnd(width)}${shell.commands.get(name)!.summary}\n`;
    out.stdout(text);
    return 0;
  },
};

export const clear: ShellCommand = {
  name: 'clear',
  summary: 'clear the terminal screen',
  run({ out }) {
    out.control?.('clear');
    return 0;
  },
};

export const trueCommand: ShellCommand = { name: 'true', summary: 'do nothing, successfully', run: () => 0 };

export const falseCommand: ShellCommand = { name: 'false', summary: 'do nothing, unsuccessfully', run: () => 1 };

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const exportCommand: ShellCommand = {
  name: 'export',
  summary: 'set a shell variable (export NAME=value)',
  run({ args, out, shell }) {
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME_RE.test(name)) {
        out.stderr(`bash: export: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (eq >= 0) shell.setVar(name, arg.slice(eq + 1));
    }
    return status;
  },
};

export const unset: ShellCommand = {
  name: 'unset',
  summary: 'remove a shell variable',
  run({ args, shell }) {
    for (const name of args) shell.unsetVar(name);
    return 0;
  },
};
