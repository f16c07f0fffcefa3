// <kube-terminal>: starts a shell session for the lesson and binds it to xterm.
// sets data-ready once the first prompt is on screen.
import { createLearnerMachine, type LearnerMachine } from '../../sim/machine.ts';
import { TerminalSession } from '../../terminal/terminal-session.ts';
import { openEditDialog } from './edit-dialog.ts';
import { mountTerminal, type MountedTerminal } from './xterm-adapter.ts';

export class KubeTerminal extends HTMLElement {
  private mounted: MountedTerminal | null = null;
  session: TerminalSession | null = null;
  machine: LearnerMachine | null = null;

  connectedCallback(): void {
    if (this.mounted) return;
    const host = this.querySelector<HTMLElement>('.screen');
    if (!host) return;
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    this.mounted = mountTerminal(host);
    this.machine = createLearnerMachine({ seed, mode: 'realtime' });
    // kubectl edit opens the page's editor; focus returns to the terminal afterwards
    this.machine.session.shell.host = {
      edit: async (path, text) => {
        const result = await openEditDialog(path, text);
        this.mounted?.focus();
        return result;
      },
    };
    this.session = new TerminalSession(this.mounted, this.machine.session, { color: true });
    this.mounted.onData((data) => this.session?.input(data));
    this.session.start();
    this.dataset['ready'] = '';
    (window as unknown as { __firstPromptAt?: number }).__firstPromptAt = performance.now();
    this.mounted.focus();
  }

  disconnectedCallback(): void {
    this.machine?.stop();
  }

  /** the screen as text: for tests and for copying */
  screenText(): string {
    return this.mounted?.screenLines().join('\n') ?? '';
  }
}

customElements.define('kube-terminal', KubeTerminal);
