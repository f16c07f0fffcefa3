// the interpreter: runs parsed lists, pipelines and loops over the registered commands
import { Interrupt, type Clock } from '../clock.ts';
import { Random } from '../random.ts';
import type { CommandContext, HostServices, Output, ShellCommand, ShellState } from './command.ts';
import { parse } from './parser.ts';
import { ArithmeticFailure, compileArithmetic } from './arithmetic.ts';
import type { Command, CommandList, ParamOp, Pipeline, SimpleCommand, Word } from './syntax.ts';
import { describeFsError, VirtualFs, type FsError } from './vfs.ts';
import { escapeGlob, globPaths, hasGlob } from './glob.ts';
import { removeAffix, replacePattern, substring } from './param-ops.ts';
import { expandTilde, type TildeContext } from './tilde.ts';
import type { World } from '../world.ts';

export const STATUS_NOT_FOUND = 127;
export const STATUS_INTERRUPTED = 130;
export const STATUS_SYNTAX = 2;

export type ShellDialect = 'bash' | 'ash' | 'dash';

export interface ShellOptions {
  clock: Clock;
  seed: number;
  fs?: VirtualFs;
  commands: ShellCommand[];
  world?: World | null;
  /** what the shell calls itself in messages and $0: `bash` (default), or `sh` for busybox's ash */
  name?: string;
  /** whose messages it prints: bash's (default), busybox ash's or dash's */
  dialect?: ShellDialect;
  /** the variables it starts with, instead of the learner's HOME, USER, PATH and SHELL */
  vars?: Iterable<[string, string]>;
}

/** what a missing command or an unreadable redirection looks like in each shell (dash counts input lines) */
export const SHELL_MESSAGES = {
  bash: {
    /** the status of a command whose redirection failed, and of a failed cd */
    errorStatus: 1,
    notFound: (shell: string, _line: number, name: string) => `${shell}: ${name}: command not found\n`,
    cannotOpen: (shell: string, _line: number, target: string, err: FsError) => `${shell}: ${target}: ${describeFsError(err)}\n`,
    cannotCreate: (shell: string, _line: number, target: string, err: FsError) =>
      `${shell}: ${target}: ${describeFsError(err)}\n`,
    cdFailed: (shell: string, _line: number, target: string, err: FsError) =>
      `${shell}: cd: ${target}: ${describeFsError(err)}\n`,
    /** ${x:?} and ${x?} on an unset parameter, and the status the command then has */
    unsetParameter: (shell: string, _line: number, name: string, message: string, colon: boolean) =>
      `${shell}: ${name}: ${message || (colon ? 'parameter null or not set' : 'parameter not set')}`,
    expansionStatus: 1,
    /** a form of ${…} this shell does not have (null: it has them all) */
    badSubstitution: null as ((shell: string, line: number) => string) | null,
  },
  ash: {
    errorStatus: 1,
    notFound: (shell: string, _line: number, name: string) => `${shell}: ${name}: not found\n`,
    cannotOpen: (shell: string, _line: number, target: string, err: FsError) =>
      `${shell}: can't open ${target}: ${err === 'ENOENT' ? 'no such file' : describeFsError(err)}\n`,
    cannotCreate: (shell: string, _line: number, target: string, err: FsError) =>
      `${shell}: can't create ${target}: ${err === 'ENOENT' ? 'nonexistent directory' : describeFsError(err)}\n`,
    cdFailed: (shell: string, _line: number, target: string, err: FsError) =>
      `${shell}: cd: can't cd to ${target}: ${describeFsError(err)}\n`,
    unsetParameter: (shell: string, _line: number, name: string, message: string, colon: boolean) =>
      `${shell}: ${name}: ${message || (colon ? 'parameter not set or null' : 'parameter not set')}`,
    expansionStatus: 2,
    badSubstitution: null,
  },
  dash: {
    errorStatus: 2,
    notFound: (shell: string, line: number, name: string) => `${shell}: ${line}: ${name}: not found\n`,
    cannotOpen: (shell: string, line: number, target: string, err: FsError) =>
      `${shell}: ${line}: cannot open ${target}: ${err === 'ENOENT' ? 'No such file' : describeFsError(err)}\n`,
    cannotCreate: (shell: string, line: number, target: string, err: FsError) =>
      `${shell}: ${line}: cannot create ${target}: ${err === 'ENOENT' ? 'Directory nonexistent' : describeFsError(err)}\n`,
    cdFailed: (shell: string, line: number, target: string, _err: FsError) => `${shell}: ${line}: cd: can't cd to ${target}\n`,
    unsetParameter: (shell: string, line: number, name: string, message: string, colon: boolean) =>
      `${shell}: ${line}: ${name}: ${message || (colon ? 'parameter not set or null' : 'parameter not set')}`,
    expansionStatus: 2,
    /** dash has only POSIX's forms: no ${x/p/r} and no ${x:offset} */
    badSubstitution: (shell: string, line: number) => `${shell}: ${line}: Bad substitution`,
  },
};

/** an expansion this shell cannot complete ($((…)) beyond what it evaluates): the command does not run */
class ExpansionFailure extends Error {
  constructor(
    message: string,
    /** the status the failed command ends with */
    readonly status = 1,
    /** the shell's own error (not a limit of the simulation): a shell that is not interactive exits on it */
    readonly fatal = false,
  ) {
    super(message);
  }
}

/** collects output into strings, for pipes and $(…) */
class Capture implements Output {
  text = '';
  constructor(private readonly errors: Output) {}
  stdout(text: string): void {
    this.text += text;
  }
  stderr(text: string): void {
    this.errors.stderr(text);
  }
}

export class Shell implements ShellState {
  readonly clock: Clock;
  readonly random: Random;
  readonly fs: VirtualFs;
  readonly commands = new Map<string, ShellCommand>();
  readonly history: string[] = [];
  readonly world: World | null;
  /** set by the page or the CLI */
  host: HostServices = {};
  /** set by the session that runs this shell: nested shells, and whether input is a terminal */
  terminal: Pick<HostServices, 'openShell' | 'stdinIsTerminal' | 'terminalColumns'> = {};
  readonly name: string;
  private readonly messages: (typeof SHELL_MESSAGES)['bash'];
  private readonly dialect: ShellDialect;
  private readonly vars = new Map<string, string>();
  lastStatus = 0;
  /** input lines read so far (dash names the line in its messages) */
  lineNumber = 0;
  /** set by `exit`: the shell stops running input and ends with this status */
  exitStatus: number | null = null;
  /**
   * when set, the shell is not interactive (`sh -c`, a script, piped input): an expansion error such
   * as `${x:?}` ends it with this status, as dash, ash and bash do (bash -c: 127)
   */
  expansionExit: number | null = null;

  constructor(options: ShellOptions) {
    this.clock = options.clock;
    this.random = new Random(options.seed);
    this.fs = options.fs ?? new VirtualFs();
    // file times (ls -l) follow the shell's clock
    this.fs.clock ??= options.clock;
    for (const command of options.commands) this.commands.set(command.name, command);
    this.world = options.world ?? null;
    this.name = options.name ?? 'bash';
    this.messages = SHELL_MESSAGES[options.dialect ?? 'bash'];
    this.dialect = options.dialect ?? 'bash';
    if (options.vars) {
      for (const [name, value] of options.vars) this.vars.set(name, value);
      return;
    }
    this.vars.set('HOME', this.fs.home);
    this.vars.set('USER', 'learner');
    this.vars.set('PATH', '/usr/local/bin:/usr/bin:/bin');
    this.vars.set('SHELL', '/bin/bash');
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, value);
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
  }

  getVar(name: string): string | undefined {
    return this.vars.get(name);
  }

  /** $((…)) with the shell's variables; what it cannot evaluate ends the command (ExpansionFailure) */
  private arithmetic(source: string): string {
    const compiled = compileArithmetic(source);
    if ('error' in compiled)
      throw new ExpansionFailure(`kubesim: $((${source})), with ${compiled.error} in it, is not simulated`);
    try {
      return String(compiled.evaluate({ get: (name) => this.paramValue(name) }));
    } catch (error) {
      if (!(error instanceof ArithmeticFailure)) throw error;
      throw new ExpansionFailure(
        `kubesim: $((${source})) failed: ${error.message} (${this.name}'s own words for it are not simulated)`,
      );
    }
  }

  /** parses and runs complete input; syntax errors are reported like bash's, with status 2 */
  async run(source: string, out: Output, interrupt = new Interrupt(), warn?: (m: string) => void): Promise<number> {
    const parsed = parse(source, { final: true, warn: warn ?? ((m) => out.stderr(m + '\n')) });
    if (parsed.kind === 'empty') return this.lastStatus;
    if (parsed.kind === 'error') {
      out.stderr(parsed.message + '\n');
      this.lastStatus = STATUS_SYNTAX;
      return this.lastStatus;
    }
    if (parsed.kind === 'incomplete') throw new Error('unreachable: final parse is never incomplete');
    return this.runList(parsed.list, out, interrupt);
  }

  private async runList(list: CommandList, out: Output, interrupt: Interrupt): Promise<number> {
    for (const { pipeline, before } of list.items) {
      if (interrupt.interrupted || this.exitStatus !== null) break;
      if (before === '&&' && this.lastStatus !== 0) continue;
      if (before === '||' && this.lastStatus === 0) continue;
      this.lastStatus = await this.runPipeline(pipeline, out, interrupt);
    }
    if (interrupt.interrupted) this.lastStatus = STATUS_INTERRUPTED;
    if (this.exitStatus !== null) this.lastStatus = this.exitStatus;
    return this.lastStatus;
  }

  private async runPipeline(pipeline: Pipeline, out: Output, interrupt: Interrupt): Promise<number> {
    let stdin = '';
    let status = 0;
    const last = pipeline.commands.length - 1;
    for (let i = 0; i <= last; i++) {
      const sink = i === last ? out : new Capture(out);
      status = await this.runCommand(pipeline.commands[i]!, stdin, sink, interrupt);
      if (sink instanceof Capture) stdin = sink.text;
      if (interrupt.interrupted) return STATUS_INTERRUPTED;
      if (this.exitStatus !== null) return this.exitStatus;
    }
    return pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  private async runCommand(command: Command, stdin: string, out: Output, interrupt: Interrupt): Promise<number> {
    try {
      return await this.runExpanded(command, stdin, out, interrupt);
    } catch (error) {
      // an expansion that failed ends the command before it runs, as a shell's expansion error does
      if (!(error instanceof ExpansionFailure)) throw error;
      out.stderr(error.message + '\n');
      if (error.fatal && this.expansionExit !== null) {
        this.exitStatus = this.expansionExit;
        return this.expansionExit;
      }
      return error.status;
    }
  }

  private async runExpanded(command: Command, stdin: string, out: Output, interrupt: Interrupt): Promise<number> {
    if (command.kind === 'for') {
      const items: string[] = [];
      for (const word of command.items) items.push(...(await this.expand(this.tilde(word), out, interrupt, true, true)));
      let status = 0;
      for (const item of items) {
        if (interrupt.interrupted) return STATUS_INTERRUPTED;
        if (this.exitStatus !== null) return this.exitStatus;
        this.vars.set(command.variable, item);
        status = await this.runList(command.body, out, interrupt);
      }
      return status;
    }
    return this.runSimple(command, stdin, out, interrupt);
  }

  private async runSimple(command: SimpleCommand, stdin: string, out: Output, interrupt: Interrupt): Promise<number> {
    const argv: string[] = [];
    for (const word of command.words) argv.push(...(await this.expand(this.tilde(word), out, interrupt, true, true)));
    const assigned: [string, string][] = [];
    for (const { name, value } of command.assignments) {
      assigned.push([name, (await this.expand(this.tilde(value, true), out, interrupt, false)).join('')]);
    }
    if (argv.length === 0) {
      for (const [name, value] of assigned) this.vars.set(name, value);
    }
    if (command.heredoc) stdin = (await this.expand(command.heredoc.body, out, interrupt, false)).join('');

    // redirections: stdin from files, stdout/stderr into files
    let sink: Output = out;
    const writes: { path: string; append: boolean; stream: 'out' | 'err' | 'both' }[] = [];
    let errToOut = false;
    let outToErr = false;
    for (const redirect of command.redirects) {
      const target = redirect.target
        ? (await this.expand(this.tilde(redirect.target), out, interrupt, true, true)).join(' ')
        : '';
      switch (redirect.op) {
        case '<': {
          const content = this.fs.readFile(target);
          if (typeof content !== 'string') {
            out.stderr(this.messages.cannotOpen(this.name, this.lineNumber, target, content.error));
            return this.messages.errorStatus;
          }
          stdin = content;
          break;
        }
        case '<<<':
          stdin = target + '\n';
          break;
        case '>':
        case '>>':
        case '2>':
        case '2>>':
        case '&>': {
          const append = redirect.op.endsWith('>>');
          const stream = redirect.op.startsWith('2') ? 'err' : redirect.op === '&>' ? 'both' : 'out';
          if (target !== '/dev/null') {
            const err = this.fs.writeFile(target, '', append);
            if (err) {
              out.stderr(this.messages.cannotCreate(this.name, this.lineNumber, target, err));
              return this.messages.errorStatus;
            }
          }
          writes.push({ path: target, append: true, stream });
          break;
        }
        case '2>&1':
          errToOut = true;
          break;
        case '>&2':
          outToErr = true;
          break;
      }
    }
    if (writes.length > 0 || errToOut || outToErr) {
      const outFile = writes.filter((w) => w.stream !== 'err').at(-1);
      const errFile = writes.filter((w) => w.stream !== 'out').at(-1);
      const toFile = (path: string, text: string) => {
        if (path !== '/dev/null') this.fs.writeFile(path, text, true);
      };
      const writeOut = (text: string) => (outFile ? toFile(outFile.path, text) : outToErr ? out.stderr(text) : out.stdout(text));
      sink = {
        stdout: writeOut,
        stderr: (text) => (errFile ? toFile(errFile.path, text) : errToOut ? writeOut(text) : out.stderr(text)),
        control: out.control?.bind(out),
      };
    }

    if (argv.length === 0) return 0;
    return this.invoke(argv, stdin, sink, interrupt, assigned);
  }

  /** runs one command by name with its arguments, as the shell does after expansion and redirection */
  async invoke(
    argv: string[],
    stdin: string,
    sink: Output,
    interrupt: Interrupt,
    assigned: [string, string][] = [],
  ): Promise<number> {
    const [name, ...args] = argv as [string, ...string[]];
    const impl = this.commands.get(name);
    if (!impl) {
      sink.stderr(this.messages.notFound(this.name, this.lineNumber, name));
      return STATUS_NOT_FOUND;
    }
    const env = new Map(this.vars);
    for (const [k, v] of assigned) env.set(k, v);
    const ctx: CommandContext = {
      name,
      args,
      stdin,
      out: sink,
      env,
      fs: this.fs,
      clock: this.clock,
      random: this.random,
      interrupt,
      shell: this,
      world: this.world,
      host: { ...this.host, ...this.terminal },
    };
    return await impl.run(ctx);
  }

  private paramValue(name: string): string {
    switch (name) {
      case '?':
        return String(this.lastStatus);
      case '$':
        return '4242';
      case '#':
        return '0';
      case '0':
        return this.name;
      case 'RANDOM':
        return String(this.random.int(32768));
      default:
        return this.vars.get(name) ?? '';
    }
  }

  /**
   * `${NAME<op>WORD}` and `${#NAME}` (see ParamOp). `quoted`: the value came from a word with quoted
   * text in it, which field splitting leaves whole
   */
  private async paramOperation(
    name: string,
    op: ParamOp,
    out: Output,
    interrupt: Interrupt,
  ): Promise<{ value: string; quoted: boolean }> {
    const current = this.paramValue(name);
    if (op.op === 'length') return { value: String([...current].length), quoted: false };
    const bad = this.messages.badSubstitution;
    if (bad && (op.op === ':' || op.op.startsWith('/'))) {
      throw new ExpansionFailure(bad(this.name, this.lineNumber), this.messages.expansionStatus, true);
    }
    const set = /^[?$#!0-9]$/.test(name) || this.vars.has(name);
    // with a colon, an empty value counts as unset
    const missing = !set || (op.op.startsWith(':') && current === '');
    const word = async () => ({
      value: (await this.expand(this.tilde(op.word), out, interrupt, false)).join(''),
      quoted: op.word.parts.some((p) => p.quoted),
    });
    switch (op.op) {
      case ':-':
      case '-':
        return missing ? await word() : { value: current, quoted: false };
      case ':=':
      case '=': {
        if (!missing) return { value: current, quoted: false };
        const given = await word();
        this.vars.set(name, given.value);
        return given;
      }
      case ':+':
      case '+':
        return missing ? { value: '', quoted: false } : await word();
      case ':?':
      case '?': {
        if (!missing) return { value: current, quoted: false };
        const message = (await word()).value;
        throw new ExpansionFailure(
          this.messages.unsetParameter(this.name, this.lineNumber, name, message, op.op === ':?'),
          this.messages.expansionStatus,
          true,
        );
      }
      case ':': {
        const [offsetSource, lengthSource] = op.range ?? [''];
        const number = (source: string) => Number(source.trim() === '' ? 0 : this.arithmetic(source));
        const value = substring(current, number(offsetSource), lengthSource === undefined ? undefined : number(lengthSource));
        if (value === null) {
          throw new ExpansionFailure(`${this.name}: ${lengthSource!.trim()}: substring expression < 0`, 1, true);
        }
        return { value, quoted: false };
      }
      case '/':
      case '//':
      case '/#':
      case '/%': {
        const patternText = await this.patternOf(op.word, out, interrupt);
        const replacement = (await this.expand(op.replacement ?? { parts: [] }, out, interrupt, false)).join('');
        return { value: replacePattern(current, patternText, replacement, op.op), quoted: false };
      }
      default:
        return { value: removeAffix(current, await this.patternOf(op.word, out, interrupt), op.op), quoted: false };
    }
  }

  /** a pattern word expanded for matching: what was quoted matches as itself */
  private async patternOf(word: Word, out: Output, interrupt: Interrupt): Promise<string> {
    let pattern = '';
    for (const part of word.parts) {
      const text = (await this.expand({ parts: [part] }, out, interrupt, false)).join('');
      pattern += part.quoted ? escapeGlob(text) : text;
    }
    return pattern;
  }

  /** a word after tilde expansion (see tilde.ts) */
  private tilde(word: Word, value = false): Word {
    this.tildeContext ??= {
      variable: (name) => this.vars.get(name),
      home: this.fs.home,
      // root, and the learner on the learner's machine
      userHome: (user) =>
        user === 'root' ? '/root' : user === 'learner' && this.vars.get('USER') === 'learner' ? this.fs.home : undefined,
      assignmentWords: this.dialect === 'bash',
    };
    return expandTilde(word, this.tildeContext, value);
  }

  /** what tilde expansion reads, made on first use */
  private tildeContext: TildeContext | undefined;

  /**
   * expands a word into fields: parameters and $(…), then splitting of unquoted results, then
   * (with `glob`) pathname expansion of the unquoted `*`, `?` and `[…]` in each field
   */
  async expand(word: Word, out: Output, interrupt: Interrupt, split = true, glob = false): Promise<string[]> {
    const fields: { text: string; pattern: string }[] = [];
    let current = '';
    // the field as a glob pattern: what was quoted is escaped, so only unquoted characters match
    let pattern = '';
    let started = false;
    for (const part of word.parts) {
      let value: string;
      if (part.kind === 'text') {
        current += part.text;
        pattern += part.quoted ? escapeGlob(part.text) : part.text;
        started ||= part.quoted || part.text !== '';
        continue;
      }
      if (part.kind === 'param' && part.op) {
        const result = await this.paramOperation(part.name, part.op, out, interrupt);
        value = result.value;
        // what a quoted word after the operator gave is not split again
        if (result.quoted && !part.quoted && split) {
          current += value;
          pattern += escapeGlob(value);
          started = true;
          continue;
        }
      } else if (part.kind === 'param') value = this.paramValue(part.name);
      else if (part.kind === 'arith') value = this.arithmetic(part.source);
      else {
        const capture = new Capture(out);
        const saved = this.lastStatus;
        // `exit` inside $(…) ends only the subshell
        const exiting = this.exitStatus;
        await this.run(part.source, capture, interrupt);
        this.exitStatus = exiting;
        value = capture.text.replace(/\n+$/, '');
        // $? after a command with only a substitution is the substitution's status
        if (part.source.trim() === '') this.lastStatus = saved;
      }
      if (part.quoted || !split) {
        current += value;
        pattern += part.quoted ? escapeGlob(value) : value;
        started = true;
        continue;
      }
      const pieces = value.split(/[ \t\n]+/);
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        if (i > 0) {
          if (started) fields.push({ text: current, pattern });
          current = '';
          pattern = '';
          started = false;
        }
        if (piece !== '') {
          current += piece;
          pattern += piece;
          started = true;
        }
      }
    }
    if (started) fields.push({ text: current, pattern });
    if (!glob) return fields.map((f) => f.text);
    return fields.flatMap((f) => {
      if (!hasGlob(f.pattern)) return [f.text];
      const matches = globPaths(this.fs, f.pattern);
      return matches.length > 0 ? matches : [f.text];
    });
  }
}
