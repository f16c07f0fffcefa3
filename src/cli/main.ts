// kubesim: the course's shell and simulated cluster on the command line (a public contract:
// see ARCHITECTURE.md). script mode prints exactly what the web terminal would, minus prompts.
import { readFileSync } from 'node:fs';
import { createLearnerMachine } from '../sim/machine.ts';
import { VirtualFs } from '../sim/shell/vfs.ts';
import { SIMULATOR_VERSION } from '../sim/version.ts';
import { parseArgs, USAGE } from './args.ts';
import { realDisk } from './node-fs.ts';
import { runInteractive } from './interactive.ts';
import { runGrade } from './grade.ts';

function readScript(path: string | null): string | null {
  try {
    return readFileSync(path === null || path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `kubesim: ${path}: ${code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : String(error)}\n`,
    );
    return null;
  }
}

/** a shell's status for a process SIGPIPE ended: 128 + 13 */
const STATUS_BROKEN_PIPE = 141;

/**
 * a reader that stops early (`kubesim script.sh | head -3`) closes the pipe: end quietly, as a
 * command killed by SIGPIPE does, instead of with Node's unhandled EPIPE error
 */
function endOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(STATUS_BROKEN_PIPE);
  });
}

export async function main(argv: string[]): Promise<number> {
  endOnBrokenPipe(process.stdout);
  endOnBrokenPipe(process.stderr);
  if (argv[0] === 'grade') {
    return runGrade(argv.slice(1), {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      readFile: (path) => readFileSync(path, 'utf8'),
    });
  }
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(parsed.message + '\n');
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`kubesim ${SIMULATOR_VERSION}\n`);
    return 0;
  }
  const seed = args.seed ?? Date.now() >>> 0;
  const fs = new VirtualFs('/home/learner', realDisk);
  fs.cwd = process.cwd();

  if (args.script === null && process.stdin.isTTY) {
    const color = process.stdout.isTTY === true && !process.env['NO_COLOR'];
    const machine = createLearnerMachine({ seed, mode: 'realtime', fs, ...(args.preset ? { preset: args.preset } : {}) });
    try {
      return await runInteractive(machine.session, color);
    } finally {
      machine.stop();
    }
  }

  const script = readScript(args.script);
  if (script === null) return 127;
  const { session } = createLearnerMachine({ seed, mode: 'script', fs, ...(args.preset ? { preset: args.preset } : {}) });
  const out = {
    stdout: (text: string) => void process.stdout.write(text),
    stderr: (text: string) => void process.stderr.write(text),
  };
  let status = 0;
  const lines = script.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const result = await session.feedLine(line.replace(/\r$/, ''), out);
    if (result.kind === 'ran') status = result.status;
  }
  const last = await session.finish(out);
  return last ?? status;
}
