// what a container's main process does over time, from its image and its command/args:
// serve forever, sleep, print and exit, or fail to start. the kubelet turns this plan into
// container states, restarts and logs.

import type { Container } from '../api/types.ts';
import type { ImageInfo } from './catalogue.ts';
import { nginxVersionFor } from './http.ts';

export interface ProcessPlan {
  /** lines printed at given offsets (ms) after start */
  logs: { at: number; line: string }[];
  /** lines printed every periodMs forever, starting at `from` ms (a `while true` loop) */
  repeat?: { from: number; periodMs: number; lines: string[] };
  /** when and how the process ends; absent means it runs until stopped */
  exit?: { at: number; code: number };
  /** the runtime could not start it at all (a missing binary) */
  startError?: string;
  listens: number[];
  /** true when PID 1 ends on SIGTERM; otherwise the kubelet waits the whole grace period */
  stopsOnSigterm: boolean;
  /**
   * a command that uses the network as it runs (wget, curl): what it prints depends on the cluster
   * at that moment, so the kubelet steps through it in cluster time instead of reading logs and an
   * exit from the plan
   */
  program?: Program;
}

/** how a step follows the one before: always, only after a success, only after a failure */
export type Connector = ';' | '&&' | '||';

/** where a step's output goes: into the log, or away (`>/dev/null`, `2>&1`, or into a file) */
export interface Redirects {
  stdout: 'log' | 'away';
  stderr: 'log' | 'away';
}

export type ProgramStep = { connector: Connector; redirects: Redirects } & (
  | { kind: 'echo'; text: string }
  /** sleep; Infinity never wakes (`sleep infinity`) */
  | { kind: 'sleep'; ms: number }
  /** `tail -f`: runs until stopped */
  | { kind: 'block' }
  | { kind: 'exit'; code: number }
  /** true, false, `:`, and the image's other programs, which print nothing here */
  | { kind: 'status'; code: number }
  /** wget or curl, its output piped through `filters` (`wget -qO- web | grep Hostname`) */
  | { kind: 'transfer'; tool: TransferToolName; args: string[]; filters: Filter[] }
  | { kind: 'missing'; name: string }
  /** a line the step prints and status 0 (the note for network tools that are not simulated) */
  | { kind: 'note'; line: string }
);

export type TransferToolName = 'wget' | 'curl';

/** the text tools a transfer's output can be piped through in a container's own command */
export const FILTERS = ['grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr'] as const;

export interface Filter {
  name: (typeof FILTERS)[number];
  args: string[];
}

export interface Program {
  steps: ProgramStep[];
  /** the body of a trailing `while true; do …; done`, run until the container stops */
  loop: ProgramStep[] | null;
}

/** entrypoint and cmd as Kubernetes combines them: command replaces ENTRYPOINT, args replace CMD */
export function effectiveArgv(image: ImageInfo, container: Container): string[] {
  if (container.command && container.command.length > 0) return [...container.command, ...(container.args ?? [])];
  if (container.args && container.args.length > 0) {
    return [...image.defaultCommand.slice(0, image.entrypointLength), ...container.args];
  }
  return [...image.defaultCommand];
}

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', '/usr/bin/bash']);

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function planProcess(image: ImageInfo, container: Container, startTime: string): ProcessPlan {
  const argv = effectiveArgv(image, container);
  const base = { listens: [] as number[], stopsOnSigterm: true, logs: [] as ProcessPlan['logs'] };
  const program = argv[0] ?? '';
  const name = basename(program);
  // the cluster's own components (no shell inside) run whatever flags they are given
  const systemImage = image.shells.length === 0 && image.binaries.length === 0 && program === image.defaultCommand[0];
  if ((argv.join(' ') === image.defaultCommand.join(' ') && image.listens.length > 0) || systemImage) {
    return { ...base, listens: image.listens, logs: image.startupLog({ time: startTime }).map((line) => ({ at: 0, line })) };
  }
  if (name === 'nginx' || name === 'docker-entrypoint.sh') {
    if (argv.includes('-v'))
      return {
        ...base,
        logs: [{ at: 0, line: `nginx version: nginx/${nginxVersionFor(image.reference)}` }],
        exit: { at: 50, code: 0 },
      };
    return { ...base, listens: [80], logs: image.startupLog({ time: startTime }).map((line) => ({ at: 0, line })) };
  }
  if (name === 'whoami') return { ...base, listens: [80], logs: [{ at: 0, line: 'Starting up on port 80' }] };
  if (name === 'entrypoint.sh' && argv[1] === 'curl' && argv.length === 2) {
    return { ...base, logs: image.startupLog({ time: startTime }).map((line) => ({ at: 0, line })), exit: { at: 20, code: 2 } };
  }
  if (SHELLS.has(program) || SHELLS.has(name)) {
    if (!image.shells.includes(name === 'bash' ? 'bash' : 'sh')) return startError(program);
    // a shell with no script and no terminal reads an empty stdin and exits at once
    if (argv[1] !== '-c' || argv[2] === undefined) return { ...base, stopsOnSigterm: false, exit: { at: 10, code: 0 } };
    return { ...runScript(argv[2], image), stopsOnSigterm: false };
  }
  if (!image.binaries.includes(name)) return startError(program);
  return runScript(argv.map(quoteWord).join(' '), image);
}

function quoteWord(word: string): string {
  return /^[A-Za-z0-9_./:=-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

function startError(program: string): ProcessPlan {
  return {
    logs: [],
    listens: [],
    stopsOnSigterm: true,
    startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH`,
  };
}

const TRANSFER_TOOLS = new Set<string>(['wget', 'curl']);

/** the few shell idioms container commands use: echo, sleep, exit, `while true; do …; done` */
function runScript(script: string, image: ImageInfo): ProcessPlan {
  const plan: ProcessPlan = { logs: [], listens: [], stopsOnSigterm: false };
  let t = 0;
  const loop = /while\s+(?:true|:)\s*;\s*do\s+(.*?)\s*;?\s*done/s.exec(script);
  const before = loop ? script.slice(0, loop.index) : script;
  const commands = [...splitSteps(before), ...splitSteps(loop?.[1] ?? '')].map((step) => words_(step)[0] ?? '');
  const transfers = commands.some((cmd) => TRANSFER_TOOLS.has(cmd) && image.binaries.includes(cmd));
  if (transfers) {
    const steps = programSteps(before, image);
    const body = loop ? programSteps(loop[1]!, image) : [];
    if (steps && body) {
      plan.program = { steps, loop: loop ? body : null };
      return plan;
    }
    // other pipes are beyond this reading of scripts: such a command keeps the plain plan below
    plan.logs.push({ at: 0, line: `kubesim: this pipe (|) in a container's own command is not simulated; ${NETWORK_HINT}` });
  }
  for (const step of splitSteps(before)) {
    const result = runStep(step, t, plan, image);
    if (result === 'stop') return plan;
    t = result;
  }
  if (loop) {
    const lines: string[] = [];
    let period = 0;
    for (const step of splitSteps(loop[1]!)) {
      const words = words_(step);
      if (words[0] === 'echo') lines.push(words.slice(1).join(' '));
      else if (words[0] === 'sleep') period += seconds(words[1]) * 1000;
    }
    plan.repeat = { from: t, periodMs: Math.max(period, 1000), lines };
    return plan;
  }
  plan.exit = { at: t + 10, code: 0 };
  return plan;
}

/**
 * a script's commands with the connector before each (`a && b || c; d`), or null when it pipes
 * anything but wget or curl into the text tools the image has
 */
function programSteps(script: string, image: ImageInfo): ProgramStep[] | null {
  const steps: ProgramStep[] = [];
  let connector: Connector = ';';
  for (const part of script.split(/(&&|\|\||;|\n)/)) {
    if (part === '&&' || part === '||') {
      connector = part;
      continue;
    }
    if (part === ';' || part === '\n') {
      connector = ';';
      continue;
    }
    const [first = '', ...piped] = part.split('|');
    const { words, redirects } = redirections(words_(first.trim()));
    if (words.length === 0 && piped.length === 0) continue;
    const step = programStep(words, image);
    if (piped.length > 0) {
      if (step.kind !== 'transfer') return null;
      for (const segment of piped) {
        const filter = redirections(words_(segment.trim()));
        const [name = '', ...args] = filter.words;
        if (!(FILTERS as readonly string[]).includes(name) || !image.binaries.includes(name)) return null;
        step.filters.push({ name: name as Filter['name'], args });
        // the last command of the pipe says where its output goes
        redirects.stdout = filter.redirects.stdout;
      }
    }
    steps.push({ connector, redirects, ...step } as ProgramStep);
    connector = ';';
  }
  return steps;
}

/**
 * takes a step's redirections off its words, in order: `>/dev/null 2>&1` sends both streams away,
 * `2>&1 >/dev/null` only stdout. anything written to a file leaves the log (the file itself is not kept)
 */
function redirections(all: string[]): { words: string[]; redirects: Redirects } {
  const redirects: Redirects = { stdout: 'log', stderr: 'log' };
  const words: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const m = /^(\d|&)?(>&|>>?)(.*)$/.exec(all[i]!);
    if (!m) {
      words.push(all[i]!);
      continue;
    }
    const [, fd = '1', op, attached] = m as unknown as [string, string | undefined, string, string];
    const target = attached !== '' ? attached : (all[++i] ?? '');
    if (op === '>&') {
      // 2>&1 and 1>&2: one stream goes where the other goes now
      if (fd === '2' && target === '1') redirects.stderr = redirects.stdout;
      else if (fd === '1' && target === '2') redirects.stdout = redirects.stderr;
      continue;
    }
    if (fd === '1' || fd === '&') redirects.stdout = 'away';
    if (fd === '2' || fd === '&') redirects.stderr = 'away';
  }
  return { words, redirects };
}

type StepBody = ProgramStep extends infer S ? (S extends ProgramStep ? Omit<S, 'connector' | 'redirects'> : never) : never;

function programStep(words: string[], image: ImageInfo): StepBody {
  const [cmd = '', ...args] = words;
  switch (cmd) {
    case 'echo':
      return { kind: 'echo', text: args.join(' ') };
    case 'sleep':
      return { kind: 'sleep', ms: seconds(args[0]) * 1000 };
    case 'tail':
      return args.includes('-f') || args.includes('-F') ? { kind: 'block' } : { kind: 'status', code: 0 };
    case 'exit':
      return { kind: 'exit', code: Number(args[0] ?? 0) || 0 };
    case 'true':
    case ':':
      return { kind: 'status', code: 0 };
    case 'false':
      return { kind: 'status', code: 1 };
    default:
      if (TRANSFER_TOOLS.has(cmd) && image.binaries.includes(cmd))
        return { kind: 'transfer', tool: cmd as TransferToolName, args, filters: [] };
      if (NETWORK_TOOLS.has(cmd) && image.binaries.includes(cmd)) {
        return { kind: 'note', line: `kubesim: ${cmd} in a container's own command is not simulated; ${NETWORK_HINT}` };
      }
      if (image.binaries.includes(cmd)) return { kind: 'status', code: 0 };
      return { kind: 'missing', name: cmd };
  }
}

function splitSteps(script: string): string[] {
  return script
    .split(/;|&&|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function words_(step: string): string[] {
  return (step.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ''));
}

function seconds(value: string | undefined): number {
  if (value === 'infinity' || value === 'inf') return Infinity;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** the tools that talk to the network; wget and curl also run as a container's own command (see Program) */
const NETWORK_TOOLS = new Set(['wget', 'curl', 'nslookup', 'nc', 'ping', 'dig', 'host', 'telnet']);
const NETWORK_HINT = 'run it with kubectl exec, or from a shell: kubectl run -it ... -- sh';

/** returns the new time offset, or 'stop' when the process ends here */
function runStep(step: string, t: number, plan: ProcessPlan, image: ImageInfo): number | 'stop' {
  const { words, redirects } = redirections(words_(step));
  const body = programStep(words, image);
  switch (body.kind) {
    case 'echo':
      if (redirects.stdout === 'log') plan.logs.push({ at: t, line: body.text });
      return t;
    case 'note':
      // a planned process cannot reach the network: say so where the learner looks (the logs)
      plan.logs.push({ at: t, line: body.line });
      return t;
    case 'sleep':
      return body.ms === Infinity ? 'stop' : t + body.ms;
    case 'block':
      // `tail -f /dev/null`: the classic way to keep a container alive doing nothing
      return 'stop';
    case 'status':
      if (body.code === 0) return t;
      plan.exit = { at: t + 10, code: body.code };
      return 'stop';
    case 'exit':
      plan.exit = { at: t + 10, code: body.code };
      return 'stop';
    case 'transfer':
      // wget and curl only reach this plan beside a pipe, which the note at the start owns up to
      return t;
    case 'missing':
      if (redirects.stderr === 'log') plan.logs.push({ at: t, line: `sh: ${body.name}: not found` });
      plan.exit = { at: t + 10, code: 127 };
      return 'stop';
  }
}
