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

/** the few shell idioms container commands use: echo, sleep, exit, `while true; do …; done` */
function runScript(script: string, image: ImageInfo): ProcessPlan {
  const plan: ProcessPlan = { logs: [], listens: [], stopsOnSigterm: false };
  let t = 0;
  const loop = /while\s+(?:true|:)\s*;\s*do\s+(.*?)\s*;?\s*done/s.exec(script);
  const before = loop ? script.slice(0, loop.index) : script;
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

/** the tools that talk to the network, which only run in shells (kubectl exec, an interactive pod shell) */
const NETWORK_TOOLS = new Set(['wget', 'curl', 'nslookup', 'nc', 'ping', 'dig', 'host', 'telnet']);
const NETWORK_HINT = 'run it with kubectl exec, or from a shell: kubectl run -it ... -- sh';

/** returns the new time offset, or 'stop' when the process ends here */
function runStep(step: string, t: number, plan: ProcessPlan, image: ImageInfo): number | 'stop' {
  const words = words_(step);
  const cmd = words[0] ?? '';
  switch (cmd) {
    case 'echo':
      plan.logs.push({ at: t, line: words.slice(1).join(' ') });
      return t;
    case 'sleep': {
      const s = seconds(words[1]);
      if (s === Infinity) return 'stop';
      return t + s * 1000;
    }
    case 'tail':
      // `tail -f /dev/null`: the classic way to keep a container alive doing nothing
      if (words.includes('-f') || words.includes('-F')) return 'stop';
      return t;
    case 'exit':
      plan.exit = { at: t + 10, code: Number(words[1] ?? 0) || 0 };
      return 'stop';
    case 'true':
    case ':':
      return t;
    case 'false':
      plan.exit = { at: t + 10, code: 1 };
      return 'stop';
    default:
      if (NETWORK_TOOLS.has(cmd) && image.binaries.includes(cmd)) {
        // a planned process cannot reach the network: say so where the learner looks (the logs)
        plan.logs.push({ at: t, line: `kubesim: ${cmd} in a container's own command is not simulated; ${NETWORK_HINT}` });
        return t;
      }
      if (image.binaries.includes(cmd)) return t;
      plan.logs.push({ at: t, line: `sh: ${cmd}: not found` });
      plan.exit = { at: t + 10, code: 127 };
      return 'stop';
  }
}
