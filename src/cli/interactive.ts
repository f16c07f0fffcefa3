// kubesim on a TTY: the web terminal's session, driven by raw stdin
import type { ShellSession } from '../sim/shell/session.ts';
import { TerminalSession } from '../terminal/terminal-session.ts';

export function runInteractive(session: ShellSession, color: boolean): Promise<number> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    const stdout = process.stdout;
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('exit\n');
      resolve(session.shell.lastStatus);
    };
    const terminal = new TerminalSession(
      {
        write: (data) => void stdout.write(data),
        get cols() {
          return stdout.columns || 80;
        },
      },
      session,
      { color, onEof: finish },
    );
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', (data: string) => terminal.input(data));
    stdout.write('kubesim: a simulated shell. Type help for the commands, Ctrl-D to leave.\n');
    terminal.start();
  });
}
