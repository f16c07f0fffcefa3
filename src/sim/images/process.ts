// what a container's main process does over time, from its image and its command/args:
// serve forever, sleep, print and exit, or fail to start. the kubelet turns this plan into
// container states, restarts and logs.

import type { Container } from '../api/types.ts';
import { dateOutput } from '../clock.ts';
import { ArithmeticFailure, compileArithmetic } from '../shell/arithmetic.ts';
import { parse } from '../shell/parser.ts';
import { SHELL_MESSAGES, type ShellDialect } from '../shell/shell.ts';
import type { CommandList, ForLoop, ParamOp, Redirect, SimpleCommand, Word } from '../shell/syntax.ts';
import { escapeGlob } from '../shell/glob.ts';
import { removeAffix } from '../shell/param-ops.ts';
import type { ImageInfo } from './catalogue.ts';
import { nginxVersionFor } from './http.ts';

export interface ProcessPlan {
  /** lines printed at given offsets (ms) after start */
  logs: { at: number; line: string }[];
  /**
   * a `while true` loop of echo and sleep, once it has started: each round takes periodMs from
   * `from` ms after the start, and prints its lines `offset` ms into the round. read when the log
   * is, so a loop that runs for hours costs nothing until then
   */
  repeat?: {
    from: number;
    periodMs: number;
    lines: { offset: number; text: (state: StepState) => string }[];
    /** the shell's variables when the loop began (nothing in it changes them) */
    vars?: ReadonlyMap<string, string>;
  };
  /** when and how the process ends; absent means it runs until stopped */
  exit?: { at: number; code: number };
  /** the runtime could not start it at all (a missing binary) */
  startError?: string;
  listens: number[];
  /** true when PID 1 ends on SIGTERM; otherwise the kubelet waits the whole grace period */
  stopsOnSigterm: boolean;
  /**
   * a script (`sh -c …`, or one program run without a shell): the kubelet steps through it in
   * cluster time, so what wget or curl prints, the date and the files it writes are those of the
   * moment each step runs
   */
  program?: Program;
}

/** how a step follows the one before: always, only after a success, only after a failure */
export type Connector = ';' | '&&' | '||';

/** a file a step's output is redirected into (`> /tmp/out`, `>> log.txt`), in the container's files */
export interface FileTarget {
  path: string;
  append: boolean;
  /** the script's line the redirection is on, for dash's messages */
  line: number;
}

/** where a step's output goes: into the log, away (`>/dev/null`), or into a file */
export interface Redirects {
  stdout: 'log' | 'away' | FileTarget;
  stderr: 'log' | 'away' | FileTarget;
}

export type ProgramStep = { connector: Connector; redirects: Redirects } &
  /** echo, date, hostname: a line made when the step runs (`echo "$(date) $HOSTNAME"`) */
  (
    | { kind: 'echo'; text: (state: StepState) => string; newline: boolean }
    /** sleep; Infinity never wakes (`sleep infinity`) */
    | { kind: 'sleep'; ms: number }
    /** `tail -f`: runs until stopped */
    | { kind: 'block' }
    /** `exit`, `exit N`; null exits with the status of the step before */
    | { kind: 'exit'; code: number | null }
    /** true, false, `:`, and sh's builtins that print nothing */
    | { kind: 'status'; code: number }
    /** wget or curl, its output piped through `filters` (`wget -qO- web | grep Hostname`) */
    | { kind: 'transfer'; tool: TransferToolName; args: string[]; filters: Filter[]; argv?: (state: StepState) => string[] }
    /** a line the step prints and status 0 (the note for network tools that are not simulated) */
    | { kind: 'note'; line: string }
    /** a command whose output is not simulated: the note goes where its stdout would, status 0 */
    | { kind: 'quiet'; line: string }
    /**
     * a program run in the container as exec runs it (cat, ls, mkdir …), through `filters`; one the
     * container does not have gets the shell's `missing` complaint and status 127
     */
    | { kind: 'command'; words: string[]; filters: Filter[]; missing: string; argv?: (state: StepState) => string[] }
    /** `cd DIR`: the directory the steps after it work in (the shell's $HOME without one) */
    | { kind: 'cd'; argv: (state: StepState) => string[]; line: number }
    /** NAME=value (and `export NAME=value`): the shell's variables for the steps after it */
    | { kind: 'assign'; assignments: { name: string; value: (state: StepState) => string }[] }
  );

export type TransferToolName = 'wget' | 'curl';

/** the text tools a transfer's output can be piped through in a container's own command */
export const FILTERS = ['grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr'] as const;

export interface Filter {
  name: (typeof FILTERS)[number];
  args: string[];
}

export interface Program {
  /** the shell running it, whose words a failed redirection gets */
  shell: ShellDialect;
  /** the variables it starts with: the process's environment */
  env: [string, string][];
  steps: ProgramStep[];
  /** the body of a trailing `while true; do …; done`, run until the container stops */
  loop: ProgramStep[] | null;
}

/**
 * a loop body the kubelet can leave to the log's reader (ProcessPlan.repeat): only echo and
 * sleep run in it, and its rounds take time. null when a round has to be run step by step
 */
export function repeatOf(
  loop: readonly ProgramStep[],
): { periodMs: number; lines: NonNullable<ProcessPlan['repeat']>['lines'] } | null {
  let offset = 0;
  const lines: NonNullable<ProcessPlan['repeat']>['lines'] = [];
  for (const step of loop) {
    if (step.connector !== ';') return null;
    if (step.kind === 'sleep' && step.ms !== Infinity) offset += step.ms;
    else if (step.kind === 'echo' && step.newline && typeof step.redirects.stdout === 'string') {
      if (step.redirects.stdout === 'log') lines.push({ offset, text: step.text });
    } else if (!(step.kind === 'status' && step.code === 0)) return null;
  }
  return offset > 0 ? { periodMs: offset, lines } : null;
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

/**
 * what the container's main process does. `container` has its command and args expanded by the
 * kubelet already ($(VAR)); a shell script's own $VAR come from `env`, the process's environment
 */
export function planProcess(
  image: ImageInfo,
  container: Container,
  start: { time: string; now: number; env: () => ReadonlyMap<string, string>; sh: ShellDialect },
): ProcessPlan {
  const startTime = start.time;
  const argv = effectiveArgv(image, container);
  const base = { listens: [] as number[], stopsOnSigterm: true, logs: [] as ProcessPlan['logs'] };
  const program = argv[0] ?? '';
  const name = basename(program);
  // the cluster's own components (no shell inside) run whatever flags they are given
  const systemImage = image.shells.length === 0 && image.binaries.length === 0 && program === image.defaultCommand[0];
  if ((argv.join(' ') === image.defaultCommand.join(' ') && image.listens.length > 0) || systemImage) {
    return { ...base, listens: image.listens, logs: image.startupLog({ time: startTime }).map((line) => ({ at: 0, line })) };
  }
  // nginx's docker-entrypoint.sh configures nginx only when asked to run nginx; anything else it
  // hands straight to `exec "$@"` (kubectl run web --image=nginx -- sh -c '…')
  const handed = argv[1];
  if (name === 'docker-entrypoint.sh' && handed && handed !== 'nginx' && handed !== 'nginx-debug' && !handed.startsWith('-')) {
    return planProcess(image, { ...container, command: argv.slice(1), args: [] }, start);
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
    const shell = name === 'bash' ? 'bash' : start.sh;
    return runScript(argv[2], image, {
      env: start.env(),
      positional: argv.slice(3),
      now: start.now,
      shell,
      script: argv[2],
      binaries: image.binaries,
    });
  }
  if (!image.binaries.includes(name)) return startError(program);
  // no shell: the words reach the program as they are (quoted here so the reading expands nothing)
  const script = argv.map(quoteWord).join(' ');
  return runScript(script, image, {
    env: new Map(),
    positional: [],
    now: start.now,
    shell: start.sh,
    script,
    binaries: image.binaries,
  });
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

/**
 * a script as sh runs it, read by the shell's own parser: its steps with the operator before
 * each (`a && b || c; d`), then the body of a trailing `while true; do …; done`. the kubelet
 * steps through it in cluster time (see Program)
 */
function runScript(script: string, image: ImageInfo, context: ScriptContext): ProcessPlan {
  const loop = trailingWhile(script);
  const before = loop ? script.slice(0, loop.index) : script;
  const vars = new Map(context.env);
  const steps = programSteps(before, image, context, vars);
  const body = loop ? programSteps(loop.body, image, context, vars) : null;
  return {
    logs: [],
    listens: [],
    stopsOnSigterm: false,
    program: { shell: context.shell, env: [...context.env], steps, loop: body },
  };
}

/**
 * where a `while true; do …; done` starts, and its body: up to the `done` that closes it, counting
 * the do and done of loops inside it (as keywords: where a command starts, outside quotes)
 */
function trailingWhile(script: string): { index: number; body: string } | null {
  const head = /while\s+(?:true|:)\s*;\s*do\s/.exec(script);
  if (!head) return null;
  const from = head.index + head[0].length;
  let depth = 1;
  let quote: string | null = null;
  let commandStart = true;
  for (let i = from; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '\\') {
      i++;
      commandStart = false;
    } else if (c === "'" || c === '"') {
      quote = c;
      commandStart = false;
    } else if (c === ';' || c === '\n' || c === '&' || c === '|') {
      commandStart = true;
    } else if (c !== ' ' && c !== '\t') {
      const word = /^[^\s;&|'"]+/.exec(script.slice(i))![0];
      if (commandStart && word === 'do') depth++;
      else if (commandStart && word === 'done' && --depth === 0) return { index: head.index, body: script.slice(from, i) };
      // the word after do starts a command; any other word is an argument
      commandStart = word === 'do';
      i += word.length - 1;
    }
  }
  return null;
}

const LOG: Redirects = { stdout: 'log', stderr: 'log' };

/** a step that only prints kubesim's own note, whatever the step's redirections */
function noteStep(connector: Connector, line: string): ProgramStep {
  return { connector, redirects: { ...LOG }, kind: 'note', line };
}

/** a script's steps, each with the operator before it; what this reading cannot run becomes a note saying so */
function programSteps(script: string, image: ImageInfo, context: ScriptContext, vars: Map<string, string>): ProgramStep[] {
  // the parser reads lines as a terminal gives them: each ends in a newline
  const parsed = parse(script + '\n', { final: true });
  if (parsed.kind === 'empty') return [];
  if (parsed.kind !== 'ok') {
    const message = parsed.kind === 'error' ? parsed.message : 'the command is incomplete';
    if (message.startsWith('kubesim: ')) {
      // the shell would run it; this reading cannot: say so, and leave the container running
      return [noteStep(';', `${message} (in a container's own command); the container keeps running`), blockStep()];
    }
    return [
      noteStep(';', `kubesim: sh cannot read this container command (${message.replace(/^bash: /, '').split('\n')[0]})`),
      { connector: ';', redirects: { ...LOG }, kind: 'exit', code: 2 },
    ];
  }
  return listSteps(parsed.list, image, context, vars);
}

/** the most rounds a for loop is unrolled to, and the most steps its unrolling makes */
const FOR_ITEMS_MAX = 1000;
const FOR_STEPS_MAX = 20_000;

/** the steps of a parsed list, each with the operator before it */
function listSteps(list: CommandList, image: ImageInfo, context: ScriptContext, vars: Map<string, string>): ProgramStep[] {
  const steps: ProgramStep[] = [];
  for (const { pipeline, before } of list.items) {
    const connector: Connector = before === '&&' || before === '||' ? before : ';';
    const [first, ...piped] = pipeline.commands;
    if (!first) continue;
    if (pipeline.negated) {
      steps.push(noteStep(connector, "kubesim: '!' before a command in a container's own command is not simulated"));
      continue;
    }
    if (first.kind === 'for' && piped.length === 0) {
      steps.push(...forSteps(first, connector, image, context, vars));
      continue;
    }
    if (first.kind !== 'simple' || piped.some((c) => c.kind !== 'simple')) {
      steps.push(noteStep(connector, "kubesim: a for loop in a pipe in a container's own command is not simulated"));
      continue;
    }
    const step = simpleStep(first, image, context, vars);
    if ('unsupported' in step) {
      steps.push(noteStep(connector, step.unsupported));
      continue;
    }
    const redirects = redirections(first.redirects, context, vars);
    if (piped.length > 0) {
      const filters =
        step.kind === 'transfer' || step.kind === 'command' ? pipeFilters(piped as SimpleCommand[], image, context, vars) : null;
      if (!filters || (step.kind !== 'transfer' && step.kind !== 'command')) {
        steps.push(noteStep(connector, `kubesim: this pipe (|) in a container's own command is not simulated; ${NETWORK_HINT}`));
        continue;
      }
      step.filters.push(...filters.filters);
      // the last command of the pipe says where its output goes
      redirects.stdout = filters.stdout;
    }
    steps.push({ connector, redirects, ...step } as ProgramStep);
  }
  return steps;
}

/**
 * `for NAME in WORDS; do …; done`, unrolled: for each word, NAME is set and the body's steps
 * follow. its words are read as the script is; a loop after && or ||, one whose words need what
 * this reading cannot run, one with break or continue, or one of more than FOR_ITEMS_MAX rounds
 * says it is not simulated
 */
function forSteps(
  loop: ForLoop,
  connector: Connector,
  image: ImageInfo,
  context: ScriptContext,
  vars: Map<string, string>,
): ProgramStep[] {
  const note = (what: string) => [noteStep(connector, `kubesim: ${what} in a container's own command is not simulated`)];
  if (connector !== ';') return note(`a for loop after ${connector}`);
  const items: string[] = [];
  for (const word of loop.items) {
    const fields = expandWord(word, context, vars);
    if ('unsupported' in fields) return [noteStep(connector, fields.unsupported)];
    items.push(...readNow(fields, context));
  }
  if (items.length > FOR_ITEMS_MAX) return note(`a for loop of more than ${FOR_ITEMS_MAX} rounds`);
  if (usesLoopControl(loop.body)) return note('break or continue');
  // a loop that runs no round leaves status 0
  if (items.length === 0) return [{ connector, redirects: { ...LOG }, kind: 'status', code: 0 }];
  const steps: ProgramStep[] = [];
  for (const item of items) {
    // nested loops multiply: past FOR_STEPS_MAX steps the unrolling stops and says so
    if (steps.length > FOR_STEPS_MAX) return note(`a for loop of more than ${FOR_STEPS_MAX.toLocaleString('en')} steps`);
    vars.set(loop.variable, item);
    steps.push({
      connector: ';',
      redirects: { ...LOG },
      kind: 'assign',
      assignments: [{ name: loop.variable, value: () => item }],
    });
    steps.push(...listSteps(loop.body, image, context, vars));
  }
  return steps;
}

function usesLoopControl(list: CommandList): boolean {
  return list.items.some(({ pipeline }) =>
    pipeline.commands.some((command) =>
      command.kind === 'for'
        ? usesLoopControl(command.body)
        : command.words[0]?.parts.length === 1 &&
          command.words[0].parts[0]?.kind === 'text' &&
          ['break', 'continue'].includes(command.words[0].parts[0].text),
    ),
  );
}

function blockStep(): ProgramStep {
  return { connector: ';', redirects: { ...LOG }, kind: 'block' };
}

/** the text tools after `wget … |`, or null when one of them is not one the image has */
function pipeFilters(
  commands: SimpleCommand[],
  image: ImageInfo,
  context: ScriptContext,
  vars: Map<string, string>,
): { filters: Filter[]; stdout: Redirects['stdout'] } | null {
  const filters: Filter[] = [];
  let stdout: Redirects['stdout'] = 'log';
  for (const command of commands) {
    const words = staticWords(command.words, context, vars);
    const [name = '', ...args] = words ?? [];
    if (!words || !(FILTERS as readonly string[]).includes(name) || !image.binaries.includes(name)) return null;
    filters.push({ name: name as Filter['name'], args });
    stdout = redirections(command.redirects, context, vars).stdout;
  }
  return { filters, stdout };
}

/**
 * takes a step's redirections in order: `>/dev/null 2>&1` sends both streams away, `2>&1 >/dev/null`
 * only stdout; `> file` and `>> file` write into the container's files
 */
function redirections(list: readonly Redirect[], context: ScriptContext, vars: Map<string, string>): Redirects {
  const redirects: Redirects = { ...LOG };
  const into = (target: Redirect['target'], append: boolean): Redirects['stdout'] => {
    const path = (target ? (staticWords([target], context, vars) ?? []) : []).join(' ');
    return path === '/dev/null' ? 'away' : { path, append, line: lineOf(context.script, path) };
  };
  for (const { op, target } of list) {
    if (op === '2>&1') redirects.stderr = redirects.stdout;
    else if (op === '>&2') redirects.stdout = redirects.stderr;
    else if (op === '>' || op === '>>') redirects.stdout = into(target, op === '>>');
    else if (op === '2>' || op === '2>>') redirects.stderr = into(target, op === '2>>');
    else if (op === '&>') redirects.stdout = redirects.stderr = into(target, false);
  }
  return redirects;
}

type StepBody = ProgramStep extends infer S ? (S extends ProgramStep ? Omit<S, 'connector' | 'redirects'> : never) : never;
type Unsupported = { unsupported: string };

/** what a script's words are expanded from: the process's environment and sh's own parameters */
export interface ScriptContext {
  /** the main process's environment (containerd's defaults, the image's ENV, the kubelet's list) */
  env: ReadonlyMap<string, string>;
  /** `sh -c script name args…`: $0, then $1… */
  positional: readonly string[];
  /** when the container starts (ms), for $(date) in a word that is expanded before it runs */
  now: number;
  /** the shell running the script: its "not found" differs */
  shell: ShellDialect;
  /** the script itself, for the line numbers dash reports */
  script: string;
  /** the programs the image has ($(seq …) needs seq) */
  binaries: readonly string[];
}

/** the script's line (from 1) where `word` first stands as a word: dash names it in its messages */
function lineOf(script: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = script.split('\n').findIndex((line) => new RegExp(`(^|[\\s;&|(<>])${escaped}([\\s;&|)<>]|$)`).test(line));
  return at < 0 ? 1 : at + 1;
}

/** what the shell says about a command it cannot find (busybox ash, dash with the line, bash) */
function notFound(name: string, context: ScriptContext): string {
  const shell = context.shell === 'bash' ? 'bash' : 'sh';
  return SHELL_MESSAGES[context.shell].notFound(shell, lineOf(context.script, name), name).replace(/\n$/, '');
}

/** sh's builtins that print nothing and change nothing this reading follows */
const QUIET = new Set(['export', 'set', 'trap', 'sync', 'wait', 'shift', 'unset']);

/**
 * programs whose output depends on the shell that runs them (env's order) or that are no one-shot
 * commands; a shell started from the script is refused where commands run (mainProcessCommand)
 */
const NOT_RUN = new Set(['env', 'vi', 'nginx', 'top']);

/** one simple command as a step (a bare assignment is one too: it sets variables for the steps after it) */
function simpleStep(
  command: SimpleCommand,
  image: ImageInfo,
  context: ScriptContext,
  vars: Map<string, string>,
): StepBody | Unsupported {
  const expanded = command.words.map((word) => expandWord(word, context, vars));
  const unsupported = expanded.find((w): w is Unsupported => 'unsupported' in w);
  if (unsupported) return unsupported;
  const fields = expanded as Fields[];
  const all = (state: StepState) => fields.flatMap((f) => f(state));
  const start = fields.flatMap((f) => readNow(f, context));
  if (command.words.length === 0) {
    const assignments: { name: string; value: (state: StepState) => string }[] = [];
    for (const { name, value } of command.assignments) {
      // a value is not field-split: its parts expand as if quoted
      const field = expandWord({ parts: value.parts.map((p) => ({ ...p, quoted: true })) }, context, vars);
      if ('unsupported' in field) return field;
      // known as the script is read too, for the words read then (a command's name, a file's)
      vars.set(name, readNow(field, context).join(' '));
      assignments.push({ name, value: (state) => field(state).join(' ') });
    }
    return { kind: 'assign', assignments };
  }
  const [cmd = '', ...args] = start;
  // `export NAME=value`: the variable is set for the steps after it, as a bare assignment is
  if (cmd === 'export' && args.every((a) => /^[A-Za-z_][A-Za-z0-9_]*(=|$)/.test(a))) {
    const assignments: { name: string; value: (state: StepState) => string }[] = [];
    args.forEach((arg, i) => {
      const eq = arg.indexOf('=');
      if (eq <= 0) return;
      vars.set(arg.slice(0, eq), arg.slice(eq + 1));
      assignments.push({ name: arg.slice(0, eq), value: (state) => (all(state)[i + 1] ?? '').slice(eq + 1) });
    });
    return { kind: 'assign', assignments };
  }
  switch (cmd) {
    case 'echo': {
      const newline = args[0] !== '-n';
      const skip = newline ? 1 : 2;
      return { kind: 'echo', text: (state) => all(state).slice(skip).join(' '), newline };
    }
    case 'date':
      if (args.every((a) => a === '-u')) return { kind: 'echo', text: (state) => dateOutput(state.at), newline: true };
      break;
    case 'hostname':
      if (args.length === 0) return { kind: 'echo', text: () => vars.get('HOSTNAME') ?? '', newline: true };
      break;
    case 'cd':
      if (args[0] !== '-') return { kind: 'cd', argv: all, line: lineOf(context.script, 'cd') };
      break;
  }
  const body = programStep(start, image, context);
  // the words as they are when the step runs: a variable the loop changes reaches them
  if ('kind' in body && (body.kind === 'transfer' || body.kind === 'command')) return { ...body, argv: all };
  return body;
}

/** the words of a command expanded once, or null when one of them needs what this reading cannot run */
function staticWords(words: readonly Word[], context: ScriptContext, vars: Map<string, string>): string[] | null {
  const out: string[] = [];
  for (const word of words) {
    const fields = expandWord(word, context, vars);
    if ('unsupported' in fields) return null;
    out.push(...readNow(fields, context));
  }
  return out;
}

/**
 * a word's fields as the script is read (for a command's name, a file to write): an arithmetic
 * expansion that can only fail when it runs reads as empty here
 */
function readNow(fields: Fields, context: ScriptContext): string[] {
  try {
    return fields({ at: context.now, status: 0 });
  } catch (error) {
    if (error instanceof ArithmeticFailure) return [];
    throw error;
  }
}

/** what a word's expansion can depend on while the step runs */
export interface StepState {
  /** cluster time (ms) */
  at: number;
  /** $?: the status of the step before */
  status: number;
  /** the shell's variables as the script has set them so far (the kubelet keeps them as it steps) */
  vars?: ReadonlyMap<string, string>;
}

type Fields = (state: StepState) => string[];

const SEQ_NUMBERS_MAX = 100_000;

/** `seq LAST`, `seq FIRST LAST` or `seq FIRST STEP LAST` of whole numbers: its lines, as $(…) keeps them (no final newline) */
function wholeNumberSeq(source: string): string | null {
  const words = source.split(/\s+/);
  if (words[0] !== 'seq' || words.length < 2 || words.length > 4 || !words.slice(1).every((w) => /^-?\d{1,9}$/.test(w)))
    return null;
  const [a, b, c] = words.slice(1).map(Number);
  const [first, step, last] = c !== undefined ? [a!, b!, c] : b !== undefined ? [a!, 1, b] : [1, 1, a!];
  if (step === 0) return null;
  const count = Math.max(0, Math.floor((last - first) / step) + 1);
  // more numbers than a log would want is beyond this reading
  if (count > SEQ_NUMBERS_MAX) return null;
  return Array.from({ length: count }, (_, i) => first + i * step).join('\n');
}

/**
 * sh's expansion of one word into fields: parameters from the environment and the script's own
 * assignments, $(date) and $(hostname) run as their commands would, unquoted results split on
 * blanks. a substitution of anything else is beyond this reading, and says so
 */
function expandWord(word: Word, context: ScriptContext, vars: ReadonlyMap<string, string>): Fields | Unsupported {
  /** split: whether an unquoted result is split into fields (not what a quoted word after an operator gave) */
  type Piece = { quoted: boolean; split: boolean | ((state: StepState) => boolean); value: (state: StepState) => string };
  const pieces: Piece[] = [];
  for (const part of word.parts) {
    if (part.kind === 'text') {
      pieces.push({ quoted: part.quoted, split: false, value: () => part.text });
    } else if (part.kind === 'param' && part.op) {
      const piece = operatorPiece(part.name, part.op, context, vars);
      if ('unsupported' in piece) return piece;
      const quotedWord = piece.quotedWord;
      pieces.push({ quoted: part.quoted, split: part.quoted ? false : (state) => !quotedWord(state), value: piece.value });
    } else if (part.kind === 'param') {
      pieces.push({ quoted: part.quoted, split: !part.quoted, value: parameter(part.name, context, vars) });
    } else if (part.kind === 'arith') {
      const compiled = compileArithmetic(part.source);
      if ('error' in compiled) {
        return {
          unsupported: `kubesim: $((${part.source})), with ${compiled.error} in it, in a container's own command is not simulated`,
        };
      }
      pieces.push({ quoted: part.quoted, split: !part.quoted, value: (state) => String(compiled.evaluate(state.vars ?? vars)) });
    } else {
      const source = part.source.trim();
      let value: ((state: StepState) => string) | null = null;
      if (/^date(\s+-u)?$/.test(source)) value = (state) => dateOutput(state.at);
      else if (source === 'hostname') value = () => vars.get('HOSTNAME') ?? '';
      else if (context.binaries.includes('seq')) {
        const numbers = wholeNumberSeq(source);
        if (numbers !== null) value = () => numbers;
      }
      if (!value) {
        return {
          unsupported: `kubesim: $(${source}) in a container's own command is not simulated (only $(date), $(hostname) and $(seq) of up to 100,000 whole numbers are); ${NETWORK_HINT}`,
        };
      }
      pieces.push({ quoted: part.quoted, split: !part.quoted, value });
    }
  }
  return (state) => {
    const fields: string[] = [];
    let current = '';
    let started = false;
    for (const piece of pieces) {
      const text = piece.value(state);
      if (!(typeof piece.split === 'function' ? piece.split(state) : piece.split)) {
        current += text;
        started ||= piece.quoted || text !== '';
        continue;
      }
      text.split(/[ \t\n]+/).forEach((chunk, i) => {
        if (i > 0 && started) {
          fields.push(current);
          current = '';
          started = false;
        }
        current += chunk;
        started ||= chunk !== '';
      });
    }
    if (started) fields.push(current);
    return fields;
  };
}

/** $NAME, $?, $$ (sh is PID 1 in its container), $0 and $1… from `sh -c script name args…`, $# */
/**
 * `${NAME<op>WORD}` in a container's own command: POSIX's defaults, alternatives, lengths and
 * prefix or suffix removal, which every sh has. what would assign, fail the script, or differ
 * between dash and ash says it is not simulated
 */
function operatorPiece(
  name: string,
  op: ParamOp,
  context: ScriptContext,
  vars: ReadonlyMap<string, string>,
): { value: (state: StepState) => string; quotedWord: (state: StepState) => boolean } | Unsupported {
  const current = parameter(name, context, vars);
  const never = () => false;
  if (op.op === 'length') return { value: (state) => String([...current(state)].length), quotedWord: never };
  const unsupported = {
    unsupported: `kubesim: \${${op.raw}} in a container's own command is not simulated ($NAME, \${NAME} and the :- - :+ + # ## % %% forms are)`,
  };
  const isSet = (state: StepState) => /^[?$#0-9]$/.test(name) || (state.vars ?? vars).has(name);
  const missing = (state: StepState) => !isSet(state) || (op.op.startsWith(':') && current(state) === '');
  switch (op.op) {
    case ':-':
    case '-':
    case ':+':
    case '+': {
      const word = expandWord(op.word, context, vars);
      if ('unsupported' in word) return word;
      const quoted = op.word.parts.some((p) => p.quoted);
      // :- and - give the word when the parameter is missing; :+ and + when it is there
      const givesWord = (state: StepState) => missing(state) === op.op.endsWith('-');
      return {
        value: (state) => (givesWord(state) ? word(state).join(' ') : op.op.endsWith('-') ? current(state) : ''),
        quotedWord: (state) => quoted && givesWord(state),
      };
    }
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pieces: { quoted: boolean; fields: Fields }[] = [];
      for (const part of op.word.parts) {
        const fields = expandWord({ parts: [part] }, context, vars);
        if ('unsupported' in fields) return fields;
        pieces.push({ quoted: part.quoted, fields });
      }
      const affix = op.op;
      const pattern = (state: StepState) =>
        pieces.map((p) => (p.quoted ? escapeGlob(p.fields(state).join(' ')) : p.fields(state).join(' '))).join('');
      return { value: (state) => removeAffix(current(state), pattern(state), affix), quotedWord: never };
    }
    default:
      return unsupported;
  }
}

function parameter(name: string, context: ScriptContext, vars: ReadonlyMap<string, string>): (state: StepState) => string {
  if (name === '?') return (state) => String(state.status);
  if (name === '$') return () => '1';
  if (name === '#') return () => String(Math.max(0, context.positional.length - 1));
  if (/^[0-9]$/.test(name)) {
    const value = name === '0' ? (context.positional[0] ?? 'sh') : (context.positional[Number(name)] ?? '');
    return () => value;
  }
  return (state) => (state.vars ?? vars).get(name) ?? '';
}

function programStep(words: string[], image: ImageInfo, context: ScriptContext): StepBody | Unsupported {
  const [cmd = '', ...args] = words;
  switch (cmd) {
    case 'sleep':
      return { kind: 'sleep', ms: seconds(args[0]) * 1000 };
    case 'tail':
      if (args.includes('-f') || args.includes('-F')) return { kind: 'block' };
      break;
    case 'exit':
      return { kind: 'exit', code: args[0] === undefined ? null : Number(args[0]) || 0 };
    case 'true':
    case ':':
      return { kind: 'status', code: 0 };
    case 'false':
      return { kind: 'status', code: 1 };
  }
  if (TRANSFER_TOOLS.has(cmd) && image.binaries.includes(cmd))
    return { kind: 'transfer', tool: cmd as TransferToolName, args, filters: [] };
  if (NETWORK_TOOLS.has(cmd) && image.binaries.includes(cmd)) {
    return { kind: 'note', line: `kubesim: ${cmd} in a container's own command is not simulated; ${NETWORK_HINT}` };
  }
  if (image.binaries.includes(cmd) && NOT_RUN.has(cmd)) return quietOrNote(cmd);
  if (SHELL_BUILTINS.has(cmd)) return quietOrNote(cmd);
  if (cmd === 'printenv' && args.length === 0) return quietOrNote(cmd);
  // whether the container has it is known where it runs: the kubelet says "not found" if not
  return { kind: 'command', words, filters: [], missing: notFound(cmd, context) };
}

/** sh's own commands: never "not found" */
const SHELL_BUILTINS = new Set(['cd', 'export', 'set', 'trap', 'kill', 'printf', 'read', 'wait', 'shift', 'unset']);

/** a command that prints nothing succeeds quietly; another one says it is not simulated where its output would be */
function quietOrNote(cmd: string): StepBody {
  if (QUIET.has(cmd)) return { kind: 'status', code: 0 };
  return { kind: 'quiet', line: `kubesim: ${cmd} in a container's own command is not simulated; ${NETWORK_HINT}` };
}

function seconds(value: string | undefined): number {
  if (value === 'infinity' || value === 'inf') return Infinity;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** the tools that talk to the network; wget and curl also run as a container's own command (see Program) */
const NETWORK_TOOLS = new Set(['wget', 'curl', 'nslookup', 'nc', 'ping', 'dig', 'host', 'telnet']);
export const NETWORK_HINT = 'run it with kubectl exec, or from a shell: kubectl run -it ... -- sh';
